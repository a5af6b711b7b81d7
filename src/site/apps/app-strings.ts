import { fillPlaceholders, pickText } from '../../i18n/text.ts';

/*
 * Client helpers for the app pages' islands. The page picks the strings at build time
 * (`stringsWithPrefixes`, src/i18n/strings.ts); importing strings.ts here would bundle every
 * strings file into the island.
 */

/** `format(strings['x'], { name })` on the client, as `translator` does at build time. */
export function format(text: string | undefined, values: Record<string, string | number> = {}): string {
  return fillPlaceholders(text ?? '', values);
}

/** A label in the UI language, else French, else the first one; catalogue text arrives as `unknown` (a string or `{ fr, en, … }`). */
export function localText(text: unknown, lang: string): string {
  return typeof text === 'string' || (text !== null && typeof text === 'object') ? pickText(text as Record<string, string>, lang) : '';
}

/** The strings a page picked for its island, by key. */
export type AppStrings = Readonly<Record<string, string>>;
