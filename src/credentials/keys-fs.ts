import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { keyFiles, readTrustedCentres } from '../library/keys-fs.ts';
import { didKeyFromPublicKey } from './multibase.ts';
import type { Signer } from './proof.ts';
import type { TrustedKey } from './verify.ts';

/** The centre's signing key (data/keys/, made by `relais keys create`) as a did:key and a signer. */
export interface IssuerKeys {
  did: string;
  sign: Signer;
}

/** The did:key of an Ed25519 public key in PEM (SPKI). */
export function didOfPublicPem(pem: string): string {
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('Expected an Ed25519 public key');
  return didKeyFromPublicKey(new Uint8Array(Buffer.from(jwk.x, 'base64url')));
}

/** Reads the centre's key pair; a clear message when `relais keys create` has not been run. */
export function loadIssuerKeys(dataDir: string): IssuerKeys {
  const files = keyFiles(dataDir);
  if (!existsSync(files.privateKey)) throw new Error(`No signing key at ${files.privateKey}: run \`relais keys create\` once on this machine to issue credentials`);
  return issuerKeysOf(readFileSync(files.privateKey, 'utf8'), files.privateKey);
}

/** The issuer (did:key and signer) of an Ed25519 private key in PEM; `source` names it in errors. */
export function issuerKeysOf(privateKeyPem: string, source: string): IssuerKeys {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${source}: expected an Ed25519 private key`);
  const did = didOfPublicPem(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString());
  return { did, sign: async (data) => new Uint8Array(sign(null, data, privateKey)) };
}

/**
 * Keys a verifier on this machine accepts: the centre's own public key (data/keys/) and every
 * centre in the trusted list (data/trusted-centres.yaml, or the file given).
 */
export function loadTrustedKeys(dataDir: string, trustedFile = path.join(dataDir, 'trusted-centres.yaml')): TrustedKey[] {
  const keys: TrustedKey[] = [];
  const own = keyFiles(dataDir).publicKey;
  if (existsSync(own)) keys.push({ did: didOfPublicPem(readFileSync(own, 'utf8')), name: 'this centre', own: true });
  for (const [centre, entry] of Object.entries(readTrustedCentres(trustedFile).centres)) {
    try {
      keys.push({ did: didOfPublicPem(entry.publicKey), name: entry.name ?? centre, own: false });
    } catch (error) {
      throw new Error(`${trustedFile}: centres.${centre}.publicKey: ${(error as Error).message}`, { cause: error });
    }
  }
  return keys;
}
