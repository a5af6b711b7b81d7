import type { ListItem, Nodes } from 'mdast';
import { reportError, reportWarning } from '../../content/report.ts';
import { isComponent, textOf, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { modulePlace } from '../module-place.ts';

/** The labels the site turns into a step's parts (src/mdx/step-markup.ts), per language. */
const labels = {
  fr: { key: 'Point clé :', why: 'Pourquoi :' },
  en: { key: 'Key point:', why: 'Why:' },
};
const keyLabel = /(Point clé|Key point)\s*:/;
const whyLabel = /(Pourquoi|Why)\s*:/;

/**
 * The heart of a module is its job breakdown (TWI): a `<Steps>` list whose items read
 * `**Action.** Point clé : … Pourquoi : …`. The reason is what a beginner most needs and a
 * senior most often leaves out, so a step without it is an error; without a key point, a warning.
 */
export const checkKnowhowSteps: ModuleRule = (module) => {
  const { doc } = module;
  const words = module.language === 'en' ? labels.en : labels.fr;
  const example = `\`**Action.** ${words.key} … ${words.why} …\``;
  let steps = 0;
  walk(doc.tree, (node) => {
    if (!isComponent(node, 'Steps')) return;
    steps++;
    for (const child of node.children as Nodes[]) {
      if (child.type !== 'list' || !child.ordered) continue; // component-content reports it
      for (const item of child.children) checkStep(item);
    }
  });
  if (steps === 0) {
    reportError(doc.file, `Unexpected module without \`<Steps>\`, expected the job broken into steps, each ${example}`, modulePlace(module), 'knowhow-steps');
  }

  function checkStep(item: ListItem): void {
    const first = item.children[0];
    const lead = first?.type === 'paragraph' ? first.children.find((child) => !(child.type === 'text' && child.value.trim() === '')) : undefined;
    const text = textOf(item);
    if (lead?.type !== 'strong') {
      reportError(doc.file, `Unexpected step without its action in bold, expected ${example}`, item.position, 'knowhow-steps');
    }
    if (!whyLabel.test(text)) {
      reportError(doc.file, `Unexpected step without its reason, expected \`${words.why} …\` after the key point (${example})`, item.position, 'knowhow-steps');
    }
    if (!keyLabel.test(text)) {
      reportWarning(doc.file, `Unexpected step without its key point, expected \`${words.key} …\` after the action (${example})`, item.position, 'knowhow-steps');
    }
  }
};
