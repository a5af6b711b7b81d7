import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogue } from '../../src/library/catalogue-fs.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { verifyLibrary } from '../../src/library/verify-fs.ts';
import { fileEntry, fixtureLibrary, packFolder, readEntries, root, temporaryFolder, writeEntries } from './archive-helpers.ts';

const work = temporaryFolder('signing');
const data = path.join(work, 'data');
const trusted = path.join(data, 'trusted-centres.yaml');
let signed = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

const relais = (...args: string[]) => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), ...args], { cwd: work, encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
};

async function verdict(archive: string, requireSignature = false) {
  const verified = await verifyLibrary(archive, { trustedCentresFile: trusted, requireSignature });
  verified.dispose();
  return { signature: verified.signature, errors: verified.errors, report: verified.files.flatMap((file) => file.messages.map((message) => `${message.fatal ? 'error' : 'warning'} ${message.reason}`)).join('\n') };
}

beforeAll(async () => {
  const keys = createCentreKeys(data);
  signed = await packFolder(fixtureLibrary, path.join(work, 'signed.tar.gz'), readFileSync(keys.privateKey, 'utf8'));
});

describe('keys and signatures', () => {
  it('relais keys create writes an Ed25519 pair, the private key mode 0600, and refuses to replace it', () => {
    const dataDir = path.join(work, 'cli-data');
    const created = relais('keys', 'create', '--data', dataDir);
    expect(created.status).toBe(0);
    expect(created.out).toContain('BEGIN PUBLIC KEY');
    expect(statSync(path.join(dataDir, 'keys/centre-ed25519.pem')).mode & 0o777).toBe(0o600);
    const again = relais('keys', 'create', '--data', dataDir);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/already exists.*--force/);
  });

  it('a signature by a centre not trusted here is a warning, or an error with --require-signature', async () => {
    expect(await verdict(signed)).toMatchObject({ signature: 'untrusted', errors: 0 });
    expect((await verdict(signed, true)).report).toMatch(/^error Unexpected signature by centre `fixture-centre`, which is not in .*trusted-centres\.yaml/m);
  });

  it('relais keys trust adds the centre; its signature then verifies', async () => {
    const trust = relais('keys', 'trust', 'fixture-centre', path.join(data, 'keys/centre-ed25519.pub.pem'), '--data', data, '--name', 'Centre de test');
    expect(trust.status).toBe(0);
    expect(await verdict(signed, true)).toEqual({ signature: 'trusted', errors: 0, report: '' });
  });

  it('a manifest changed after signing (checksums recomputed) fails the signature', async () => {
    const entries = await readEntries(signed);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8'));
    manifest.version = '9.9.9';
    const tampered = await writeEntries(path.join(work, 'tampered.tar.gz'), [fileEntry('relais-manifest.json', JSON.stringify(manifest, null, 2) + '\n'), ...entries.slice(1)]);
    const result = await verdict(tampered);
    expect(result.signature).toBe('invalid');
    expect(result.report).toMatch(/error Unexpected signature that does not match the manifest.*changed after signing/);
  });

  it('a signature by another key fails', async () => {
    const other = createCentreKeys(path.join(work, 'impostor'));
    const forged = await packFolder(fixtureLibrary, path.join(work, 'forged.tar.gz'), readFileSync(other.privateKey, 'utf8'));
    expect(await verdict(forged)).toMatchObject({ signature: 'invalid', errors: 1 });
  });

  it('relais verify prints the report and exits 1 on a bad archive', () => {
    const good = relais('verify', signed, '--data', data);
    expect(good).toMatchObject({ status: 0 });
    expect(good.out).toMatch(/signature trusted\nVerified\./);
    const bad = relais('verify', path.join(work, 'tampered.tar.gz'), '--data', data);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/tampered\.tar\.gz\/relais-manifest\.sig:1:1  error  Unexpected signature that does not match.*library-signature  relais/);
  });
});

describe('publishing without a server', () => {
  it('relais publish writes index.json; relais import <catalogue> <library> takes the newest version', async () => {
    const shelf = path.join(work, 'shelf');
    mkdirSync(shelf);
    await packFolder(fixtureLibrary, path.join(shelf, 'fixture-1.0.0.tar.gz'));
    const catalogue = await publishCatalogue(shelf);
    expect(catalogue.libraries).toEqual([expect.objectContaining({ name: 'Fixture library', centre: 'fixture-centre', version: '1.0.0', file: 'fixture-1.0.0.tar.gz', licence: 'CC-BY-4.0', modules: 4, signed: false })]);
    expect(JSON.parse(readFileSync(path.join(shelf, 'index.json'), 'utf8'))).toEqual(catalogue);
    const content = path.join(work, 'content');
    const imported = relais('import', shelf, 'Fixture library', '--content', content, '--data', data);
    expect(imported.out).toMatch(/16 added.*\nImported\./);
    expect(imported.status).toBe(0);
    const listed = relais('libraries', '--content', content);
    expect(listed.out).toMatch(/^Fixture library {2}1\.0\.0 {2}fixture-centre {2}4 modules/m);
  });

  it('an archive that does not match the catalogue is refused', async () => {
    const shelf = path.join(work, 'shelf');
    const index = JSON.parse(readFileSync(path.join(shelf, 'index.json'), 'utf8'));
    index.libraries[0].sha256 = '0'.repeat(64);
    writeFileSync(path.join(shelf, 'index.json'), JSON.stringify(index));
    const run = relais('import', shelf, 'Fixture library', '--content', path.join(work, 'other'), '--data', data);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/expected \d+ bytes, 000000000000… as the catalogue says/);
  });
});

describe('a catalogue on a web host', () => {
  it('relais import <url> <library> downloads, checks against the catalogue, verifies and imports', async () => {
    const { createServer } = await import('node:http');
    const shelf = path.join(work, 'web');
    mkdirSync(shelf);
    await packFolder(fixtureLibrary, path.join(shelf, 'fixture-1.0.0.tar.gz'));
    await publishCatalogue(shelf);
    const server = createServer((request, response) => {
      try {
        const file = path.join(shelf, path.basename(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
        response.end(readFileSync(file));
      } catch {
        response.statusCode = 404;
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const child = await new Promise<{ status: number | null; out: string }>((resolve) => {
        const run = (async () => (await import('node:child_process')).spawn(process.execPath, [path.join(root, 'bin/relais.mjs'), 'import', `http://127.0.0.1:${port}/`, 'fixture-centre', '--content', path.join(work, 'from-web'), '--data', data], { cwd: work }))();
        run.then((spawned) => {
          let out = '';
          spawned.stdout.on('data', (chunk) => (out += chunk));
          spawned.stderr.on('data', (chunk) => (out += chunk));
          spawned.on('close', (status) => resolve({ status, out }));
        });
      });
      expect(child.out).toMatch(/16 added.*\nImported\./);
      expect(child.status).toBe(0);
    } finally {
      server.close();
    }
  });
});
