import { sentenceCase } from './tidy-speech.ts';

/** A cue's cleaned words with its times (segment-turns.ts makes them). */
export interface Utterance {
  /** Index of the cue it came from. */
  cue: number;
  start: number | null;
  end: number | null;
  speaker: string | null;
  text: string;
}

/** One sentence of a turn, timed by the cues it spans. */
export interface Sentence {
  text: string;
  start: number | null;
  end: number | null;
  words: number;
  /** Cut in the middle of a run-on sentence (no connector or comma near): the next one goes on from here. */
  runsOn?: true;
}

/** Sentences longer than this are cut at a connector ("so", "alors"…), as captions often run on. */
export const LONG_SENTENCE_WORDS = 40;
const HARD_LIMIT_WORDS = 60;
const MIN_PIECE_WORDS = 10;

const ENDS_SENTENCE = /[.!?…]["»”’')\]]*$/u;
const ABBREVIATION = /^(?:m|mm|mme|dr|st|ste|etc|p\.ex|ex|cf|vs|mr|mrs|ms|no|n°|[A-Z])\.$/iu;
const CONNECTORS = new Set(['so', 'however', 'although', 'but', 'okay', 'alors', 'donc', 'mais', 'puis', 'ensuite', 'sinon', 'and']);

interface Token {
  word: string;
  utterance: number;
}

/**
 * The sentences of consecutive utterances (one speaker's turn). A sentence may span cues (a
 * caption line ends mid-sentence); it starts when its first word was said — the start of the
 * cue holding that word — and ends with the cue holding its last. Sentences end at `.`, `!`,
 * `?`, `…` (also at a lone `?` with French spacing); a sentence of more than 40 words is cut
 * before a connector (`so`, `but`, `alors`, `donc`…) and, failing one, at 60 words.
 */
export function splitSentences(utterances: readonly Utterance[]): Sentence[] {
  const tokens: Token[] = [];
  utterances.forEach((utterance, index) => {
    for (const word of utterance.text.split(' ')) if (word !== '') tokens.push({ word, utterance: index });
  });
  const sentences: Sentence[] = [];
  let from = 0;
  const close = (to: number) => {
    if (to > from) {
      let continues = false;
      for (const piece of cutLongSentence(tokens, from, to)) {
        const sentence = makeSentence(tokens, piece.from, piece.to, utterances, continues);
        if (piece.hard) sentence.runsOn = true;
        sentences.push(sentence);
        continues = piece.hard;
      }
    }
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.word;
    const next = tokens[i + 1]?.word;
    if (next === '?' || next === '!') continue; // `combien ?`: the mark ends it.
    if (ENDS_SENTENCE.test(word) && !ABBREVIATION.test(word) && !/^\d+[.,]$/.test(word)) close(i + 1);
  }
  close(tokens.length);
  return sentences;
}

/** Pieces of a long sentence, and whether each was cut where no break is (`hard`). */
function cutLongSentence(tokens: Token[], from: number, to: number): { from: number; to: number; hard: boolean }[] {
  const pieces: { from: number; to: number; hard: boolean }[] = [];
  let start = from;
  while (to - start > LONG_SENTENCE_WORDS) {
    let cut = -1;
    for (let i = start + MIN_PIECE_WORDS; i < Math.min(to - MIN_PIECE_WORDS / 2, start + HARD_LIMIT_WORDS); i++) {
      const word = tokens[i]!.word.toLowerCase().replace(/[,;:]$/, '');
      const previous = tokens[i - 1]!.word;
      const isConnector = CONNECTORS.has(word) && (word !== 'and' || tokens[i + 1]?.word.toLowerCase() === 'then');
      if (isConnector || (/[,;:]$/.test(previous) && i - start >= 2 * MIN_PIECE_WORDS)) {
        cut = i;
        if (isConnector) break;
      }
    }
    const hard = cut === -1;
    if (hard) cut = Math.min(start + HARD_LIMIT_WORDS, to);
    pieces.push({ from: start, to: cut, hard });
    start = cut;
  }
  if (to > start) pieces.push({ from: start, to, hard: false });
  return pieces;
}

function makeSentence(tokens: Token[], from: number, to: number, utterances: readonly Utterance[], continues: boolean): Sentence {
  const first = utterances[tokens[from]!.utterance]!;
  const last = utterances[tokens[to - 1]!.utterance]!;
  const text = tokens
    .slice(from, to)
    .map((token) => token.word)
    .join(' ')
    .replace(/[,;:]$/, '');
  return { text: continues ? text : sentenceCase(text), start: first.start, end: last.end ?? last.start, words: to - from };
}
