import { normalizeTerm } from '../site/lib/anchors.ts';

/**
 * The glossary words a module uses, from its MDX source, in order of first use and once each:
 * `<Term>brasure</Term>` → `brasure`, `<Term id="écran thermique">Écran</Term>` → `écran thermique`.
 * Read from the source (not while rendering) so the module glossary never depends on render order.
 */
export function termsUsed(source: string): string[] {
  const keys: string[] = [];
  for (const match of source.matchAll(/<Term(?:\s+id\s*=\s*(?:"([^"]*)"|'([^']*)'))?\s*>([\s\S]*?)<\/Term>/g)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? '').replace(/<[^>]+>|[*_`]/g, '');
    const key = normalizeTerm(text);
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
