import { readUiStrings } from './languages-fs.ts';
import { referenceStrings } from './languages.ts';

/**
 * The labels of a `<Steps>` item in every UI language (`knowhow.keyPoint`, `knowhow.why` of each
 * strings file): `Point clé`/`Pourquoi`, `Key point`/`Why`, `النقطة الأساسية`/`لماذا`… The site
 * (src/mdx/markup/knowhow.ts) structures steps with them; Node tools that read steps (the checker) can
 * use this so that a module in a new language needs only its strings file.
 */
export function stepLabels(): { byLanguage: Record<string, { keyPoint: string; why: string }>; keyPoint: string[]; why: string[] } {
  const byLanguage = Object.fromEntries(
    Object.entries(readUiStrings()).map(([code, strings]) => [code, { keyPoint: strings['knowhow.keyPoint'] ?? referenceStrings['knowhow.keyPoint'], why: strings['knowhow.why'] ?? referenceStrings['knowhow.why'] }]),
  );
  const values = Object.values(byLanguage);
  return { byLanguage, keyPoint: [...new Set(values.map((labels) => labels.keyPoint))], why: [...new Set(values.map((labels) => labels.why))] };
}
