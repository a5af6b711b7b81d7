import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { isAlias, isCollection, isScalar, LineCounter, parseDocument, visit as visitYaml } from 'yaml';
import type { Position } from 'unist';
import { reportError } from '../../content/report.ts';
import { splitFrontmatter } from '../../content/split-frontmatter.ts';
import { isJsxElement, walk, type MdxDocument } from '../mdx-document.ts';
import type { ModuleRule } from '../module-context.ts';

const ruleId = 'untrusted-mdx';

/** Inline HTML that only formats text: it can neither run code nor load anything. */
export const harmlessHtmlElements = new Set([
  'abbr', 'b', 'bdi', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'var', 'wbr',
]);
/** Attributes a harmless element may carry (no URLs, no styles, no handlers). */
const harmlessAttributes = new Set(['title', 'lang', 'dir']);
/** Link schemes a reader may follow; a picture must be a file of the library. */
const linkSchemes = new Set(['http', 'https', 'mailto', 'tel']);

const expected = 'expected only Markdown and the know-how components with literal props';

/**
 * The untrusted-MDX policy (DESIGN.md, "Shared libraries"): MDX can run code at build time,
 * so content from outside may hold only Markdown and the know-how components with literal
 * props. Everything else is an error at its place: ESM, `{expressions}` (comments included),
 * spread or expression props, fragments, HTML elements other than text formatting, event
 * handlers, and URLs that run code (`javascript:`, `data:`…) or pictures from elsewhere.
 * Capitalised unknown components are `unknown-component`'s (always an error).
 */
export function checkUntrustedTree(doc: MdxDocument): void {
  const { file } = doc;
  walk(doc.tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import/export';
        reportError(file, `Unexpected \`${keyword}\` statement, ${expected} (imported content cannot run code)`, node.position, ruleId);
        return false;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const comment = /^\s*\/[*/]/.test(node.value);
        const what = comment ? 'comment `{/* … */}`' : `expression \`{${shorten(node.value)}}\``;
        reportError(file, `Unexpected ${what}, ${expected} (write \`\\{\` for a literal brace)`, node.position, ruleId);
        return false;
      }
      case 'html':
        reportError(file, `Unexpected raw HTML \`${shorten(node.value)}\`, ${expected}`, node.position, ruleId);
        return false;
      case 'link':
      case 'definition':
        checkUrl(file, node.url, 'link', node.position);
        return undefined;
      case 'image':
      case 'imageReference':
        if (node.type === 'image') checkUrl(file, node.url, 'image', node.position);
        return undefined;
      default:
        if (isJsxElement(node)) checkElement(file, node);
        return undefined;
    }
  });
}

function checkElement(file: VFile, node: Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>): void {
  const name = node.name;
  if (name === null) {
    reportError(file, `Unexpected fragment \`<>\`, ${expected}`, node.position, ruleId);
  } else if (!/^[A-Z]/.test(name) && !/[.:]/.test(name) && !harmlessHtmlElements.has(name)) {
    reportError(file, `Unexpected HTML element \`<${name}>\`, ${expected} (HTML that can run code or load content is refused)`, node.position, ruleId);
  }
  const html = name !== null && !/^[A-Z]/.test(name);
  for (const attribute of node.attributes) {
    const place = attribute.position ?? node.position;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      reportError(file, `Unexpected spread props \`{${shorten(attribute.value)}}\` on \`<${name ?? ''}>\`, ${expected}`, place, ruleId);
      continue;
    }
    const attributeName = attribute.name;
    if (/^on/i.test(attributeName)) {
      reportError(file, `Unexpected event handler \`${attributeName}\` on \`<${name ?? ''}>\`, ${expected}`, place, ruleId);
      continue;
    }
    if (attribute.value !== null && typeof attribute.value === 'object') {
      reportError(file, `Unexpected expression \`{${shorten(attribute.value.value)}}\` in prop \`${attributeName}\` of \`<${name ?? ''}>\`, expected a literal string such as \`${attributeName}="…"\``, place, ruleId);
      continue;
    }
    if (html && harmlessHtmlElements.has(name ?? '') && !harmlessAttributes.has(attributeName)) {
      reportError(file, `Unexpected attribute \`${attributeName}\` on \`<${name}>\`, expected only ${[...harmlessAttributes].map((a) => `\`${a}\``).join(', ')}`, place, ruleId);
      continue;
    }
    if (typeof attribute.value === 'string' && dangerousScheme(attribute.value)) {
      reportError(file, `Unexpected \`${dangerousScheme(attribute.value)}:\` URL in \`${attributeName}\`, ${expected}`, place, ruleId);
    }
  }
}

