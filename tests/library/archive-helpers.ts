import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import type { Header } from 'tar-stream';
import { packLibrary } from '../../src/library/pack-fs.ts';

export const root = path.resolve(import.meta.dirname, '../..');
export const fixtureLibrary = path.join(root, 'tests/fixtures/library');

export const temporaryFolder = (name: string) => mkdtempSync(path.join(tmpdir(), `relais-${name}-`));

/** A copy of the fixture library in a temporary folder, to edit. */
export function copyFixture(into: string): string {
  cpSync(fixtureLibrary, into, { recursive: true });
  return into;
}

export async function packFolder(contentDir: string, out: string, privateKeyPem?: string): Promise<string> {
  const result = await packLibrary({ contentDir, out, privateKeyPem, now: new Date('2026-11-01T10:00:00Z') });
  if (result.problems.length > 0) throw new Error(`fixture does not pack: ${result.problems.map((file) => file.path).join(', ')}`);
  return out;
}

export interface RawEntry {
  header: Partial<Header> & Pick<Header, 'name'>;
  data: Buffer;
}

/** Every entry of a tar.gz, in order, in memory (test archives are small). */
export async function readEntries(archive: string): Promise<RawEntry[]> {
  const extract = tar.extract();
  const entries: RawEntry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push({ header: entry.header, data: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(readFileSync(archive)));
  await done;
  return entries;
}

/** Writes entries as a tar.gz, exactly as given (links, odd names and duplicates included). */
export async function writeEntries(out: string, entries: RawEntry[]): Promise<string> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve) => pack.on('end', () => resolve()));
  for (const entry of entries) {
    const isFile = entry.header.type === 'file' || !entry.header.type;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve());
      if (isFile) pack.entry({ ...entry.header, size: entry.data.length }, entry.data, done);
      else pack.entry({ ...entry.header, size: 0 }, done);
    });
  }
  pack.finalize();
  await ended;
  writeFileSync(out, gzipSync(Buffer.concat(chunks)));
  return out;
}

export const fileEntry = (name: string, data: string | Buffer): RawEntry => ({ header: { name, type: 'file', mode: 0o644, mtime: new Date(0) }, data: Buffer.from(data) });

/** path → SHA-256 of every file under a folder (missing folder: empty), to show nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const dirent of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    const full = path.join(dirent.parentPath, dirent.name);
    out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

/** A ustar header by hand, for sizes no test should have to write (a "huge file"). */
export function ustarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, value: string) => header.write(value, offset, length, 'ascii');
  field(0, 100, name);
  field(100, 8, '0000644\0');
  field(108, 8, '0000000\0');
  field(116, 8, '0000000\0');
  field(124, 12, `${size.toString(8).padStart(11, '0')}\0`);
  field(136, 12, '00000000000\0');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
}
