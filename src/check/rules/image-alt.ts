import { reportError } from '../../content/report.ts';
import { isJsxElement, literalProp, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

/** A picture says what it shows to an apprentice who cannot see it (screen reader, read-aloud, slow network). */
export const checkImageAlt: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if ((node.type === 'image' || node.type === 'imageReference') && !(node.alt ?? '').trim()) {
      reportError(doc.file, 'Unexpected picture without alternative text, expected `![what the picture shows](/media/…)`', node.position, 'image-alt');
    } else if (isJsxElement(node) && node.name === 'img' && !(literalProp(node, 'alt') ?? '').trim()) {
      reportError(doc.file, 'Unexpected `<img>` without `alt`, expected `alt="what the picture shows"`', node.position, 'image-alt');
    }
  });
};
