import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { importLibrary, type ImportResult } from '../../src/library/import-fs.ts';
import { copyFixture, packFolder, snapshot, temporaryFolder } from './archive-helpers.ts';

const work = temporaryFolder('conflicts');
const trusted = path.join(work, 'trusted-centres.yaml');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const kinds = (result: ImportResult) => Object.fromEntries(result.changes.filter((change) => change.kind !== 'unchanged').map((change) => [change.path, change.kind]));

/** Another centre's library: the fixture under another centre id, with a different ROME code for one trade. */
function otherCentre(dir: string): string {
  copyFixture(dir);
  writeFileSync(path.join(dir, 'library.yaml'), 'name: Bibliothèque de Lyon\nversion: 1.0.0\ncentre: lyon\nlicence: CC-BY-SA-4.0\ntaxonomy: { rome: "4.0 v61", esco: "1.1.1" }\n');
  const trade = path.join(dir, 'trades/menuiserie.yaml');
  writeFileSync(trade, readFileSync(trade, 'utf8').replace(/rome: \S+/, 'rome: H2207'));
  const glossary = path.join(dir, 'glossary/fr.yaml');
  writeFileSync(glossary, `${readFileSync(glossary, 'utf8').replace(/definition: "[^"]*"/, 'definition: "Une autre définition."')}"varlope": { definition: "Un long rabot." }\n`);
  return dir;
}

