import { reportError } from '../../content/report.ts';
import { knowHowComponentNames } from '../../mdx/names.ts';
import { isJsxElement, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { expectedOneOf } from '../suggest.ts';

const known = new Set<string>(knowHowComponentNames);

/**
 * Components are the know-how ones, available without an import; any other capitalised name
 * (or `a.b`, `a:b`) would fail the build or run code someone else wrote.
 */
export const checkUnknownComponent: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if (!isJsxElement(node) || node.name === null) return;
    const name = node.name;
    if (known.has(name)) return;
    if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
      reportError(doc.file, `Unexpected component \`<${name}>\`, ${expectedOneOf(name, knowHowComponentNames)}`, node.position, 'unknown-component');
    }
  });
};
