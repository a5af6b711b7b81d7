import type { Cue } from './cue.ts';
import { locateJsonValue, type JsonPath } from './locate-json-value.ts';
import { TranscriptError, positionAt } from './transcript-error.ts';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whisper-style JSON → one cue per segment. Reads `{"segments": [{start, end, text}]}` as
 * openai-whisper, faster-whisper and whisperX write it (a bare array of segments too), and
 * whisper.cpp's `{"transcription": [{offsets: {from, to} (ms), text}]}`. A segment's optional
 * `speaker` (whisperX) becomes the cue's; `words[]` (`word` or `text`, with `start`/`end`)
 * fill in a segment's text or times when it lacks them. Whisper's leading space is trimmed.
 * Whisper's own VTT, SRT and TXT outputs go to the other parsers.
 */
export function parseWhisperJson(source: string): Cue[] {
  const data = parseJson(source);
  const fail = (path: JsonPath, message: string): never => {
    throw new TranscriptError({ ...positionAt(source, locateJsonValue(source, path)), message });
  };
  if (isObject(data) && Array.isArray(data.transcription)) {
    return data.transcription.map((item, i) => readWhisperCppItem(item, ['transcription', i], fail));
  }
  const segments = Array.isArray(data) ? data : isObject(data) ? data.segments : undefined;
  const base: JsonPath = Array.isArray(data) ? [] : ['segments'];
  if (!Array.isArray(segments)) {
    fail([], 'Expected Whisper JSON: an object with a `segments` array of `{"start", "end", "text"}`; export the transcript as Whisper JSON, or pass --format');
  }
  return (segments as unknown[]).map((segment, i) => readSegment(segment, [...base, i], fail));
}

type Fail = (path: JsonPath, message: string) => never;

function readSegment(segment: unknown, path: JsonPath, fail: Fail): Cue {
  const name = `Segment ${String(path.at(-1))}`;
  if (!isObject(segment)) return fail(path, `${name} is not an object; expected {"start", "end", "text"}`);
  const words = Array.isArray(segment.words) ? segment.words.filter(isObject) : [];
  const text = typeof segment.text === 'string' ? segment.text : words.length > 0 ? joinWords(words) : fail(path, `${name} has no \`text\` (or \`words\`)`);
  const time = (key: 'start' | 'end'): number => {
    const value = segment[key] ?? (key === 'start' ? words[0] : words.at(-1))?.[key];
    if (typeof value === 'number' && value >= 0) return value;
    return fail(key in segment ? [...path, key] : path, `${name} has ${key in segment ? 'an invalid' : 'no'} \`${key}\`, expected seconds as a number`);
  };
  const speaker = typeof segment.speaker === 'string' ? segment.speaker : words.map((word) => word.speaker).find((s) => typeof s === 'string');
  const id = typeof segment.id === 'number' || typeof segment.id === 'string' ? String(segment.id) : null;
  return { id, start: time('start'), end: time('end'), speaker: typeof speaker === 'string' ? speaker : null, text: text.trim() };
}

/** Whisper words carry their leading space (" bon,"); other tools give bare words to join with spaces. */
function joinWords(words: JsonObject[]): string {
  const texts = words.map((word) => (typeof word.word === 'string' ? word.word : typeof word.text === 'string' ? word.text : ''));
  return texts.some((text) => /^\s/.test(text)) ? texts.join('') : texts.join(' ');
}

function readWhisperCppItem(item: unknown, path: JsonPath, fail: Fail): Cue {
  const offsets = isObject(item) ? item.offsets : undefined;
  if (!isObject(item) || typeof item.text !== 'string' || !isObject(offsets) || typeof offsets.from !== 'number' || typeof offsets.to !== 'number') {
    return fail(path, `Item ${String(path.at(-1))} of \`transcription\` needs \`text\` and \`offsets\` {from, to} in milliseconds`);
  }
  return { id: null, start: offsets.from / 1000, end: offsets.to / 1000, speaker: null, text: item.text.trim() };
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const reason = (error as Error).message;
    const offset = jsonErrorOffset(source, reason);
    const what = reason.replace(/ in JSON at position.*$/, '').replace(/, (?:\.\.\.)?".*$/s, '');
    const contentEnd = source.trimEnd().length;
    const truncated = offset >= contentEnd;
    throw new TranscriptError({
      ...positionAt(source, Math.min(offset, contentEnd)),
      message: truncated
        ? `The JSON ends before it is complete (${what}); the file looks truncated: export or copy it again`
        : `Invalid JSON: ${what}; fix the file there, or export it again from the transcription tool`,
    });
  }
}

/**
 * V8 says "… in JSON at position 56 (line 1 column 57)", "Unexpected end of JSON input", or
 * "Unexpected token 'x', …" with no position. For the last, the offending character ends the
 * shortest prefix that already fails for a reason other than ending early (binary search).
 */
function jsonErrorOffset(source: string, reason: string): number {
  const at = /at position (\d+)/.exec(reason);
  if (at) return Number(at[1]);
  if (/end of JSON input/.test(reason)) return source.length;
  const failsBeforeItsEnd = (prefix: string): boolean => {
    try {
      JSON.parse(prefix);
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message);
      if (position) return Number(position[1]) < prefix.length;
      return !/end of JSON input/.test(message);
    }
  };
  let low = 1;
  let high = source.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsBeforeItsEnd(source.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
