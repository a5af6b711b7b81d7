import { translator, uiLanguageFor } from '../i18n/strings.ts';

/** What a know-how component knows of the module it is rendered in (see the module page). */
export function componentContext(locals: App.Locals) {
  const language = locals.moduleLanguage ?? 'fr';
  return {
    language,
    t: translator(uiLanguageFor(language)),
    /** A page-unique id for labels and popovers. */
    nextId(prefix: string) {
      locals.componentCounter = (locals.componentCounter ?? 0) + 1;
      return `${prefix}-${locals.componentCounter}`;
    },
  };
}
