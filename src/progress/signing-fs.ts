import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { keyFiles, signBytes, verifyBytes } from '../library/keys-fs.ts';
import { canonicalJson } from './canonical-json.ts';
import { issuerKeysOf, type IssuerKeys } from '../credentials/keys-fs.ts';
import { HttpError } from './errors.ts';

export interface CentreSigner {
  publicKeyPem: string;
  /** Ed25519 signature (base64) over the canonical JSON of `record`. */
  sign(record: unknown): string;
  /** The same key as an Open Badges issuer (did:key), for the credentials validations earn. */
  issuer: IssuerKeys;
}

/**
 * The centre's Ed25519 key (`relais keys create`, data/keys/), read when first needed and kept:
 * it signs validation records and certificates. Without it neither can be made: a 503 that says
 * how to make one.
 */
export function centreSigner(dataDir: string): () => CentreSigner {
  let signer: CentreSigner | undefined;
  return () => {
    if (signer) return signer;
    const files = keyFiles(dataDir);
    if (!existsSync(files.privateKey)) {
      throw new HttpError(503, 'no-signing-key', `The centre has no signing key (${files.privateKey}): validations and certificates are signed with it; run \`relais keys create\` once on the server`, {
        hint: 'Run `relais keys create` on the server (RELAIS_DATA_DIR sets the data folder), then restart the service.',
      });
    }
    const privateKeyPem = readFileSync(files.privateKey, 'utf8');
    const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString();
    signer = { publicKeyPem, sign: (record) => signBytes(Buffer.from(canonicalJson(record), 'utf8'), privateKeyPem), issuer: issuerKeysOf(privateKeyPem, files.privateKey) };
    return signer;
  };
}

/** Whether `signature` is the centre's signature over `record` (what a downloaded record's holder checks). */
export function verifyRecord(record: unknown, signature: string, publicKeyPem: string): boolean {
  return verifyBytes(Buffer.from(canonicalJson(record), 'utf8'), signature, publicKeyPem);
}
