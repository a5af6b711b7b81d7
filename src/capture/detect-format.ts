import type { TranscriptFormat } from './cue.ts';

const BY_EXTENSION: Record<string, TranscriptFormat> = { vtt: 'vtt', webvtt: 'vtt', srt: 'srt', json: 'whisper' };
const SRT_TIMING = /^[ \t]*\d+:\d{2}(?::\d{2})?[,.]\d{1,3}[ \t]*-->/m;

/**
 * Which parser to use. The content decides when it is unmistakable (`WEBVTT` at the start,
 * a JSON object or array); then a known extension (`.vtt`, `.srt`, `.json`) — so a `.vtt`
 * without its signature goes to the WebVTT parser and is rejected there, as a browser would;
 * then SubRip timing lines; otherwise plain text.
 */
export function detectFormat(text: string, fileName?: string): TranscriptFormat {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  if (/^\s*(?:\{|\[\s*(?:\{|\]))/.test(text)) return 'whisper';
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byExtension = extension === undefined ? undefined : BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  // Only the start is looked at: a SubRip file shows its first timing line within a few lines.
  if (SRT_TIMING.test(text.slice(0, 2000))) return 'srt';
  return 'txt';
}
