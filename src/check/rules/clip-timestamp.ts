import { reportError, reportWarning } from '../../content/report.ts';
import { parseTimestamp } from '../../mdx/timestamp.ts';
import { attachFix, pointOf } from '../fix.ts';
import { isComponent, walk } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

/** `hh:mm:ss` for a number of seconds (fractions dropped: a clip starts at the second). */
export function formatTimestamp(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}

/**
 * `<Clip at>` is written `hh:mm:ss` (DESIGN.md). Other readable forms (`12:31`, `1:02:03`,
 * `00:12:31.000`) are normalised by `--fix`; an unreadable one is an error (the clip cannot play).
 */
export const checkClipTimestamp: ModuleRule = ({ doc }) => {
  walk(doc.tree, (node) => {
    if (!isComponent(node, 'Clip')) return;
    const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'at');
    if (!attribute || attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') return; // component-props
    const value = attribute.value;
    const place = attribute.position ?? node.position;
    if (/^\d{2}:[0-5]\d:[0-5]\d$/.test(value)) return;
    const seconds = parseTimestamp(value);
    if (seconds === undefined) {
      reportError(doc.file, `Unexpected \`at="${value}"\` on \`<Clip>\`, expected a time \`hh:mm:ss\` in the recording (e.g. \`00:12:31\`)`, place, 'clip-timestamp');
      return;
    }
    const normal = formatTimestamp(seconds);
    const message = reportWarning(doc.file, `Unexpected \`at="${value}"\` on \`<Clip>\`, expected \`at="${normal}"\` (\`hh:mm:ss\`)`, place, 'clip-timestamp');
    const source = attribute.position ? doc.source.slice(attribute.position.start.offset, attribute.position.end.offset) : '';
    // Only an attribute written plainly (`at="…"` or `at='…'`) is rewritten.
    const quote = /^at\s*=\s*(["'])/.exec(source)?.[1];
    if (attribute.position && quote && source.endsWith(`${quote}${value}${quote}`)) {
      attachFix(message, { start: pointOf(attribute.position.start), end: pointOf(attribute.position.end), text: `at="${normal}"` });
    }
  });
};
