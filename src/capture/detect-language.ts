/** The languages the segmentation has cue words for. */
export const draftLanguages = ['fr', 'en'] as const;
export type DraftLanguage = (typeof draftLanguages)[number];

// Frequent short words that are unmistakably one language or the other.
const MARKERS: Record<DraftLanguage, ReadonlySet<string>> = {
  fr: new Set(['le', 'la', 'les', 'des', 'du', 'un', 'une', 'est', 'et', 'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'pas', 'que', 'qui', 'ce', 'ça', 'dans', 'pour', 'avec', 'sur', 'mais', 'oui', 'non', 'c', 'j', 'l', 'd', 'qu', 'n', 'faut', 'très', 'alors', 'donc']),
  en: new Set(['the', 'and', 'is', 'are', 'it', 'this', 'that', 'you', 'we', 'i', 'of', 'to', 'in', 'with', 'on', 'for', 'was', 'what', 'so', 'but', 'yes', 'no', 'have', 'be', 'not', 'there', 'they', 'my', 'just', 'going', 'then']),
};

/**
 * French or English, by counting frequent function words in (up to) the first 20,000
 * characters. Ties go to French, the site's default language.
 */
export function detectLanguage(text: string): { language: DraftLanguage; scores: Record<DraftLanguage, number> } {
  const scores: Record<DraftLanguage, number> = { fr: 0, en: 0 };
  for (const word of text.slice(0, 20_000).toLowerCase().split(/[^\p{L}]+/u)) {
    if (MARKERS.fr.has(word)) scores.fr++;
    if (MARKERS.en.has(word)) scores.en++;
  }
  return { language: scores.en > scores.fr ? 'en' : 'fr', scores };
}
