import fr from './fr.json' with { type: 'json' };

/** French is the reference strings file: every key exists there. */
export type StringKey = keyof typeof fr;
/** A strings file: any key may be missing (French is the fallback). */
export type UiStrings = Partial<Record<StringKey, string>>;

/** The French strings, the fallback of every other file. */
export const referenceStrings: Record<StringKey, string> = fr;

/** The default language first, then the others by code: a stable order for menus and routes. */
export function orderLanguages(codes: readonly string[], defaultLanguage: string): string[] {
  return [defaultLanguage, ...codes.filter((code) => code !== defaultLanguage).sort()];
}

/**
 * Writing direction of a language tag. A UI language says it in its strings file (`lang.dir`);
 * any other language (a gloss in Dari, a module in Pashto) asks Intl (`Intl.Locale#getTextInfo`),
 * with a short list of right-to-left scripts for engines without it.
 */
export function textDirection(language: string, strings: Readonly<Record<string, UiStrings>> = {}): 'ltr' | 'rtl' {
  const base = language.split('-')[0]!.toLowerCase();
  const declared = strings[base]?.['lang.dir'];
  if (declared === 'rtl' || declared === 'ltr') return declared;
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // not a valid tag: fall through to the list
  }
  return rightToLeft.has(base) ? 'rtl' : 'ltr';
}

const rightToLeft = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'prs', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
