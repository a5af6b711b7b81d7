import { syllablesOf, type ProseParagraph } from './prose.ts';

export interface ReadingEase {
  /** 0 (very hard) … 100 (very easy); can fall outside for extreme texts. */
  score: number;
  formula: string;
  words: number;
  sentences: number;
  syllables: number;
}

/**
 * Reading ease of a module's prose: Kandel & Moles (1958), the French adaptation of Flesch,
 * `207 − 1.015 × words/sentence − 73.6 × syllables/word`, and Flesch (1948) for English,
 * `206.835 − 1.015 × words/sentence − 84.6 × syllables/word`. Undefined for other languages.
 */
export function readingEase(paragraphs: readonly ProseParagraph[], language: string): ReadingEase | undefined {
  const base = language.split('-')[0];
  const formula = base === 'fr' ? { name: 'Kandel–Moles', a: 207, b: 1.015, c: 73.6 } : base === 'en' ? { name: 'Flesch', a: 206.835, b: 1.015, c: 84.6 } : undefined;
  if (!formula) return undefined;
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.sentences()) {
      sentences++;
      words += sentence.words.length;
      for (const word of sentence.words) syllables += syllablesOf(word, base!);
    }
  }
  if (words === 0 || sentences === 0) return undefined;
  const score = formula.a - formula.b * (words / sentences) - formula.c * (syllables / words);
  return { score, formula: formula.name, words, sentences, syllables };
}
