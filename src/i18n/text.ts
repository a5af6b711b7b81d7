/**
 * Text helpers that need no strings file: islands import these (not strings.ts, which bundles
 * every language's strings) to stay light on a phone.
 */
export const defaultLanguage = 'fr';

/**
 * Fills `{name}` placeholders of a UI string. A value not given stays visible as `{name}` (a bug
 * is seen, not hidden), unless the caller asks for `ifMissing` (e.g. '' for a sentence part).
 */
export function fillPlaceholders(template: string, values: Record<string, string | number>, ifMissing?: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ifMissing ?? `{${name}}`));
}

/** Root-relative URL of a page in a UI language: French at the root, others under `/<lang>/`. */
export function localizedUrl(language: string, pathname: string): string {
  const clean = pathname.startsWith('/') ? pathname : `/${pathname}`;
  return language === defaultLanguage ? clean : `/${language}${clean}`;
}

/** Picks the text for a language from `{fr, en}` (or a plain string), falling back to French. */
export function pickText(value: string | Record<string, string | undefined>, language: string): string {
  return localText(value, language).text;
}

/**
 * The text for a language and the language it is really in: a label with no Arabic version
 * shows its French text, marked `lang="fr"` so screen readers and bidi layout treat it right.
 */
export function localText(value: string | Record<string, string | undefined>, language: string): { text: string; lang: string } {
  if (typeof value === 'string') return { text: value, lang: defaultLanguage };
  for (const code of [language, defaultLanguage]) {
    const text = value[code];
    if (text) return { text, lang: code };
  }
  const [code, text] = Object.entries(value).find(([, text]) => !!text) ?? [defaultLanguage, ''];
  return { text: text ?? '', lang: code };
}

