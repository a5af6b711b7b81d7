import type { Cue } from './cue.ts';
import { detectLanguage, type DraftLanguage } from './detect-language.ts';
import { readSentenceCues, splitStepSentence, type KnowHowKind, type SentenceCues } from './segment-classify.ts';
import { cueWordMatchers, questionKinds, type CueWordMatchers, type QuestionKind } from './segment-cue-words.ts';
import type { Sentence } from './segment-sentences.ts';
import { buildTurns, type SpeakerSummary, type Turn, type TurnOptions } from './segment-turns.ts';

/** Why a sentence went where it did: shown to the reviewer next to the block. */
export interface Evidence {
  because:
    | 'cue-words' // its own words: `words`
    | 'question' // it answers a question of that kind: `question`
    | 'sequence' // order words: `words`
    | 'action' // someone doing something: `words`
    | 'refers-back' // short and pointing back: the sentence before was taken with it
    | 'reason-answer' // answers a "why?" about the step before
    | 'key-point' // says what to watch in the step before: `words`
    | 'reason'; // says why, about the step before: `words`
  words?: string[];
  question?: string;
}

export interface Question {
  text: string;
  start: number | null;
  kind: QuestionKind | null;
  words: string[];
}

export interface StepParts {
  action: string;
  keyPoint: string | null;
  reason: string | null;
  /** Further sentences said about the step, not placed in it (listed for the reviewer). */
  details: string[];
}

/** One block of know-how for the draft, with the moment it starts in the recording. */
export interface KnowHowSegment {
  kind: KnowHowKind;
  start: number | null;
  end: number | null;
  speaker: string | null;
  sentences: Sentence[];
  evidence: Evidence[];
  /** The interviewer's question this answers, if any. */
  question: string | null;
  step?: StepParts;
}

export interface ToolMention {
  name: string;
  start: number | null;
  mentions: number;
}

export interface Segmentation {
  language: DraftLanguage;
  speakers: SpeakerSummary[];
  questions: Question[];
  segments: KnowHowSegment[];
  tools: ToolMention[];
  /** The senior's sentences that no block took (the reviewer may still want them). */
  unused: Sentence[];
  stats: { cues: number; turns: number; sentences: number; words: number };
  warnings: string[];
}

export interface SegmentOptions extends TurnOptions {
  /** Default: detected from the words. */
  language?: DraftLanguage;
}

/** A block takes at most this many sentences that carry no cue of their own after its first. */
const MAX_CONTINUATION = 2;
/** …and at most this many sentences, or this many words, in all. */
const MAX_BLOCK_SENTENCES = 6;
const MAX_BLOCK_WORDS = 90;

/**
 * Cues → know-how segments, deterministically, with the reason for every decision:
 *
 * 1. turns and roles (segment-turns.ts): who asks, who answers;
 * 2. each interviewer turn is a question, given a kind by its words (`pourquoi` → reason,
 *    `erreur`/`débutant` → mistake, `et si` → what-if, `sécurité` → safety, `outils` → tools…);
 * 3. each sentence of an answer is read for its own cues (segment-classify.ts): safety,
 *    mistake, what-if (a condition and a problem), tip, story words; a step is order words
 *    ("d'abord", "ensuite", "first") or someone doing something ("on emboîte", "we can take");
 * 4. a sentence with cues of its own starts a block of that kind — except that, in an answer
 *    to a safety, mistake, what-if or tip question, a plain action stays in that answer's
 *    block; the answer's first sentence without cues takes the question's kind; sentences
 *    without cues continue the block before them (2 at most), a reason ("parce que…") or a
 *    key point ("jusqu'à ce que…") goes into the step before it, and the answer to a "why?"
 *    becomes the reason of the last step; a short sentence pointing back ("…oublient toujours
 *    ça") takes the sentence before it along.
 *
 * Every block keeps the start of its first sentence's cue, for `<Clip at>`.
 */
