import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cue } from '../../src/capture/cue.ts';
import { decodeTranscript, type DecodedTranscript } from '../../src/capture/decode-transcript.ts';

/** The real transcripts (copied from ../shared/data/transcripts with SOURCES.md). */
export const transcriptsDir = path.resolve(import.meta.dirname, '../fixtures/transcripts');

export function readTranscript(name: string): DecodedTranscript {
  return decodeTranscript(readFileSync(path.join(transcriptsDir, name)));
}

/** Cue text with line breaks and runs of spaces made one space, to compare formats that wrap lines differently. */
export const flatText = (cue: Cue): string => cue.text.replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
export const times = (cues: Cue[]) => cues.map((cue) => [cue.start, cue.end]);
export const speakers = (cues: Cue[]) => new Set(cues.map((cue) => cue.speaker));
