import { reportError, reportWarning } from '../../content/report.ts';
import { isComponent, meaningfulChildren, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

/**
 * A `<Quiz>` is a question paragraph and a task list where `[x]` marks each right answer: an
 * apprentice needs a question, at least two choices and at least one right answer.
 */
export const checkQuizAnswer: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if (!isComponent(node, 'Quiz')) return;
    const children = meaningfulChildren(node);
    if (children.length === 0) return; // empty-component says it
    const listIndex = children.findIndex((child) => child.type === 'list');
    const list = children[listIndex];
    if (!list || list.type !== 'list') {
      reportError(doc.file, 'Unexpected `<Quiz>` without choices, expected a task list after the question (`- [ ] wrong`, `- [x] right`)', node.position, 'quiz-answer');
      return;
    }
    if (!children.slice(0, listIndex).some((child) => child.type === 'paragraph')) {
      reportError(doc.file, 'Unexpected `<Quiz>` without a question, expected a paragraph before the choices', node.position, 'quiz-answer');
    }
    const unboxed = list.children.filter((item) => typeof item.checked !== 'boolean');
    for (const item of unboxed) reportError(doc.file, 'Unexpected choice without a box, expected `- [ ] …` (or `- [x] …` for a right answer)', item.position, 'quiz-answer');
    if (list.children.length < 2) {
      reportError(doc.file, `Unexpected \`<Quiz>\` with ${list.children.length} choice, expected at least two`, list.position, 'quiz-answer');
    }
    const right = list.children.filter((item) => item.checked === true).length;
    if (right === 0 && unboxed.length < list.children.length) {
      reportError(doc.file, 'Unexpected `<Quiz>` without a right answer, expected `[x]` on each right choice', list.position, 'quiz-answer');
    } else if (right === list.children.length && list.children.length > 1) {
      reportWarning(doc.file, 'Unexpected `<Quiz>` where every choice is right, expected at least one wrong choice (`[ ]`)', list.position, 'quiz-answer');
    }
  });
};
