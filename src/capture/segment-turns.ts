import type { Cue } from './cue.ts';
import { plainCueText } from './cue-text.ts';
import type { DraftLanguage } from './detect-language.ts';
import { splitSentences, type Sentence, type Utterance } from './segment-sentences.ts';
import { tidySpeech } from './tidy-speech.ts';

export type Role = 'interviewer' | 'senior' | 'other';

/** Consecutive words of one speaker (or, without speaker labels, one question or one answer). */
export interface Turn {
  speaker: string | null;
  role: Role;
  start: number | null;
  sentences: Sentence[];
}

export interface SpeakerSummary {
  speaker: string | null;
  role: Role;
  turns: number;
  /** Turns that ask something (a sentence ending with `?`). */
  questions: number;
  words: number;
  /** Why this role (the review checklist says it in the draft's language). */
  because: RoleReason;
}

export interface RoleReason {
  rule: 'option' | 'name' | 'asks' | 'listener' | 'most-words' | 'other' | 'questions' | 'answers' | 'monologue';
  questions?: number;
  turns?: number;
  words?: number;
}

export interface TurnOptions {
  /** Speaker label of the interviewer, when the file's labels are known. */
  interviewer?: string;
  /** Speaker label of the senior. */
  senior?: string;
}

export interface Turns {
  turns: Turn[];
  speakers: SpeakerSummary[];
  warnings: string[];
}

const INTERVIEWER_NAME = /interview|enqu[eê]t|journalist|question|^q$|^int\.?$|^i$/iu;
/** Unlabelled transcripts are read as an interview when this share of paragraphs are questions. */
const QUESTION_SHARE_FOR_INTERVIEW = 0.1;
const MAX_QUESTION_WORDS = 40;

/**
 * Cues → turns with roles. With speaker labels, consecutive cues of one speaker make a turn;
 * the interviewer is the speaker who asks (the highest share of turns ending in a question,
 * at least 2, twice anyone else's share, and a fifth of their turns or less than half the words of the others; or a name such as "Interviewer"), the senior the one
 * who speaks most among the others. Without labels, a cue that is a short question is the
 * interviewer's — but only if questions make at least a tenth of the cues (an interview, not a
 * monologue with a few rhetorical questions); the rest is the senior's.
 *
 * Cues are taken in file order: overlapping speech and times going backwards are kept as they
 * are (and reported), since the words' order is what the draft needs.
 */
export function buildTurns(cues: readonly Cue[], language: DraftLanguage, options: TurnOptions = {}): Turns {
  const warnings: string[] = [];
  const utterances = toUtterances(cues, language, warnings);
  const labelled = utterances.some((utterance) => utterance.speaker !== null);
  return labelled ? labelledTurns(utterances, options, warnings) : unlabelledTurns(utterances, warnings);
}

function toUtterances(cues: readonly Cue[], language: DraftLanguage, warnings: string[]): Utterance[] {
  const utterances: Utterance[] = [];
  let backwards = 0;
  let firstBackwards: number | null = null;
  let previousStart = -Infinity;
  cues.forEach((cue, index) => {
    // Typed transcripts mark tape positions as `m.ss<TAB>` at a paragraph start: not speech.
    const raw = cue.text.replace(/^\s*\d{1,2}[.:]\d{2}\t+/, '');
    const text = tidySpeech(plainCueText(raw), language);
    if (cue.start !== null) {
      if (cue.start < previousStart - 0.001) {
        backwards++;
        firstBackwards ??= index;
      }
      previousStart = cue.start;
    }
    if (text !== '') utterances.push({ cue: index, start: cue.start, end: cue.end, speaker: cue.speaker, text });
  });
  if (backwards > 0) {
    warnings.push(`${backwards} cue${backwards === 1 ? '' : 's'} start before the cue above (first: cue ${(firstBackwards ?? 0) + 1}); the file's order was kept, check the clip times there`);
  }
  return utterances;
}

