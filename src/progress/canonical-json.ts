import canonicalize from 'canonicalize';

/**
 * The canonical form a validation record is signed over: the JSON Canonicalization Scheme
 * (RFC 8785), the same library and form as the credentials' proofs (src/credentials/proof.ts).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: expected a JSON value');
  return text;
}