describe('id conflicts', () => {
  const content = copyFixture(path.join(work, 'content'));
  const theirs = otherCentre(path.join(work, 'lyon'));
  let archive = '';

  it('without --prefix: every clash reported, nothing written', async () => {
    archive = await packFolder(theirs, path.join(work, 'lyon-1.0.0.tar.gz'));
    const before = snapshot(content);
    const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted });
    expect(result.refused).toBe('4 module ids already used here');
    expect(result.changes.filter((change) => change.kind === 'conflict').map((change) => change.path)).toEqual([
      'modules/jardinage/prune-a-rose.mdx',
      'modules/menuiserie/assembler-tenon.mdx',
      'modules/menuiserie/raboter-planche.mdx',
      'modules/menuiserie/vernir-draft.mdx',
    ]);
    expect(result.changes[0]!.detail).toMatch(/import with --prefix <id> to add theirs as `jardinage\/<id>-prune-a-rose`/);
    expect(snapshot(content)).toEqual(before);
  });

  it('with --prefix: theirs added beside ours, references renamed, taxonomy differences reported', async () => {
    const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted, prefix: 'lyon' });
    expect(result.written).toBe(true);
    const changes = kinds(result);
    expect(changes['modules/menuiserie/lyon-assembler-tenon.mdx']).toBe('add');
    expect(changes['paths/lyon-decouverte.yaml']).toBe('add');
    expect(changes['trades/menuiserie.yaml']).toBe('kept-ours');
    expect(result.changes.find((change) => change.path === 'trades/menuiserie.yaml')!.detail).toMatch(/taxonomy difference \(rome: "\w+" here, "H2207" theirs\): yours kept/);
    expect(result.changes.find((change) => change.path === 'library.yaml')!.detail).toMatch(/taxonomy versions differ/);
    expect(result.changes.filter((change) => change.path === 'glossary/fr.yaml').map((change) => `${change.kind}: ${change.detail}`)).toEqual([
      'merge: 1 new term: `varlope`',
      expect.stringMatching(/^kept-ours: 1 term defined differently \(`[^`]+`\): yours kept$/),
    ]);
    expect(readFileSync(path.join(content, 'glossary/fr.yaml'), 'utf8')).toMatch(/varlope/);
    const library = loadLibrary(content);
    expect(library.errors).toBe(0);
    expect(library.library.modules.get('menuiserie/raboter-planche')!.data.imported).toBeUndefined();
    const imported = library.library.modules.get('menuiserie/lyon-assembler-tenon')!.data;
    expect(imported.imported).toEqual({ from: 'Bibliothèque de Lyon', version: '1.0.0', centre: 'lyon' });
    const original = loadLibrary(theirs).library.modules.get('menuiserie/assembler-tenon')!.data.prerequisites;
    expect(imported.prerequisites).toEqual(original.map((id) => id.replace('/', '/lyon-')));
    expect(library.library.paths.get('lyon-decouverte')!.data.stages.flatMap((stage) => stage.modules)).toEqual(['menuiserie/lyon-raboter-planche', 'menuiserie/lyon-assembler-tenon']);
  });
});

describe('updates', () => {
  const content = path.join(work, 'updated');
  const publisher = otherCentre(path.join(work, 'publisher'));
  const edited = path.join(content, 'modules/menuiserie/raboter-planche.mdx');

  it('a newer version: changed, added and removed modules, local edits kept with a three-way report', async () => {
    cpSync(path.join(publisher, 'library.yaml'), path.join(work, 'keep.yaml'));
    const first = await importLibrary(await packFolder(publisher, path.join(work, 'v1.tar.gz')), { contentDir: content, trustedCentresFile: trusted });
    expect(first.written).toBe(true);
    // Here, a tutor corrects one imported module.
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Dresser une face', 'Dresser soigneusement une face'));
    // There, the publisher changes two modules, adds one and removes one, then releases 1.1.0.
    const at = (file: string) => path.join(publisher, 'modules', file);
    writeFileSync(at('menuiserie/raboter-planche.mdx'), readFileSync(at('menuiserie/raboter-planche.mdx'), 'utf8').replace('duration: 10', 'duration: 15'));
    writeFileSync(at('jardinage/prune-a-rose.mdx'), readFileSync(at('jardinage/prune-a-rose.mdx'), 'utf8').replace(/^title: .*$/m, 'title: Tailler un rosier en hiver'));
    cpSync(at('jardinage/prune-a-rose.mdx'), at('jardinage/bouturer-rosier.mdx'));
    rmSync(at('menuiserie/vernir-draft.mdx'));
    writeFileSync(path.join(publisher, 'library.yaml'), readFileSync(path.join(publisher, 'library.yaml'), 'utf8').replace('1.0.0', '1.1.0'));
    const v2 = await packFolder(publisher, path.join(work, 'v2.tar.gz'));

    const dry = await importLibrary(v2, { contentDir: content, trustedCentresFile: trusted, dryRun: true });
    const before = snapshot(content);
    expect(snapshot(content)).toEqual(before);
    const result = await importLibrary(v2, { contentDir: content, trustedCentresFile: trusted });
    expect(result.changes).toEqual(dry.changes);
    expect(result.previousVersion).toBe('1.0.0');
    expect(kinds(result)).toMatchObject({
      'modules/menuiserie/raboter-planche.mdx': 'conflict',
      'modules/jardinage/prune-a-rose.mdx': 'update',
      'modules/jardinage/bouturer-rosier.mdx': 'add',
      'modules/menuiserie/vernir-draft.mdx': 'removed-upstream',
    });
    const conflict = result.changes.find((change) => change.kind === 'conflict')!;
    expect(conflict.detail).toMatch(/edited here and changed upstream \(base 1\.0\.0, theirs 1\.1\.0\): yours kept, theirs saved to \.relais\/libraries\/lyon--bibliotheque-de-lyon\/theirs\/menuiserie\/raboter-planche\.mdx/);
    expect(readFileSync(edited, 'utf8')).toContain('Dresser soigneusement une face');
    expect(readFileSync(edited, 'utf8')).toContain('duration: 10');
    expect(readFileSync(path.join(content, '.relais/libraries/lyon--bibliotheque-de-lyon/theirs/menuiserie/raboter-planche.mdx'), 'utf8')).toContain('duration: 15');
    expect(readFileSync(path.join(content, 'modules/jardinage/prune-a-rose.mdx'), 'utf8')).toMatch(/title: Tailler un rosier en hiver[\s\S]*imported: \{ ?from: Bibliothèque de Lyon, version: 1\.1\.0, centre: lyon ?\}/);
    expect(existsSync(path.join(content, 'modules/menuiserie/vernir-draft.mdx'))).toBe(true);
    expect(loadLibrary(content).errors).toBe(0);
  });

  it('an edited module whose upstream did not change is kept quietly', async () => {
    const again = await importLibrary(path.join(work, 'v2.tar.gz'), { contentDir: content, trustedCentresFile: trusted });
    expect(kinds(again)['modules/menuiserie/raboter-planche.mdx']).toBe('conflict');
    expect(kinds(again)['modules/jardinage/prune-a-rose.mdx']).toBeUndefined();
  });
});
