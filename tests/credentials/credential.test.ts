import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CredentialInput, signCredential } from '../../src/credentials/build.ts';
import { duplicateMember } from '../../src/credentials/duplicate-members.ts';
import { didOfPublicPem } from '../../src/credentials/keys-fs.ts';
import { base58btcDecode, base58btcEncode, didKeyFromPublicKey, publicKeyFromDidKey } from '../../src/credentials/multibase.ts';
import { verifyCredential } from '../../src/credentials/verify.ts';

function keyPair() {
  const pair = generateKeyPairSync('ed25519');
  const did = didOfPublicPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { did, sign: async (data: Uint8Array) => new Uint8Array(sign(null, data, pair.privateKey)) };
}

const input = (did: string, overrides: Partial<CredentialInput> = {}): CredentialInput => ({
  id: '0b7c3c55-1a52-4c1e-9f0e-4b3a3c1d2e7f',
  issuer: { did, name: 'Centre Hope Lyon' },
  subject: { pseudonym: 'ap-3f9k2', displayName: 'Sami' },
  achievement: {
    id: 'http://localhost:4321/parcours/technicien-fibre-3-mois/',
    achievementType: 'Certificate',
    name: 'Technicien fibre optique (3 mois)',
    description: 'A suivi tous les modules du parcours.',
    criteria: 'Chaque module de chaque étape terminé.',
    alignment: [{ framework: 'ROME', kind: 'occupation', code: 'I1311', name: 'Fibre optique', url: 'https://candidat.francetravail.fr/metierscope/fiche-metier/I1311' }],
  },
  validFrom: '2026-03-02T09:00:00Z',
  ...overrides,
});

