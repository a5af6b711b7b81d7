import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { isDeepStrictEqual } from 'node:util';
import { parse, parseDocument, stringify } from 'yaml';
import { loadLibrary } from '../content/read-library-fs.ts';
import { reportError } from '../content/report.ts';
import { splitFrontmatter } from '../content/split-frontmatter.ts';
import { installedLibrarySchema, type InstalledLibrary, type LibraryManifest } from '../schemas/library-manifest.ts';
import { manifestFile, signatureFile } from './archive-entry-name.ts';
import type { ArchiveLimits } from './read-archive-fs.ts';
import { verifyLibrary, type VerifiedLibrary } from './verify-fs.ts';

export type ChangeKind = 'add' | 'update' | 'unchanged' | 'kept-ours' | 'conflict' | 'removed-upstream' | 'merge';

/** One line of the import report: what happens (or would happen) to one file of content/. */
export interface ImportChange {
  kind: ChangeKind;
  path: string;
  detail: string;
}

export interface ImportOptions {
  contentDir: string;
  trustedCentresFile: string;
  prefix?: string;
  dryRun?: boolean;
  requireSignature?: boolean;
  limits?: ArchiveLimits;
  now?: Date;
}

export interface ImportResult {
  /** Verification problems (the import stops at any error) and merge problems. */
  problems: VFile[];
  errors: number;
  manifest?: LibraryManifest;
  signature?: VerifiedLibrary['signature'];
  changes: ImportChange[];
  /** Why nothing was written, when it was not. */
  refused?: string;
  written: boolean;
  previousVersion?: string;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const slug = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'library';

/** Where an installed library's record (versions and base texts for updates) lives in content/. */
export const librariesFolder = (contentRoot: string) => path.join(contentRoot, '.relais', 'libraries');
export const recordName = (centre: string, name: string) => `${centre}--${slug(name)}.json`;

export function readInstalledLibraries(contentDir: string): InstalledLibrary[] {
  const folder = librariesFolder(path.resolve(contentDir));
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => installedLibrarySchema.parse(JSON.parse(readFileSync(path.join(folder, name), 'utf8'))));
}

/** Sets `imported` (and renamed prerequisites) in a module's frontmatter, keeping the rest as written. */
function withImported(text: string, imported: { from: string; version: string; centre: string }, rename: Map<string, string>): string {
  const parts = splitFrontmatter(text)!;
  const doc = parseDocument(parts.yaml);
  doc.set('imported', doc.createNode(imported, { flow: true }));
  const prerequisites = doc.get('prerequisites');
  const list = (parse(parts.yaml) as { prerequisites?: string[] }).prerequisites ?? [];
  if (prerequisites && list.some((id) => rename.has(id))) doc.set('prerequisites', doc.createNode(list.map((id) => rename.get(id) ?? id), { flow: true }));
  return `---\n${doc.toString({ flowCollectionPadding: false })}---\n${parts.body}`;
}

