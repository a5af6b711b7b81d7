import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { decodeTranscript } from '../capture/decode-transcript.ts';
import { parseWebVtt } from '../capture/parse-webvtt.ts';
import type { CheckConfig } from '../config/relais-config.ts';
import type { Library } from '../content/library.ts';
import { parseLibrary } from '../content/parse-library.ts';
import { loadLibrary, readContentFile } from '../content/read-library-fs.ts';
import { countBySeverity } from '../content/report.ts';
import { readUiLanguages } from '../i18n/languages-fs.ts';
import { applyLibrarySeverities, checkLibrary, checkRecords, moduleInputs } from './check-library.ts';
import { checkModule } from './check-module.ts';
import { startModuleWorkers, threadsFor, type ModuleFileEntry } from './check-modules-parallel-fs.ts';
import { libraryFacts } from './library-facts.ts';
import { emptyFacts, type LibraryFacts } from './module-context.ts';
import { settingsResolver } from './rule-settings.ts';

export interface CheckResult {
  /** Every file checked (with or without messages). */
  files: VFile[];
  library?: Library;
  errors: number;
  warnings: number;
}

export interface CheckContentOptions {
  contentDir: string;
  config: CheckConfig;
  /** Content from outside: the untrusted-MDX policy is an error everywhere, YAML files included. */
  untrusted?: boolean;
}

function listMedia(contentRoot: string): Set<string> {
  const media = new Set<string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, dirent.name);
      if (dirent.isDirectory()) walk(full);
      else media.add(path.relative(contentRoot, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(contentRoot, 'media'));
  return media;
}

/** Seconds from the start to the last cue's end; null when the transcript cannot be read. */
function transcriptDuration(file: string): number | null {
  try {
    const { text } = decodeTranscript(readFileSync(file));
    const cues = parseWebVtt(text);
    return cues.reduce((max, cue) => Math.max(max, cue.end ?? 0, cue.start ?? 0), 0) || null;
  } catch {
    return null;
  }
}

/** What the module rules need to know of the library and its folder (ids, media files, transcript lengths). */
export function collectLibraryFacts(library: Library, contentRoot: string): LibraryFacts {
  const media = listMedia(contentRoot);
  const transcriptDurations = new Map<string, number | null>();
  for (const entry of library.modules.values()) {
    const transcript = entry.data.source?.transcript;
    if (!transcript || transcriptDurations.has(transcript) || !media.has(transcript) || !/\.vtt$/i.test(transcript)) continue;
    transcriptDurations.set(transcript, transcriptDuration(path.join(contentRoot, transcript)));
  }
  return libraryFacts(library, { media, transcriptDurations, uiLanguages: readUiLanguages().map((language) => language.code) });
}

const summarise = (files: VFile[], library?: Library): CheckResult => {
  const counts = countBySeverity(files);
  return { files, library, errors: counts.error, warnings: counts.warning };
};

/**
 * Checks a content folder: every file by its schema, references, media, and every module's
 * MDX (structure, links, plain language, the untrusted-MDX policy). What the build runs first.
 * Large libraries are checked in worker threads (`RELAIS_CHECK_THREADS` sets how many).
 */
export async function checkContent(options: CheckContentOptions): Promise<CheckResult> {
  const contentRoot = path.resolve(options.contentDir);
  // Threads start first: they load their code while this one reads the library.
  const files = listModuleFiles(contentRoot);
  const threads = threadsFor(files.length);
  const workers = threads > 1 ? startModuleWorkers(threads - 1, files, options.config.maxModuleBytes) : undefined;
  try {
    const { library } = loadLibrary(contentRoot, { maxModuleBytes: options.config.maxModuleBytes });
    const facts = collectLibraryFacts(library, contentRoot);
    const libraryOptions = { settingsFor: settingsResolver(options.config, contentRoot, options.untrusted), untrusted: options.untrusted };
    checkRecords(library, facts, libraryOptions);
    const inputs = moduleInputs(library);
    const checkHere = (input: (typeof inputs)[number]) => checkModule(input, facts, libraryOptions.settingsFor(input.file));
    if (workers) await workers.check(inputs, facts, { config: options.config, contentRoot, untrusted: options.untrusted ?? false }, checkHere);
    else for (const input of inputs) checkHere(input);
    applyLibrarySeverities(library, libraryOptions);
    return summarise(library.files, library);
  } finally {
    await workers?.stop();
  }
}

/** Module files under modules/<trade>/, with the path reports give them (as `loadLibrary` does) and their size. */
function listModuleFiles(contentRoot: string): ModuleFileEntry[] {
  const modules = path.join(contentRoot, 'modules');
  if (!existsSync(modules)) return [];
  const files: ModuleFileEntry[] = [];
  for (const trade of readdirSync(modules, { withFileTypes: true })) {
    if (!trade.isDirectory()) continue;
    for (const entry of readdirSync(path.join(modules, trade.name), { withFileTypes: true })) {
      if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
      const full = path.join(modules, trade.name, entry.name);
      files.push({ full, display: path.relative(process.cwd(), full), bytes: statSync(full).size });
    }
  }
  return files;
}

/**
 * Checks module files that belong to no library (`relais check ~/Downloads/module.mdx`): their
 * own frontmatter and MDX; ids they name are not checked, having nothing to check them against.
 */
export function checkStandaloneModules(files: readonly string[], options: Omit<CheckContentOptions, 'contentDir'>): CheckResult {
  const root = process.cwd();
  const settingsFor = settingsResolver(options.config, root, options.untrusted);
  const checked: VFile[] = [];
  const facts = emptyFacts();
  for (const file of files) {
    const display = path.relative(root, path.resolve(file)) || file;
    const read = readContentFile(file, display, 'module', options.config.maxModuleBytes);
    if ('file' in read) {
      checked.push(read.file);
      continue;
    }
    const slug = path.basename(file).replace(/\.mdx?$/, '');
    const library = parseLibrary([{ kind: 'module', id: `standalone/${slug}`, path: display, text: read.text }]);
    checkLibrary(library, facts, { settingsFor, untrusted: options.untrusted });
    checked.push(...library.files);
  }
  return summarise(checked);
}

/** Files to check under a path: the path itself, or the .mdx/.md files below a folder. */
export function modulesUnder(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  const out: string[] = [];
  for (const dirent of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile() && /\.mdx?$/.test(dirent.name)) out.push(path.join(dirent.parentPath, dirent.name));
  }
  return out.sort();
}