export function segmentTranscript(cues: readonly Cue[], options: SegmentOptions = {}): Segmentation {
  const language = options.language ?? detectLanguage(sampleText(cues)).language;
  const matchers = cueWordMatchers(language);
  const { turns, speakers, warnings } = buildTurns(cues, language, options);
  const questions: Question[] = [];
  const segments: KnowHowSegment[] = [];
  const unused: Sentence[] = [];
  const toolCounts = new Map<string, ToolMention>();
  let current: Question | null = null;
  let answered = 0;
  // Which answer turn each block came from, so that a "why?" finds the step it follows.
  const turnOf = new Map<KnowHowSegment, number>();
  let lastAnswerTurn = -1;
  let answerTurnBeforeQuestion = -1;
  let sentences = 0;
  let words = 0;
  for (const [turnIndex, turn] of turns.entries()) {
    if (turn.role === 'interviewer') {
      answerTurnBeforeQuestion = lastAnswerTurn;
      const question = readQuestion(turn, matchers);
      questions.push(question);
      // A back-channel ("ouais.", "d'accord") keeps the question open; a new question replaces it.
      if (question.kind !== null || question.text.includes('?')) {
        current = question;
        answered = 0;
      }
      continue;
    }
    for (const sentence of turn.sentences) {
      sentences++;
      words += sentence.words;
    }
    const noteTools = (sentence: Sentence, tools: readonly string[]) => {
      for (const tool of tools) {
        // "ordinateur" and "ordinateurs" are one tool, named as first said.
        const key = tool.replace(/[sx]$/u, '');
        const mention = toolCounts.get(key) ?? { name: tool, start: sentence.start, mentions: 0 };
        mention.mentions++;
        toolCounts.set(key, mention);
      }
    };
    // The question's kind reaches the answer and, past a back-channel ("ouais."), its next turn; a "why?" only the first.
    const asked = answered === 0 ? current : answered === 1 && current?.kind !== 'reason' ? current : null;
    const before = segments.length;
    segmentAnswer(turn, asked, language, matchers, segments, unused, (step) => turnOf.get(step) === answerTurnBeforeQuestion, noteTools);
    for (const segment of segments.slice(before)) turnOf.set(segment, turnIndex);
    lastAnswerTurn = turnIndex;
    answered++;
  }
  return {
    language,
    speakers,
    questions,
    segments,
    tools: [...toolCounts.values()],
    unused,
    stats: { cues: cues.length, turns: turns.length, sentences, words },
    warnings,
  };
}

function sampleText(cues: readonly Cue[]): string {
  let text = '';
  for (const cue of cues) {
    text += ` ${cue.text}`;
    if (text.length > 20_000) break;
  }
  return text;
}

function readQuestion(turn: Turn, matchers: CueWordMatchers): Question {
  // The last two sentences hold the question itself ("Bon. Et si on chauffe trop ?").
  const text = turn.sentences
    .slice(-2)
    .map((sentence) => sentence.text)
    .join(' ');
  for (const kind of questionKinds) {
    const found = matchers.question[kind].find(text);
    if (found.length > 0) return { text, start: turn.start, kind, words: found };
  }
  return { text, start: turn.start, kind: null, words: [] };
}

/** The block kind a question's answer defaults to (tools have their own list; reasons join a step). */
const kindOfAnswer: Record<QuestionKind, KnowHowKind | null> = {
  step: 'step',
  reason: null,
  mistake: 'mistake',
  safety: 'safety',
  tools: null,
  whatif: 'whatif',
  tip: 'tip',
  perception: 'tip',
  story: 'story',
};

interface OpenBlock {
  segment: KnowHowSegment;
  /** Sentences taken without cues of their own. */
  continued: number;
}

