import { translator, type StringKey, type UiLanguage } from '../../i18n/strings.ts';

/** The strings an app page needs, picked at build time by prefix so the island gets only those. */
export function appStrings(lang: UiLanguage, keys: readonly StringKey[]): Record<string, string> {
  const t = translator(lang);
  return Object.fromEntries(keys.map((key) => [key, t(key)]));
}

/** `format(strings['x'], { name })` on the client, as `translator` does at build time. */
export function format(text: string | undefined, values: Record<string, string | number> = {}): string {
  return (text ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A label in the UI language, else French, else the first one (catalogue text is a string or `{ fr, en, … }`). */
export function localText(text: unknown, lang: string): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const table = text as Record<string, string>;
    return table[lang] ?? table.fr ?? Object.values(table)[0] ?? '';
  }
  return '';
}

/** The strings a page picked for its island, by key. */
export type AppStrings = Readonly<Record<string, string>>;
