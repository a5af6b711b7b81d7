import type { Nodes } from 'mdast';
import type { Position } from 'unist';
import { reportError, reportWarning } from '../../content/report.ts';
import { attachFix, pointOf } from '../fix.ts';
import { isJsxElement, literalProp, walk, type MdxDocument } from '../mdx-document.ts';
import type { LibraryFacts, ModuleRule } from '../module-context.ts';
import { expectedOneOf } from '../suggest.ts';
import { urlScheme } from './untrusted-mdx.ts';

/** Site pages that take no id (DESIGN.md, "URLs"). */
const fixedPages = new Set(['glossaire', 'recherche', 'progression', 'tuteur']);

type Resolution = { ok: true } | { ok: false; reason: string };

/**
 * Resolves a root-relative link against the pages the site builds from this library: module
 * pages (published modules only, once, at the root), trade, skill, path, author, glossary,
 * search pages (in every UI language), and files under /media/.
 */
export function resolveSiteLink(pathname: string, facts: LibraryFacts): Resolution {
  let decoded: string;
  try {
    decoded = decodeURI(pathname);
  } catch {
    return { ok: false, reason: 'link that is not a valid URL' };
  }
  if (decoded.startsWith('/media/')) {
    const file = decoded.slice(1);
    return facts.media.has(file) ? { ok: true } : { ok: false, reason: `link to \`${decoded}\`, which is not in content/media/` };
  }
  if (decoded === '/catalogue.json') return { ok: true };
  const last = decoded.split('/').at(-1) ?? '';
  if (!decoded.endsWith('/') && !last.includes('.')) return { ok: false, reason: `link \`${decoded}\` without its final \`/\`` };
  const segments = decoded.split('/').filter(Boolean);
  const prefixed = segments[0] !== undefined && facts.uiLanguages.indexOf(segments[0]) > 0;
  const rest = prefixed ? segments.slice(1) : segments;
  const [first, second, ...more] = rest;
  const unknown = (what: string, id: string, known: Iterable<string>): Resolution => ({ ok: false, reason: `link to ${what} \`${id}\`, ${expectedOneOf(id, known)}` });
  if (more.length > 0) return { ok: false, reason: `link to \`${decoded}\`, which is not a page of the site` };
  if (first === undefined) return { ok: true };
  if (second === undefined) {
    if (fixedPages.has(first)) return { ok: true };
    return facts.trades.has(first) ? { ok: true } : unknown('trade', first, [...facts.trades, ...fixedPages]);
  }
  if (first === 'competences') return facts.skills.has(second) ? { ok: true } : unknown('skill', second, facts.skills);
  if (first === 'parcours') return facts.paths.has(second) ? { ok: true } : unknown('path', second, facts.paths);
  if (first === 'auteurs') return facts.authors.has(second) ? { ok: true } : unknown('author', second, facts.authors);
  const id = `${first}/${second}`;
  const target = facts.modules.get(id);
  if (!target) {
    const published = [...facts.modules].filter(([, module]) => module.status === 'published').map(([moduleId]) => `/${moduleId}/`);
    return { ok: false, reason: `link to module \`${id}\`, ${expectedOneOf(`/${id}/`, published)}` };
  }
  if (prefixed) return { ok: false, reason: `link to module \`${id}\` under \`/${segments[0]}/\`, expected \`/${id}/\` (a module page exists once, in its own language)` };
  if (target.status !== 'published') return { ok: false, reason: `link to module \`${id}\` with status \`${target.status}\`, which the site does not show; expected a published module` };
  return { ok: true };
}

/** Where the URL itself is written inside a link node, to rewrite it. */
function urlPlace(doc: MdxDocument, node: { position?: Position | undefined }, url: string): Position | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !url) return undefined;
  const slice = doc.source.slice(start, end);
  const index = slice.lastIndexOf(url);
  if (index === -1 || slice.indexOf(url) !== index) return undefined;
  return { start: doc.pointAt(start + index), end: doc.pointAt(start + index + url.length) };
}

/**
 * Links inside the site are root-relative (DESIGN.md, "URLs") and lead to a page this library
 * builds. A link without its final `/` is fixed by `--fix`; links to other sites are not checked.
 */
export const checkBrokenLink: ModuleRule = ({ doc }, facts) => {
  const check = (url: string, node: Nodes) => {
    if (!url || url.startsWith('#') || urlScheme(url) !== undefined || url.startsWith('//')) return;
    if (!url.startsWith('/')) {
      reportError(doc.file, `Unexpected relative link \`${url}\`, expected a link from the site root such as \`/plomberie/couper-tube-cuivre/\``, node.position, 'broken-link');
      return;
    }
    if (facts.standalone) return;
    const pathname = url.split(/[?#]/)[0]!;
    const resolved = resolveSiteLink(pathname, facts);
    if (resolved.ok) return;
    if (!pathname.endsWith('/') && resolveSiteLink(`${pathname}/`, facts).ok) {
      const fixed = `${pathname}/${url.slice(pathname.length)}`;
      // Servers usually redirect to the page, so a warning: the canonical URL avoids a round trip, offline too.
      const message = reportWarning(doc.file, `Unexpected link \`${url}\` without its final \`/\`, expected \`${fixed}\``, node.position, 'broken-link');
      const place = urlPlace(doc, node, url);
      if (place) attachFix(message, { start: pointOf(place.start), end: pointOf(place.end), text: fixed });
      return;
    }
    reportError(doc.file, `Unexpected ${resolved.reason}`, node.position, 'broken-link');
  };
  walk(doc.tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') check(node.url, node);
    else if (isJsxElement(node) && node.name === 'a') check(literalProp(node, 'href') ?? '', node);
  });
};
