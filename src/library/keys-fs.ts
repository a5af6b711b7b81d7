import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { trustedCentresSchema, type TrustedCentres } from '../schemas/library-manifest.ts';

/** Where `relais keys create` keeps the centre's key pair (DESIGN.md, "Keys"). */
export const keyFiles = (dataDir: string) => ({
  privateKey: path.join(dataDir, 'keys', 'centre-ed25519.pem'),
  publicKey: path.join(dataDir, 'keys', 'centre-ed25519.pub.pem'),
});

/** Makes the centre's Ed25519 key pair; the private key is readable by its owner only (0600). */
export function createCentreKeys(dataDir: string, options: { force?: boolean } = {}): { privateKey: string; publicKey: string; publicPem: string } {
  const files = keyFiles(dataDir);
  if (existsSync(files.privateKey) && !options.force) throw new Error(`${files.privateKey} already exists: libraries signed with it are trusted by that key; pass --force to replace it`);
  const pair = generateKeyPairSync('ed25519');
  mkdirSync(path.dirname(files.privateKey), { recursive: true, mode: 0o700 });
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeFileSync(files.privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  chmodSync(files.privateKey, 0o600);
  writeFileSync(files.publicKey, publicPem, { mode: 0o644 });
  return { ...files, publicPem };
}

export function signBytes(bytes: Buffer, privateKeyPem: string): string {
  return sign(null, bytes, createPrivateKey(privateKeyPem)).toString('base64');
}

export function verifyBytes(bytes: Buffer, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** data/trusted-centres.yaml, or no centre when it does not exist. */
export function readTrustedCentres(file: string): TrustedCentres {
  if (!existsSync(file)) return { centres: {} };
  const data: unknown = parse(readFileSync(file, 'utf8'), { maxAliasCount: 0 }) ?? {};
  const parsed = trustedCentresSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