/** The scheme of a URL as a browser reads it: control characters and whitespace are dropped first. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

const dangerousScheme = (url: string): string | undefined => {
  const scheme = urlScheme(url);
  return scheme && ['javascript', 'vbscript', 'data', 'file', 'blob', 'filesystem'].includes(scheme) ? scheme : undefined;
};

function checkUrl(file: VFile, url: string, kind: 'link' | 'image', place: Position | undefined): void {
  const scheme = urlScheme(url);
  const remote = scheme !== undefined || /^\s*[/\\]{2}/.test(url);
  if (kind === 'image' && remote) {
    reportError(file, `Unexpected picture from \`${shorten(url)}\`, expected a file of the library (\`/media/…\`): imported content may not load anything from elsewhere`, place, ruleId);
  } else if (scheme !== undefined && !linkSchemes.has(scheme)) {
    reportError(file, `Unexpected \`${scheme}:\` link, expected \`https:\`, \`http:\`, \`mailto:\`, \`tel:\` or a link inside the site`, place, ruleId);
  }
}

/**
 * YAML that is plain data only: no anchors or aliases (alias bombs), no tags (`!!js/function`
 * and other constructors some YAML readers run). `lineOffset` says where the YAML starts.
 */
export function checkUntrustedYaml(text: string, file: VFile, lineOffset = 0): void {
  if (!/[&*!]/.test(text)) return; // nothing to find; avoids a second parse of every frontmatter
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (range: readonly [number, number, number] | null | undefined): Position | undefined => {
    if (!range) return undefined;
    const start = lineCounter.linePos(range[0]);
    const end = lineCounter.linePos(range[1]);
    return { start: { line: start.line + lineOffset, column: start.col }, end: { line: end.line + lineOffset, column: end.col } };
  };
  // Anchors and tags are written before the value the parser's range starts at.
  const written = (range: readonly [number, number, number] | null | undefined, marker: string): Position | undefined => {
    if (!range) return undefined;
    const index = text.lastIndexOf(marker, range[0]);
    return index !== -1 && range[0] - index < 500 ? at([index, index + marker.length, index + marker.length]) : at(range);
  };
  visitYaml(document, (_key, node) => {
    if (isAlias(node)) {
      reportError(file, `Unexpected YAML alias \`*${node.source}\`, expected plain values (imported files may not use anchors, aliases or tags)`, at(node.range), ruleId);
      return undefined;
    }
    if (isScalar(node) || isCollection(node)) {
      if (node.anchor) reportError(file, `Unexpected YAML anchor \`&${node.anchor}\`, expected plain values (imported files may not use anchors, aliases or tags)`, written(node.range, `&${node.anchor}`), ruleId);
      if (node.tag) {
        const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        reportError(file, `Unexpected YAML tag \`${tag}\`, expected plain values (imported files may not use anchors, aliases or tags)`, written(node.range, tag.startsWith('!!') ? '!!' : tag), ruleId);
      }
    }
    return undefined;
  });
}

const shorten = (value: string): string => {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
};

/** The policy as a rule of `relais check`: the module's MDX and its frontmatter. */
export const checkUntrustedMdxRule: ModuleRule = (module) => {
  checkUntrustedTree(module.doc);
  const parts = splitFrontmatter(String(module.doc.file.value ?? ''));
  if (parts) checkUntrustedYaml(parts.yaml, module.doc.file, 1);
};
