import { createContext, useContext } from 'react';
import { translator, type UiLanguage } from '../../../i18n/strings.ts';

/** The page's UI language and its strings, for every component of the dashboard. */
export interface Locale {
  lang: UiLanguage;
  t: ReturnType<typeof translator>;
}

export const LocaleContext = createContext<Locale>({ lang: 'fr', t: translator('fr') });
export const useLocale = () => useContext(LocaleContext);
