import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { catalogueSchema, libraryManifestSchema, type Catalogue } from '../schemas/library-manifest.ts';
import { manifestFile, signatureFile } from './archive-entry-name.ts';
import { hashFile } from './pack-fs.ts';
import { stageArchive } from './read-archive-fs.ts';

type CatalogueEntry = Catalogue['libraries'][number];

/**
 * `relais publish <dir>`: reads every library archive in the folder (under the archive limits,
 * manifests only kept) and writes `index.json`, a static catalogue any web host or shared
 * folder can serve.
 */
export async function publishCatalogue(dir: string): Promise<Catalogue> {
  const libraries: CatalogueEntry[] = [];
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.tar.gz')).sort()) {
    const file = path.join(dir, name);
    const staging = mkdtempSync(path.join(os.tmpdir(), 'relais-publish-'));
    try {
      const staged = await stageArchive(file, staging);
      if (!staged.files.has(manifestFile)) throw new Error(`${file}: no ${manifestFile}; is it a library archive written by \`relais pack\`?`);
      const manifest = libraryManifestSchema.parse(JSON.parse(readFileSync(path.join(staging, manifestFile), 'utf8')));
      libraries.push({
        name: manifest.name,
        centre: manifest.centre,
        version: manifest.version,
        file: name,
        size: statSync(file).size,
        sha256: await hashFile(file),
        licence: manifest.licence,
        modules: manifest.modules.length,
        created: manifest.created,
        signed: staged.files.has(signatureFile),
      });
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const catalogue: Catalogue = { format: 1, libraries };
  writeFileSync(path.join(dir, 'index.json'), `${JSON.stringify(catalogue, null, 2)}\n`);
  return catalogue;
}

const isUrl = (location: string) => /^https?:\/\//.test(location);

const compareVersions = (a: string, b: string) => {
  const parts = (v: string) => v.split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** Reads a catalogue: a folder or index.json on disk, or its URL. */
async function readCatalogue(location: string): Promise<{ catalogue: Catalogue; base: string }> {
  let text: string;
  let base: string;
  if (isUrl(location)) {
    const url = location.endsWith('.json') ? location : `${location.replace(/\/?$/, '/')}index.json`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    text = await response.text();
    base = url;
  } else {
    const file = existsSync(location) && statSync(location).isDirectory() ? path.join(location, 'index.json') : location;
    text = readFileSync(file, 'utf8');
    base = file;
  }
  const parsed = catalogueSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${base}: not a library catalogue (${parsed.error.issues[0]?.message}); expected the index.json \`relais publish\` writes`);
  return { catalogue: parsed.data, base };
}

/** True when the location names a catalogue rather than an archive or library folder. */
export function isCatalogue(location: string): boolean {
  if (isUrl(location)) return true;
  if (location.endsWith('index.json')) return true;
  return existsSync(location) && statSync(location).isDirectory() && existsSync(path.join(location, 'index.json')) && !existsSync(path.join(location, manifestFile));
}

/**
 * Finds a library in a catalogue (by name, `centre/name` or file name; the newest version) and
 * returns a local archive for it: the file itself, or a download checked against the
 * catalogue's size and SHA-256. `dispose()` removes a download.
 */
export async function fetchFromCatalogue(location: string, wanted: string): Promise<{ archive: string; entry: CatalogueEntry; dispose(): void }> {
  const { catalogue, base } = await readCatalogue(location);
  const matches = catalogue.libraries.filter((entry) => [entry.name, `${entry.centre}/${entry.name}`, entry.file, entry.centre].includes(wanted));
  if (matches.length === 0) throw new Error(`no library \`${wanted}\` in ${base}; it has ${catalogue.libraries.map((entry) => `\`${entry.name}\` (${entry.centre}, ${entry.version})`).join(', ') || 'none'}`);
  const entry = matches.sort((a, b) => compareVersions(b.version, a.version))[0]!;
  let archive: string;
  let dispose = () => undefined as void;
  if (isUrl(base)) {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'relais-download-'));
    dispose = () => rmSync(folder, { recursive: true, force: true });
    archive = path.join(folder, entry.file);
    const response = await fetch(new URL(entry.file, base));
    if (!response.ok || !response.body) throw new Error(`${new URL(entry.file, base).href}: HTTP ${response.status}`);
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), createWriteStream(archive));
  } else {
    archive = path.join(path.dirname(base), entry.file);
  }
  const size = statSync(archive).size;
  const sum = await hashFile(archive);
  if (size !== entry.size || sum !== entry.sha256) {
    dispose();
    throw new Error(`Unexpected ${entry.file} of ${size} bytes, SHA-256 ${sum.slice(0, 12)}…, expected ${entry.size} bytes, ${entry.sha256.slice(0, 12)}… as the catalogue says: the download is damaged or was replaced`);
  }
  return { archive, entry, dispose };
}