const isQuestion = (sentences: readonly Sentence[]): boolean => sentences.some((sentence) => /\?["»”’)]*$/u.test(sentence.text));
const wordCount = (sentences: readonly Sentence[]): number => sentences.reduce((sum, sentence) => sum + sentence.words, 0);

function labelledTurns(utterances: Utterance[], options: TurnOptions, warnings: string[]): Turns {
  const groups: Utterance[][] = [];
  for (const utterance of utterances) {
    const last = groups.at(-1);
    if (last && last[0]!.speaker === utterance.speaker) last.push(utterance);
    else groups.push([utterance]);
  }
  const turns = groups.map((group) => ({ speaker: group[0]!.speaker, start: group[0]!.start, sentences: splitSentences(group) }));
  const stats = new Map<string | null, { turns: number; questions: number; words: number }>();
  for (const turn of turns) {
    const entry = stats.get(turn.speaker) ?? { turns: 0, questions: 0, words: 0 };
    entry.turns++;
    if (isQuestion(turn.sentences)) entry.questions++;
    entry.words += wordCount(turn.sentences);
    stats.set(turn.speaker, entry);
  }
  const names = [...stats.keys()];
  const because = new Map<string | null, RoleReason>();
  let interviewer: string | null | undefined = options.interviewer;
  if (interviewer !== undefined) because.set(interviewer, { rule: 'option' });
  else {
    const byName = names.find((name) => name !== null && INTERVIEWER_NAME.test(name));
    if (byName !== undefined) {
      interviewer = byName;
      because.set(byName, { rule: 'name' });
    } else if (names.length > 1) {
      const ranked = names
        .map((name) => ({ name, ...stats.get(name)!, share: stats.get(name)!.questions / stats.get(name)!.turns }))
        .sort((a, b) => b.share - a.share || b.questions - a.questions);
      // The one who asks: at least 2 questions, a fifth of their turns, and twice the share of
      // anyone else who spoke 3 turns or more (a single "combien ?" of a third voice does not count).
      const top = ranked.find((entry) => entry.questions >= 2);
      const rival = Math.max(0, ...ranked.filter((entry) => entry !== top && entry.turns >= 3).map((entry) => entry.share));
      // …or, short of a fifth, one who also says less than half as much as the others (a listener).
      const mostWords = Math.max(0, ...ranked.filter((entry) => entry !== top).map((entry) => entry.words));
      if (top && top.share >= 2 * rival && (top.share >= 0.2 || top.words * 2 <= mostWords)) {
        interviewer = top.name;
        because.set(top.name, { rule: top.share >= 0.2 ? 'asks' : 'listener', questions: top.questions, turns: top.turns, words: top.words });
      }
    }
  }
  let senior: string | null | undefined = options.senior;
  if (senior !== undefined) because.set(senior, { rule: 'option' });
  else {
    const candidates = names.filter((name) => name !== interviewer).sort((a, b) => stats.get(b)!.words - stats.get(a)!.words);
    senior = candidates[0];
    if (senior !== undefined) because.set(senior, { rule: 'most-words', words: stats.get(senior)!.words });
  }
  if (interviewer === undefined && names.length > 1) warnings.push('No speaker asks most of the questions, so every speaker is read as answering; name the interviewer with --interviewer if there is one');
  const roleOf = (speaker: string | null): Role => (speaker === interviewer ? 'interviewer' : speaker === senior ? 'senior' : 'other');
  return {
    turns: turns.map((turn) => ({ ...turn, role: roleOf(turn.speaker) })),
    speakers: names.map((name) => ({ speaker: name, role: roleOf(name), ...stats.get(name)!, because: because.get(name) ?? { rule: 'other' } })),
    warnings,
  };
}

function unlabelledTurns(utterances: Utterance[], warnings: string[]): Turns {
  const sentenceLists = utterances.map((utterance) => splitSentences([utterance]));
  const asks = sentenceLists.map((sentences) => isQuestion(sentences) && wordCount(sentences) <= MAX_QUESTION_WORDS && /\?["»”’)]*$/u.test(sentences.at(-1)?.text ?? ''));
  const questionCount = asks.filter(Boolean).length;
  const interview = questionCount >= 3 && questionCount >= utterances.length * QUESTION_SHARE_FOR_INTERVIEW;
  const groups: { role: Role; utterances: Utterance[] }[] = [];
  utterances.forEach((utterance, index) => {
    const role: Role = interview && asks[index] ? 'interviewer' : 'senior';
    const last = groups.at(-1);
    if (last && last.role === role) last.utterances.push(utterance);
    else groups.push({ role, utterances: [utterance] });
  });
  const turns: Turn[] = groups.map((group) => ({ speaker: null, role: group.role, start: group.utterances[0]!.start, sentences: splitSentences(group.utterances) }));
  const summary = (role: Role, because: RoleReason): SpeakerSummary => {
    const mine = turns.filter((turn) => turn.role === role);
    return { speaker: null, role, turns: mine.length, questions: mine.filter((turn) => isQuestion(turn.sentences)).length, words: mine.reduce((sum, turn) => sum + wordCount(turn.sentences), 0), because };
  };
  const speakers = interview
    ? [
        summary('interviewer', { rule: 'questions', questions: questionCount }),
        summary('senior', { rule: 'answers' }),
      ]
    : [summary('senior', { rule: 'monologue', questions: questionCount, turns: utterances.length })];
  if (!interview && utterances.length > 0) warnings.push('The transcript has no speaker labels and few questions: it was read as the senior speaking alone');
  return { turns, speakers, warnings };
}
