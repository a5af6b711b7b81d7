import Slugger from 'github-slugger';
import { htmlVoidElements } from 'html-void-elements';
import { find, html as htmlSchema } from 'property-information';
import { mdxToHast, type HastNode } from 'satteri';
import { attributes, escapeText } from './escape.ts';
import { BodyRenderer, type BodyContext } from './knowhow.ts';

/** The parts of a hast tree this renderer reads (Sätteri's materialised nodes). */
interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

export interface RenderedBody {
  html: string;
  /** Know-how components the body uses (the page adds the scripts of Quiz, Checklist, Clip). */
  components: string[];
}

const voidElements = new Set(htmlVoidElements);

/**
 * Renders a module body (MDX after its frontmatter) to HTML, once, as the build used to through
 * @astrojs/mdx: Sätteri parses it with the same features (GFM, smart punctuation), headings get
 * the same github-slugger ids, and know-how components come from knowhow.ts. Module bodies are
 * plain Markdown and components with literal props (the checker refuses anything else before the
 * build), so nothing here evaluates code and no module becomes a JavaScript module (docs/adr/0009).
 */
export function renderModuleBody(body: string, context: BodyContext): RenderedBody {
  const tree = mdxToHast(body, { features: { gfm: true, smartPunctuation: true }, position: false }) as HastNode as Node;
  const renderer = new BodyRenderer(context);
  const slugger = new Slugger();
  const html = renderer.finish(renderChildren(tree.children ?? [], renderer, slugger, false));
  return { html, components: [...renderer.used] };
}

function renderChildren(children: readonly Node[], renderer: BodyRenderer, slugger: Slugger, inComponent: boolean): string {
  let out = '';
  for (const child of children) {
    // MDX drops line-ending whitespace between the children of a component.
    if (inComponent && child.type === 'text' && /^\s*$/.test(child.value ?? '') && /\n/.test(child.value ?? '')) continue;
    out += renderNode(child, renderer, slugger);
  }
  return out;
}

function renderNode(node: Node, renderer: BodyRenderer, slugger: Slugger): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value ?? '');
    case 'element':
      return renderElement(node, renderer, slugger);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const props: Record<string, string | true> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
        else if (attribute.value === null || attribute.value === undefined) props[attribute.name] = true;
        else throw new Error(`<${node.name}> has an expression as ${attribute.name}: only literal props can be rendered`);
      }
      const name = node.name ?? '';
      const children = renderChildren(node.children ?? [], renderer, slugger, true);
      // Lower-case names are HTML (the inline formatting the checker allows: <b>, <abbr title="…">, <br />…).
      if (/^[a-z]/.test(name)) return voidElements.has(name) ? `<${name}${attributes(props)}>` : `<${name}${attributes(props)}>${children}</${name}>`;
      const literal = Object.fromEntries(Object.entries(props).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return renderer.component(name, literal, children);
    }
    case 'comment':
      return '';
    default:
      // Expressions, imports and exports are refused by the checker (untrusted-mdx) before the build.
      throw new Error(`${node.type} in a module body cannot be rendered: a module holds Markdown and know-how components with literal props, no code (docs/adr/0009)`);
  }
}

function renderElement(node: Node, renderer: BodyRenderer, slugger: Slugger): string {
  const tag = node.tagName!;
  const properties = { ...node.properties };
  if (/^h[1-6]$/.test(tag) && typeof properties.id !== 'string') properties.id = slugger.slug(textContent(node));
  const values: Record<string, string | boolean | undefined> = {};
  for (const [property, value] of Object.entries(properties)) {
    const info = find(htmlSchema, property);
    if (value === null || value === undefined || value === false) continue;
    values[info.attribute] = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : value === true ? true : String(value);
  }
  const open = `<${tag}${attributes(values)}>`;
  if (voidElements.has(tag)) return open;
  return `${open}${renderChildren(node.children ?? [], renderer, slugger, false)}</${tag}>`;
}

function textContent(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textContent).join('');
}
