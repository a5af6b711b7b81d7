import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the modules loader keeps each module's rendered HTML: one file per distinct HTML, named by
 * its hash, in the build's cache folder. The data store (which Vite bundles whole into the build)
 * then holds only the file's path, so its size no longer grows with the text of the library
 * (docs/adr/0009). Named by the HTML itself rather than by the source, so a file can never hold
 * the output of an older renderer: an edit or a new renderer gives a new name, the same HTML the
 * same file. `astro dev` and `astro build` keep separate folders, so a build tidying its own
 * never removes a file a running dev server still shows.
 */
export function moduleHtmlFolder(cacheDir: string, mode: 'dev' | 'build'): string {
  return path.join(cacheDir, 'relais-module-html', mode);
}

/** Writes `html` (unless the same HTML is already there) and returns the file's absolute path. */
export function saveModuleHtml(folder: string, html: string): string {
  const file = path.join(folder, `${createHash('sha256').update(html).digest('hex').slice(0, 32)}.html`);
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  // Written aside then renamed: a page rendered meanwhile (in `astro dev`) never reads half a file.
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, html);
  renameSync(partial, file);
  return file;
}

/** Removes the files no module refers to any more (after a full load). */
export function pruneModuleHtml(folder: string, kept: ReadonlySet<string>): number {
  if (!existsSync(folder)) return 0;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (kept.has(file) || name.endsWith('.part')) continue;
    rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}

/** The HTML of module `id`, read by its page at render time. */
export function readModuleHtml(id: string, file: string | undefined): string {
  if (!file) throw new Error(`Module ${id}: its rendered body is not in the content store. Build again.`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing (was the cache folder emptied during the build?)' : `cannot be read (${(error as Error).message})`;
    const message = `Module ${id}: its rendered body ${file} ${reason}. Build again.`;
    throw Object.assign(new Error(message), { stack: message });
  }
}