describe('multibase and did:key', () => {
  it('round-trips bytes, leading zeros included', () => {
    for (const bytes of [new Uint8Array([]), new Uint8Array([0, 0, 1, 2, 255]), crypto.getRandomValues(new Uint8Array(64))]) {
      expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    }
    expect(base58btcDecode('0OIl')).toBeNull();
  });

  it('makes the did:key of a known key (W3C did:key test vector)', () => {
    // did:key spec example: Ed25519 key z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp
    const did = 'did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';
    const raw = publicKeyFromDidKey(did)!;
    expect(raw).toHaveLength(32);
    expect(didKeyFromPublicKey(raw)).toBe(did);
    expect(publicKeyFromDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme')).toBeNull();
  });
});

describe('verifyCredential', () => {
  it('verifies a credential it built, and says what it says', async () => {
    const keys = keyPair();
    const credential = await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z');
    expect(credential.proof.cryptosuite).toBe('eddsa-jcs-2022');
    expect(credential['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    const result = await verifyCredential(JSON.stringify(credential), { trusted: [{ did: keys.did, name: 'this centre', own: true }] });
    expect(result).toMatchObject({ valid: true, issuerTrust: 'own', credential: { issuer: { name: 'Centre Hope Lyon' }, subject: { identifier: 'ap-3f9k2', name: 'Sami' }, achievement: { name: 'Technicien fibre optique (3 mois)' } } });
  });

  it('fails after any one character of the signed JSON changes', async () => {
    const keys = keyPair();
    const text = JSON.stringify(await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z'));
    let checked = 0;
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!;
      // A different character of the same class keeps most mutations parseable, so the signature is what refuses them.
      const replacement = /[0-9]/.test(char) ? String((Number(char) + 1) % 10) : /[a-y]/i.test(char) ? String.fromCharCode(char.charCodeAt(0) + 1) : char === 'z' ? 'a' : char === 'Z' ? 'A' : 'x';
      const mutated = text.slice(0, index) + replacement + text.slice(index + 1);
      const result = await verifyCredential(mutated, { trusted: [{ did: keys.did, name: 'own', own: true }] });
      if (result.valid) throw new Error(`still valid after changing character ${index} (${char} → ${replacement}): …${text.slice(Math.max(0, index - 30), index + 30)}…`);
      checked++;
    }
    expect(checked).toBe(text.length);
  }, 120_000);

  it('fails after any field changes, is added or is removed', async () => {
    const keys = keyPair();
    const credential = await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z');
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
      else paths.push(path);
    };
    walk(credential, []);
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) {
      const copy = structuredClone(credential) as unknown as Record<string, unknown>;
      const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
      const last = path.at(-1)!;
      const value = parent[last];
      parent[last] = typeof value === 'string' ? `${value} ` : typeof value === 'boolean' ? !value : 0;
      expect((await verifyCredential(copy)).valid, `changed ${path.join('.')}`).toBe(false);
      if (!Array.isArray(parent)) {
        delete parent[last];
        expect((await verifyCredential(copy)).valid, `removed ${path.join('.')}`).toBe(false);
      }
    }
    const added = structuredClone(credential) as any;
    added.credentialSubject.achievement.extra = 'x';
    expect(await verifyCredential(added)).toMatchObject({ valid: false, reason: 'signature' });
  });

  it('refuses a JSON text naming a member twice (JSON.parse would keep only the last)', async () => {
    const keys = keyPair();
    const text = JSON.stringify(await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z'));
    expect((await verifyCredential(text)).valid).toBe(true);
    const doubled = text.replace('"achievementType":', '"name":"Ingénieur réseau","achievementType":');
    expect(await verifyCredential(doubled)).toMatchObject({ valid: false, reason: 'malformed', message: '`credentialSubject.achievement.name` appears twice: a credential says each thing once' });
    // Escaped quotes and brackets inside strings do not confuse the scan.
    expect(duplicateMember('{"a":"x\\"}{[","b":[{"a":1},{"a":2}],"c":{"d":1,"e":{"d":2}}}')).toBeNull();
    expect(duplicateMember('{"a":[1,{"b":1,"b":2}]}')).toBe('a[1].b');
  });

  it('still verifies after whitespace-only reformatting and member reordering', async () => {
    const keys = keyPair();
    const credential = await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z');
    expect((await verifyCredential(JSON.stringify(credential, null, 4))).valid).toBe(true);
    const { proof, ...rest } = credential;
    expect((await verifyCredential({ proof, ...Object.fromEntries(Object.entries(rest).reverse()) })).valid).toBe(true);
  });

  it('refuses another key, an untrusted issuer, an expired or future credential, and malformed input', async () => {
    const keys = keyPair();
    const other = keyPair();
    const credential = await signCredential(input(keys.did), keys.sign, '2026-03-02T09:00:00Z');
    // Signed by another key while claiming this issuer.
    const forged = await signCredential(input(keys.did), other.sign, '2026-03-02T09:00:00Z');
    expect(await verifyCredential(forged)).toMatchObject({ valid: false, reason: 'signature' });
    // Issuer swapped for the forger's own did: the signature no longer covers it.
    expect(await verifyCredential({ ...credential, issuer: { ...credential.issuer, id: other.did } })).toMatchObject({ valid: false, reason: 'signature' });
    expect(await verifyCredential(credential, { trusted: [{ did: other.did, name: 'Centre B', own: false }] })).toMatchObject({ valid: false, reason: 'unknown-key' });
    expect(await verifyCredential(credential, { trusted: [{ did: keys.did, name: 'Centre A', own: false }] })).toMatchObject({ valid: true, issuerTrust: 'trusted', trustedName: 'Centre A' });
    expect(await verifyCredential(credential)).toMatchObject({ valid: true, issuerTrust: 'unchecked' });
    const expiring = await signCredential(input(keys.did, { validUntil: '2026-06-01T00:00:00Z' }), keys.sign, '2026-03-02T09:00:00Z');
    expect(await verifyCredential(expiring, { now: new Date('2026-05-01T00:00:00Z') })).toMatchObject({ valid: true });
    expect(await verifyCredential(expiring, { now: new Date('2026-07-01T00:00:00Z') })).toMatchObject({ valid: false, reason: 'expired' });
    expect(await verifyCredential(credential, { now: new Date('2026-01-01T00:00:00Z') })).toMatchObject({ valid: false, reason: 'not-yet-valid' });
    expect(await verifyCredential('{"a":')).toMatchObject({ valid: false, reason: 'malformed' });
    expect(await verifyCredential([])).toMatchObject({ valid: false, reason: 'malformed' });
    const { proof: _proof, ...unsigned } = credential;
    expect(await verifyCredential(unsigned)).toMatchObject({ valid: false, reason: 'malformed', message: expect.stringContaining('proof') });
  });
});
