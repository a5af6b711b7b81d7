import { reportWarning } from '../../content/report.ts';
import type { ModuleRule } from '../module-context.ts';
import { paragraphsOf } from '../prose.ts';

/** Apprentices may read French at A1–B1: a long sentence loses them before its end. */
export const checkSentenceLength: ModuleRule = ({ doc }, _facts, settings) => {
  const max = settings.plainLanguage.maxSentenceWords;
  for (const paragraph of paragraphsOf(doc.tree, doc.source)) {
    for (const sentence of paragraph.sentences()) {
      if (sentence.words.length <= max) continue;
      const point = doc.pointAt(paragraph.offsetAt(sentence.start));
      const opening = sentence.words.slice(0, 5).join(' ');
      reportWarning(
        doc.file,
        `Unexpected sentence of ${sentence.words.length} words (“${opening} …”), expected at most ${max}: split it into shorter sentences`,
        { start: point, end: point },
        'sentence-length',
      );
    }
  }
};
