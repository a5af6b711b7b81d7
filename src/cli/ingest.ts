import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCaptureLibrary, type CaptureLibrary } from '../capture/capture-library-fs.ts';
import { transcriptFormats, type Cue, type TranscriptFormat } from '../capture/cue.ts';
import { decodeTranscript } from '../capture/decode-transcript.ts';
import { detectLanguage, draftLanguages, type DraftLanguage } from '../capture/detect-language.ts';
import { DraftError, writeDraft, type Draft } from '../capture/draft-module.ts';
import { chooseDraftSlug, existingStatus, slugFromFileName } from '../capture/draft-target.ts';
import { proposeTrade, stemCounts } from '../capture/match-taxonomy.ts';
import { parseTranscript } from '../capture/parse-transcript.ts';
import { TranscriptError, type TranscriptIssue } from '../capture/transcript-error.ts';
import { relaisConfig } from '../config/current.ts';

export const ingestHelp = `relais ingest <transcript|folder> [--trade T] [--author A] [--out DIR] [--content DIR]
              [--format auto|vtt|srt|whisper|txt] [--lang fr|en] [--interviewer NAME] [--senior NAME]
              [--licence SPDX] [--no-media] [--review-dir DIR]
  Turns interview transcripts (one file, or every .vtt/.srt/.json/.txt of a folder) into draft
  modules (status: draft) in content/modules/<trade>/, each block with <Clip at>, and a review
  checklist for each in content/review/<trade>/<slug>.review.md. Copies each transcript into
  content/media/ (unless --no-media). Never replaces a module that is not a draft: writes
  <slug>-draft.mdx beside it. Ends with a summary; exit code 1 if any file failed.`;

/** Transcripts are text: a 10-hour interview is a few MB even as Whisper JSON with word times. */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
const TRANSCRIPT_EXTENSIONS = new Set(['.vtt', '.webvtt', '.srt', '.json', '.txt']);

interface IngestOptions {
  trade?: string;
  author?: string;
  out?: string;
  format: TranscriptFormat | 'auto';
  language?: DraftLanguage;
  interviewer?: string;
  senior?: string;
  licence?: string;
  copyMedia: boolean;
  contentDir: string;
  reviewDir?: string;
}

interface FileResult {
  file: string;
  status: 'written' | 'failed';
  /** Where the draft went, and what it sits beside if it could not take its own name. */
  target?: string;
  besides?: string;
  replacedDraft?: boolean;
  /** The review checklist written next to the library's modules. */
  review?: string;
  messages: string[];
  warnings: number;
  draft?: Draft;
}

export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      trade: { type: 'string' },
      author: { type: 'string' },
      out: { type: 'string' },
      content: { type: 'string' },
      format: { type: 'string', default: 'auto' },
      lang: { type: 'string' },
      interviewer: { type: 'string' },
      senior: { type: 'string' },
      licence: { type: 'string' },
      'no-media': { type: 'boolean', default: false },
      'review-dir': { type: 'string' },
    },
  });
  const [input, ...extra] = positionals;
  if (input === undefined || extra.length > 0) {
    console.error(`relais ingest: expected one transcript or folder\n\n${ingestHelp}`);
    return 1;
  }
  if (values.format !== 'auto' && !(transcriptFormats as readonly string[]).includes(values.format)) {
    console.error(`relais ingest: unexpected --format \`${values.format}\`, expected one of \`auto\`, ${transcriptFormats.map((f) => `\`${f}\``).join(', ')}`);
    return 1;
  }
  if (values.lang !== undefined && !(draftLanguages as readonly string[]).includes(values.lang)) {
    console.error(`relais ingest: unexpected --lang \`${values.lang}\`, expected one of ${draftLanguages.map((l) => `\`${l}\``).join(', ')}`);
    return 1;
  }
  const options: IngestOptions = {
    trade: values.trade,
    author: values.author,
    out: values.out,
    format: values.format as TranscriptFormat | 'auto',
    language: values.lang as DraftLanguage | undefined,
    interviewer: values.interviewer,
    senior: values.senior,
    licence: values.licence,
    copyMedia: !values['no-media'],
    contentDir: values.content ?? relaisConfig.contentDir,
    reviewDir: values['review-dir'],
  };
  const files = listTranscripts(input);
  if (typeof files === 'string') {
    console.error(`relais ingest: ${files}`);
    return 1;
  }
  const context = readCaptureLibrary(options.contentDir);
  if (options.trade !== undefined && !context.trade(options.trade)) {
    console.error(`relais ingest: unknown trade \`${options.trade}\`, expected one of ${context.tradeIds().map((id) => `\`${id}\``).join(', ') || '(none: add content/trades/<id>.yaml)'}`);
    return 1;
  }
  if (options.author !== undefined && !context.library.authors.has(options.author)) {
    const known = [...context.library.authors.keys()].sort();
    console.error(`relais ingest: unknown author \`${options.author}\`, expected one of ${known.map((id) => `\`${id}\``).join(', ') || '(none: add content/authors/<id>.yaml)'}`);
    return 1;
  }
  const progress = progressBar(files.length);
  const results: FileResult[] = [];
  const written = new Set<string>();
  for (const [index, file] of files.entries()) {
    progress.update(index, file);
    const result = ingestFile(file, options, context, written);
    results.push(result);
    progress.clear();
    report(result);
  }
  progress.done();
  const drafts = results.filter((result) => result.status === 'written').length;
  const failures = results.length - drafts;
  const warnings = results.reduce((sum, result) => sum + result.warnings, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`${plural(results.length, 'file')}: ${plural(drafts, 'draft')} written, ${plural(warnings, 'warning')}, ${plural(failures, 'failure')}`);
  return failures > 0 ? 1 : 0;
}

/** The transcripts to read: the file itself, or a folder's transcript files (sorted, not recursive). */
function listTranscripts(input: string): string[] | string {
  let stats;
  try {
    stats = statSync(input);
  } catch (error) {
    return `cannot read \`${input}\` (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path`;
  }
  if (!stats.isDirectory()) return [input];
  const files = readdirSync(input, { withFileTypes: true })
    .filter((entry) => entry.isFile() && TRANSCRIPT_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !entry.name.startsWith('.'))
    .map((entry) => path.join(input, entry.name))
    .sort();
  return files.length > 0 ? files : `no transcript in \`${input}\` (expected .vtt, .srt, .json or .txt files)`;
}

