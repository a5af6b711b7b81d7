import { createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Secrets of the service: passwords and client secrets hashed with scrypt (parameters kept in
 * the hash, so they can grow later); random tokens and codes, stored as SHA-256 (they carry 80+
 * bits of randomness, so a slow hash adds nothing and lookups stay one index read).
 */
const scryptParameters = { N: 2 ** 15, r: 8, p: 1 } as const;

function scrypt(secret: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParameters;
  const key = await scrypt(secret.normalize('NFKC'), salt, 32, { N, r, p, maxmem: 256 * N * r });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const N = Number(n);
  const key = await scrypt(secret.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) });
  return timingSafeEqual(key, expected);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Crockford base32 without I, L, O, U: readable aloud and hard to mistype. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let code = '';
  for (let index = 0; index < length; index++) code += alphabet[bytes[index]! & 31];
  return code;
}

/** Same reading of a code however it was typed: case, spaces, dashes, I/L for 1, O for 0. */
export function normaliseCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/** `ap-k7q2m9xd3f4h`, `co-k7q2m9xd`. */
export function randomId(prefix: string, length: number): string {
  return `${prefix}-${randomCode(length).toLowerCase()}`;
}

/** Bearer tokens: `rt_…` for a tutor session, `ra_…` for an apprentice; 256 random bits. */
export function newToken(kind: 'tutor' | 'apprentice'): string {
  return `${kind === 'tutor' ? 'rt' : 'ra'}_${randomBytes(32).toString('base64url')}`;
}

export function newClientKey(): string {
  return `rk_${randomBytes(12).toString('hex')}`;
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newPassword(): string {
  // 4 groups of 4 base32 characters: 80 bits, easy to copy from a terminal.
  return groupCode(randomCode(16)).toLowerCase();
}
