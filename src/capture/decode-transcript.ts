import { normaliseLineEndings } from './cue.ts';
import { positionAt, type TranscriptIssue } from './transcript-error.ts';

export type TranscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedTranscript {
  /** The text without BOM, CRLF and CR turned into LF (nothing else changed). */
  text: string;
  encoding: TranscriptEncoding;
  warnings: TranscriptIssue[];
}

/**
 * Bytes → text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252, which old Windows subtitle tools write (with a warning, since a
 * wrong guess changes letters). WebVTT is always UTF-8 for a browser; reading a Windows-1252
 * .vtt as such rather than with U+FFFD is a deliberate kindness to centres' old files.
 *
 * Line endings are normalised exactly as the WebVTT parser's own first step does (CRLF → LF,
 * then CR → LF; NUL, NEL and U+2028 untouched), so WebVTT results do not change.
 */
export function decodeTranscript(bytes: Uint8Array): DecodedTranscript {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decoded(bytes.subarray(3), 'utf-8');
  if (b0 === 0xff && b1 === 0xfe) return decoded(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decoded(bytes.subarray(2), 'utf-16be');
  try {
    return decoded(bytes, 'utf-8', true);
  } catch {
    // Point at the first byte that is not UTF-8: it shows where the accented letters are.
    const lossy = normaliseLineEndings(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    const where = positionAt(lossy, Math.max(0, lossy.indexOf('\uFFFD')));
    const result = decoded(bytes, 'windows-1252');
    result.warnings.push({
      ...where,
      message: 'The file is not valid UTF-8; it was read as Windows-1252. Check its accented letters, and save it as UTF-8 to be sure',
    });
    return result;
  }
}

function decoded(bytes: Uint8Array, encoding: TranscriptEncoding, fatal = false): DecodedTranscript {
  // ignoreBOM: the BOM was already taken off above; a second one is content (and, in WebVTT, an error).
  const text = new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  return { text: normaliseLineEndings(text), encoding, warnings: [] };
}
