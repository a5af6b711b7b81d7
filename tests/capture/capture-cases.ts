import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Cue } from '../../src/capture/cue.ts';
import { decodeTranscript } from '../../src/capture/decode-transcript.ts';
import { clockTime } from '../../src/capture/draft-labels.ts';
import { writeDraft, type Draft } from '../../src/capture/draft-module.ts';
import { parseTranscript } from '../../src/capture/parse-transcript.ts';
import type { Segmentation } from '../../src/capture/segment-transcript.ts';

/** tests/fixtures/capture/<case>/: case.json (input and library context) + expected outputs. */
export const casesDir = path.resolve(import.meta.dirname, '../fixtures/capture');

export interface CaptureCase {
  name: string;
  dir: string;
  /** Path of the transcript (in the case folder, or ../../transcripts/ for the shared real ones). */
  input: string;
  trade: { id: string; label: Record<string, string>; rome: string };
  skills: { id: string; label: Record<string, string>; rome?: string }[];
  authors: string[];
  glossary: string[];
}

export function captureCases(): CaptureCase[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(casesDir, entry.name);
      const data = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Omit<CaptureCase, 'name' | 'dir'>;
      return { ...data, name: entry.name, dir, input: path.resolve(dir, data.input) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readCues(file: string): { cues: Cue[]; warnings: string[] } {
  const decoded = decodeTranscript(readFileSync(file));
  const warnings = decoded.warnings.map((warning) => `${warning.message} (${warning.line}:${warning.column})`);
  const { cues } = parseTranscript(decoded.text, { fileName: file, onWarning: (warning) => warnings.push(`${warning.message} (${warning.line}:${warning.column})`) });
  return { cues, warnings };
}

/** The draft a case gives, as `relais ingest` would write it (transcript copied to media/). */
export function draftCase(testCase: CaptureCase): Draft {
  const { cues, warnings } = readCues(testCase.input);
  const name = path.basename(testCase.input);
  return writeDraft(cues, {
    trade: testCase.trade,
    skills: testCase.skills,
    authors: testCase.authors,
    glossary: testCase.glossary,
    source: { transcript: `media/${name}` },
    licence: 'CC-BY-SA-4.0',
    sourceName: `media/${name}`,
    transcriptWarnings: warnings,
    draftPath: `modules/${testCase.trade.id}/${testCase.name}.mdx`,
  });
}

/** A readable summary of a segmentation, for expected.segments.json: every decision and its reason. */
export function segmentationSummary(segmentation: Segmentation) {
  const at = (seconds: number | null) => (seconds === null ? null : clockTime(seconds));
  const short = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text);
  return {
    language: segmentation.language,
    speakers: segmentation.speakers.map(({ speaker, role, because }) => ({ speaker, role, because: because.rule })),
    questions: segmentation.questions.filter((question) => question.kind !== null).map((question) => ({ at: at(question.start), kind: question.kind, words: question.words, text: short(question.text) })),
    segments: segmentation.segments.map((segment) => ({
      kind: segment.kind,
      at: at(segment.start),
      text: short(segment.sentences.map((sentence) => sentence.text).join(' ')),
      because: segment.evidence.map((evidence) => [evidence.because, ...(evidence.words ?? []), ...(evidence.question ? [short(evidence.question)] : [])].join(': ')),
      ...(segment.step ? { step: { action: segment.step.action, keyPoint: segment.step.keyPoint, reason: segment.step.reason } } : {}),
    })),
    tools: segmentation.tools.map((tool) => tool.name),
    unused: segmentation.unused.length,
    stats: segmentation.stats,
    warnings: segmentation.warnings,
  };
}

/** A content folder holding what a draft refers to: its trade, skills, authors and glossary. */
export function writeLibraryFor(contentDir: string, testCase: CaptureCase, language: string): void {
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(contentDir, relative)), { recursive: true });
    writeFileSync(path.join(contentDir, relative), text);
  };
  write(`trades/${testCase.trade.id}.yaml`, `label: ${JSON.stringify(testCase.trade.label)}\nrome: ${testCase.trade.rome}\nsummary: Métier de test.\n`);
  for (const skill of testCase.skills) {
    write(`skills/${skill.id}.yaml`, `trade: ${testCase.trade.id}\nlabel: ${JSON.stringify(skill.label)}\n${skill.rome ? `rome: "${skill.rome}"\n` : ''}levels: { 1: "explique", 2: "fait avec un tuteur", 3: "fait seul" }\n`);
  }
  for (const author of testCase.authors) write(`authors/${author}.yaml`, `name: ${author}\ntrades: [${testCase.trade.id}]\nyears: 20\nstory: Auteur de test.\nconsent: { publish: true, date: 2026-01-01 }\n`);
  if (testCase.glossary.length > 0) write(`glossary/${language}.yaml`, testCase.glossary.map((term) => `${JSON.stringify(term)}: { definition: Définition de test. }`).join('\n') + '\n');
}
