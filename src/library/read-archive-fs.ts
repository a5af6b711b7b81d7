import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { checkEntryName, isTextEntry } from './archive-entry-name.ts';
import { ArchiveRefused, showName } from './archive-refused.ts';

/** Limits an archive must stay within; beyond them it is refused before it can fill the disk. */
export interface ArchiveLimits {
  /** Largest media file. */
  maxFileBytes: number;
  /** Largest text file (module, YAML, manifest). */
  maxTextBytes: number;
  /** Sum of all files, uncompressed. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed bytes, checked once past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const defaultLimits: ArchiveLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxTextBytes: 2 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 8 * 1024 * 1024,
  maxEntries: 200_000,
};

export interface StagedFile {
  size: number;
  sha256: string;
}

export interface StagedArchive {
  /** Normalised entry name → size and checksum, as written into the staging folder. */
  files: Map<string, StagedFile>;
  compressedBytes: number;
  uncompressedBytes: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Counts bytes through a stream and lets `check` refuse as soon as a limit is passed. */
function counter(onBytes: (total: number) => void): Transform & { total: number } {
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      stream.total += chunk.length;
      try {
        onBytes(stream.total);
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, chunk);
    },
  }) as Transform & { total: number };
  stream.total = 0;
  return stream;
}

/** Per-entry and per-archive checks shared by archives and folders. */
function entryGuard(limits: ArchiveLimits) {
  const seen = new Map<string, string>();
  let total = 0;
  return {
    file(name: string, size: number) {
      const key = name.normalize('NFC').toLowerCase();
      const before = seen.get(key);
      if (before !== undefined) throw new ArchiveRefused(`Unexpected duplicate entry \`${showName(name)}\`${before === name ? '' : ` (same file as \`${showName(before)}\` on a case-insensitive disk)`}, expected each file once: a later copy could replace a checked one; do not use this archive`, 'duplicate-entry', name);
      seen.set(key, name);
      if (seen.size > limits.maxEntries) throw new ArchiveRefused(`Unexpected archive of more than ${limits.maxEntries} entries, expected fewer`, 'archive-size', name);
      const max = isTextEntry(name) ? limits.maxTextBytes : limits.maxFileBytes;
      if (size > max) throw new ArchiveRefused(`Unexpected file \`${showName(name)}\` of ${mb(size)}, expected at most ${mb(max)}${isTextEntry(name) ? ' for a text file' : ' for a media file'}`, 'file-size', name);
      total += size;
      if (total > limits.maxTotalBytes) throw new ArchiveRefused(`Unexpected archive of more than ${mb(limits.maxTotalBytes)} uncompressed, expected at most that: it may be a decompression bomb`, 'archive-size', name);
    },
  };
}

