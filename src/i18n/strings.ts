import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

/** UI languages: one strings file each; French is the default and sits at the site root. */
export const uiStrings = { fr, en } as const;
export type UiLanguage = keyof typeof uiStrings;
export type StringKey = keyof typeof fr;
export const uiLanguages = Object.keys(uiStrings) as UiLanguage[];
export const defaultLanguage: UiLanguage = 'fr';

export const isUiLanguage = (value: string | undefined): value is UiLanguage => !!value && value in uiStrings;

/** A module's UI falls back to French when its own language has no strings file. */
export const uiLanguageFor = (language: string): UiLanguage => {
  const base = language.split('-')[0]!;
  return isUiLanguage(base) ? base : defaultLanguage;
};

/** `t('home.modules', { count: 3 })`; missing keys fall back to French so a page never shows a key. */
export function translator(language: UiLanguage) {
  const table: Record<string, string> = uiStrings[language];
  const fallback: Record<string, string> = uiStrings[defaultLanguage];
  return (key: StringKey, values: Record<string, string | number> = {}): string =>
    (table[key] ?? fallback[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Root-relative URL of a page in a UI language: French at the root, others under `/<lang>/`. */
export function localizedUrl(language: UiLanguage, pathname: string): string {
  const clean = pathname.startsWith('/') ? pathname : `/${pathname}`;
  return language === defaultLanguage ? clean : `/${language}${clean}`;
}

/** Picks the text for a language from `{fr, en}` (or a plain string), falling back to French. */
export function pickText(value: string | Record<string, string | undefined>, language: string): string {
  if (typeof value === 'string') return value;
  return value[language] ?? value[defaultLanguage] ?? Object.values(value).find(Boolean) ?? '';
}
