import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { VFile } from 'vfile';
import type { Library } from '../content/library.ts';
import { loadLibrary } from '../content/read-library-fs.ts';
import type { LibraryManifest } from '../schemas/library-manifest.ts';
import { manifestFile, signatureFile } from './archive-entry-name.ts';
import { signBytes } from './keys-fs.ts';

export interface PackOptions {
  contentDir: string;
  out: string;
  trades?: string[];
  status?: string;
  /** PEM of the centre's Ed25519 private key: the manifest is signed with it. */
  privateKeyPem?: string;
  now?: Date;
}

export interface PackResult {
  out: string;
  manifest: LibraryManifest;
  bytes: number;
  /** Problems that stopped the pack (the library must check clean first). */
  problems: VFile[];
}

const relativeTo = (root: string, file: VFile) => path.relative(root, path.resolve(file.path)).split(path.sep).join('/');

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The content files a selection of modules needs: their taxonomy, authors, paths, glossary and media. */
export function selectFiles(library: Library, root: string, moduleIds: readonly string[]): string[] {
  const selected = new Set(moduleIds);
  const files = new Set<string>(['library.yaml']);
  const trades = new Set<string>();
  const authors = new Set<string>();
  const texts: string[] = [];
  for (const id of moduleIds) {
    const entry = library.modules.get(id)!;
    files.add(relativeTo(root, entry.file));
    trades.add(entry.data.trade);
    for (const author of entry.data.authors) authors.add(author);
    texts.push(String(entry.file.value ?? ''), entry.body, JSON.stringify(entry.data.source ?? {}));
  }
  for (const trade of trades) {
    const entry = library.trades.get(trade);
    if (entry) files.add(relativeTo(root, entry.file));
  }
  for (const entry of library.skills.values()) if (trades.has(entry.data.trade)) files.add(relativeTo(root, entry.file));
  const pending = [...authors];
  while (pending.length > 0) {
    const entry = library.authors.get(pending.pop()!);
    if (!entry) continue;
    files.add(relativeTo(root, entry.file));
    texts.push(JSON.stringify(entry.data));
    // An author's other trades come too (as trade files only): the author file names them.
    for (const trade of entry.data.trades) {
      const tradeEntry = library.trades.get(trade);
      if (tradeEntry) files.add(relativeTo(root, tradeEntry.file));
    }
    for (const teacher of entry.data.learnedFrom ?? []) {
      if (authors.has(teacher)) continue;
      authors.add(teacher);
      pending.push(teacher);
    }
  }
  for (const entry of library.paths.values()) {
    if (entry.data.stages.every((stage) => stage.modules.every((module) => selected.has(module)))) files.add(relativeTo(root, entry.file));
  }
  for (const entry of library.glossaries.values()) {
    files.add(relativeTo(root, entry.file));
    texts.push(JSON.stringify(entry.data));
  }
  for (const text of texts) {
    for (const match of text.matchAll(/media\/[^\s"'()<>[\]{}\\,]+/g)) {
      const media = match[0].replace(/[.:;]+$/, '');
      if (!media.split('/').includes('..') && existsSync(path.join(root, media)) && statSync(path.join(root, media)).isFile()) files.add(media);
    }
  }
  // The credits of media made elsewhere travel with them.
  if ([...files].some((file) => file.startsWith('media/'))) files.add('media/SOURCES.md');
  return [...files].filter((file) => existsSync(path.join(root, file))).sort();
}

/** `relais pack`: the selected modules and all they need, with a manifest, as one tar.gz. */
export async function packLibrary(options: PackOptions): Promise<PackResult> {
  const root = path.resolve(options.contentDir);
  const loaded = loadLibrary(root);
  const info = loaded.library.info?.data;
  const problems = loaded.library.files.filter((file) => file.messages.some((message) => message.fatal === true));
  if (!info) throw new Error(`${path.join(options.contentDir, 'library.yaml')}: not found or not valid; a pack starts from it (name, version, centre, licence, taxonomy)`);
  const empty = { out: options.out, manifest: undefined as unknown as LibraryManifest, bytes: 0, problems };
  if (loaded.errors > 0) return empty;
  const moduleIds = [...loaded.library.modules.keys()]
    .filter((id) => !options.trades?.length || options.trades.includes(id.split('/')[0]!))
    .filter((id) => !options.status || loaded.library.modules.get(id)!.data.status === options.status)
    .sort();
  if (moduleIds.length === 0) throw new Error(`no module matches${options.trades?.length ? ` --trade ${options.trades.join(', ')}` : ''}${options.status ? ` --status ${options.status}` : ''}`);
  const files = selectFiles(loaded.library, root, moduleIds);
  const listed: LibraryManifest['files'] = [];
  for (const file of files) listed.push({ path: file, size: statSync(path.join(root, file)).size, sha256: await hashFile(path.join(root, file)) });
  const manifest: LibraryManifest = {
    format: 1,
    name: info.name,
    version: info.version,
    centre: info.centre,
    created: (options.now ?? new Date()).toISOString(),
    licence: info.licence,
    taxonomy: info.taxonomy,
    files: listed,
    modules: moduleIds.map((id) => {
      const data = loaded.library.modules.get(id)!.data;
      return { id, title: data.title, status: data.status, licence: data.licence ?? info.licence, authors: data.authors, ...(data.imported ? { provenance: data.imported } : {}) };
    }),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const out = path.resolve(options.out);
  const temporary = `${out}.${process.pid}.partial`;
  const pack = tar.pack();
  const writing = pipeline(pack, createGzip({ level: 6 }), createWriteStream(temporary));
  try {
    const mtime = new Date(manifest.created);
    const add = (name: string, bytes: Buffer) => new Promise<void>((resolve, reject) => pack.entry({ name, size: bytes.length, mode: 0o644, mtime }, bytes, (error) => (error ? reject(error) : resolve())));
    await add(manifestFile, manifestBytes);
    if (options.privateKeyPem) {
      const signature = { algorithm: 'ed25519', centre: info.centre, signature: signBytes(manifestBytes, options.privateKeyPem) };
      await add(signatureFile, Buffer.from(`${JSON.stringify(signature, null, 2)}\n`));
    }
    for (const file of listed) {
      const full = path.join(root, file.path);
      if (file.size < 4 * 1024 * 1024) {
        await add(file.path, readFileSync(full));
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = pack.entry({ name: file.path, size: file.size, mode: 0o644, mtime }, (error) => (error ? reject(error) : resolve()));
        pipeline(createReadStream(full), sink).catch(reject);
      });
    }
    pack.finalize();
    await writing;
    renameSync(temporary, out);
  } catch (error) {
    pack.destroy();
    await writing.catch(() => undefined);
    rmSync(temporary, { force: true });
    throw error;
  }
  return { out, manifest, bytes: statSync(out).size, problems: [] };
}
