import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { importLibrary } from '../../src/library/import-fs.ts';
import { buildSite } from '../helpers/build-site.ts';
import { packFolder, root, temporaryFolder } from './archive-helpers.ts';

const work = temporaryFolder('round-trip-build');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Catalogue {
  modules: { id: string; trade: string; skills: string[]; level: number; language: string }[];
  paths: unknown[];
}

const catalogueOf = (dist: string) => JSON.parse(readFileSync(path.join(dist, 'catalogue.json'), 'utf8')) as Catalogue;
const searchPages = (dist: string) => JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;

describe('pack the example library, import it into an empty content/, build', () => {
  it('gives the same site: module set, catalogue, search index; each module credits the sharing centre', async () => {
    const archive = await packFolder(path.join(root, 'content'), path.join(work, 'example.tar.gz'));
    const content = path.join(work, 'content');
    const imported = await importLibrary(archive, { contentDir: content, trustedCentresFile: path.join(work, 'none.yaml') });
    expect(imported.written).toBe(true);
    const dist = path.join(work, 'dist');
    const built = await buildSite({ contentDir: content, outDir: dist, cacheDir: path.join(work, 'cache') });
    expect(built.code, built.output).toBe(0);
    const original = inject('exampleDist');
    const ours = catalogueOf(dist);
    const theirs = catalogueOf(original);
    const byId = (modules: Catalogue['modules']) => modules.map(({ id, trade, skills, level, language }) => ({ id, trade, skills, level, language })).sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(ours.modules)).toEqual(byId(theirs.modules));
    expect(ours.paths).toEqual(theirs.paths);
    for (const module of ours.modules) expect(existsSync(path.join(dist, module.id, 'index.html')), module.id).toBe(true);
    expect(searchPages(dist)).toEqual(searchPages(original));
    const page = readFileSync(path.join(dist, ours.modules[0]!.id, 'index.html'), 'utf8');
    expect(page).toMatch(/(Partagé par|Shared by|شاركه) relais-exemple/);
  });
});
