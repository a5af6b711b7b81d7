/**
 * Reads a rendered GFM task list (`- [x] …`) into its items. Quiz and Checklist re-render
 * them as real, labelled form controls instead of the disabled checkboxes Markdown gives.
 */
export interface TaskItem {
  checked: boolean;
  html: string;
}

export function readTaskList(html: string): { before: string; items: TaskItem[]; after: string } {
  const list = /<ul[^>]*>([\s\S]*)<\/ul>/.exec(html);
  if (!list) return { before: html, items: [], after: '' };
  const items: TaskItem[] = [];
  for (const match of list[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)) {
    const inner = match[1]!;
    const input = /<input[^>]*>/.exec(inner);
    const checked = input ? /\bchecked\b/.test(input[0]) : false;
    const text = inner.replace(/<input[^>]*>/, '').replace(/^\s*<p>|<\/p>\s*$/g, '').trim();
    items.push({ checked, html: text });
  }
  return { before: html.slice(0, list.index), items, after: html.slice(list.index + list[0].length) };
}
