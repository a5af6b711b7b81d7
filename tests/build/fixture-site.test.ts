import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/library');
const work = mkdtempSync(path.join(tmpdir(), 'relais-fixture-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const read = (dist: string, page: string) => readFileSync(path.join(dist, page), 'utf8');

describe('a fixture library built for real', () => {
  const dist = path.join(work, 'dist');
  let output = '';
  beforeAll(async () => {
    const result = await buildSite({ contentDir: fixture, outDir: dist, cacheDir: path.join(work, 'cache') });
    output = result.output;
    expect(result.code, output).toBe(0);
  });

  it('builds published modules and never drafts', () => {
    expect(existsSync(path.join(dist, 'menuiserie/raboter-planche/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'jardinage/prune-a-rose/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'menuiserie/vernir-draft'))).toBe(false);
    expect(read(dist, 'menuiserie/index.html')).not.toContain('Vernir');
  });

  it('builds every page type in French, English and Arabic', () => {
    for (const page of ['index.html', 'menuiserie/index.html', 'competences/rabotage/index.html', 'parcours/decouverte/index.html', 'auteurs/paul-bois/index.html', 'glossaire/index.html', 'recherche/index.html', 'hors-ligne/index.html']) {
      expect(existsSync(path.join(dist, page)), page).toBe(true);
      expect(existsSync(path.join(dist, 'en', page)), `en/${page}`).toBe(true);
      expect(existsSync(path.join(dist, 'ar', page)), `ar/${page}`).toBe(true);
    }
    expect(read(dist, '404.html')).toContain('Page introuvable');
    expect(read(dist, 'en/index.html')).toContain('<html lang="en" dir="ltr"');
    expect(read(dist, 'ar/index.html')).toContain('<html lang="ar" dir="rtl"');
    // A French label on an Arabic page says its language and direction.
    expect(read(dist, 'ar/index.html')).toMatch(/<a href="\/ar\/menuiserie\/" lang="fr" dir="ltr">Menuiserie<\/a>/);
  });

  it('builds a module once, in its own language', () => {
    expect(read(dist, 'jardinage/prune-a-rose/index.html')).toContain('<html lang="en"');
    expect(read(dist, 'jardinage/prune-a-rose/index.html')).toContain('<h2 id="steps-1">Steps</h2>');
    expect(existsSync(path.join(dist, 'en/jardinage/prune-a-rose'))).toBe(false);
  });

  it('renders the know-how components without imports', () => {
    const page = read(dist, 'menuiserie/raboter-planche/index.html');
    expect(page).toContain('<span class="step-key"><b>Point clé :</b> une lame à peine sortie.</span>');
    expect(page).toContain('<span class="step-why"><b>Pourquoi :</b> un copeau fin ne déchire pas le bois.</span>');
    expect(page).toMatch(/<div class="knowhow safety" role="note">/);
    expect(page).toMatch(/<relais-quiz class="knowhow quiz" data-answer="1">/);
    expect(page.match(/type="radio"/g)).toHaveLength(3);
    expect(page).toMatch(/<relais-checklist[^>]*>[\s\S]*<input type="checkbox" name="checklist-\d+-0">/);
    // The glossary word opens its definition, and its first use carries its gloss (shown in the
    // apprentice's help language only); the page has no recording, so the clip is a timestamp.
    expect(page).toMatch(/<button type="button" popovertarget="term-\d+">fil du bois<\/button><span class="gloss" data-gloss="en"> \(<span lang="en">grain<\/span>\)<\/span><span popover id="term-\d+" class="term-popup"><strong>fil du bois<\/strong> Le sens des fibres du bois\./);
    // The module glossary lists the words it uses.
    expect(page).toMatch(/<section class="module-glossary"[^>]*>[\s\S]*<a href="\/glossaire\/#fil-du-bois">fil du bois<\/a>/);
    expect(page).toContain('<time datetime="PT2S">00:00:02</time>');
    expect(page).not.toMatch(/<button[^>]*data-clip-at/);
  });

  it('keeps module bodies out of the data store Vite bundles, in files of the cache folder', () => {
    // docs/adr/0009: at 10,000 modules, the bodies' HTML in the store made Astro peak at 4.3 GiB.
    const store = readFileSync(path.join(work, 'cache', 'data-store.json'), 'utf8');
    expect(store).toContain('raboter-planche');
    expect(store).not.toContain('un copeau fin ne déchire pas le bois');
    const folder = path.join(work, 'cache', 'relais-module-html', 'build');
    const bodies = readdirSync(folder).map((name) => readFileSync(path.join(folder, name), 'utf8'));
    expect(bodies.filter((html) => html.includes('<b>Pourquoi :</b> un copeau fin ne déchire pas le bois.'))).toHaveLength(1);
  });

  it('plays the recording from a clip when the module has one', () => {
    const page = read(dist, 'menuiserie/assembler-tenon/index.html');
    expect(page).toContain('<audio id="module-recording" controls preload="none" src="/media/paul-bois.wav">');
    expect(page).toMatch(/<button type="button" class="clip" data-clip-at="1">/);
    expect(existsSync(path.join(dist, 'media/paul-bois.wav'))).toBe(true);
  });

  it('links prerequisites, next modules, authors and the chain of transmission', () => {
    const tenon = read(dist, 'menuiserie/assembler-tenon/index.html');
    expect(tenon).toContain('<a href="/menuiserie/raboter-planche/" rel="prev">Raboter une planche</a>');
    expect(tenon).toContain('<a href="/auteurs/lea-bois/">Léa Bois</a>');
    expect(read(dist, 'menuiserie/raboter-planche/index.html')).toMatch(/Modules suivants[\s\S]*\/menuiserie\/assembler-tenon\//);
    expect(read(dist, 'auteurs/lea-bois/index.html')).toMatch(/A appris auprès de[\s\S]*\/auteurs\/paul-bois\//);
  });

  it('indexes only published module pages, with their facets', () => {
    const entry = JSON.parse(read(dist, 'pagefind/pagefind-entry.json'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((sum, language) => sum + language.page_count, 0);
    expect(pages).toBe(3);
    const page = read(dist, 'menuiserie/assembler-tenon/index.html');
    for (const filter of ['trade:menuiserie', 'skill:assemblage', 'skill:rabotage', 'level:2', 'language:fr']) {
      expect(page).toContain(`data-pagefind-filter="${filter}"`);
    }
  });

  it('writes the catalogue the progress service reads', () => {
    const catalogue = JSON.parse(read(dist, 'catalogue.json'));
    expect(catalogue.modules.map((module: { id: string }) => module.id).sort()).toEqual(['jardinage/prune-a-rose', 'menuiserie/assembler-tenon', 'menuiserie/raboter-planche']);
    expect(catalogue.modules.find((module: { id: string }) => module.id === 'menuiserie/raboter-planche')).toMatchObject({
      activity: 'http://localhost:4321/menuiserie/raboter-planche/',
      trade: 'menuiserie',
      skills: ['rabotage'],
      level: 1,
      duration: 10,
      language: 'fr',
    });
    expect(catalogue.paths[0]).toMatchObject({ id: 'decouverte', hours: 105 });
  });
});

/** Each bad library differs from the fixture by one file; the build must fail and say where. */
type Change = (text: string, all: Record<string, string>) => string;
const badCases: { name: string; files: Record<string, Change>; expected: RegExp }[] = [
  {
    name: 'invalid frontmatter',
    files: { 'modules/menuiserie/raboter-planche.mdx': (text) => text.replace('level: 1', 'level: débutant') },
    expected: /modules\/menuiserie\/raboter-planche\.mdx:6:8 {2}error {2}Invalid `level`/,
  },
  {
    name: 'unknown trade',
    files: { 'skills/taille.yaml': (text) => text.replace('trade: jardinage', 'trade: jardin') },
    expected: /skills\/taille\.yaml:1:8 {2}error {2}Unexpected trade `jardin`, expected one of `jardinage`/,
  },
  {
    name: 'unknown skill',
    files: { 'modules/menuiserie/raboter-planche.mdx': (text) => text.replace('skills: [rabotage]', 'skills: [rabot]') },
    expected: /raboter-planche\.mdx:5:10 {2}error {2}Unexpected skill `rabot`, expected one of `rabotage`/,
  },
  {
    name: 'unknown author',
    files: { 'modules/menuiserie/raboter-planche.mdx': (text) => text.replace('authors: [paul-bois]', 'authors: [paul-boi]') },
    expected: /raboter-planche\.mdx:9:11 {2}error {2}Unexpected author `paul-boi`, expected one of `paul-bois`/,
  },
  {
    name: 'unknown prerequisite',
    files: { 'modules/menuiserie/assembler-tenon.mdx': (text) => text.replace('[menuiserie/raboter-planche]', '[menuiserie/raboter]') },
    expected: /assembler-tenon\.mdx:10:17 {2}error {2}Unexpected prerequisite `menuiserie\/raboter`/,
  },
  {
    name: 'duplicate module id',
    files: { 'modules/menuiserie/raboter-planche.md': (_text, all) => all['modules/menuiserie/raboter-planche.mdx']! },
    expected: /raboter-planche\.mdx?:1:1 {2}error {2}Unexpected duplicate module id `menuiserie\/raboter-planche`/,
  },
  {
    name: 'prerequisite cycle',
    files: { 'modules/menuiserie/raboter-planche.mdx': (text) => text.replace('prerequisites: []', 'prerequisites: [menuiserie/assembler-tenon]') },
    expected: /error {2}Unexpected prerequisite cycle `menuiserie\/assembler-tenon` → `menuiserie\/raboter-planche` → `menuiserie\/assembler-tenon`/,
  },
  {
    name: 'skill of another trade',
    files: { 'modules/menuiserie/raboter-planche.mdx': (text) => text.replace('skills: [rabotage]', 'skills: [rabotage, taille]') },
    expected: /raboter-planche\.mdx:5:20 {2}error {2}Unexpected skill `taille` of trade `jardinage` in a `menuiserie` module/,
  },
];

describe('bad content fails the build clearly', () => {
  it.each(badCases)('$name', async ({ files, expected }) => {
    const contentDir = mkdtempSync(path.join(work, 'bad-'));
    cpSync(fixture, contentDir, { recursive: true });
    const all: Record<string, string> = {};
    for (const relative of Object.keys(files)) {
      const source = path.join(contentDir, relative.replace(/\.md$/, '.mdx'));
      all[relative.replace(/\.md$/, '.mdx')] = existsSync(source) ? readFileSync(source, 'utf8') : '';
    }
    for (const [relative, change] of Object.entries(files)) {
      const target = path.join(contentDir, relative);
      writeFileSync(target, change(existsSync(target) ? readFileSync(target, 'utf8') : '', all));
    }
    const result = await buildSite({ contentDir, outDir: path.join(contentDir, '..', `${path.basename(contentDir)}-dist`), cacheDir: path.join(work, 'bad-cache') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(expected);
    expect(result.output).toMatch(/The library has \d+ errors? \(listed above as file:line:col\)/);
  });
});
