/**
 * base58btc multibase (`z…`) and did:key for Ed25519 public keys (multicodec 0xed 0x01), written
 * out because they are a few lines and must run in the browser and in Node alike (no Buffer).
 */
const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ed25519Prefix = [0xed, 0x01];

export function base58btcEncode(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = '';
  for (const byte of bytes) {
    if (byte !== 0) break;
    out += '1';
  }
  for (let i = digits.length - 1; i >= 0; i--) out += alphabet[digits[i]!];
  return out;
}

/** Decodes base58btc; null when a character is outside the alphabet. */
export function base58btcDecode(text: string): Uint8Array | null {
  const bytes: number[] = [];
  for (const char of text) {
    let carry = alphabet.indexOf(char);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const char of text) {
    if (char !== '1') break;
    bytes.push(0);
  }
  return Uint8Array.from(bytes.reverse());
}

/** `did:key:z6Mk…` of a raw 32-byte Ed25519 public key. */
export function didKeyFromPublicKey(raw: Uint8Array): string {
  if (raw.length !== 32) throw new Error(`Expected a 32-byte Ed25519 public key, got ${raw.length} bytes`);
  return `did:key:z${base58btcEncode(Uint8Array.from([...ed25519Prefix, ...raw]))}`;
}

/** The raw Ed25519 public key a did:key (or its verification method `did:key:z…#z…`) names; null if it names none. */
export function publicKeyFromDidKey(did: string): Uint8Array | null {
  const match = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)(?:#z([1-9A-HJ-NP-Za-km-z]+))?$/.exec(did);
  if (!match || (match[2] !== undefined && match[2] !== match[1])) return null;
  const bytes = base58btcDecode(match[1]!);
  if (!bytes || bytes.length !== 34 || bytes[0] !== ed25519Prefix[0] || bytes[1] !== ed25519Prefix[1]) return null;
  return bytes.slice(2);
}

/** The verification method of a did:key: the DID, then `#` and its own multibase key. */
export function verificationMethodOf(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`;
}
