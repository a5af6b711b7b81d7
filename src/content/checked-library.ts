import type { Library, ModuleEntry } from './library.ts';

/**
 * The library the build's checker has just read, handed to the modules content loader in the
 * same process so that it does not read and parse every frontmatter a second time (YAML parsing
 * is most of the loader's time). A process-wide slot: the integration and the loader are loaded
 * by different module loaders (Node and Vite), so a module-level variable would not be shared.
 */
const slot = Symbol.for('relais.checkedLibrary');
type Holder = { [slot]?: Map<string, ModuleEntry> };

export function shareCheckedLibrary(library: Library | undefined): void {
  (globalThis as Holder)[slot] = library ? new Map(library.modules) : undefined;
}

/**
 * The checked entry of module `id` if it was read from exactly `text` (so an edit made after the
 * check is never hidden), taken out of the slot: each is used once, and memory is given back.
 */
export function takeCheckedModule(id: string, text: string): ModuleEntry | undefined {
  const modules = (globalThis as Holder)[slot];
  const entry = modules?.get(id);
  if (!entry) return undefined;
  modules!.delete(id);
  return String(entry.file.value) === text ? entry : undefined;
}
