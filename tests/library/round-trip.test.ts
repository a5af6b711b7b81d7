import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/content/read-library-fs.ts';
import { importLibrary, readInstalledLibraries } from '../../src/library/import-fs.ts';
import { verifyLibrary } from '../../src/library/verify-fs.ts';
import { fixtureLibrary, packFolder, readEntries, snapshot, temporaryFolder } from './archive-helpers.ts';

const work = temporaryFolder('round-trip');
const archive = path.join(work, 'fixture.tar.gz');
const trusted = path.join(work, 'trusted-centres.yaml');
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await packFolder(fixtureLibrary, archive);
});

describe('pack', () => {
  it('writes the manifest first, then every file it lists, with checksums, licences and authors', async () => {
    const entries = await readEntries(archive);
    expect(entries[0]!.header.name).toBe('relais-manifest.json');
    const manifest = JSON.parse(entries[0]!.data.toString('utf8'));
    expect(manifest).toMatchObject({ format: 1, name: 'Fixture library', version: '1.0.0', centre: 'fixture-centre', licence: 'CC-BY-4.0', taxonomy: { rome: '4.0 v60', esco: '1.1.1' } });
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(entries.slice(1).map((entry) => entry.header.name));
    expect(manifest.files.every((file: { sha256: string }) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
    expect(manifest.modules.find((module: { id: string }) => module.id === 'menuiserie/assembler-tenon')).toMatchObject({ licence: 'CC-BY-4.0', authors: ['paul-bois', 'lea-bois'] });
    expect(manifest.files.map((file: { path: string }) => file.path)).toContain('media/paul-bois.wav');
  });
});

describe('verify', () => {
  it('accepts the archive it packed, warning that it is unsigned', async () => {
    const verified = await verifyLibrary(archive, { trustedCentresFile: trusted });
    try {
      expect(verified.errors).toBe(0);
      expect(verified.signature).toBe('unsigned');
      expect(verified.files.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual(['library-signature']);
    } finally {
      verified.dispose();
    }
    expect(existsSync(verified.stagingDir)).toBe(false);
  });
});

describe('import into an empty content folder', () => {
  const content = path.join(work, 'content');

  it('--dry-run lists every file and writes nothing', async () => {
    const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted, dryRun: true });
    expect(result.refused).toBeUndefined();
    expect(result.written).toBe(false);
    expect(result.changes.filter((change) => change.kind === 'add')).toHaveLength(16);
    expect(existsSync(content)).toBe(false);
  });

  it('gives the same library, each module marked as imported', async () => {
    const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted });
    expect(result.written).toBe(true);
    const original = loadLibrary(fixtureLibrary).library;
    const imported = loadLibrary(content);
    expect(imported.errors).toBe(0);
    expect([...imported.library.modules.keys()].sort()).toEqual([...original.modules.keys()].sort());
    expect([...imported.library.paths.keys()]).toEqual([...original.paths.keys()]);
    for (const [id, entry] of imported.library.modules) {
      expect(entry.data.imported).toEqual({ from: 'Fixture library', version: '1.0.0', centre: 'fixture-centre' });
      const { imported: _ignored, ...rest } = entry.data;
      expect(rest).toEqual(original.modules.get(id)!.data);
      expect(entry.body).toBe(original.modules.get(id)!.body);
    }
    expect(readFileSync(path.join(content, 'media/paul-bois.wav')).equals(readFileSync(path.join(fixtureLibrary, 'media/paul-bois.wav')))).toBe(true);
    expect(readInstalledLibraries(content)).toMatchObject([{ name: 'Fixture library', centre: 'fixture-centre', version: '1.0.0' }]);
  });

  it('importing the same version again changes nothing', async () => {
    const before = snapshot(content);
    const result = await importLibrary(archive, { contentDir: content, trustedCentresFile: trusted });
    expect(result.changes.filter((change) => change.kind !== 'unchanged')).toEqual([]);
    const after = snapshot(content);
    delete before[path.join('.relais/libraries/fixture-centre--fixture-library.json')];
    delete after[path.join('.relais/libraries/fixture-centre--fixture-library.json')];
    expect(after).toEqual(before);
  });

  it('re-packs an imported library keeping provenance in the manifest', async () => {
    const again = await packFolder(content, path.join(work, 'again.tar.gz'));
    const manifest = JSON.parse((await readEntries(again))[0]!.data.toString('utf8'));
    expect(manifest.modules[0].provenance).toEqual({ from: 'Fixture library', version: '1.0.0', centre: 'fixture-centre' });
  });
});

describe('pack a selection', () => {
  it('--trade and --status keep the modules asked for and only what they need', async () => {
    const { packLibrary } = await import('../../src/library/pack-fs.ts');
    const result = await packLibrary({ contentDir: fixtureLibrary, out: path.join(work, 'jardinage.tar.gz'), trades: ['jardinage'], status: 'published' });
    expect(result.manifest.modules.map((module) => module.id)).toEqual(['jardinage/prune-a-rose']);
    const files = result.manifest.files.map((file) => file.path);
    expect(files).toContain('trades/jardinage.yaml');
    expect(files).toContain('skills/taille.yaml');
    expect(files).toContain('authors/paul-bois.yaml');
    // paul-bois also teaches joinery: his author file names that trade, so the trade comes too, without its skills or modules.
    expect(files.filter((file) => file.includes('menuiserie') || file.startsWith('paths/') || file === 'authors/lea-bois.yaml')).toEqual(['trades/menuiserie.yaml']);
    const verified = await verifyLibrary(result.out, { trustedCentresFile: trusted });
    verified.dispose();
    expect(verified.errors).toBe(0);
  });
});
