import type { Cue, TranscriptFormat } from './cue.ts';
import { detectFormat } from './detect-format.ts';
import { parsePlainText } from './parse-plain-text.ts';
import { parseSrt } from './parse-srt.ts';
import { parseWebVtt } from './parse-webvtt.ts';
import { parseWhisperJson } from './parse-whisper.ts';
import { TranscriptError, positionAt, type WarningHandler } from './transcript-error.ts';

export interface ParseTranscriptOptions {
  format?: TranscriptFormat | 'auto';
  /** Only its extension is used, as a hint for `auto`. */
  fileName?: string;
  onWarning?: WarningHandler;
}

/** Decoded transcript text → cues with the parser its format needs. */
export function parseTranscript(text: string, options: ParseTranscriptOptions = {}): { format: TranscriptFormat; cues: Cue[] } {
  const format = !options.format || options.format === 'auto' ? detectFormat(text, options.fileName) : options.format;
  // WebVTT handles NUL itself and reports an empty file as a failed signature.
  if (format === 'vtt') return { format, cues: parseWebVtt(text) };
  rejectEmptyOrBinary(text);
  if (format === 'srt') return { format, cues: parseSrt(text, options.onWarning) };
  if (format === 'whisper') return { format, cues: parseWhisperJson(text) };
  return { format, cues: parsePlainText(text) };
}

function rejectEmptyOrBinary(text: string): void {
  if (text.trim() === '') {
    throw new TranscriptError({ line: 1, column: 1, message: 'The file is empty; expected a transcript in WebVTT, SubRip, Whisper JSON or plain text' });
  }
  // Transcripts hold no NUL and almost no other control characters (an old DOS file may end
  // with Ctrl-Z); audio, video, office documents and UTF-16 without a BOM are full of them.
  const sample = text.slice(0, 8192);
  // Control characters are what this looks for: they betray a binary file.
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\0-\x08\x0b\x0e-\x1f\x7f]/g)?.length ?? 0;
  // eslint-disable-next-line no-control-regex
  const control = text.includes('\0') || controls * 100 > sample.length ? /[\0-\x08\x0b\x0e-\x1f\x7f]/.exec(text) : null;
  if (control) {
    throw new TranscriptError({
      ...positionAt(text, control.index),
      message: 'Unexpected binary data, expected a text transcript; give the transcript file (WebVTT, SubRip, Whisper JSON or text, saved as UTF-8), not the recording or a document',
    });
  }
}
