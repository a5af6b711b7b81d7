import type { VFile } from 'vfile';
import type { Library } from '../content/library.ts';
import { checkModule, type ModuleInput } from './check-module.ts';
import type { LibraryFacts } from './module-context.ts';
import { applySeverities, type ResolvedSettings } from './rule-settings.ts';
import { checkMissingMediaInRecords } from './rules/missing-media.ts';
import { checkSkillsList } from './rules/skills-list.ts';
import { checkUntrustedYaml } from './rules/untrusted-mdx.ts';

export interface LibraryCheckOptions {
  settingsFor: (file: VFile) => ResolvedSettings;
  /** Check every YAML file against the untrusted policy too (content from another centre). */
  untrusted?: boolean;
}

/** The rules over YAML records: media they name, skills lists, and (untrusted) plain YAML only. */
export function checkRecords(library: Library, facts: LibraryFacts, options: LibraryCheckOptions): void {
  checkMissingMediaInRecords(library, facts);
  checkSkillsList(library, options.settingsFor);
  if (options.untrusted) {
    for (const file of library.files) {
      if (/\.ya?ml$/.test(file.path) && file.value !== undefined) checkUntrustedYaml(String(file.value).replace(/^\uFEFF/, ''), file);
    }
  }
}

/** Every module to check: valid ones with their frontmatter, invalid ones for their safety only. */
export function moduleInputs(library: Library): ModuleInput[] {
  return [
    ...[...library.modules.values()].map((entry) => ({ file: entry.file, text: String(entry.file.value ?? ''), id: entry.id, data: entry.data, frontmatter: entry.source })),
    ...library.invalidModules.map((invalid) => ({ file: invalid.file, text: String(invalid.file.value ?? ''), id: invalid.id })),
  ];
}

/** Last step: each message gets its configured severity (drafts' errors become warnings). */
export function applyLibrarySeverities(library: Library, options: LibraryCheckOptions): void {
  const drafts = new Set<VFile>([...library.modules.values()].filter((entry) => entry.data.status === 'draft').map((entry) => entry.file));
  applySeverities(library.files, options.settingsFor, (file) => drafts.has(file));
}

/**
 * Everything `relais check` and the build ask of a library already read and cross-checked by
 * `loadLibrary` (schemas, references): the records' media, skills lists, and every module's
 * MDX. Pure: the file system is read by the caller into `facts`. Severities are applied last.
 */
export function checkLibrary(library: Library, facts: LibraryFacts, options: LibraryCheckOptions): void {
  checkRecords(library, facts, options);
  for (const input of moduleInputs(library)) checkModule(input, facts, options.settingsFor(input.file));
  applyLibrarySeverities(library, options);
}
