import { normaliseLineEndings, type Cue } from './cue.ts';
import { readSpeakerLabel, takeSpeakerLabels } from './speaker-label.ts';
import { TranscriptError } from './transcript-error.ts';

// [00:01:23] / [01:23] / [00:01:23.5], optionally followed by `Speaker:` (checked by readSpeakerLabel).
const BRACKET_MARK = /^[ \t]*\[(\d{1,3}:)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?\][ \t]*/;
// Speaker (00:01:23): …
const NAME_TIME_MARK = /^[ \t]*(\$?\p{Lu}[^():\n]{0,31}?)[ \t]*\((\d{1,3}:)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?\)[ \t]*:[ \t]*/u;

/**
 * Plain text → cues. A line starting with a mark — `[hh:mm:ss] Speaker: …` (speaker optional,
 * hours optional) or `Speaker (00:01:23): …` — starts a cue at that time; the cue runs on over
 * the following lines up to a blank line or the next mark. Text has only starting times, so
 * `end` stays null. Paragraphs without a mark are cues with null times, and a leading
 * `Speaker: ` in them is taken only where the file clearly uses labels (takeSpeakerLabels).
 * Other tape-counter styles (`0.39<TAB>…` in old typed transcripts) are not read as times:
 * they are ambiguous and restart per cassette side; they stay in the text.
 */
export function parsePlainText(source: string): Cue[] {
  const cues: Cue[] = [];
  let current: { start: number | null; speaker: string | null; lines: string[] } | null = null;
  const close = () => {
    const text = current?.lines.join('\n').trim() ?? '';
    if (current && (text !== '' || current.start !== null)) {
      cues.push({ id: null, start: current.start, end: null, speaker: current.speaker, text });
    }
    current = null;
  };
  for (const line of normaliseLineEndings(source).split('\n')) {
    if (line.trim() === '') {
      close();
      continue;
    }
    const mark = readMark(line);
    if (mark) {
      close();
      current = { start: mark.start, speaker: mark.speaker, lines: [mark.rest] };
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { start: null, speaker: null, lines: [line] };
    }
  }
  close();
  if (cues.length === 0) {
    throw new TranscriptError({ line: 1, column: 1, message: 'The file has no text; expected a transcript (paragraphs, optionally starting with `[hh:mm:ss] Speaker:`)' });
  }
  return takeSpeakerLabels(cues);
}

function readMark(line: string): { start: number; speaker: string | null; rest: string } | null {
  const bracket = BRACKET_MARK.exec(line);
  if (bracket) {
    const start = seconds(bracket[1], bracket[2], bracket[3], bracket[4]);
    if (start === null) return null;
    const rest = line.slice(bracket[0].length);
    // After a time mark, the `Name:` shape is enough: the format puts the speaker there.
    const label = readSpeakerLabel(rest);
    return label ? { start, speaker: label.speaker, rest: label.rest } : { start, speaker: null, rest };
  }
  const named = NAME_TIME_MARK.exec(line);
  if (named) {
    const start = seconds(named[2], named[3], named[4], named[5]);
    if (start === null) return null;
    return { start, speaker: named[1]?.trim() ?? null, rest: line.slice(named[0].length) };
  }
  return null;
}

function seconds(hours: string | undefined, minutes: string | undefined, secs: string | undefined, fraction: string | undefined): number | null {
  const h = hours ? Number(hours.slice(0, -1)) : 0;
  const m = Number(minutes);
  const s = Number(secs);
  if (s > 59 || (hours !== undefined && m > 59)) return null;
  return h * 3600 + m * 60 + s + (fraction ? Number(`0.${fraction}`) : 0);
}
