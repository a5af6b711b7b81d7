import type { Cue } from './cue.ts';
import { stripVoiceTags } from './strip-voice-tags.ts';
import { TranscriptError, showCharacter } from './transcript-error.ts';

/**
 * WebVTT → cues, following the W3C WebVTT parser algorithm ("WebVTT file parsing",
 * https://www.w3.org/TR/webvtt1/#file-parsing); step numbers below are the spec's.
 * `source` is decoded text: the spec's UTF-8 decode removes one BOM, and so does
 * decodeTranscript, so a BOM still here is content (and fails the signature, as a second BOM
 * does in a browser). A file failing the signature check throws a TranscriptError; everything
 * else is parsed as a browser would, skipping what the spec skips. Cue settings, regions and
 * style sheets cannot change which cues exist, so they are recognised and not kept.
 */
export function parseWebVtt(source: string): Cue[] {
  // 1. NUL → U+FFFD, CRLF → LF, remaining CR → LF.
  const input = source.replace(/\0/g, '\uFFFD').replace(/\r\n?/g, '\n');
  checkSignature(input); // 3–6.
  const cues: Cue[] = [];
  // 7–10. The rest of the signature line is ignored; a file that ends there has no cues.
  const signatureEnd = input.indexOf('\n');
  if (signatureEnd === -1 || signatureEnd + 1 >= input.length) return cues;
  const state = { input, position: signatureEnd + 1 };
  // 11. Header: a block collected with "in header" gives nothing, but ends at a `-->` line.
  if (input[state.position] !== '\n') collectBlock(state, true);
  else state.position++;
  skipLineFeeds(state); // 12.
  // 14. Block loop.
  while (state.position < input.length) {
    const cue = collectBlock(state, false);
    if (cue) cues.push(cue);
    skipLineFeeds(state);
  }
  return cues;
}

interface Scanner {
  input: string;
  position: number;
}

function checkSignature(input: string): void {
  const fail = (column: number, what: string): never => {
    throw new TranscriptError({
      line: 1,
      column,
      message: `${what}. A WebVTT file starts with the line \`WEBVTT\`: add it, or pass --format srt or --format txt if the file is not WebVTT`,
    });
  };
  if (input.length === 0) fail(1, 'The file is empty');
  for (let i = 0; i < 6; i++) {
    if (input[i] !== 'WEBVTT'[i]) {
      const found = input.slice(0, 6).split('\n')[0] ?? '';
      if (found.toUpperCase() === 'WEBVTT') fail(1, `Unexpected \`${found}\`, expected \`WEBVTT\` in capitals`);
      fail(i + 1, `Unexpected ${showCharacter(input[i])}, expected \`WEBVTT\` at the start of the file`);
    }
  }
  const seventh = input[6];
  if (seventh !== undefined && seventh !== ' ' && seventh !== '\t' && seventh !== '\n') {
    fail(7, `Unexpected ${showCharacter(seventh)} after \`WEBVTT\`, expected a space, a tab or a line break`);
  }
}

function skipLineFeeds(state: Scanner): void {
  while (state.input[state.position] === '\n') state.position++;
}

/**
 * "Collect a WebVTT block". Only a cue matters to us: STYLE and REGION blocks are recognised
 * by the spec at line 2 of a block without `-->`, which never carries a cue, so such a block
 * (like a NOTE, or any block without a valid timing line) simply gives null here.
 */
function collectBlock(state: Scanner, inHeader: boolean): Cue | null {
  const { input } = state;
  let lineCount = 0;
  let previousPosition = state.position;
  let buffer = '';
  let seenArrow = false;
  let cue: { start: number; end: number; id: string } | null = null;
  for (;;) {
    // 11.1–11.3: one line, then past its LF (or note the end of the file).
    const lineFeed = input.indexOf('\n', state.position);
    const lineEnd = lineFeed === -1 ? input.length : lineFeed;
    const line = input.slice(state.position, lineEnd);
    lineCount++;
    const seenEof = lineFeed === -1;
    state.position = seenEof ? input.length : lineEnd + 1;
    if (line.includes('-->')) {
      // 11.4: a timing line only as the block's first line, or its second after an id line;
      // any other `-->` line starts the next block, even without a blank line before it.
      if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
        seenArrow = true;
        previousPosition = state.position;
        const timings = collectCueTimings(line);
        if (timings) {
          cue = { ...timings, id: buffer };
          buffer = '';
        } else {
          cue = null; // an invalid timing line drops the cue; its text is collected and discarded
        }
      } else {
        state.position = previousPosition;
        break;
      }
    } else if (line === '') {
      break; // 11.5
    } else {
      // 11.6: id or cue text; `NOTE` inside cue text is just text.
      if (buffer !== '') buffer += '\n';
      buffer += line;
      previousPosition = state.position;
    }
    if (seenEof) break; // 11.7
  }
  if (!cue) return null;
  // 12. The cue text is the buffer; voice tags go to `speaker` (DESIGN.md, transcript contract).
  const { text, speaker } = stripVoiceTags(buffer);
  return { id: cue.id === '' ? null : cue.id, start: cue.start, end: cue.end, speaker, text };
}

const isAsciiWhitespace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** "Collect WebVTT cue timings and settings"; settings can never fail a cue, so they are not read. */
function collectCueTimings(line: string): { start: number; end: number } | null {
  const scanner = { input: line, position: 0 };
  const skipWhitespace = () => {
    while (isAsciiWhitespace(line[scanner.position])) scanner.position++;
  };
  skipWhitespace();
  const start = collectTimestamp(scanner);
  if (start === null) return null;
  skipWhitespace();
  if (!line.startsWith('-->', scanner.position)) return null;
  scanner.position += 3;
  skipWhitespace();
  const end = collectTimestamp(scanner);
  if (end === null) return null;
  return { start, end };
}

/** "Collect a WebVTT timestamp": `mm:ss.ttt` or `h…h:mm:ss.ttt`; a first field that is not two digits, or over 59, is hours. */
function collectTimestamp(scanner: Scanner): number | null {
  const digits = (): string => {
    const from = scanner.position;
    while (isDigit(scanner.input[scanner.position])) scanner.position++;
    return scanner.input.slice(from, scanner.position);
  };
  const first = digits();
  if (first === '') return null;
  let hours = 0;
  let minutes = Number(first);
  const mostSignificantIsHours = first.length !== 2 || minutes > 59;
  if (scanner.input[scanner.position] !== ':') return null;
  scanner.position++;
  const second = digits();
  if (second.length !== 2) return null;
  let seconds = Number(second);
  if (mostSignificantIsHours || scanner.input[scanner.position] === ':') {
    if (scanner.input[scanner.position] !== ':') return null;
    scanner.position++;
    const third = digits();
    if (third.length !== 2) return null;
    hours = minutes;
    minutes = seconds;
    seconds = Number(third);
  }
  if (scanner.input[scanner.position] !== '.') return null;
  scanner.position++;
  const fraction = digits();
  if (fraction.length !== 3) return null;
  if (minutes > 59 || seconds > 59) return null;
  return hours * 3600 + minutes * 60 + seconds + Number(fraction) / 1000;
}
