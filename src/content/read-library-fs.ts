import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { checkReferences } from '../check/check-references.ts';
import { classifyContentPath } from './classify-path.ts';
import type { Library, SourceFile } from './library.ts';
import { parseLibrary } from './parse-library.ts';
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

/**
 * Reads content/ into source files. Files that sit where a record is expected but cannot be one
 * (a module outside a trade folder, a .txt among skills) are returned as stray, never skipped silently.
 */
export function readLibrarySources(contentDir: string): { sources: SourceFile[]; stray: VFile[] } {
  const root = path.resolve(contentDir);
  const display = (relative: string) => path.relative(process.cwd(), path.join(root, relative)) || relative;
  const sources: SourceFile[] = [];
  const stray: VFile[] = [];
  for (const relative of listFiles(root)) {
    const classified = classifyContentPath(relative);
    if (classified) {
      sources.push({ ...classified, path: display(relative), text: readFileSync(path.join(root, relative), 'utf8') });
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
export function loadLibrary(contentDir: string): LoadedLibrary {
  const { sources, stray } = readLibrarySources(contentDir);
  const library = parseLibrary(sources);
  checkReferences(library);
  library.files.push(...stray);
  const counts = countBySeverity(library.files);
  return { library, errors: counts.error, warnings: counts.warning };
}
