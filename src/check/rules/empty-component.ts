import { reportError } from '../../content/report.ts';
import { knowHowComponentNames } from '../../mdx/names.ts';
import { isJsxElement, meaningfulChildren, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

const holdsContent = new Set<string>(knowHowComponentNames.filter((name) => name !== 'Clip'));

/** A know-how component with nothing in it shows an empty box (or, for `<Term>`, nothing). */
export const checkEmptyComponent: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if (!isJsxElement(node) || node.name === null || !holdsContent.has(node.name)) return;
    if (meaningfulChildren(node).length === 0) {
      const what = node.name === 'Term' ? 'the glossary word' : 'its content, with a blank line after the opening tag and before the closing one';
      reportError(doc.file, `Unexpected empty \`<${node.name}>\`, expected ${what}`, node.position, 'empty-component');
    }
  });
};