/** Writes one entry into the staging folder (never over an existing file), hashing as it goes. */
async function stageStream(source: Readable, target: string, expected: number, name: string): Promise<StagedFile> {
  mkdirSync(path.dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > expected) {
        callback(new ArchiveRefused(`Unexpected data past the declared size of \`${showName(name)}\`, expected ${expected} bytes`, 'file-size', name));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
  return { size, sha256: hash.digest('hex') };
}

/**
 * Reads a library archive (tar.gz) into `stagingDir`, entry by entry, streaming: refuses links,
 * devices, traversal, duplicates, control characters, files and archives over the limits and
 * compression ratios of a bomb, with an ArchiveRefused, as soon as the header or the bytes show it.
 * The caller owns `stagingDir` (an empty temporary folder) and removes it.
 */
export async function stageArchive(archive: string, stagingDir: string, limits: ArchiveLimits = defaultLimits): Promise<StagedArchive> {
  const files = new Map<string, StagedFile>();
  const guard = entryGuard(limits);
  const compressed = counter(() => undefined);
  const uncompressed = counter((total) => {
    if (total > limits.maxTotalBytes + 1024 * 1024) throw new ArchiveRefused(`Unexpected archive of more than ${mb(limits.maxTotalBytes)} uncompressed, expected at most that: it may be a decompression bomb`, 'archive-size');
    if (total > limits.ratioFloorBytes && total / Math.max(1, compressed.total) > limits.maxRatio) {
      throw new ArchiveRefused(`Unexpected compression ratio over ${limits.maxRatio}:1 (${mb(total)} from ${mb(compressed.total)}), expected an ordinary archive: it looks like a decompression bomb`, 'archive-ratio');
    }
  });
  const extract = tar.extract();
  const gunzip = createGunzip();
  const piping = pipeline(createReadStream(archive), compressed, gunzip, uncompressed, extract);
  piping.catch(() => undefined); // reported through the loop below
  try {
    for await (const entry of extract) {
      const header = entry.header;
      const type = header.type ?? 'file';
      if (type === 'symlink') throw new ArchiveRefused(`Unexpected symbolic link \`${showName(header.name)}\` → \`${showName(header.linkname ?? '')}\`, expected regular files only: a link could point outside the library`, 'archive-link', header.name);
      if (type === 'link') throw new ArchiveRefused(`Unexpected hard link \`${showName(header.name)}\` → \`${showName(header.linkname ?? '')}\`, expected regular files only: a link could point outside the library`, 'archive-link', header.name);
      if (type !== 'file' && type !== 'directory' && type !== 'contiguous-file') throw new ArchiveRefused(`Unexpected ${type} entry \`${showName(header.name)}\`, expected regular files and folders only`, 'archive-entry-type', header.name);
      const name = checkEntryName(header.name, type === 'directory');
      if (type === 'directory') {
        entry.resume();
        continue;
      }
      const size = header.size ?? 0;
      guard.file(name, size);
      files.set(name, await stageStream(entry as unknown as Readable, path.join(stagingDir, ...name.split('/')), size, name));
    }
    await piping;
  } catch (error) {
    extract.destroy();
    if (error instanceof ArchiveRefused) throw error;
    const cause = await piping.then(() => undefined, (piped: unknown) => piped);
    if (cause instanceof ArchiveRefused) throw cause;
    throw new ArchiveRefused(`Unexpected archive content (${(cause as Error | undefined)?.message ?? (error as Error).message}), expected a gzip-compressed tar file written by \`relais pack\``, 'archive-format');
  }
  return { files, compressedBytes: compressed.total, uncompressedBytes: uncompressed.total };
}

/**
 * Reads an unpacked library folder into `stagingDir` under the same rules as an archive:
 * symbolic links and anything but files and folders refused, names and sizes checked.
 */
export async function stageFolder(folder: string, stagingDir: string, limits: ArchiveLimits = defaultLimits): Promise<StagedArchive> {
  const files = new Map<string, StagedFile>();
  const guard = entryGuard(limits);
  let bytes = 0;
  const walk = async (dir: string, prefix: string) => {
    for (const dirent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = prefix + dirent.name;
      const full = path.join(dir, dirent.name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) throw new ArchiveRefused(`Unexpected symbolic link \`${showName(relative)}\`, expected regular files only: a link could point outside the library`, 'archive-link', relative);
      if (stat.isDirectory()) {
        checkEntryName(relative, true);
        await walk(full, `${relative}/`);
        continue;
      }
      if (!stat.isFile()) throw new ArchiveRefused(`Unexpected special file \`${showName(relative)}\`, expected regular files only`, 'archive-entry-type', relative);
      if (stat.nlink > 1) throw new ArchiveRefused(`Unexpected hard link \`${showName(relative)}\`, expected regular files only`, 'archive-link', relative);
      const name = checkEntryName(relative, false);
      guard.file(name, stat.size);
      bytes += stat.size;
      files.set(name, await stageStream(createReadStream(full), path.join(stagingDir, ...name.split('/')), stat.size, name));
    }
  };
  await walk(path.resolve(folder), '');
  return { files, compressedBytes: bytes, uncompressedBytes: bytes };
}
