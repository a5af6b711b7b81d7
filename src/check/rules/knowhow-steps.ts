import type { ListItem, Nodes } from 'mdast';
import { reportError, reportWarning } from '../../content/report.ts';
import { stepLabels } from '../../i18n/step-labels.ts';
import { isComponent, textOf, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';
import { modulePlace } from '../module-place.ts';

/** The labels the site turns into a step's parts, from every UI strings file (a new language needs no code). */
const labels = stepLabels();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (list: string[]) => new RegExp(`(?:${list.map(escape).join('|')})\\s*:`, 'u');
const keyLabel = anyOf(labels.keyPoint);
const whyLabel = anyOf(labels.why);
/** How the example reads in a module's language: French puts a space before the colon. */
function exampleWords(language: string): { key: string; why: string } {
  const own = labels.byLanguage[language.split('-')[0]!] ?? labels.byLanguage.fr!;
  const colon = language.startsWith('fr') ? ' :' : ':';
  return { key: `${own.keyPoint}${colon}`, why: `${own.why}${colon}` };
}

/**
 * The heart of a module is its job breakdown (TWI): a `<Steps>` list whose items read
 * `**Action.** Point clé : … Pourquoi : …`. The reason is what a beginner most needs and a
 * senior most often leaves out, so a step without it is an error; without a key point, a warning.
 */
export const checkKnowhowSteps: ModuleRule = (module) => {
  const { doc } = module;
  const words = exampleWords(module.language);
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
