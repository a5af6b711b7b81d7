import { textDirection } from '../../i18n/strings.ts';
import { attributes, escapeText } from './escape.ts';

/**
 * Short translations of a trade word, one per language. All are in the page; only the
 * apprentice's help language shows (the `data-help` attribute set from local storage, and the
 * rule GlossStyle.astro writes for each language). `dir` only where the direction changes.
 */
export function glossesHtml(glosses: Record<string, string> = {}, except?: string): string {
  const pageDirection = textDirection(except ?? 'fr');
  return Object.entries(glosses)
    .filter(([code]) => code !== except)
    .map(([code, gloss]) => {
      const direction = textDirection(code);
      return `<span class="gloss"${attributes({ 'data-gloss': code })}> (<span${attributes({ lang: code, dir: direction === pageDirection ? undefined : direction })}>${escapeText(gloss)}</span>)</span>`;
    })
    .join('');
}