function ingestFile(file: string, options: IngestOptions, context: CaptureLibrary, written: Set<string>): FileResult {
  const result: FileResult = { file, status: 'failed', messages: [], warnings: 0 };
  const fail = (line: number, column: number, message: string): FileResult => {
    result.messages.push(`${file}:${line}:${column}  error  ${message}`);
    return result;
  };
  const warn = (issue: TranscriptIssue | string) => {
    result.warnings++;
    result.messages.push(typeof issue === 'string' ? `${file}:1:1  warning  ${issue}` : `${file}:${issue.line}:${issue.column}  warning  ${issue.message}`);
  };
  try {
    // Size first: the bytes are never read for a file no transcript can be (a recording, a disk image).
    const size = statSync(file).size;
    if (size > MAX_TRANSCRIPT_BYTES) {
      return fail(1, 1, `The file is ${megabytes(size)}, more than a transcript can be (limit ${megabytes(MAX_TRANSCRIPT_BYTES)}; a 10-hour interview is a few MB): give the transcript, not the recording, or split it`);
    }
    const decoded = decodeTranscript(readFileSync(file));
    const transcriptWarnings: string[] = [];
    for (const warning of decoded.warnings) {
      warn(warning);
      transcriptWarnings.push(`${warning.message} (${warning.line}:${warning.column})`);
    }
    let cues;
    try {
      cues = parseTranscript(decoded.text, {
        format: options.format,
        fileName: file,
        onWarning: (warning) => {
          warn(warning);
          transcriptWarnings.push(`${warning.message} (${warning.line}:${warning.column})`);
        },
      }).cues;
    } catch (error) {
      if (error instanceof TranscriptError) return fail(error.line, error.column, error.message);
      throw error;
    }
    const tradeId = options.trade ?? guessTrade(cues.map((cue) => cue.text).join(' '), context, warn);
    if (tradeId === null) {
      return fail(1, 1, `Cannot tell which trade this interview is about: pass --trade (one of ${context.tradeIds().map((id) => `\`${id}\``).join(', ')})`);
    }
    const trade = context.trade(tradeId)!;
    let authors: string[];
    if (options.author !== undefined) authors = [options.author];
    else {
      const ofTrade = context.authorsOf(tradeId);
      if (ofTrade.length !== 1) {
        return fail(1, 1, `Which senior is this? Pass --author (${ofTrade.length === 0 ? `trade \`${tradeId}\` has no author yet: add content/authors/<id>.yaml` : `authors of \`${tradeId}\`: ${ofTrade.map((id) => `\`${id}\``).join(', ')}`})`);
      }
      authors = ofTrade;
      warn(`No --author: \`${ofTrade[0]}\`, the only author of \`${tradeId}\`, was put in the draft`);
    }
    const media = options.copyMedia ? copyToMedia(file, options.contentDir) : undefined;
    const fiche = context.romeFiche(tradeId);
    const outDir = options.out ?? path.join(options.contentDir, 'modules', tradeId);
    const existing = (slug: string) => {
      const target = path.join(outDir, `${slug}.mdx`);
      return existsSync(target) ? existingStatus(readFileSync(target, 'utf8')) : 'none';
    };
    const { slug, besides } = chooseDraftSlug(slugFromFileName(file), existing, written);
    const target = path.join(outDir, `${slug}.mdx`);
    result.replacedDraft = existing(slug) === 'draft';
    const reviewDir = options.reviewDir ?? path.join(options.contentDir, 'review', tradeId);
    const reviewFile = path.join(reviewDir, `${slug}.review.md`);
    // The language decides the glossary to link, so it is settled before drafting.
    const language = options.language ?? detectLanguage(sampleText(cues)).language;
    const final = writeDraft(cues, {
      trade: { id: tradeId, label: trade.data.label },
      skills: context.skillsOf(tradeId).map((skill) => ({ id: skill.id, label: skill.data.label })),
      authors,
      glossary: context.glossary(language),
      tradeWords: fiche ? [fiche.label, ...fiche.knowledge.flatMap((group) => group.items.map((item) => item.label))] : [],
      source: media ? { transcript: media } : undefined,
      licence: options.licence ?? context.library.info?.data.licence,
      sourceName: media ?? path.basename(file),
      language,
      interviewer: options.interviewer,
      senior: options.senior,
      transcriptWarnings,
      draftPath: shownPath(options.contentDir, target),
    });
    for (const warning of final.segmentation.warnings) warn(warning);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(target, final.mdx);
    mkdirSync(reviewDir, { recursive: true });
    writeFileSync(reviewFile, final.reviewMarkdown);
    written.add(slug);
    result.review = reviewFile;
    result.status = 'written';
    result.target = target;
    result.draft = final;
    if (besides) {
      result.besides = path.join(outDir, `${besides}.mdx`);
      warn(`${result.besides} is not a draft, so it was kept: the new draft is ${target}`);
    }
    return result;
  } catch (error) {
    if (error instanceof DraftError) return fail(1, 1, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return fail(1, 1, `Cannot read or write (${code}: ${(error as Error).message}); check the paths and permissions`);
    // An unexpected failure in one file is reported and the batch goes on.
    return fail(1, 1, `Unexpected failure (${(error as Error).message}); please report it with this file`);
  }
}