function segmentAnswer(
  turn: Turn,
  question: Question | null,
  language: DraftLanguage,
  matchers: CueWordMatchers,
  segments: KnowHowSegment[],
  unused: Sentence[],
  justAnswered: (step: KnowHowSegment) => boolean,
  noteTools: (sentence: Sentence, tools: readonly string[]) => void,
): void {
  const questionKind = question?.kind ? kindOfAnswer[question.kind] : null;
  const questionText = question?.text ?? null;
  let open: OpenBlock | null = null;
  // Sentences not (yet) in a block, or only continuing one: a sentence pointing back may take them.
  let previous: { sentence: Sentence; block: OpenBlock | null; head: boolean } | null = null;
  let inherited = false;

  // A step's parts are worked out once per sentence (to know whether it has an action, then to fill the step).
  let stepParts: { sentence: Sentence; parts: ReturnType<typeof splitStepSentence> } | null = null;
  const partsOf = (sentence: Sentence) => {
    if (stepParts?.sentence !== sentence) stepParts = { sentence, parts: splitStepSentence(sentence.text, language) };
    return stepParts.parts;
  };
  const start = (kind: KnowHowKind, sentence: Sentence, evidence: Evidence[]): OpenBlock => {
    const segment: KnowHowSegment = { kind, start: sentence.start, end: sentence.end, speaker: turn.speaker, sentences: [sentence], evidence, question: questionText };
    if (kind === 'step') segment.step = { ...partsOf(sentence), details: [] };
    segments.push(segment);
    return { segment, continued: 0 };
  };
  const append = (block: OpenBlock, sentence: Sentence) => {
    block.segment.sentences.push(sentence);
    block.segment.end = sentence.end ?? block.segment.end;
  };

  turn.sentences.forEach((sentence, index) => {
    const cues = readSentenceCues(sentence.text, language, matchers);
    noteTools(sentence, cues.tools);
    const strongest = cues.kinds[0];
    // A hazard word alone does not override what the question asked about.
    const own = strongest?.weak && questionKind !== null && questionKind !== 'step' ? cues.kinds[1] : strongest;
    // "Et puis voilà." has order words but no action to put in a step.
    const isStep = (cues.sequence.length > 0 || cues.action.length > 0) && partsOf(sentence).action.split(' ').length >= 2;
    const actionInsideAnswer = isStep && cues.sequence.length === 0 && questionKind !== null && questionKind !== 'step' && questionKind !== 'story';
    let head = false;

    // 1. The answer to "why?" explains the last step.
    if (index === 0 && question?.kind === 'reason') {
      const step = stepAskedAbout(segments, question, justAnswered);
      if (step && !own) {
        setReason(step, sentence.text, language);
        step.evidence.push({ because: 'reason-answer', question: questionText ?? undefined });
        open = { segment: step, continued: 0 };
        previous = { sentence, block: open, head: false };
        return;
      }
    }
    // 2. A reason or key point said just after a step belongs to it.
    const openStep: KnowHowSegment | null = (open as OpenBlock | null)?.segment.kind === 'step' ? (open as OpenBlock).segment : null;
    if (openStep && !own && (cues.startsWithReason || (cues.keyPoint.length > 0 && cues.sequence.length === 0 && cues.action.length === 0))) {
      const parts = openStep.step!;
      if (cues.startsWithReason) {
        if (parts.reason === null) setReason(openStep, sentence.text, language);
        else parts.details.push(sentence.text);
        openStep.evidence.push({ because: 'reason', words: cues.reason.slice(0, 3) });
      } else {
        if (parts.keyPoint === null) parts.keyPoint = trimEnd(sentence.text);
        else parts.details.push(sentence.text);
        openStep.evidence.push({ because: 'key-point', words: cues.keyPoint.slice(0, 3) });
      }
      append(open!, sentence);
      previous = { sentence, block: open, head: false };
      return;
    }
    // 3. Cues of its own start a block (or extend one of the same kind).
    let kind: KnowHowKind | null = null;
    let evidence: Evidence[] = [];
    if (own) {
      kind = own.kind;
      evidence = [{ because: 'cue-words', words: own.words }];
    } else if (isStep && !actionInsideAnswer) {
      kind = 'step';
      evidence = cues.sequence.length > 0 ? [{ because: 'sequence', words: cues.sequence }] : [{ because: 'action', words: cues.action }];
    } else if (actionInsideAnswer && !open && questionKind) {
      kind = questionKind;
      evidence = [{ because: 'question', question: questionText ?? undefined }, { because: 'action', words: cues.action }];
    } else if (!open && !inherited && questionKind && index < 2 && sentence.words >= 4) {
      kind = questionKind;
      evidence = [{ because: 'question', question: questionText ?? undefined }];
      inherited = true;
    }
    const block = open as OpenBlock | null;
    if (kind !== null) {
      if (block && block.segment.kind === kind && kind !== 'step' && hasRoom(block, sentence)) {
        append(block, sentence);
        block.segment.evidence.push(...evidence);
        block.continued = 0;
      } else {
        open = start(kind, sentence, evidence);
        head = true;
        takePreviousIfPointedAt(open, cues, previous, unused);
      }
    } else if (block && (block.continued < MAX_CONTINUATION || actionInsideAnswer) && hasRoom(block, sentence)) {
      if (block.segment.kind === 'step') block.segment.step!.details.push(sentence.text);
      append(block, sentence);
      block.continued++;
    } else {
      open = null;
      unused.push(sentence);
    }
    previous = { sentence, block: open, head };
  });
}

