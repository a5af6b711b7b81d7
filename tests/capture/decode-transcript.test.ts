import { describe, expect, it } from 'vitest';
import { decodeTranscript } from '../../src/capture/decode-transcript.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'utf8')] : part)));

describe('decodeTranscript', () => {
  it('reads UTF-8 with and without a BOM, removing only one BOM', () => {
    expect(decodeTranscript(bytes('métier'))).toEqual({ text: 'métier', encoding: 'utf-8', warnings: [] });
    expect(decodeTranscript(bytes([0xef, 0xbb, 0xbf], 'métier')).text).toBe('métier');
    expect(decodeTranscript(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'W')).text).toBe('\uFEFFW');
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeTranscript(Uint8Array.from([0xff, 0xfe, ...Buffer.from('é\r\nà', 'utf16le')]))).toMatchObject({ text: 'é\nà', encoding: 'utf-16le' });
    const be = Buffer.from('é\nà', 'utf16le').swap16();
    expect(decodeTranscript(Uint8Array.from([0xfe, 0xff, ...be]))).toMatchObject({ text: 'é\nà', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 with a warning at the first byte that is not UTF-8', () => {
    const decoded = decodeTranscript(bytes('ligne 1\r\nexerc', [0xe9], ' ', [0x85, 0x92, 0x96]));
    expect(decoded.text).toBe('ligne 1\nexercé …’–');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warnings).toEqual([expect.objectContaining({ line: 2, column: 6, message: expect.stringContaining('read as Windows-1252') })]);
  });

  it('turns CRLF and CR into LF and leaves NUL, NEL and U+2028 alone (as the WebVTT parser does)', () => {
    expect(decodeTranscript(bytes('a\r\nb\rc\r\r\nd\0e\u0085f\u2028g')).text).toBe('a\nb\nc\n\nd\0e\u0085f\u2028g');
  });
});
