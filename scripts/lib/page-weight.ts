import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  /** Gzipped bytes (level 9), media excluded. */
  html: number;
  css: number;
  js: number;
  total: number;
}

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/**
 * What a browser downloads for one page before media: the HTML, its stylesheets and its
 * scripts (inline JS counted apart from the HTML, external scripts and their static imports).
 */
export function pageWeight(distDir: string, htmlFile: string): PageWeight {
  const html = readFileSync(path.join(distDir, htmlFile), 'utf8');
  const seen = new Set<string>();
  const asset = (href: string) => {
    const file = path.join(distDir, href.split(/[?#]/)[0]!.replace(/^\//, ''));
    if (!href.startsWith('/') || seen.has(file) || !existsSync(file)) return undefined;
    seen.add(file);
    return readFileSync(file, 'utf8');
  };
  let css = 0;
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    const text = asset(match[1]!);
    if (text !== undefined) css += gz(text);
  }
  let js = 0;
  /** A script and what it imports, statically or lazily (`import("./chunk.js")`, loaded after the page): all of it is the page's JS. */
  const countScript = (text: string, from: string) => {
    js += gz(text);
    for (const imported of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]((?:\.{1,2})?\/[^"'`]+\.js)["'`]/g)) {
      const href = imported[1]!.startsWith('/') ? imported[1]! : path.posix.join(path.posix.dirname(from), imported[1]!);
      const child = asset(href);
      if (child !== undefined) countScript(child, href);
    }
  };
  for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1]!);
    if (src) {
      const text = asset(src[1]!);
      if (text !== undefined) countScript(text, src[1]!);
    } else if (!/type="application\/(?:ld\+)?json"/.test(match[1]!)) {
      countScript(match[2]!, '/');
    }
  }
  // React islands (app pages): the component and renderer modules each island loads.
  for (const match of html.matchAll(/<astro-island[^>]*\b(?:component|renderer)-url="([^"]+)"/g)) {
    const text = asset(match[1]!);
    if (text !== undefined) countScript(text, match[1]!);
  }
  const htmlOnly = gz(html);
  return { page: htmlFile, html: htmlOnly, css, js, total: htmlOnly + css + js };
}