function hasRoom(block: OpenBlock, sentence: Sentence): boolean {
  const words = block.segment.sentences.reduce((sum, s) => sum + s.words, 0);
  return block.segment.sentences.length < MAX_BLOCK_SENTENCES && words + sentence.words <= MAX_BLOCK_WORDS;
}

/** "Les apprentis oublient toujours ça." needs the sentence before it to make sense. */
function takePreviousIfPointedAt(block: OpenBlock, cues: SentenceCues, previous: { sentence: Sentence; block: OpenBlock | null; head: boolean } | null, unused: Sentence[]): void {
  if (!cues.refersBack || !previous || block.segment.kind === 'step') return;
  const { sentence } = previous;
  if (previous.block && !previous.head) {
    const from = previous.block.segment;
    from.sentences = from.sentences.filter((s) => s !== sentence);
    if (from.step) from.step.details = from.step.details.filter((text) => text !== sentence.text);
  } else if (!previous.block) {
    const at = unused.lastIndexOf(sentence);
    if (at !== -1) unused.splice(at, 1);
  }
  block.segment.sentences.unshift(sentence);
  block.segment.start = sentence.start ?? block.segment.start;
  block.segment.evidence.push({ because: 'refers-back' });
}

/**
 * The step a "why?" is about: among the last few steps, the one sharing the most words with the
 * question ("faire briller" → "… jusqu'à ce que le cuivre brille"), the latest on a tie.
 */
function stepAskedAbout(segments: KnowHowSegment[], question: Question, justAnswered: (step: KnowHowSegment) => boolean): KnowHowSegment | null {
  const stems = wordStems(question.text);
  let best: KnowHowSegment | null = null;
  let bestScore = -1;
  const recent = segments.slice(-6);
  for (const segment of recent) {
    if (segment.kind !== 'step') continue;
    const own = wordStems(segment.sentences.map((sentence) => sentence.text).join(' '));
    const score = [...stems].filter((stem) => own.has(stem)).length;
    if (score >= bestScore) {
      best = segment;
      bestScore = score;
    }
  }
  // Without a shared word, only a step of the answer the question follows qualifies.
  if (best && bestScore === 0 && !(best === recent.at(-1) && justAnswered(best))) return null;
  return best;
}

/** Word stems for overlap: the first 5 letters of words of 4 letters or more. */
export function wordStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 4) stems.add(word.slice(0, 5));
  return stems;
}

function setReason(step: KnowHowSegment, text: string, language: DraftLanguage): void {
  const reason = trimEnd(text).replace(language === 'fr' ? /^(?:(?:et|mais|oui|non)[ ,]+)?(?:parce que |parce qu['’]|car )/iu : /^(?:(?:and|but|yes|yeah|no)[ ,]+)?(?:because |['’]cause )/iu, '');
  step.step!.reason = reason.charAt(0).toLocaleUpperCase() + reason.slice(1);
}

const trimEnd = (text: string): string => text.replace(/[.!?…\s]+$/u, '');
