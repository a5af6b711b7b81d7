import { badRequest, HttpError } from './errors.ts';

export const evidenceLimitBytes = 5 * 1024 * 1024;
/** Body limit of the routes that carry a photo: 5 MB as base64 (4/3) plus the JSON around it. */
export const evidenceBodyLimit = Math.ceil((evidenceLimitBytes * 4) / 3) + 64 * 1024;

type EvidenceType = 'image/jpeg' | 'image/png' | 'image/webp';

/** What the bytes are, by their magic numbers (never by the declared type or a file name). */
export function sniffImage(bytes: Uint8Array): EvidenceType | null {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Decodes and checks an evidence photo: base64, at most 5 MB, a JPEG, PNG or WebP whose bytes
 * match the declared type. 413 when too large, 400 otherwise, each saying what to do.
 */
export function readEvidence(evidence: { contentType: EvidenceType; data: string }, field: string): { contentType: EvidenceType; content: Buffer } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(evidence.data)) throw badRequest('invalid-evidence', `${field}.data: Expected the photo as base64`, { field: `${field}.data` });
  if (Math.floor((evidence.data.length * 3) / 4) > evidenceLimitBytes + 2) {
    throw new HttpError(413, 'evidence-too-large', `${field}: Photo too large, expected at most 5 MB`, { field, hint: 'Take the photo at a lower resolution or compress it, then send it again.' });
  }
  const content = Buffer.from(evidence.data, 'base64');
  if (content.length > evidenceLimitBytes) {
    throw new HttpError(413, 'evidence-too-large', `${field}: Photo of ${(content.length / 1024 / 1024).toFixed(1)} MB, expected at most 5 MB`, { field, hint: 'Take the photo at a lower resolution or compress it, then send it again.' });
  }
  const actual = sniffImage(content);
  if (!actual) throw badRequest('invalid-evidence', `${field}: Unexpected file content, expected a JPEG, PNG or WebP photo`, { field, hint: 'Send a photo taken with a phone or camera (JPEG, PNG or WebP).' });
  if (actual !== evidence.contentType) throw badRequest('invalid-evidence', `${field}.contentType: Unexpected \`${evidence.contentType}\` for a ${actual.slice(6).toUpperCase()} file, expected \`${actual}\``, { field: `${field}.contentType` });
  return { contentType: actual, content };
}