/** SHA-256 of a file read in 1 MB chunks: memory stays bounded for large media. */
function hashFileSync(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Moves a staged file in: a rename on the same disk, a copy across disks. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Copies a folder as hard links (or copies where links fail): the new tree costs no disk until a file is replaced. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const dirent of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, dirent.name);
    const target = path.join(to, dirent.name);
    if (dirent.isDirectory()) linkTree(source, target);
    else if (dirent.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * `relais import`: verifies the library, plans the merge into content/ (new files added,
 * local work never overwritten, conflicts and taxonomy differences reported, a three-way
 * report for updates), then applies it atomically: the new content/ is built beside the old
 * one (hard links plus the changed files), checked, and swapped in with two renames. Any
 * failure leaves content/ as it was. With `dryRun`, only the plan is returned.
 */
export async function importLibrary(source: string, options: ImportOptions): Promise<ImportResult> {
  const verified = await verifyLibrary(source, { trustedCentresFile: options.trustedCentresFile, limits: options.limits, requireSignature: options.requireSignature });
  try {
    const result: ImportResult = { problems: verified.files, errors: verified.errors, manifest: verified.manifest, signature: verified.signature, changes: [], written: false };
    if (verified.errors > 0 || !verified.manifest) {
      result.refused = 'the library did not verify';
      return result;
    }
    plan(verified, options, result);
    if (result.refused || options.dryRun) return result;
    apply(path.resolve(options.contentDir), result, options);
    return result;
  } finally {
    verified.dispose();
  }
}

/** What to write: new bytes, or a file of the staging folder to move in (media, never read into memory). */
type Write = Buffer | { staged: string };

interface Planned extends ImportResult {
  writes?: Map<string, Write>;
}

function plan(verified: VerifiedLibrary, options: ImportOptions, result: Planned): void {
  const manifest = verified.manifest!;
  const root = path.resolve(options.contentDir);
  const staged = (name: string) => readFileSync(path.join(verified.stagingDir, ...name.split('/')));
  const local = (name: string) => path.join(root, ...name.split('/'));
  const writes = new Map<string, Write>();
  const change = (kind: ChangeKind, file: string, detail: string) => result.changes.push({ kind, path: file, detail });
  const conflicts: string[] = [];
  const prefix = options.prefix;
  if (prefix !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(prefix)) throw new Error(`--prefix ${prefix}: expected lowercase letters, digits and hyphens (e.g. \`${slug(manifest.centre)}\`)`);

  const recordFile = path.join(librariesFolder(root), recordName(manifest.centre, manifest.name));
  const record: InstalledLibrary | undefined = existsSync(recordFile) ? installedLibrarySchema.parse(JSON.parse(readFileSync(recordFile, 'utf8'))) : undefined;
  result.previousVersion = record?.version;
  const localIdOf = new Map<string, string>(); // their module id → our module id
  for (const [localId, base] of Object.entries(record?.modules ?? {})) localIdOf.set(base.source, localId);

  // Module ids: keep theirs, unless a local module of that id is not from this library.
  const rename = new Map<string, string>();
  for (const module of manifest.modules) {
    if (localIdOf.has(module.id)) continue;
    const taken = existsSync(local(`modules/${module.id}.mdx`)) || existsSync(local(`modules/${module.id}.md`));
    if (!taken) {
      localIdOf.set(module.id, module.id);
      continue;
    }
    const [trade, name] = module.id.split('/') as [string, string];
    const renamed = `${trade}/${prefix}-${name}`;
    if (prefix !== undefined && !existsSync(local(`modules/${renamed}.mdx`))) {
      localIdOf.set(module.id, renamed);
      rename.set(module.id, renamed);
      continue;
    }
    conflicts.push(module.id);
    change('conflict', `modules/${module.id}.mdx`, prefix !== undefined ? `\`${renamed}\` is taken too: choose another --prefix` : `a local module has the id \`${module.id}\`: it is kept; import with --prefix <id> to add theirs as \`${trade}/<id>-${name}\``);
  }
  if (conflicts.length > 0) {
    result.refused = `${conflicts.length} module id${conflicts.length === 1 ? '' : 's'} already used here`;
    return;
  }

  // Modules, three ways: base (as last imported), ours (content/ now), theirs (this archive).
  const imported = { from: manifest.name, version: manifest.version, centre: manifest.centre };
  const nextRecord: InstalledLibrary = { name: manifest.name, centre: manifest.centre, version: manifest.version, importedAt: (options.now ?? new Date()).toISOString(), ...(prefix ? { prefix } : {}), modules: {} };
  for (const module of manifest.modules) {
    const localId = localIdOf.get(module.id)!;
    const file = `modules/${localId}.mdx`;
    const theirs = withImported(staged(`modules/${module.id}.mdx`).toString('utf8'), imported, rename);
    const base = record?.modules[localId];
    const ours = existsSync(local(file)) ? readFileSync(local(file), 'utf8') : undefined;
    const credit = `${module.licence}, by ${module.authors.join(', ')}${localId !== module.id ? `, theirs \`${module.id}\`` : ''}`;
    const keepBase = () => (nextRecord.modules[localId] = base!);
    if (!base) {
      writes.set(file, Buffer.from(theirs));
      change('add', file, `new module (${credit})`);
    } else if (ours === undefined) {
      keepBase();
      change('kept-ours', file, `deleted here since ${record!.version}: not restored (delete its line in ${path.relative(root, recordFile)} to take it again)`);
      continue;
    } else if (sha256(ours) === base.sha256) {
      if (theirs === base.text) change('unchanged', file, `same as ${record!.version}`);
      else {
        writes.set(file, Buffer.from(theirs));
        change('update', file, `changed upstream ${record!.version} → ${manifest.version}, not edited here`);
      }
    } else if (theirs === base.text) {
      keepBase();
      change('kept-ours', file, `edited here, unchanged upstream since ${record!.version}: yours kept`);
      continue;
    } else {
      keepBase();
      const theirsFile = `.relais/libraries/${recordName(manifest.centre, manifest.name).replace(/\.json$/, '')}/theirs/${localId}.mdx`;
      writes.set(theirsFile, Buffer.from(theirs));
      change('conflict', file, `edited here and changed upstream (base ${record!.version}, theirs ${manifest.version}): yours kept, theirs saved to ${theirsFile}; merge by hand`);
      continue;
    }
    nextRecord.modules[localId] = { source: module.id, sha256: sha256(theirs), text: theirs };
  }
  for (const [localId, base] of Object.entries(record?.modules ?? {})) {
    if (manifest.modules.some((module) => module.id === base.source)) continue;
    change('removed-upstream', `modules/${localId}.mdx`, `no longer in ${manifest.version}: kept here (progress and paths may refer to it)`);
  }

  // The other files: taxonomy, authors, paths, glossary, media, library.yaml.
  for (const entry of manifest.files) {
    const name = entry.path;
    if (name.startsWith('modules/') || name === manifestFile || name === signatureFile) continue;
    if (name.startsWith('media/')) {
      planMedia(name, entry.sha256);
      continue;
    }
    const theirs = staged(name);
    if (name === 'library.yaml') {
      if (!existsSync(local(name))) {
        writes.set(name, theirs);
        change('add', name, 'no library.yaml here: theirs is used as a start; set your own name, centre and version');
      }
      continue;
    }
    if (name.startsWith('paths/')) {
      const data = parse(theirs.toString('utf8')) as { stages?: { modules?: string[] }[] };
      for (const stage of data.stages ?? []) stage.modules = (stage.modules ?? []).map((id) => localIdOf.get(id) ?? id);
      const text = Buffer.from(rename.size > 0 ? stringify(data) : theirs.toString('utf8'));
      let target = name;
      if (existsSync(local(target)) && !readFileSync(local(target)).equals(text) && prefix) target = `paths/${prefix}-${path.posix.basename(name)}`;
      planRecord(target, text, 'path');
      continue;
    }
    if (name.startsWith('glossary/') && existsSync(local(name))) {
      mergeGlossary(name, theirs.toString('utf8'));
      continue;
    }
    const kind = name.startsWith('trades/') || name.startsWith('skills/') ? 'taxonomy' : name.startsWith('authors/') ? 'author' : name.startsWith('media/') ? 'media' : 'file';
    planRecord(name, theirs, kind);
  }

  function planRecord(name: string, theirs: Buffer, kind: string): void {
    if (!existsSync(local(name))) {
      writes.set(name, theirs);
      change('add', name, `new ${kind}`);
      return;
    }
    const ours = readFileSync(local(name));
    if (ours.equals(theirs)) return;
    if (kind === 'media') {
      conflicts.push(name);
      change('conflict', name, 'a different file of that name is here: yours kept; rename yours, or ask the publishing centre to');
      return;
    }
    const differences = /\.ya?ml$/.test(name) ? yamlDifferences(ours.toString('utf8'), theirs.toString('utf8')) : 'content differs';
    change('kept-ours', name, `${kind === 'taxonomy' ? 'taxonomy difference' : `${kind} differs`} (${differences}): yours kept`);
  }

  function planMedia(name: string, sum: string): void {
    const from = path.join(verified.stagingDir, ...name.split('/'));
    if (!existsSync(local(name))) {
      writes.set(name, { staged: from });
      change('add', name, 'new media');
      return;
    }
    if (verified.staged?.files.get(name)?.sha256 === sum && hashFileSync(local(name)) === sum) return;
    conflicts.push(name);
    change('conflict', name, 'a different file of that name is here: yours kept; rename yours, or ask the publishing centre to');
  }

  function mergeGlossary(name: string, theirsText: string): void {
    const ourText = readFileSync(local(name), 'utf8');
    const ours = (parse(ourText) ?? {}) as Record<string, unknown>;
    const theirs = (parse(theirsText) ?? {}) as Record<string, unknown>;
    const added: string[] = [];
    const differing: string[] = [];
    for (const [term, value] of Object.entries(theirs)) {
      if (!(term in ours)) added.push(term);
      else if (!isDeepStrictEqual(ours[term], value)) differing.push(term);
    }
    if (added.length > 0) {
      // New terms are appended; the local entries stay exactly as written.
      const appended = added.map((term) => `${JSON.stringify(term)}: ${stringify(theirs[term], { collectionStyle: 'flow', lineWidth: 0 }).trim()}\n`).join('');
      writes.set(name, Buffer.from(`${ourText.replace(/\n*$/, '\n')}${appended}`));
      change('merge', name, `${added.length} new term${added.length === 1 ? '' : 's'}: ${added.slice(0, 8).map((t) => `\`${t}\``).join(', ')}${added.length > 8 ? ', …' : ''}`);
    }
    if (differing.length > 0) change('kept-ours', name, `${differing.length} term${differing.length === 1 ? '' : 's'} defined differently (${differing.slice(0, 8).map((t) => `\`${t}\``).join(', ')}): yours kept`);
  }

  if (conflicts.length > 0) {
    result.refused = `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} conflict with local ones`;
    return;
  }
  const taxonomy = readLocalTaxonomy(root);
  if (taxonomy && !isDeepStrictEqual(taxonomy, manifest.taxonomy)) change('kept-ours', 'library.yaml', `taxonomy versions differ: yours ${JSON.stringify(taxonomy)}, theirs ${JSON.stringify(manifest.taxonomy)}; check the ROME and ESCO codes of their trades and skills`);
  writes.set(path.posix.join('.relais/libraries', recordName(manifest.centre, manifest.name)), Buffer.from(`${JSON.stringify(nextRecord, null, 2)}\n`));
  result.writes = writes;
}

function readLocalTaxonomy(root: string): unknown {
  const file = path.join(root, 'library.yaml');
  if (!existsSync(file)) return undefined;
  return (parse(readFileSync(file, 'utf8')) as { taxonomy?: unknown } | null)?.taxonomy;
}

/** `rome: F1603 → F1604`, for the keys whose values differ. */
function yamlDifferences(ours: string, theirs: string): string {
  const a = (parse(ours) ?? {}) as Record<string, unknown>;
  const b = (parse(theirs) ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !isDeepStrictEqual(a[key], b[key]));
  return keys.map((key) => `${key}: ${JSON.stringify(a[key] ?? null)} here, ${JSON.stringify(b[key] ?? null)} theirs`).join('; ') || 'formatting only';
}

function apply(root: string, result: Planned, options: ImportOptions): void {
  const writes = result.writes!;
  const next = `${root}.import-${process.pid}`;
  const previous = `${root}.previous-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    const before = existsSync(root) ? loadLibrary(root).errors : 0;
    if (existsSync(root)) linkTree(root, next);
    else mkdirSync(next, { recursive: true });
    for (const [name, bytes] of writes) {
      const target = path.join(next, ...name.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      rmSync(target, { force: true }); // never write through a hard link into the old tree
      if (Buffer.isBuffer(bytes)) writeFileSync(target, bytes);
      else moveFile(bytes.staged, target);
    }
    const merged = loadLibrary(next);
    if (merged.errors > before) {
      const shown = path.relative(process.cwd(), next);
      const problems = merged.library.files.filter((file) => file.messages.some((message) => message.fatal === true));
      for (const file of problems) file.path = file.path.replace(shown, options.contentDir);
      result.problems.push(...problems);
      result.errors += merged.errors - before;
      result.refused = 'the merged library would not check (see the errors above)';
      rmSync(next, { recursive: true, force: true });
      return;
    }
    if (existsSync(root)) renameSync(root, previous);
    try {
      renameSync(next, root);
    } catch (error) {
      if (existsSync(previous)) renameSync(previous, root);
      throw error;
    }
    rmSync(previous, { recursive: true, force: true });
    result.written = true;
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    const file = new VFile({ path: options.contentDir });
    reportError(file, `Unexpected failure while merging (${(error as Error).message}): content/ is unchanged`, undefined, 'library-import');
    result.problems.push(file);
    result.errors++;
    result.refused = 'the merge failed';
  }
}
