import canonicalize from 'canonicalize';
import type { DataIntegrityProof } from '../schemas/credential.ts';
import { base58btcDecode, base58btcEncode } from './multibase.ts';

/**
 * The W3C Data Integrity cryptosuite eddsa-jcs-2022: JCS (RFC 8785) canonical form of the proof
 * options and of the document, each hashed with SHA-256, the two hashes concatenated and signed
 * with Ed25519. WebCrypto only (globalThis.crypto.subtle): the same code runs in Node and in the
 * browser, so the CLI and the verification page cannot disagree.
 */
const encoder = new TextEncoder();

function jcs(value: unknown): Uint8Array {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('nothing to canonicalise');
  return encoder.encode(text);
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** hashData of the cryptosuite: SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document without proof)). */
export async function hashData(unsecured: Record<string, unknown>, proofOptions: Record<string, unknown>): Promise<Uint8Array> {
  const [optionsHash, documentHash] = await Promise.all([sha256(jcs(proofOptions)), sha256(jcs(unsecured))]);
  const out = new Uint8Array(64);
  out.set(optionsHash, 0);
  out.set(documentHash, 32);
  return out;
}

/** Proof options = the proof without proofValue, carrying the document's @context (the suite's proof configuration). */
function proofOptionsOf(document: Record<string, unknown>, proof: Omit<DataIntegrityProof, 'proofValue'> & { proofValue?: string }): Record<string, unknown> {
  const { proofValue: _ignored, ...options } = proof;
  return { ...options, '@context': document['@context'] };
}

export type Signer = (data: Uint8Array) => Promise<Uint8Array>;

/** Adds an eddsa-jcs-2022 proof to a document (a credential without `proof`). */
export async function addProof<T extends Record<string, unknown>>(document: T, options: { verificationMethod: string; created: string; sign: Signer }): Promise<T & { proof: DataIntegrityProof }> {
  const proof = { type: 'DataIntegrityProof' as const, cryptosuite: 'eddsa-jcs-2022' as const, created: options.created, verificationMethod: options.verificationMethod, proofPurpose: 'assertionMethod' as const };
  const signature = await options.sign(await hashData(document, proofOptionsOf(document, proof)));
  return { ...document, proof: { ...proof, proofValue: `z${base58btcEncode(signature)}` } };
}

/** Checks the proof of a secured document with a raw Ed25519 public key. */
export async function checkProof(secured: Record<string, unknown> & { proof: DataIntegrityProof }, publicKey: Uint8Array): Promise<boolean> {
  const { proof, ...unsecured } = secured;
  const signature = base58btcDecode(proof.proofValue.slice(1));
  if (!signature || signature.length !== 64) return false;
  const key = await crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, (await hashData(unsecured, proofOptionsOf(unsecured, proof))) as Uint8Array<ArrayBuffer>);
}
