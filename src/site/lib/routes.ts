import { defaultLanguage, uiLanguages, type UiLanguage } from '../../i18n/strings.ts';

/** `[...lang]` route params: French at the root (param undefined), other languages as a prefix. */
export const langParam = (lang: UiLanguage) => (lang === defaultLanguage ? undefined : lang);

export function localizedStaticPaths<T extends Record<string, unknown>>(
  items: readonly { params: Record<string, string>; props: T }[] = [{ params: {}, props: {} as T }],
) {
  return uiLanguages.flatMap((lang) =>
    items.map((item) => ({ params: { ...item.params, lang: langParam(lang) }, props: { ...item.props, lang } })),
  );
}

/** The same page in every UI language, for the language switch. */
export function alternatesOf(pathname: string): Record<UiLanguage, string> {
  return Object.fromEntries(uiLanguages.map((lang) => [lang, lang === defaultLanguage ? pathname : `/${lang}${pathname}`])) as Record<UiLanguage, string>;
}
