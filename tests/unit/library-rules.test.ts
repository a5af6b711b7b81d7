import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/check/check-references.ts';
import { parseLibrary } from '../../src/content/parse-library.ts';
import { formatReport } from '../../src/content/report.ts';
import { baseLibrary, moduleText, sources, validAuthor } from '../helpers/sources.ts';

/** Loads files as the build does and returns the printed report lines. */
function report(files: Record<string, string>): string[] {
  const library = parseLibrary(sources(files));
  checkReferences(library);
  return formatReport(library.files.filter((file) => file.messages.length > 0)).split('\n');
}

describe('library checks the build relies on', () => {
  it('passes a valid library', () => {
    expect(report(baseLibrary())).toEqual(['0 errors, 0 warnings in 0 files']);
  });

  it('points at the YAML key of an invalid frontmatter value', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ level: '5' }) });
    // Frontmatter starts on line 2; `level` is its 5th key, so line 6, value at column 8.
    expect(lines[0]).toMatch(/^content\/modules\/plomberie\/braser\.mdx:6:8  error  Invalid `level`: .*  schema  relais$/);
  });

  it('names an unknown frontmatter key and lists the expected ones', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ tags: '[x]' }) });
    expect(lines[0]).toContain('braser.mdx:12:1  error  Unexpected key `tags`, expected one of `title`, `summary`');
  });

  it('reports a missing required field', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ summary: '' }) });
    expect(lines[0]).toMatch(/braser\.mdx:2:1  error  Missing `summary`/);
  });

  it('reports a YAML syntax error where it is', () => {
    const lines = report({ ...baseLibrary(), 'skills/brasage.yaml': 'trade: plomberie\nlabel: { fr: Braser\nlevels: x\n' });
    expect(lines[0]).toMatch(/^content\/skills\/brasage\.yaml:\d+:\d+  error  Invalid YAML: .*  yaml-syntax  relais$/);
  });

  it('reports a module without frontmatter', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': '# Braser\n' });
    expect(lines[0]).toContain('braser.mdx:1:1  error  Missing frontmatter');
  });

  it('reports an unknown trade with the known ones', () => {
    const lines = report({ ...baseLibrary(), 'skills/brasage.yaml': 'trade: plombrie\nlabel: { fr: B }\nlevels: { 1: a, 2: b, 3: c }\n' });
    expect(lines).toContain('content/skills/brasage.yaml:1:8  error  Unexpected trade `plombrie`, expected one of `plomberie`, `boulangerie` (files in content/trades/)  unknown-trade  relais');
  });

  it('checks learnedFrom: known authors, not oneself, no loop, at the list item', () => {
    const author = (learnedFrom: string) => `name: Karim\ntrades: [plomberie]\nyears: 2\nstory: Apprenti devenu plombier.\nconsent: { publish: true, date: 2026-01-01 }\nlearnedFrom: ${learnedFrom}\n`;
    expect(report({ ...baseLibrary(), 'authors/karim.yaml': author('[jean]') })).toEqual(['0 errors, 0 warnings in 0 files']);
    expect(report({ ...baseLibrary(), 'authors/karim.yaml': author('[jean, jaen]') })).toContain(
      'content/authors/karim.yaml:6:21  error  Unexpected author `jaen` in learnedFrom, expected one of `jean`, `karim`  unknown-author  relais',
    );
    expect(report({ ...baseLibrary(), 'authors/karim.yaml': author('[karim]') })).toContain('content/authors/karim.yaml:6:15  error  Unexpected `karim` in learnedFrom: an author cannot have learned from themself  learned-from-cycle  relais');
    const loop = report({ ...baseLibrary(), 'authors/karim.yaml': author('[jean]'), 'authors/jean.yaml': `${validAuthor}learnedFrom: [karim]\n` });
    expect(loop).toContain('content/authors/karim.yaml:6:15  error  learnedFrom makes a loop: karim → jean → karim  learned-from-cycle  relais');
    expect(loop).toContain('content/authors/jean.yaml:6:15  error  learnedFrom makes a loop: jean → karim → jean  learned-from-cycle  relais');
  });

  it('reports an unknown skill, closest first', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ skills: '[brasge]' }) });
    expect(lines[0]).toBe('content/modules/plomberie/braser.mdx:5:10  error  Unexpected skill `brasge`, expected one of `brasage` (skills of `plomberie`)  unknown-skill  relais');
  });

  it('reports a skill of another trade', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ skills: '[brasage, petrissage]' }) });
    expect(lines[0]).toContain('braser.mdx:5:19  error  Unexpected skill `petrissage` of trade `boulangerie` in a `plomberie` module');
    expect(lines[0]).toContain('skill-trade');
  });

  it('reports an unknown author', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ authors: '[jean, marie]' }) });
    expect(lines[0]).toContain('braser.mdx:9:17  error  Unexpected author `marie`, expected one of `jean`');
  });

  it('reports an unknown prerequisite', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ prerequisites: '[plomberie/coupe]' }) });
    expect(lines[0]).toContain('braser.mdx:10:17  error  Unexpected prerequisite `plomberie/coupe`, expected one of `plomberie/couper`');
  });

  it('reports a prerequisite cycle with its loop', () => {
    const files = { ...baseLibrary(), 'modules/plomberie/couper.mdx': moduleText({ title: 'Couper', prerequisites: '[plomberie/braser]' }) };
    const lines = report(files).filter((line) => line.includes('prerequisite-cycle'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Unexpected prerequisite cycle `plomberie/braser` → `plomberie/couper` → `plomberie/braser`');
  });

  it('reports a published module resting on a draft', () => {
    const files = { ...baseLibrary(), 'modules/plomberie/couper.mdx': moduleText({ title: 'Couper', status: 'draft' }) };
    const [line] = report(files);
    expect(line).toContain('braser.mdx:10:17  error  Unexpected prerequisite `plomberie/couper` with status `draft` for a published module');
    expect(line).toContain('published-depends-on-draft');
  });

  it('reports a duplicate module id (.md beside .mdx)', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.md': moduleText() });
    expect(lines[0]).toContain('content/modules/plomberie/braser.md:1:1  error  Unexpected duplicate module id `plomberie/braser`, already defined by `content/modules/plomberie/braser.mdx`');
  });

  it('reports a module in the folder of another trade', () => {
    const lines = report({ ...baseLibrary(), 'modules/boulangerie/braser.mdx': moduleText() });
    expect(lines.join('\n')).toContain('content/modules/boulangerie/braser.mdx:4:8  error  Unexpected trade `plomberie` for a module in `modules/boulangerie/`');
  });

  it('reports path stages naming unknown modules', () => {
    const path = 'title: P\nstages:\n  - title: S\n    hours: 10\n    modules: [plomberie/souder]\n    validation: none\n';
    expect(report({ ...baseLibrary(), 'paths/p.yaml': path })[0]).toContain('content/paths/p.yaml:5:15  error  Unexpected module `plomberie/souder` in stage 1');
  });

  it('refuses a trade id the site uses for its own pages', () => {
    expect(report({ ...baseLibrary(), 'trades/recherche.yaml': 'label: { fr: R }\nrome: F1603\nsummary: x\n' })[0]).toContain('Unexpected trade id `recherche`');
  });

  it('ends with a summary line counting errors', () => {
    const lines = report({ ...baseLibrary(), 'modules/plomberie/braser.mdx': moduleText({ skills: '[x]', authors: '[y]' }) });
    expect(lines.at(-1)).toBe('2 errors, 0 warnings in 1 file');
  });
});
