import type { Position } from 'unist';

export type DecodedContent = { ok: true; text: string } | { ok: false; reason: string; place: Position };

const at = (line: number, column: number): Position => ({ start: { line, column }, end: { line, column } });

/** Line and column of a character offset in a text. */
function pointIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return at(line, offset - (before.lastIndexOf('\n') + 1) + 1);
}

/**
 * Bytes of a content file → text. Content is UTF-8 text: a NUL byte means a binary file (a
 * picture or a recording saved as .mdx), invalid UTF-8 an editor that saved in another
 * encoding. Both are reported where they start, never read as garbage.
 */
export function decodeContent(bytes: Uint8Array): DecodedContent {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    return { ok: false, reason: 'Unexpected binary content (a NUL byte), expected UTF-8 text: is this really a content file? Remove it, or save it as text', place: pointIn(before, before.length) };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const index = lossy.indexOf('\uFFFD');
    // The text before the first replacement character was valid: its UTF-8 length is the bad byte's index.
    const byteIndex = new TextEncoder().encode(lossy.slice(0, Math.max(0, index))).length;
    const byte = bytes[byteIndex] ?? 0;
    return {
      ok: false,
      reason: `Unexpected byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} that is not UTF-8, expected UTF-8 text: save the file as UTF-8 (in most editors, “Save with encoding” → UTF-8)`,
      place: pointIn(lossy, Math.max(0, index)),
    };
  }
}
