import { normaliseLineEndings, type Cue } from './cue.ts';
import { takeSpeakerLabels } from './speaker-label.ts';
import { TranscriptError, showCharacter, type WarningHandler } from './transcript-error.ts';

/**
 * SubRip (.srt) → cues. SubRip has no formal spec, so this reads what tools write:
 * - a block is an optional number, a timing line `00:00:01,000 --> 00:00:04,000` (comma or
 *   period before the milliseconds, 1–3 fraction digits, hours optional, anything after the
 *   end time such as `X1:…` ignored), then text lines up to a blank line;
 * - a number line is a cue number, so the line after it must be a timing line;
 * - numbering gaps, repeats and a missing final blank line are fine; a missing blank line
 *   between cues is too (a number line followed by a timing line, or a timing line, starts
 *   the next cue);
 * - tags (`<i>`, `<font color=…>`, `{\an8}`) are kept as written, as the WebVTT parser keeps
 *   its tags: the transcript contract gives text as written, and plain text is derived later;
 * - a leading `Name: ` becomes `speaker` only where the file clearly uses labels (see
 *   takeSpeakerLabels);
 * - a paragraph after a blank line that is not a new cue is cue text that contained a blank
 *   line; it is kept in the cue above, with a warning;
 * - a line where a timing line must be that is not one is an error, at the offending character.
 */
export function parseSrt(source: string, onWarning?: WarningHandler): Cue[] {
  const lines = normaliseLineEndings(source).split('\n');
  const isBlank = (i: number) => (lines[i] ?? '').trim() === '';
  const cues: Cue[] = [];
  let i = 0;
  for (;;) {
    while (i < lines.length && isBlank(i)) i++;
    if (i >= lines.length) break;
    const first = lines[i] ?? '';
    let id: string | null = null;
    // A number line is the cue number: the next line must then be its timing line.
    if (/^\s*\d+\s*$/.test(first) && !isBlank(i + 1)) {
      id = first.trim();
      i++;
    } else if (!first.includes('-->')) {
      const previous = cues.at(-1);
      if (!previous) throw expectedCue(i, first);
      // Cue text with a blank line inside: keep it with the cue above.
      const paragraph: string[] = [];
      while (i < lines.length && !isBlank(i) && !startsCue(lines, i)) paragraph.push(lines[i++] ?? '');
      previous.text += `\n\n${paragraph.join('\n')}`;
      onWarning?.({ line: i - paragraph.length + 1, column: 1, message: `Text after a blank line was kept as part of cue ${previous.id ?? cues.length}; if it is a cue of its own, give it a timing line` });
      continue;
    }
    const timing = readTimingLine(lines[i] ?? '', i + 1);
    i++;
    const text: string[] = [];
    while (i < lines.length && !isBlank(i) && !startsCue(lines, i)) text.push(lines[i++] ?? '');
    cues.push({ id, start: timing.start, end: timing.end, speaker: null, text: text.join('\n') });
  }
  if (cues.length === 0) {
    throw new TranscriptError({ line: 1, column: 1, message: 'The file has no cues; expected SubRip blocks (a number, a timing line `00:00:01,000 --> 00:00:04,000`, then text)' });
  }
  return takeSpeakerLabels(cues);
}

/** A valid timing line, or a number line followed by one, starts the next cue even without a blank line. */
function startsCue(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (line.includes('-->')) return isTimingLine(line);
  return /^\s*\d+\s*$/.test(line) && isTimingLine(lines[i + 1] ?? '');
}

function isTimingLine(line: string): boolean {
  try {
    readTimingLine(line, 0);
    return true;
  } catch {
    return false;
  }
}

function expectedCue(index: number, line: string): TranscriptError {
  const column = line.search(/\S/) + 1;
  const shown = line.trim().length > 30 ? `${line.trim().slice(0, 30).trimEnd()}…` : line.trim();
  return new TranscriptError({
    line: index + 1,
    column,
    message: `Unexpected \`${shown}\`, expected a cue number or a timing line like \`00:00:01,000 --> 00:00:04,000\`; if the file is not SubRip, pass --format txt, vtt or whisper`,
  });
}

/** Reads `start --> end`, throwing at the first character that does not fit. */
function readTimingLine(line: string, lineNumber: number): { start: number; end: number } {
  let position = 0;
  const fail = (expected: string): never => {
    throw new TranscriptError({
      line: lineNumber,
      column: position + 1,
      message: `Unexpected ${showCharacter(line[position])} in the timing line, expected ${expected}; a SubRip timing line reads \`00:00:01,000 --> 00:00:04,000\``,
    });
  };
  const skipSpaces = () => {
    while (line[position] === ' ' || line[position] === '\t') position++;
  };
  const digits = (min: number, max: number, what: string): number => {
    const from = position;
    while (position - from < max && /[0-9]/.test(line[position] ?? '')) position++;
    if (position - from < min) fail(what);
    return Number(line.slice(from, position));
  };
  const timestamp = (): number => {
    // h:mm:ss,ttt with the hours optional: read up to three colon-separated fields.
    const fields = [digits(1, 9, 'a digit')];
    while (line[position] === ':' && fields.length < 3) {
      position++;
      const fieldStart = position;
      const value = digits(2, 2, 'two digits');
      if (value > 59) {
        position = fieldStart;
        fail('minutes or seconds from 00 to 59');
      }
      fields.push(value);
    }
    if (fields.length < 2) fail('`:`');
    if (line[position] !== ',' && line[position] !== '.') fail('`,` and milliseconds');
    position++;
    const fractionStart = position;
    digits(1, 3, 'milliseconds');
    const fraction = Number(`0.${line.slice(fractionStart, position)}`);
    const [a = 0, b = 0, c] = fields;
    return (c === undefined ? a * 60 + b : a * 3600 + b * 60 + c) + fraction;
  };
  skipSpaces();
  const start = timestamp();
  skipSpaces();
  if (!line.startsWith('-->', position)) fail('` --> `');
  position += 3;
  skipSpaces();
  const end = timestamp();
  if (position < line.length && line[position] !== ' ' && line[position] !== '\t') fail('a space or the end of the line');
  return { start: round(start), end: round(end) };
}

// Avoid 1.2000000000000002-style noise in the JSON output.
const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
