import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { splitFrontmatter } from '../content/split-frontmatter.ts';
import { reportError } from '../content/report.ts';

/**
 * One module's MDX, parsed for the rules. `source` is what the tree was parsed from: the body
 * after blank lines standing for the frontmatter, so that every node's line and column are the
 * file's own (and `source.slice(node.position.start.offset, …)` is the node's text).
 */
export interface MdxDocument {
  file: VFile;
  source: string;
  tree: Root;
  /** The line the body starts on (1-based). */
  bodyLine: number;
  /** Offset in `source` → line and column in the file. */
  pointAt(offset: number): Point;
}

/**
 * GFM as remark-gfm parses it (tables, task lists, strikethrough, footnotes) except autolink
 * literals (`www.…` turning into links): finding them costs about 40 % of all parsing, and
 * they can only be links to other sites, which no rule reads.
 */
function gfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkMdx).use(gfmWithoutAutolinkLiterals);

/**
 * Parses the body of a module (the text after its frontmatter, or the whole text when it has
 * none) as the build will: MDX + GFM. A syntax error is reported at its place (`mdx-syntax`) and
 * gives undefined. Nothing in the text is evaluated: expressions are only parsed by acorn.
 */
export function parseMdxDocument(text: string, file: VFile): MdxDocument | undefined {
  const parts = splitFrontmatter(text);
  const bodyLine = parts ? parts.bodyLine : 1;
  const body = parts ? parts.body : text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const source = '\n'.repeat(bodyLine - 1) + body;
  let tree: Root;
  try {
    tree = processor.parse(source);
  } catch (error) {
    reportSyntaxError(error, file);
    return undefined;
  }
  const deep = deepestNode(tree);
  if (deep) {
    // The rules walk the tree recursively; nothing a module needs comes near this depth.
    const place = deep.position ? { start: deep.position.start, end: deep.position.start } : undefined;
    reportError(file, `Unexpected nesting deeper than ${maximumDepth} levels, expected ordinary Markdown: split the nested lists, quotes or components`, place, 'mdx-syntax');
    return undefined;
  }
  return { file, source, tree, bodyLine, pointAt: pointLocator(source) };
}

const maximumDepth = 200;

/** The first node deeper than `maximumDepth`, found without recursion. */
function deepestNode(tree: Root): Nodes | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > maximumDepth) return node;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, depth + 1]);
  }
  return undefined;
}

function reportSyntaxError(error: unknown, file: VFile): void {
  const cause = error as { reason?: string; message?: string; place?: Point | Position; line?: number; column?: number };
  const point: Point | undefined = cause.place && 'start' in cause.place ? cause.place.start : (cause.place as Point | undefined);
  const start = point ?? (cause.line ? { line: cause.line, column: cause.column ?? 1 } : { line: 1, column: 1 });
  if (error instanceof RangeError) {
    // Deeply nested input can exhaust the stack; say so rather than crash.
    reportError(file, `Unexpected nesting too deep to read, expected ordinary Markdown: split the nested lists, quotes or components`, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, 'mdx-syntax');
    return;
  }
  const reason = (cause.reason ?? cause.message ?? String(error)).replace(/\s+/g, ' ').trim();
  const hint = /acorn/i.test(reason) ? ': check the `{…}` here (write `\\{` for a literal brace)' : '';
  reportError(file, `Invalid MDX: ${reason}${hint}`, { start: { line: start.line, column: start.column }, end: { line: start.line, column: start.column } }, 'mdx-syntax');
}

/** Offset → point, by binary search over line starts. */
export function pointLocator(source: string): (offset: number) => Point {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1, offset };
  };
}

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export const isJsxElement = (node: Nodes): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/** `<Steps>` (or any know-how component) by name. */
export const isComponent = <N extends string>(node: Nodes, name: N): node is JsxElement & { name: N } => isJsxElement(node) && node.name === name;

/** Depth-first walk; `visit` returns false to skip a node's children. */
export function walk(node: Nodes, visit: (node: Nodes, parent: Nodes | undefined) => boolean | void, parent?: Nodes): void {
  if (visit(node, parent) === false) return;
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit, node);
}

/** The text of a node as a reader sees it (no markup), for messages and word counts. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** Children that carry something: whitespace-only text is nothing. */
export function meaningfulChildren(node: JsxElement): Nodes[] {
  return (node.children as Nodes[]).filter((child) => !(child.type === 'text' && child.value.trim() === '') && !(child.type === 'paragraph' && textOf(child).trim() === '' && child.children.every((c) => c.type === 'text')));
}

/** A literal string prop (`at="00:12:31"`); undefined when absent or not a literal. */
export function literalProp(node: JsxElement, name: string): string | undefined {
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === name && typeof attribute.value === 'string') return attribute.value;
  }
  return undefined;
}
