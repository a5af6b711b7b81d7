import { verify, X509Certificate } from 'node:crypto';
import { sameStatement } from './compare.ts';

const algorithms: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/**
 * Checks a signed statement (Data 2.6): the JWS (compact serialisation) uses RS256, RS384 or
 * RS512; its payload is a JSON statement logically equivalent to the one received; when the
 * header carries an X.509 chain (`x5c`), the signature verifies against its first certificate.
 * Returns what is wrong, or null.
 */
export function checkSignature(jws: string, received: Record<string, unknown>): string | null {
  const pieces = jws.trim().split('.');
  if (pieces.length !== 3) return 'the signature is not a JWS in compact serialisation (header.payload.signature)';
  const [headerText, payloadText, signatureText] = pieces as [string, string, string];
  let header: { alg?: unknown; x5c?: unknown };
  try {
    header = JSON.parse(Buffer.from(headerText, 'base64url').toString('utf8')) as typeof header;
  } catch {
    return 'the JWS header is not JSON';
  }
  const digest = typeof header.alg === 'string' ? algorithms[header.alg] : undefined;
  if (!digest) return `the JWS algorithm \`${String(header.alg)}\` is not allowed, expected RS256, RS384 or RS512`;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadText, 'base64url').toString('utf8'));
  } catch {
    return 'the JWS payload is not a JSON statement';
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return 'the JWS payload is not a JSON statement';
  if (!sameStatement(payload as Record<string, unknown>, received)) return 'the JWS payload is not the statement it signs';
  if (header.x5c !== undefined) {
    if (!Array.isArray(header.x5c) || typeof header.x5c[0] !== 'string') return 'the JWS header `x5c` is not a list of certificates';
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
    } catch {
      return 'the first certificate of the JWS header `x5c` cannot be read';
    }
    const valid = verify(digest, Buffer.from(`${headerText}.${payloadText}`), certificate.publicKey, Buffer.from(signatureText, 'base64url'));
    if (!valid) return 'the JWS signature does not verify against the certificate in `x5c`';
  }
  return null;
}
