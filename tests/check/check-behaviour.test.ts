import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, collectLibraryFacts } from '../../src/check/check-content-fs.ts';
import { applyEdits, fixOf } from '../../src/check/fix.ts';
import { formatJsonReport } from '../../src/check/format-json.ts';
import { sentencesOf, syllablesOf } from '../../src/check/prose.ts';
import { globToRegExp } from '../../src/check/rule-settings.ts';
import { resolveRelaisConfig } from '../../src/config/relais-config.ts';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { checkLibraryFiles, checkSources, checkSourcesLibrary, completeBody } from '../helpers/check-sources.ts';
import { moduleText } from '../helpers/sources.ts';

const root = path.resolve(import.meta.dirname, '../..');
const withModule = (text: string, name = 'braser') => ({ ...checkLibraryFiles(), [`modules/plomberie/${name}.mdx`]: text });
const linesOf = (lines: string[], rule: string) => lines.filter((line) => line.endsWith(`  ${rule}  relais`));

describe('relais check on the example library', () => {
  it('finds no error in content/ (the build depends on it)', async () => {
    const config = resolveRelaisConfig({}, {});
    const result = await checkContent({ contentDir: path.join(root, 'content'), config: config.check });
    const errors = result.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`));
    expect(errors).toEqual([]);
    expect(result.library?.modules.size).toBeGreaterThan(10);
  });

  it('reads step labels in every UI language: an Arabic module passes without an override', async () => {
    const config = resolveRelaisConfig({}, {});
    const result = await checkContent({ contentDir: path.join(root, 'tests/fixtures/rtl-library'), config: config.check });
    const steps = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'knowhow-steps'));
    expect(result.library?.modules.size).toBeGreaterThan(0);
    expect(steps.map((message) => message.reason)).toEqual([]);
  });

  it('reads the duration of a module transcript (WebVTT) from content/media', () => {
    const contentDir = path.join(root, 'content');
    const { library } = loadLibrary(contentDir);
    const facts = collectLibraryFacts(library, contentDir);
    // The last cue of jean-martin-2026-09-14.vtt ends at 00:12:08.000.
    expect(facts.transcriptDurations.get('media/jean-martin-2026-09-14.vtt')).toBe(728);
    expect(facts.media.has('media/jean-martin-2026-09-14.vtt')).toBe(true);
  });
});

describe('configuration (relais.config.ts `check`)', () => {
  const bad = moduleText({}, `${completeBody}\n![](/media/photo.jpg)\n`);

  it('turns a rule off, or changes its severity', () => {
    expect(linesOf(checkSources(withModule(bad)), 'image-alt')[0]).toContain('braser.mdx:40:1  error  Unexpected picture without alternative text');
    expect(linesOf(checkSources(withModule(bad), { config: { rules: { 'image-alt': 'warning' } } }), 'image-alt')[0]).toContain('  warning  ');
    expect(checkSources(withModule(bad), { config: { rules: { 'image-alt': 'off' } } })).toEqual(['0 errors, 0 warnings in 0 files']);
  });

  it('applies per-folder overrides, later ones winning', () => {
    const config = { overrides: [{ files: 'modules/plomberie/**', rules: { 'image-alt': 'off' as const } }, { files: ['modules/*/braser.mdx'], rules: { 'image-alt': 'warning' as const } }] };
    const lines = checkSources({ ...withModule(bad), 'modules/plomberie/souder.mdx': bad }, { config });
    expect(linesOf(lines, 'image-alt')).toHaveLength(1);
    expect(linesOf(lines, 'image-alt')[0]).toMatch(/^content\/modules\/plomberie\/braser\.mdx:40:1  warning/);
  });

  it('takes plain-language thresholds from the config and its overrides', () => {
    const text = moduleText({}, `${completeBody}\nLe tube de cuivre se coupe avec un coupe-tube bien réglé.\n`);
    expect(linesOf(checkSources(withModule(text)), 'sentence-length')).toEqual([]);
    const strict = checkSources(withModule(text), { config: { plainLanguage: { maxSentenceWords: 8 } } });
    expect(linesOf(strict, 'sentence-length').filter((line) => line.includes('braser.mdx:40'))).toEqual(['content/modules/plomberie/braser.mdx:40:1  warning  Unexpected sentence of 11 words (“Le tube de cuivre se …”), expected at most 8: split it into shorter sentences  sentence-length  relais']);
    const overridden = checkSources(withModule(text), { config: { plainLanguage: { maxSentenceWords: 8 }, overrides: [{ files: 'modules/plomberie/', plainLanguage: { maxSentenceWords: 30 } }] } });
    expect(linesOf(overridden, 'sentence-length')).toEqual([]);
    expect(linesOf(strict, 'sentence-length')).toHaveLength(4); // the other modules' safety paragraph too
  });

  it('refuses to configure a rule the build needs, naming the setting', () => {
    expect(() => resolveRelaisConfig({ check: { rules: { schema: 'off' } } }, {})).toThrow(/relais\.config\.ts is invalid:[\s\S]*check\.rules/);
    expect(() => resolveRelaisConfig({ check: { rules: { 'image-alt': 'loud' } } }, {})).toThrow(/"off"\|"warning"\|"error"/);
  });

  it('matches globs like a shell, relative to the content folder', () => {
    expect(globToRegExp('modules/**').test('modules/plomberie/a.mdx')).toBe(true);
    expect(globToRegExp('modules/*.mdx').test('modules/plomberie/a.mdx')).toBe(false);
    expect(globToRegExp('modules/**/a.mdx').test('modules/a.mdx')).toBe(true);
    expect(globToRegExp('modules/plomberie/').test('modules/plomberie/x/y.mdx')).toBe(true);
  });
});

describe('drafts and severities', () => {
  it('reports a draft’s structure problems as warnings, and required rules as errors', () => {
    const draft = moduleText({ status: 'draft' }, '\nÀ écrire avec <Video />.\n');
    const lines = checkSources(withModule(draft));
    expect(linesOf(lines, 'knowhow-steps')[0]).toContain('braser.mdx:11:9  warning  Unexpected module without `<Steps>`');
    expect(linesOf(lines, 'unknown-component')[0]).toContain('braser.mdx:14:15  error  Unexpected component `<Video>`');
  });

  it('keeps the untrusted-MDX policy an error in drafts', () => {
    const lines = checkSources(withModule(moduleText({ status: 'draft' }, `${completeBody}\n{1 + 1}\n`)));
    expect(linesOf(lines, 'untrusted-mdx')[0]).toContain('braser.mdx:40:1  error  Unexpected expression `{1 + 1}`');
  });

  it('forces the policy with --untrusted even where the config turns it off, and checks YAML records', () => {
    const files = { ...withModule(moduleText({}, `${completeBody}\n{1 + 1}\n`)), 'trades/plomberie.yaml': 'label: &l { fr: Plomberie }\nrome: F1603\nsummary: x\n' };
    const config = { rules: { 'untrusted-mdx': 'off' as const } };
    expect(linesOf(checkSources(files, { config }), 'untrusted-mdx')).toEqual([]);
    const lines = linesOf(checkSources(files, { config, untrusted: true }), 'untrusted-mdx');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('content/trades/plomberie.yaml:1:8  error  Unexpected YAML anchor `&l`');
    expect(lines[1]).toContain('braser.mdx:40:1  error  Unexpected expression');
  });
});

describe('positions', () => {
  it('points at the file’s own lines and columns with CRLF line endings and a BOM', () => {
    const text = `\uFEFF${moduleText({}, `${completeBody}\n![](/media/photo.jpg)\n`)}`.replace(/\n/g, '\r\n');
    expect(linesOf(checkSources(withModule(text)), 'image-alt')[0]).toContain('braser.mdx:40:1  error');
  });

  it('points at a long sentence inside a list item, past the markup', () => {
    const long = Array.from({ length: 30 }, (_, index) => `mot${index}`).join(' ');
    const text = moduleText({}, `${completeBody}\n- Un point.\n  **Puis** ${long}.\n`);
    expect(linesOf(checkSources(withModule(text)), 'sentence-length')[0]).toContain('braser.mdx:41:5  warning  Unexpected sentence of 31 words (“Puis mot0 mot1 mot2 mot3 …”)');
  });
});

describe('links', () => {
  const linking = (links: string) => checkSources(withModule(moduleText({}, `${completeBody}\n${links}\n`)));

  it('accepts the pages the site builds, in every UI language', () => {
    const lines = linking('[a](/) [b](/en/) [c](/plomberie/) [d](/en/plomberie/) [e](/competences/brasage/) [f](/ar/parcours/decouverte/) [g](/auteurs/jean/) [h](/glossaire/#brasure) [i](/recherche/?q=cuivre) [j](/media/photo.jpg) [k](https://example.org) [l](#etapes) [m](/plomberie/couper/#steps)');
    expect(linesOf(lines, 'broken-link')).toEqual([]);
  });

  it('refuses module pages under a language prefix and unknown ids, with the close ones', () => {
    const lines = linesOf(linking('[a](/en/plomberie/couper/) [b](/competences/brasge/) [c](/media/absent.pdf)'), 'broken-link');
    expect(lines[0]).toContain('braser.mdx:40:1  error  Unexpected link to module `plomberie/couper` under `/en/`, expected `/plomberie/couper/`');
    expect(lines[1]).toContain('braser.mdx:40:28  error  Unexpected link to skill `brasge`, expected one of `brasage`, `coupe`');
    expect(lines[2]).toContain('braser.mdx:40:54  error  Unexpected link to `/media/absent.pdf`, which is not in content/media/');
  });
});

describe('plain language', () => {
  it('splits sentences at ends and step labels, not at abbreviations or decimals', () => {
    const sentences = sentencesOf('Il faut 4.5 bars, etc. et pas plus. Ensuite on attend. Couper. Point clé : net. Pourquoi : propre.');
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Il faut 4.5 bars, etc. et pas plus.', 'Ensuite on attend.', 'Couper.', 'Point clé : net.', 'Pourquoi : propre.']);
    expect(sentencesOf('Il le dit : « Propre. » Avant tout, lavez-vous les mains.').map((sentence) => sentence.text)).toEqual(['Il le dit : « Propre. »', 'Avant tout, lavez-vous les mains.']);
  });

  it('counts written syllables in French and English', () => {
    expect(syllablesOf('chalumeau', 'fr')).toBe(3);
    expect(syllablesOf('étanchéité', 'fr')).toBe(4);
    expect(syllablesOf('make', 'en')).toBe(1);
    expect(syllablesOf('solder', 'en')).toBe(2);
  });

  it('asks for a glossary word only in the trades that use it as a term (homonyms)', () => {
    const files = {
      ...checkLibraryFiles(),
      'trades/boulangerie.yaml': 'label: { fr: Boulangerie }\nrome: D1102\nsummary: Pain.\n',
      'skills/faconnage.yaml': 'trade: boulangerie\nlabel: { fr: Façonner }\nlevels: { 1: a, 2: b, 3: c }\n',
      'glossary/fr.yaml': 'brasure:\n  definition: Métal.\ncouche:\n  definition: Toile de lin.\n',
      'modules/boulangerie/faconner.mdx': moduleText({ trade: 'boulangerie', skills: '[faconnage]', prerequisites: '[]' }, `${completeBody}\nPosez sur la <Term>couche</Term>.\n`),
      'modules/plomberie/braser.mdx': moduleText({}, `${completeBody}\nUne fine couche de décapant.\n`),
      'modules/boulangerie/cuire.mdx': moduleText({ trade: 'boulangerie', skills: '[faconnage]', prerequisites: '[]' }, `${completeBody}\nRetirez la couche.\n`),
    };
    const lines = linesOf(checkSources(files), 'term-first-use');
    expect(lines).toEqual(['content/modules/boulangerie/cuire.mdx:40:12  warning  Unexpected `couche` without `<Term>` on its first use, expected `<Term>couche</Term>` (it is in glossary/fr.yaml)  term-first-use  relais']);
  });

  it('leaves words in quiz choices and checklists alone', () => {
    const text = moduleText({}, `${completeBody}\n<Checklist>\n\n- [ ] Le décapant est essuyé\n\n</Checklist>\n`);
    expect(linesOf(checkSources(withModule(text)), 'term-first-use')).toEqual([]);
  });
});

describe('safe fixes', () => {
  it('rewrites a block skills list in its own style', () => {
    const text = moduleText({ skills: '\n  - coupe\n  - brasage\n  - coupe' });
    const library = checkSourcesLibrary(withModule(text), { config: { sortSkills: true } });
    const file = library.files.find((candidate) => candidate.path.endsWith('braser.mdx'))!;
    const edits = file.messages.map(fixOf).filter((edit) => edit !== undefined);
    expect(applyEdits(text, edits).text).toContain('skills: \n  - brasage\n  - coupe\nlevel: 1');
  });

  it('asks for sorted skills only when the config says so', () => {
    const text = moduleText({ skills: '[coupe, brasage]' });
    expect(linesOf(checkSources(withModule(text)), 'skills-list')).toEqual([]);
    expect(linesOf(checkSources(withModule(text), { config: { sortSkills: true } }), 'skills-list')[0]).toContain('braser.mdx:5:9  warning  Unexpected skills out of order, expected `[brasage, coupe]`');
  });

  it('applies edits by line and column whatever the line endings, skipping overlaps', () => {
    const edit = (line: number, column: number, endColumn: number, text: string) => ({ start: { line, column }, end: { line, column: endColumn }, text });
    expect(applyEdits('ab\r\ncd\r\n', [edit(2, 1, 2, 'X'), edit(2, 1, 3, 'Y')]).text).toBe('ab\r\nXd\r\n');
    expect(applyEdits('\uFEFFab', [edit(1, 1, 2, 'X')]).text).toBe('\uFEFFXb');
  });
});

describe('--format json', () => {
  it('gives file, line, column, end, severity, rule, message and the fix', () => {
    const text = moduleText({}, completeBody.replace('<Clip at="00:03:40" />', '<Clip at="3:40" />'));
    const library = checkSourcesLibrary(withModule(text));
    const report = JSON.parse(formatJsonReport(library.files.filter((file) => file.messages.length > 0)));
    expect(report).toEqual({
      errors: 0,
      warnings: 1,
      files: 1,
      messages: [
        {
          file: 'content/modules/plomberie/braser.mdx',
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 16,
          severity: 'warning',
          ruleId: 'clip-timestamp',
          source: 'relais',
          message: 'Unexpected `at="3:40"` on `<Clip>`, expected `at="00:03:40"` (`hh:mm:ss`)',
          fix: { line: 16, column: 7, endLine: 16, endColumn: 16, text: 'at="00:03:40"' },
        },
      ],
    });
  });
});