function sampleText(cues: readonly Cue[]): string {
  let text = '';
  for (const cue of cues) {
    if (text.length > 20_000) break;
    text += ` ${cue.text}`;
  }
  return text;
}

function guessTrade(text: string, context: CaptureLibrary, warn: (message: string) => void): string | null {
  const { proposal, ranking } = proposeTrade(stemCounts(text), context.tradeLabels());
  if (!proposal) return null;
  warn(`No --trade: \`${proposal.id}\` was chosen from shared words (${proposal.words.slice(0, 6).join(', ')}; next: ${ranking[1] ? `\`${ranking[1].id}\`` : 'none'})`);
  return proposal.id;
}

/**
 * The transcript in the library's media folder, so that `source.transcript` points at it (and the
 * checker can read clip times from it). An identical file is reused; a different one with the
 * same name is never replaced (the copy gets `-2`, `-3`…).
 */
function copyToMedia(file: string, contentDir: string): string {
  const mediaDir = path.join(contentDir, 'media');
  const resolved = path.resolve(file);
  if (path.dirname(resolved) === path.resolve(mediaDir) && !/\s/.test(path.basename(file))) return `media/${path.basename(file)}`;
  mkdirSync(mediaDir, { recursive: true });
  const extension = path.extname(file).toLowerCase();
  const stem = path.basename(file, path.extname(file)).replace(/[\s\\]+/g, '-');
  const bytes = readFileSync(file);
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${extension}`;
    const target = path.join(mediaDir, name);
    if (!existsSync(target)) {
      copyFileSync(file, target);
      return `media/${name}`;
    }
    if (readFileSync(target).equals(bytes)) return `media/${name}`;
  }
}

function report(result: FileResult): void {
  for (const message of result.messages) console.error(message);
  if (result.status !== 'written' || !result.target || !result.draft) return;
  const counts = new Map<string, number>();
  for (const segment of result.draft.segmentation.segments) counts.set(segment.kind, (counts.get(segment.kind) ?? 0) + 1);
  const blocks = [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'no block';
  const open = result.draft.review.filter((item) => item.topic === 'step' || item.topic === 'structure').length;
  const replaced = result.replacedDraft ? ' (replaced the previous draft)' : '';
  console.log(`${result.file} → ${result.target}${replaced}: ${blocks}; review checklist (${open} points for the senior): ${result.review}`);
}

/** A path inside the library relative to it (`modules/x/y.mdx`), any other as given. */
function shownPath(contentDir: string, file: string): string {
  const relative = path.relative(contentDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** A one-line bar on stderr when it is a terminal; nothing otherwise (logs stay clean). */
function progressBar(total: number) {
  const tty = process.stderr.isTTY === true;
  const width = 24;
  return {
    update(index: number, file: string) {
      if (!tty) return;
      const filled = Math.round((index / total) * width);
      const name = path.basename(file);
      process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${index + 1}/${total} ${name.length > 40 ? `${name.slice(0, 39)}…` : name}`);
    },
    clear() {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[2K');
    },
  };
}
