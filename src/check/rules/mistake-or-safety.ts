import { reportError } from '../../content/report.ts';
import { isComponent, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { modulePlace } from '../module-place.ts';

/** What a beginner gets wrong, or what can hurt: a module passes on at least one of them. */
export const checkMistakeOrSafety: ModuleRule = (module) => {
  let found = false;
  walk(module.doc.tree, (node) => {
    if (found) return false;
    if (isComponent(node, 'Mistake') || isComponent(node, 'Safety')) found = true;
    return undefined;
  });
  if (!found) {
    reportError(
      module.doc.file,
      'Unexpected module without `<Mistake>` or `<Safety>`, expected at least one: what a beginner gets wrong and how to notice it, or what can hurt',
      modulePlace(module),
      'mistake-or-safety',
    );
  }
};
