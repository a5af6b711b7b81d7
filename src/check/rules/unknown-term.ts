import { reportWarning } from '../../content/report.ts';
import { normalizeTerm } from '../../site/lib/anchors.ts';
import { isComponent, literalProp, textOf, walk } from '../mdx-document.ts';
import { uiLanguageFor, type LibraryFacts, type ModuleRule } from '../module-context.ts';
import { expectedOneOf } from '../suggest.ts';

/** The glossary a module's `<Term>`s read: the one of its UI language, else of its own language (as the module page does). */
export function glossaryFor(facts: LibraryFacts, language: string): { language: string; keys: string[] } | undefined {
  for (const candidate of [uiLanguageFor(facts, language), language]) {
    const keys = facts.glossaries.get(candidate);
    if (keys) return { language: candidate, keys };
  }
  return undefined;
}

/** A `<Term>` shows its glossary entry; one the glossary does not define shows nothing to tap. */
export const checkUnknownTerm: ModuleRule = ({ doc, language }, facts) => {
  if (facts.standalone) return;
  const glossary = glossaryFor(facts, language);
  const known = new Set((glossary?.keys ?? []).map(normalizeTerm));
  walk(doc.tree, (node) => {
    if (!isComponent(node, 'Term')) return;
    const key = normalizeTerm(literalProp(node, 'id') ?? textOf(node));
    if (!key || known.has(key)) return false;
    const where = glossary ? `glossary/${glossary.language}.yaml` : `a glossary/${uiLanguageFor(facts, language)}.yaml`;
    reportWarning(doc.file, `Unexpected term \`${key}\`, not defined in ${where}: add it there, or ${glossary ? expectedOneOf(key, glossary.keys, 3) : 'create the glossary'}${literalProp(node, 'id') ? '' : ' (or `<Term id="…">` when the word differs from the entry)'}`, node.position, 'unknown-term');
    return false;
  });
};
