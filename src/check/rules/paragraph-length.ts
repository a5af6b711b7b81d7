import { reportWarning } from '../../content/report.ts';
import type { ModuleRule } from '../module-context.ts';
import { paragraphsOf, wordsOf } from '../prose.ts';

/** A short paragraph is one idea; a wall of text discourages a reader who reads slowly. */
export const checkParagraphLength: ModuleRule = ({ doc }, _facts, settings) => {
  const max = settings.plainLanguage.maxParagraphWords;
  for (const paragraph of paragraphsOf(doc.tree, doc.source)) {
    const words = wordsOf(paragraph.text).length;
    if (words > max) {
      reportWarning(doc.file, `Unexpected paragraph of ${words} words, expected at most ${max}: split it, one idea per paragraph`, paragraph.node.position, 'paragraph-length');
    }
  }
};
