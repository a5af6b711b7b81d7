import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkReferences } from '../check/check-references.ts';
import { classifyContentPath } from './classify-path.ts';
import type { ContentKind, Library, SourceFile } from './library.ts';
import { parseLibrary } from './parse-library.ts';
import { decodeContent } from './decode-content.ts';
import { countBySeverity, reportError } from './report.ts';

const recordFolders = new Set(['trades', 'skills', 'authors', 'modules', 'paths', 'glossary']);

/** Lists every file under the content folder, relative to it, with `/` separators, sorted. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) walk(full);
      else if (dirent.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export interface ReadOptions {
  /** A module larger than this is reported (`file-size`) and not parsed. */
  maxModuleBytes?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Reads one content file as UTF-8 text; a module over `maxModuleBytes`, a binary file or one that
 * is not UTF-8 gives instead a VFile with its error (`file-size`, `file-encoding`), at its place.
 */
export function readContentFile(full: string, displayPath: string, kind: ContentKind, maxModuleBytes: number): { text: string } | { file: VFile } {
  const bytes = readFileSync(full);
  if (kind === 'module' && bytes.length > maxModuleBytes) {
    const file = new VFile({ path: displayPath });
    const reason = `Unexpected module of ${megabytes(bytes.length)}, expected at most ${megabytes(maxModuleBytes)}: a module is one piece of know-how an apprentice studies in one go; split it into several modules`;
    reportError(file, reason, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, 'file-size');
    return { file };
  }
  const decoded = decodeContent(bytes);
  if (decoded.ok) return { text: decoded.text };
  const file = new VFile({ path: displayPath });
  reportError(file, decoded.reason, decoded.place, 'file-encoding');
  return { file };
}

/**
 * Reads content/ into source files. Files that sit where a record is expected but cannot be one
 * (a module outside a trade folder, a .txt among skills) are returned as stray, never skipped
 * silently; so are files that are not UTF-8 text, and modules too large to be one.
 */
export function readLibrarySources(contentDir: string, options: ReadOptions = {}): { sources: SourceFile[]; stray: VFile[] } {
  const maxModuleBytes = options.maxModuleBytes ?? 1_000_000;
  const root = path.resolve(contentDir);
  const display = (relative: string) => path.relative(process.cwd(), path.join(root, relative)) || relative;
  const sources: SourceFile[] = [];
  const stray: VFile[] = [];
  for (const relative of listFiles(root)) {
    const classified = classifyContentPath(relative);
    if (classified) {
      const read = readContentFile(path.join(root, relative), display(relative), classified.kind, maxModuleBytes);
      if ('text' in read) sources.push({ ...classified, path: display(relative), text: read.text });
      else stray.push(read.file);
      continue;
    }
    const folder = relative.split('/')[0]!;
    const hidden = relative.split('/').some((part) => part.startsWith('.'));
    if (recordFolders.has(folder) && !hidden) {
      const file = new VFile({ path: display(relative) });
      const expected = folder === 'modules' ? '`modules/<trade>/<slug>.mdx`' : `\`${folder}/<id>.yaml\``;
      reportError(file, `Unexpected file \`${relative}\`, expected ${expected}: move or rename it`, undefined, 'stray-file');
      stray.push(file);
    }
  }
  return { sources, stray };
}

export interface LoadedLibrary {
  library: Library;
  errors: number;
  warnings: number;
}

/** Reads, parses and cross-checks a content folder: what the build and `relais check` start from. */
export function loadLibrary(contentDir: string, options: ReadOptions = {}): LoadedLibrary {
  const { sources, stray } = readLibrarySources(contentDir, options);
  const library = parseLibrary(sources);
  checkReferences(library);
  library.files.push(...stray);
  const counts = countBySeverity(library.files);
  return { library, errors: counts.error, warnings: counts.warning };
}
