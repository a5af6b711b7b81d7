import { reportError } from '../../content/report.ts';
import type { KnowHowComponentName } from '../../mdx/names.ts';
import { isJsxElement, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

/** Props each component takes (DESIGN.md, "Know-how components"); `true` marks a required one. */
export const componentProps: Record<KnowHowComponentName, Record<string, boolean>> = {
  Steps: {},
  Safety: {},
  Tip: {},
  Mistake: {},
  Tools: {},
  Clip: { at: true },
  Quiz: {},
  Checklist: {},
  Term: { id: false },
};

const list = (names: string[]) => (names.length ? `expected ${names.map((n) => `\`${n}\``).join(', ')}` : 'expected no props');

/** Know-how components get the props they understand, as literal strings, and the required ones. */
export const checkComponentProps: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if (!isJsxElement(node) || node.name === null || !(node.name in componentProps)) return;
    const name = node.name as KnowHowComponentName;
    const allowed = componentProps[name];
    const seen = new Set<string>();
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue; // spread props: untrusted-mdx
      seen.add(attribute.name);
      const place = attribute.position ?? node.position;
      if (!(attribute.name in allowed)) {
        reportError(doc.file, `Unexpected prop \`${attribute.name}\` on \`<${name}>\`, ${list(Object.keys(allowed))}`, place, 'component-props');
      } else if (attribute.value === null) {
        reportError(doc.file, `Unexpected prop \`${attribute.name}\` without a value on \`<${name}>\`, expected \`${attribute.name}="…"\``, place, 'component-props');
      } else if (typeof attribute.value === 'string' && attribute.value.trim() === '') {
        reportError(doc.file, `Unexpected empty \`${attribute.name}\` on \`<${name}>\`, expected a value`, place, 'component-props');
      }
    }
    for (const [prop, required] of Object.entries(allowed)) {
      if (required && !seen.has(prop)) {
        const example = name === 'Clip' ? ' (e.g. `<Clip at="00:12:31" />`)' : '';
        reportError(doc.file, `Missing \`${prop}\` on \`<${name}>\`, expected \`${prop}="…"\`${example}`, node.position, 'component-props');
      }
    }
  });
};
