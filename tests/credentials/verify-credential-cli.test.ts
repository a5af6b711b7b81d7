import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCredential } from '../../src/credentials/build.ts';
import { loadIssuerKeys } from '../../src/credentials/keys-fs.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(os.tmpdir(), 'relais-verify-credential-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const relais = (...args: string[]) => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/relais.mjs'), 'verify-credential', ...args], { cwd: work, encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
};

describe('relais verify-credential', () => {
  const file = path.join(work, 'attestation.json');
  beforeAll(async () => {
    createCentreKeys(path.join(work, 'data'));
    const keys = loadIssuerKeys(path.join(work, 'data'));
    const credential = await signCredential(
      {
        id: '0b7c3c55-1a52-4c1e-9f0e-4b3a3c1d2e7f',
        issuer: { did: keys.did, name: 'Centre Hope Lyon' },
        subject: { pseudonym: 'ap-3f9k2', displayName: 'Sami' },
        achievement: { id: 'http://localhost:4321/parcours/p/', achievementType: 'Certificate', name: 'Plombier débutant', description: 'Parcours terminé.', criteria: 'Tous les modules.', alignment: [{ framework: 'ROME', kind: 'occupation', code: 'F1603', name: 'Plomberie', url: 'https://candidat.francetravail.fr/metierscope/fiche-metier/F1603' }] },
        validFrom: '2026-03-02T09:00:00Z',
      },
      keys.sign,
      '2026-03-02T09:00:00Z',
    );
    writeFileSync(file, JSON.stringify(credential, null, 2));
  });

  it('prints what the credential says and VALID, exit 0, for this centre\'s key', () => {
    const run = relais(file);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^Issuer: {6}Centre Hope Lyon \(did:key:z6Mk/m);
    expect(run.out).toMatch(/^Holder: {6}Sami, ap-3f9k2$/m);
    expect(run.out).toMatch(/^Achievement: Plombier débutant \(Certificate\)$/m);
    expect(run.out).toMatch(/^Aligned to: {2}ROME F1603 Plomberie$/m);
    expect(run.out).toMatch(/^VALID: signed by this centre$/m);
  });

  it('INVALID (signature), exit 1, after one character changes; --json gives the fields', () => {
    const altered = path.join(work, 'altered.json');
    writeFileSync(altered, readFileSync(file, 'utf8').replaceAll('Plombier débutant', 'Plombier confirmé'));
    const run = relais(altered);
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/^INVALID \(signature\): The signature does not match/m);
    const json = relais(altered, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ valid: false, reason: 'signature', credential: { achievement: { name: 'Plombier confirmé' } } });
  });

  it('INVALID (unknown-key) in another data folder, VALID with --trusted naming the centre', () => {
    const elsewhere = path.join(work, 'elsewhere');
    const unknown = relais(file, '--data', elsewhere);
    expect(unknown.status).toBe(1);
    expect(unknown.out).toMatch(/^INVALID \(unknown-key\)/m);
    const trustedFile = path.join(work, 'trusted.yaml');
    const publicKey = readFileSync(path.join(work, 'data/keys/centre-ed25519.pub.pem'), 'utf8');
    writeFileSync(trustedFile, `centres:\n  hope-lyon:\n    name: Hope Lyon\n    publicKey: |\n${publicKey.trim().split('\n').map((line) => `      ${line}`).join('\n')}\n`);
    const trusted = relais(file, '--data', elsewhere, '--trusted', trustedFile);
    expect(trusted.status).toBe(0);
    expect(trusted.out).toMatch(/^VALID: signed by trusted centre Hope Lyon$/m);
    // A trusted list holding a non-Ed25519 key is an unreadable input, not a verdict.
    writeFileSync(trustedFile, `centres:\n  rsa:\n    publicKey: |\n${generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString().trim().split('\n').map((line) => `      ${line}`).join('\n')}\n`);
    const bad = relais(file, '--data', elsewhere, '--trusted', trustedFile);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/trusted\.yaml: centres\.rsa\.publicKey: Expected an Ed25519 public key/);
  });

  it('exit 2 for a missing file, a file that is not JSON, or no file; exit 1 for JSON that is not a credential', () => {
    expect(relais(path.join(work, 'nope.json'))).toMatchObject({ status: 2, err: expect.stringMatching(/nope\.json: no such file/) });
    const text = path.join(work, 'text.json');
    writeFileSync(text, 'hello');
    expect(relais(text)).toMatchObject({ status: 2, err: expect.stringMatching(/text\.json: not JSON/) });
    expect(relais().status).toBe(2);
    const other = path.join(work, 'other.json');
    writeFileSync(other, '{"hello":"world"}');
    expect(relais(other)).toMatchObject({ status: 1, out: expect.stringMatching(/^INVALID \(malformed\): Not an Open Badges 3\.0 credential/m) });
  });
});
