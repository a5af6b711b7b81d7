import type { DraftLanguage } from './detect-language.ts';

const NOT_WORD = "(?<![\\p{L}\\p{N}'’~-])";
const END_WORD = "(?![\\p{L}\\p{N}'’~-])";

/** Hesitations and transcription marks that carry no know-how (`XXX` = inaudible in Rhapsodie). */
const FILLERS: Record<DraftLanguage, string[]> = {
  fr: ['euh', 'heu', 'hum', 'pff+', 'mh+', 'mhm', 'hein', 'bah', 'xxx+'],
  en: ['uh', 'um+', 'erm', 'hmm+', 'mh+', 'mhm', 'uh-huh', 'xxx+'],
};

const fillerPatterns: Record<DraftLanguage, RegExp> = {
  fr: fillerPattern(FILLERS.fr),
  en: fillerPattern(FILLERS.en),
};

function fillerPattern(words: string[]): RegExp {
  return new RegExp(`${NOT_WORD}(?:${words.join('|')})${END_WORD}[ \\t]*[,…]?`, 'giu');
}

/**
 * Spoken words → words a reader can follow, without changing what was said:
 * hesitations (`euh`, `hein`, `uh`, `um`), inaudible marks (`XXX`) and cut-off words (`mé~`)
 * go; a word repeated at once (`des, des`, `the the`) is kept once; stray commas are tidied.
 * Letters, numbers and word order are never changed, so a reviewer finds the words in the
 * transcript. Capitals at sentence starts are added later, per sentence (`sentenceCase`).
 */
export function tidySpeech(text: string, language: DraftLanguage): string {
  let tidy = text.replace(fillerPatterns[language], ' ');
  if (tidy.includes('~')) tidy = tidy.replace(/[\p{L}'’-]*~/gu, ' ');
  tidy = dropRepeats(tidy);
  return tidy
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .replace(/,(?:\s*,)+/g, ',')
    .replace(/,\s*([.!?…])/g, '$1')
    .replace(/^[\s,.;:]+/, '')
    .replace(/[\s,;]+$/, '')
    .trim();
}

/** The first letter in upper case (transcripts such as Rhapsodie start sentences in lower case). */
export function sentenceCase(sentence: string): string {
  const first = sentence.search(/\p{L}/u);
  if (first === -1) return sentence;
  return sentence.slice(0, first) + sentence.charAt(first).toLocaleUpperCase() + sentence.slice(first + 1);
}

/** `des, des chaises` → `des chaises`: a word said again at once (a comma between or not) is kept once. */
function dropRepeats(text: string): string {
  const words = text.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    const previous = kept.at(-1);
    if (previous !== undefined && word.length > 0 && /\p{L}/u.test(word.charAt(0))) {
      const bare = previous.endsWith(',') ? previous.slice(0, -1) : previous;
      const core = word.replace(/[,.;:!?…]+$/u, '');
      if (bare.toLowerCase() === core.toLowerCase() && core.length > 0) {
        // Keep the later punctuation ("des, des." → "des.").
        kept[kept.length - 1] = bare + word.slice(core.length);
        continue;
      }
    }
    kept.push(word);
  }
  return kept.join(' ');
}
