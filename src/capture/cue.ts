/**
 * One timed piece of a transcript, whatever format it came from. Times are seconds; `null`
 * where the format has none (plain text without marks). `text` is kept as written (tags and
 * character references included); plain text for drafts is derived later in capture.
 */
export interface Cue {
  id: string | null;
  start: number | null;
  end: number | null;
  speaker: string | null;
  text: string;
}

export const transcriptFormats = ['vtt', 'srt', 'whisper', 'txt'] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];

/** CRLF and lone CR become LF, as the WebVTT parser's first step does (so its results stay the same). */
export const normaliseLineEndings = (text: string): string => text.replace(/\r\n?/g, '\n');
