import { orderLanguages, referenceStrings, textDirection as directionOf, type StringKey, type UiStrings } from './languages.ts';

export type { StringKey, UiStrings } from './languages.ts';
import { defaultLanguage, fillPlaceholders } from './text.ts';
export { defaultLanguage, localizedUrl, localText, pickText } from './text.ts';

/**
 * UI languages: one strings file each (`src/i18n/<code>.json`), found here by Vite, so adding a
 * language is adding its file (docs/adr/0005-offline-and-languages.md). Node tools that run
 * outside Vite read the same folder with `languages-fs.ts`.
 */
const files = import.meta.glob<UiStrings>('./*.json', { eager: true, import: 'default' });

export const uiStrings: Readonly<Record<string, UiStrings>> = Object.fromEntries(
  Object.entries(files).map(([file, strings]) => [file.replace(/^\.\/|\.json$/g, ''), strings]),
);
/** A UI language code (`fr`, `en`, `ar`…): the name of a strings file. */
export type UiLanguage = string;
/** French first (it sits at the site root), then the others by code. */
export const uiLanguages: readonly UiLanguage[] = orderLanguages(Object.keys(uiStrings), defaultLanguage);

export const isUiLanguage = (value: string | undefined): value is UiLanguage => !!value && Object.hasOwn(uiStrings, value);

/** A module's UI falls back to French when its own language has no strings file. */
export const uiLanguageFor = (language: string): UiLanguage => {
  const base = language.split('-')[0]!;
  return isUiLanguage(base) ? base : defaultLanguage;
};

/** `ltr` or `rtl` for any language tag: the strings file says it for UI languages, Intl for others. */
export const textDirection = (language: string): 'ltr' | 'rtl' => directionOf(language, uiStrings);

/** `t('home.modules', { count: 3 })`; missing keys fall back to French so a page never shows a key. */
export function translator(language: UiLanguage) {
  const table: Partial<Record<string, string>> = uiStrings[language] ?? {};
  const fallback: Record<string, string> = referenceStrings;
  return (key: StringKey, values: Record<string, string | number> = {}): string =>
    fillPlaceholders(table[key] ?? fallback[key] ?? key, values);
}

/**
 * The strings an island needs, in a language (French filling gaps): only the keys with these
 * prefixes travel to the browser, so an app page never bundles the strings files.
 */
export function stringsWithPrefixes(language: UiLanguage, ...prefixes: string[]): Record<string, string> {
  const t = translator(language);
  return Object.fromEntries((Object.keys(referenceStrings) as StringKey[]).filter((key) => prefixes.some((prefix) => key.startsWith(prefix))).map((key) => [key, t(key)]));
}

/**
 * `lang` (and `dir` when the direction changes) for a piece of text inside a page of another
 * language: a French trade summary on an Arabic page reads left to right, in French.
 */
export function langAttributes(textLang: string, pageLang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (textLang === pageLang) return {};
  const dir = textDirection(textLang);
  return dir === textDirection(pageLang) ? { lang: textLang } : { lang: textLang, dir };
}
