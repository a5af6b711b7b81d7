import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { transcriptFormats, type Cue, type TranscriptFormat } from '../capture/cue.ts';
import { decodeTranscript } from '../capture/decode-transcript.ts';
import { parseTranscript } from '../capture/parse-transcript.ts';
import { TranscriptError, type TranscriptIssue } from '../capture/transcript-error.ts';

export const transcriptHelp = `relais transcript parse <file> [--format auto|vtt|srt|whisper|txt] [--json]
  Reads a transcript (WebVTT, SubRip, Whisper JSON or plain text; UTF-8, UTF-16 or
  Windows-1252) and lists its cues. --json prints {"cues":[{"id","start","end","speaker","text"}]}.
  Bad input: file:line:col  error  message on stderr, exit code 1.`;

const formats = ['auto', ...transcriptFormats] as const;
type FormatOption = (typeof formats)[number];
const isFormatOption = (value: string): value is FormatOption => (formats as readonly string[]).includes(value);

export async function transcriptCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'auto' }, json: { type: 'boolean', default: false } },
  });
  const [action, file, ...extra] = positionals;
  if (action !== 'parse' || file === undefined || extra.length > 0) {
    console.error(`relais transcript: expected \`parse <file>\`\n\n${transcriptHelp}`);
    return 1;
  }
  const format = values.format;
  if (!isFormatOption(format)) {
    console.error(`relais transcript: unexpected --format \`${format}\`, expected one of ${formats.map((f) => `\`${f}\``).join(', ')}`);
    return 1;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`${file}:1:1  error  Cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`);
    return 1;
  }
  const decoded = decodeTranscript(bytes);
  const warnings: TranscriptIssue[] = [...decoded.warnings];
  let result: { format: TranscriptFormat; cues: Cue[] };
  try {
    result = parseTranscript(decoded.text, {
      format,
      fileName: file,
      onWarning: (warning) => warnings.push(warning),
    });
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    console.error(`${file}:${error.line}:${error.column}  error  ${error.message}`);
    return 1;
  }
  for (const warning of warnings) console.error(`${file}:${warning.line}:${warning.column}  warning  ${warning.message}`);
  const cues = result.cues.map(({ id, start, end, speaker, text }) => ({ id, start, end, speaker, text }));
  process.stdout.write(values.json ? `${JSON.stringify({ cues })}\n` : listing(cues, result.format));
  return 0;
}

/** One cue a line: `c1  00:00:02.113 → 00:00:02.919  L2: bon, autre chose.` */
function listing(cues: Cue[], format: TranscriptFormat): string {
  const lines = cues.map((cue) => {
    const times = cue.start === null ? '' : `${clock(cue.start)} → ${cue.end === null ? '…' : clock(cue.end)}  `;
    const who = cue.speaker === null ? '' : `${cue.speaker}: `;
    return `${cue.id === null ? '' : `${cue.id}  `}${times}${who}${cue.text.replace(/\n/g, ' / ')}`;
  });
  const speakers = new Set(cues.flatMap((cue) => (cue.speaker === null ? [] : [cue.speaker])));
  lines.push(`${cues.length} cue${cues.length === 1 ? '' : 's'} (${format})${speakers.size > 0 ? `, speakers: ${[...speakers].join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}
