import { createContext, useContext } from 'react';
import type { StringKey } from '../../../i18n/strings.ts';
import { fillPlaceholders } from '../../../i18n/text.ts';

/**
 * The page's UI language and its strings, for every component of the dashboard. The page passes
 * only the `tutor.*` strings of its language (French filling any gap): the island never bundles
 * the strings files.
 */
export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;
export interface Locale {
  lang: string;
  t: Translate;
}

export function translatorOf(strings: Readonly<Record<string, string>>): Translate {
  return (key, values = {}) => fillPlaceholders(strings[key] ?? key, values);
}

export const LocaleContext = createContext<Locale>({ lang: 'fr', t: translatorOf({}) });
export const useLocale = () => useContext(LocaleContext);
