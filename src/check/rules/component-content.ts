import type { Nodes } from 'mdast';
import { reportError } from '../../content/report.ts';
import { isJsxElement, meaningfulChildren, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

const blockComponents = new Set(['Steps', 'Safety', 'Tip', 'Mistake', 'Tools', 'Quiz', 'Checklist']);
const prose = new Set(['Safety', 'Tip', 'Mistake']);

const kind = (node: Nodes): string => {
  if (node.type === 'list') return node.ordered ? 'numbered list' : 'list';
  if (isJsxElement(node)) return `\`<${node.name ?? ''}>\``;
  return { paragraph: 'paragraph', heading: 'heading', code: 'code block', thematicBreak: 'horizontal rule', table: 'table', blockquote: 'quote' }[node.type as string] ?? node.type;
};

/**
 * Each component holds what its contract says (DESIGN.md, "Know-how components"): `<Steps>` one
 * numbered list, `<Tools>` a list, `<Checklist>` a task list, `<Safety>`/`<Tip>`/`<Mistake>`
 * paragraphs (and lists), `<Clip>` nothing; block components stand on their own lines.
 */
export const checkComponentContent: ModuleRule = ({ doc }) => {
  const report = (reason: string, node: Nodes) => reportError(doc.file, reason, node.position, 'component-content');
  walk(doc.tree, (node) => {
    if (!isJsxElement(node) || node.name === null) return;
    const name = node.name;
    if (node.type === 'mdxJsxTextElement' && blockComponents.has(name)) {
      report(`Unexpected \`<${name}>\` inside a paragraph, expected it on its own lines (a blank line after \`<${name}>\` and before \`</${name}>\`)`, node);
      return;
    }
    const children = meaningfulChildren(node);
    if (name === 'Clip' && children.length > 0) report('Unexpected content inside `<Clip>`, expected a self-closing `<Clip at="hh:mm:ss" />`', node);
    if (name === 'Steps') checkSteps(children, report);
    if (name === 'Tools') {
      for (const child of children) if (child.type !== 'list') report(`Unexpected ${kind(child)} in \`<Tools>\`, expected only a list of tools and materials (\`- …\`)`, child);
    }
    if (name === 'Checklist') {
      for (const child of children) {
        if (child.type !== 'list') {
          report(`Unexpected ${kind(child)} in \`<Checklist>\`, expected only a task list (\`- [ ] …\`)`, child);
          continue;
        }
        for (const item of child.children) {
          if (typeof item.checked !== 'boolean') report('Unexpected item without a box in `<Checklist>`, expected `- [ ] …`', item);
        }
      }
    }
    if (prose.has(name)) {
      for (const child of children) {
        if (child.type === 'heading' || child.type === 'thematicBreak' || (isJsxElement(child) && blockComponents.has(child.name ?? ''))) {
          report(`Unexpected ${kind(child)} in \`<${name}>\`, expected paragraphs (put it before or after \`<${name}>\`)`, child);
        }
      }
    }
  });
};

function checkSteps(children: Nodes[], report: (reason: string, node: Nodes) => void): void {
  let lists = 0;
  for (const child of children) {
    if (child.type === 'list') {
      lists++;
      if (!child.ordered) report('Unexpected bullet list in `<Steps>`, expected a numbered list (`1. **Action.** …`)', child);
      else if (lists > 1) report('Unexpected second list in `<Steps>`, expected one numbered list: use a second `<Steps>` or join them', child);
    } else {
      report(`Unexpected ${kind(child)} in \`<Steps>\`, expected only the numbered list of steps (put it before or after \`<Steps>\`)`, child);
    }
  }
}
