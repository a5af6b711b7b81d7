import type { Nodes, Text } from 'mdast';
import { reportWarning } from '../../content/report.ts';
import { normalizeTerm } from '../../site/lib/anchors.ts';
import { attachFix, pointOf } from '../fix.ts';
import { isComponent, isJsxElement, literalProp, textOf } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { alignToSource } from '../prose.ts';
import { glossaryFor } from './unknown-term.ts';

const matchers = new WeakMap<string[], RegExp | undefined>();

/** One regular expression for all the glossary's words (longest first), whole words, any case. */
function matcherFor(keys: string[]): RegExp | undefined {
  if (matchers.has(keys)) return matchers.get(keys);
  const alternatives = [...new Set(keys.map(normalizeTerm))]
    .filter((key) => key.length > 1)
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘]").replace(/ /g, '\\s+'));
  const matcher = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : undefined;
  matchers.set(keys, matcher);
  return matcher;
}

/** Where words are not plain prose that a `<Term>` could wrap. */
const skipped = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'image', 'imageReference', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml']);

/**
 * A glossary word is shown as `<Term>` the first time a module uses it, so an apprentice can
 * tap it for its plain definition. `--fix` wraps that first use (`<Term>brasure</Term>`).
 * Titles (headings, a step's bold action), links, code and the choices of a quiz or checklist
 * are not prose a term is wrapped in, and do not count as uses.
 */
export const checkTermFirstUse: ModuleRule = ({ doc, language, data }, facts) => {
  const glossary = glossaryFor(facts, language);
  const matcher = glossary && matcherFor(glossary.keys);
  if (!glossary || !matcher) return;
  const introduced = new Set<string>();
  const visitText = (node: Text) => {
    matcher.lastIndex = 0;
    for (const match of node.value.matchAll(matcher)) {
      const key = normalizeTerm(match[0]);
      if (introduced.has(key)) continue;
      introduced.add(key);
      const trades = facts.termTrades.get(key);
      if (data && trades && !trades.has(data.trade)) continue; // a word of other trades, maybe another meaning
      const map = alignToSource(node, doc.source);
      const from = map[match.index];
      const last = map[match.index + match[0].length - 1];
      const start = doc.pointAt(from ?? node.position?.start.offset ?? 0);
      const message = reportWarning(
        doc.file,
        `Unexpected \`${match[0]}\` without \`<Term>\` on its first use, expected \`<Term>${match[0]}</Term>\` (it is in glossary/${glossary.language}.yaml)`,
        { start, end: last === undefined ? start : doc.pointAt(last + 1) },
        'term-first-use',
      );
      if (from !== undefined && last !== undefined && doc.source.slice(from, last + 1) === match[0]) {
        attachFix(message, { start: pointOf(doc.pointAt(from)), end: pointOf(doc.pointAt(last + 1)), text: `<Term>${match[0]}</Term>` });
      }
    }
  };
  // `quiet`: words that are not reported but whose `<Term>`s count: a quiz's or checklist's
  // choices (form labels, where a tappable term gets in the way) and a paragraph's leading bold
  // words (a title, such as a step's action).
  const visit = (node: Nodes, quiet: boolean): void => {
    if (skipped.has(node.type)) return;
    if (isComponent(node, 'Term')) {
      introduced.add(normalizeTerm(literalProp(node, 'id') ?? textOf(node)));
      return;
    }
    if (isJsxElement(node) && (node.name === 'Clip' || node.name === 'a')) return;
    if (node.type === 'text') {
      if (!quiet) visitText(node);
      return;
    }
    const inForm = quiet || isComponent(node, 'Quiz') || isComponent(node, 'Checklist');
    if ('children' in node) {
      (node.children as Nodes[]).forEach((child, index) => visit(child, inForm || (node.type === 'paragraph' && index === 0 && child.type === 'strong')));
    }
  };
  visit(doc.tree, false);
};
