import { reportWarning } from '../../content/report.ts';
import type { ModuleRule } from '../module-context.ts';
import { paragraphsOf } from '../prose.ts';
import { readingEase } from '../readability-score.ts';

/**
 * A per-module reading-ease figure (Kandel–Moles for French, Flesch for English), warned below
 * the minimum set in relais.config.ts (`check.plainLanguage.minReadingEase`).
 */
export const checkReadability: ModuleRule = ({ doc, language }, _facts, settings) => {
  const base = language.split('-')[0]!;
  const minimum = settings.plainLanguage.minReadingEase[language] ?? settings.plainLanguage.minReadingEase[base];
  if (minimum === undefined) return;
  const ease = readingEase(paragraphsOf(doc.tree, doc.source), language);
  if (!ease || ease.words < settings.plainLanguage.minWordsForReadability) return;
  if (ease.score >= minimum) return;
  const perSentence = (ease.words / ease.sentences).toFixed(1);
  const perWord = (ease.syllables / ease.words).toFixed(2);
  const line = doc.bodyLine;
  reportWarning(
    doc.file,
    `Unexpected reading ease ${Math.round(ease.score)} (${ease.formula}: ${perSentence} words a sentence, ${perWord} syllables a word), expected at least ${minimum}: use shorter sentences and everyday words`,
    { start: { line, column: 1 }, end: { line, column: 1 } },
    'readability',
  );
};
