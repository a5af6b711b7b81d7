import type { Nodes, Paragraph, Root, Text } from 'mdast';
import { isJsxElement, walk } from './mdx-document.ts';

/**
 * The prose of a module as an apprentice reads it: paragraphs (in lists, quotes and know-how
 * components too), not headings, code or tables. Each keeps a map from its text back to the
 * source, so a long sentence is reported where it starts.
 */
export interface ProseParagraph {
  node: Paragraph;
  text: string;
  /** Source offset of the character at `index` of `text` (the nearest known one when markup intervenes). */
  offsetAt(index: number): number;
  /** The paragraph's sentences (computed once: several rules read them). */
  sentences(): Sentence[];
}

const cache = new WeakMap<Root, ProseParagraph[]>();

/** Paragraphs in document order (computed once per tree: several rules read them). */
export function paragraphsOf(tree: Root, source: string): ProseParagraph[] {
  const cached = cache.get(tree);
  if (cached) return cached;
  const out: ProseParagraph[] = [];
  cache.set(tree, out);
  walk(tree, (node) => {
    if (node.type === 'code' || node.type === 'heading' || node.type === 'table' || node.type === 'mdxjsEsm') return false;
    if (node.type === 'paragraph') {
      const prose = proseOf(node, source);
      if (prose.text.trim()) out.push(prose);
      return false;
    }
    return undefined;
  });
  return out;
}

/** A run of the paragraph's text and where it comes from; mapped to the source only when asked. */
interface Piece {
  from: number;
  node: Text | undefined;
  start: number;
}

function proseOf(paragraph: Paragraph, source: string): ProseParagraph {
  let text = '';
  const pieces: Piece[] = [];
  const fallback = paragraph.position?.start.offset ?? 0;
  const visit = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'break') {
      pieces.push({ from: text.length, node: node.type === 'text' ? node : undefined, start: node.position?.start.offset ?? fallback });
      text += node.type === 'break' ? ' ' : node.value;
    } else if (isJsxElement(node) && node.name === 'Clip') {
      // a timestamp, not words
    } else if ('children' in node) {
      for (const child of node.children as Nodes[]) visit(child);
    }
  };
  for (const child of paragraph.children) visit(child);
  let sentences: Sentence[] | undefined;
  return {
    node: paragraph,
    text,
    offsetAt(index) {
      let piece: Piece | undefined;
      for (const candidate of pieces) if (candidate.from <= index) piece = candidate;
      if (!piece) return fallback;
      if (!piece.node) return piece.start;
      return alignToSource(piece.node, source)[index - piece.from] ?? piece.start;
    },
    sentences: () => (sentences ??= sentencesOf(text)),
  };
}

/**
 * Source offset of each character of a text node. The value can differ from its source slice
 * (indentation inside lists, `\*` escapes, `&amp;` references), so the two are walked together.
 */
export function alignToSource(node: Text, source: string): number[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const slice = source.slice(start, end);
  const value = node.value;
  if (slice === value) return Array.from({ length: value.length }, (_, index) => start + index);
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    let fromReference = false;
    while (j < slice.length && slice[j] !== value[i]) {
      if (slice[j] === '\\' && slice[j + 1] === value[i]) {
        j++;
        break;
      }
      if (slice[j] === '&') {
        const semicolon = slice.indexOf(';', j);
        if (semicolon !== -1 && /^&#?[0-9a-zA-Z]{1,31};$/.test(slice.slice(j, semicolon + 1))) {
          map.push(start + j);
          j = semicolon + 1;
          fromReference = true;
          break;
        }
      }
      j++; // indentation, `>` of a quote, or other markup the value does not hold
    }
    if (fromReference) continue;
    map.push(start + Math.min(j, slice.length));
    j++;
  }
  return map;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export const wordsOf = (text: string): string[] => text.match(wordPattern) ?? [];

export interface Sentence {
  /** Index in the paragraph text where the sentence starts (its first word). */
  start: number;
  text: string;
  words: string[];
}

/**
 * Splits a paragraph into sentences: after `.`, `!`, `?`, `…` (and any closing quote) followed by a capital letter, a
 * digit or a quote (so `etc. et`, `p. ex.` and `4.5` do not split), and before the labels of a
 * step (`Point clé :`, `Pourquoi :`, `Key point:`, `Why:`), which a reader takes as new sentences.
 */
export function sentencesOf(text: string): Sentence[] {
  // French puts a space before a closing `»`: `… doigts. » Avant …` ends a sentence too.
  const boundary = /[.!?…]+(?:[\s\u00a0\u202f]*["»”’)])*\s+(?=[\p{Lu}\p{N}«"“(])|(?=\b(?:Point clé|Pourquoi|Key point|Why)\s*:)/gu;
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const words = wordsOf(piece);
    if (words.length > 0) {
      const lead = piece.search(/[\p{L}\p{N}]/u);
      sentences.push({ start: from + Math.max(0, lead), text: piece.trim(), words });
    }
  };
  for (const match of text.matchAll(boundary)) {
    const to = match.index + match[0].length;
    if (to <= from) continue;
    push(to);
    from = to;
  }
  push(text.length);
  return sentences;
}

/** Written syllables: vowel groups, with English silent final `e` dropped; at least one. */
export function syllablesOf(word: string, language: string): number {
  const lower = word.toLowerCase();
  if (/^\p{N}+$/u.test(lower)) return Math.max(1, lower.length);
  const groups = lower.match(language === 'en' ? /[aeiouy]+/g : /[aeiouyàâäéèêëîïôöûùüÿœæ]+/g)?.length ?? 0;
  let count = groups;
  if (language === 'en' && count > 1 && /[^aeiouy]e$/.test(lower) && !/[^aeiouy]le$/.test(lower)) count--;
  return Math.max(1, count);
}
