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
  const countScript = (text: string) => {
    js += gz(text);
    for (const imported of text.matchAll(/(?:import|from)\s*["'](\/[^"']+\.js)["']/g)) {
      const child = asset(imported[1]!);
      if (child !== undefined) countScript(child);
    }
  };
  for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[1]!);
    if (src) {
      const text = asset(src[1]!);
      if (text !== undefined) countScript(text);
    } else if (!/type="application\/(?:ld\+)?json"/.test(match[1]!)) {
      countScript(match[2]!);
    }
  }
  const htmlOnly = gz(html);
  return { page: htmlFile, html: htmlOnly, css, js, total: htmlOnly + css + js };
}
