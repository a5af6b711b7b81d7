import { referenceStrings, type StringKey } from '../../../i18n/languages.ts';
import { translator, type UiLanguage } from '../../../i18n/strings.ts';

/** The `credential.*` strings of a language, for the app pages (the translator stays on the server). */
export function credentialStrings(lang: UiLanguage): Record<string, string> {
  const t = translator(lang);
  return Object.fromEntries((Object.keys(referenceStrings) as StringKey[]).filter((key) => key.startsWith('credential.')).map((key) => [key, t(key)]));
}
