import { build as bundle } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { injectManifest } from 'workbox-build';
import { generatedFolder, offlinePagePath, packUrl, type OfflinePack } from '../site/lib/offline.ts';
import { appIcons, iconPng, iconSvg } from './app-icons.ts';

/** Pictures up to this size travel with a downloaded module; larger media (and all audio, video) stay online. */
export const smallImageBytes = 150 * 1024;
/** Search result fragments are precached whole up to this total; beyond, each download takes its modules' fragments. */
export const precachedFragmentsBytes = 512 * 1024;
/**
 * The search index (word and filter chunks) is precached up to this total, so search works
 * offline from the first visit; a larger library's chunks are cached as searches use them
 * (a first visit must not cost megabytes).
 */
export const precachedIndexBytes = 2 * 1024 * 1024;

const swSource = path.resolve(import.meta.dirname, '../site/sw/service-worker.ts');

interface Catalogue {
  modules: { id: string; trade: string }[];
  paths: { id: string; stages: { modules: string[] }[] }[];
  trades: { id: string }[];
}

export interface OfflineReport {
  /** The app shell every visitor's browser keeps after the first visit. */
  precache: { files: number; bytes: number; searchIndex: boolean; searchFragments: boolean };
  packs: { id: string; url: string; modules: number; bytes: number }[];
  /** Non-fatal notes from Workbox. */
  warnings: string[];
}

const size = (file: string) => statSync(file).size;

/** Pagefind fragment file of each page URL, read from the fragments themselves (gzip, `pagefind_dcd` signature, JSON). */
function fragmentsByPage(outDir: string): Map<string, string> {
  const folder = path.join(outDir, 'pagefind', 'fragment');
  const byPage = new Map<string, string>();
  if (!existsSync(folder)) return byPage;
  for (const file of readdirSync(folder)) {
    try {
      const raw = gunzipSync(readFileSync(path.join(folder, file)));
      const json = JSON.parse(raw.subarray(raw.subarray(0, 12).toString() === 'pagefind_dcd' ? 12 : 0).toString('utf8')) as { url?: string };
      if (json.url) byPage.set(json.url, `/pagefind/fragment/${file}`);
    } catch {
      // an unreadable fragment only loses its offline search result
    }
  }
  return byPage;
}

function folderBytes(folder: string): number {
  if (!existsSync(folder)) return 0;
  return readdirSync(folder).reduce((sum, file) => sum + size(path.join(folder, file)), 0);
}

/**
 * What each module page needs offline beyond the app shell: its HTML, the small pictures it shows
 * (glossary pictures in popovers included), and its search fragment when fragments are not precached.
 */
function moduleFiles(outDir: string, moduleId: string, fragments: Map<string, string> | undefined): { url: string; bytes: number }[] {
  const page = path.join(outDir, moduleId, 'index.html');
  if (!existsSync(page)) return [];
  const url = `/${moduleId}/`;
  const files = [{ url, bytes: size(page) }];
  const html = readFileSync(page, 'utf8');
  // Every candidate of each picture (`src` and `srcset`): the browser picks one by screen width.
  const pictures = new Set<string>();
  for (const tag of html.match(/<img\b[^>]*>/g) ?? []) {
    const src = /\ssrc="([^"?#]+)"/.exec(tag)?.[1];
    if (src) pictures.add(src);
    for (const candidate of /\ssrcset="([^"]+)"/.exec(tag)?.[1]?.split(',') ?? []) pictures.add(candidate.trim().split(/\s+/)[0]!);
  }
  for (const url of pictures) {
    if (!url.startsWith('/media/') && !url.startsWith(`${generatedFolder}img/`)) continue;
    const file = path.join(outDir, decodeURI(url));
    if (existsSync(file) && size(file) <= smallImageBytes) files.push({ url, bytes: size(file) });
  }
  const fragment = fragments?.get(url);
  if (fragment) files.push({ url: fragment, bytes: size(path.join(outDir, fragment)) });
  return files;
}

function writePacks(outDir: string, catalogue: Catalogue, fragments: Map<string, string> | undefined): OfflinePack[] {
  const perModule = new Map(catalogue.modules.map((module) => [module.id, moduleFiles(outDir, module.id, fragments)]));
  const pack = (id: string, moduleIds: string[]): OfflinePack => {
    const unique = [...new Set(moduleIds)].filter((moduleId) => perModule.has(moduleId));
    const files = new Map<string, number>();
    for (const moduleId of unique) for (const file of perModule.get(moduleId)!) files.set(file.url, file.bytes);
    const list = [...files].map(([url, bytes]) => ({ url, bytes }));
    return { id, modules: unique.length, bytes: list.reduce((sum, file) => sum + file.bytes, 0), files: list };
  };
  const packs = [
    ...catalogue.paths.map((entry) => ({ url: packUrl('path', entry.id), pack: pack(`path:${entry.id}`, entry.stages.flatMap((stage) => stage.modules)) })),
    ...catalogue.trades.map((entry) => ({ url: packUrl('trade', entry.id), pack: pack(`trade:${entry.id}`, catalogue.modules.filter((module) => module.trade === entry.id).map((module) => module.id)) })),
  ];
  mkdirSync(path.join(outDir, generatedFolder, 'packs'), { recursive: true });
  for (const { url, pack: content } of packs) writeFileSync(path.join(outDir, url), JSON.stringify(content));
  return packs.map(({ pack: content }) => content);
}

function writeIcons(outDir: string): void {
  const folder = path.join(outDir, generatedFolder, 'icons');
  mkdirSync(folder, { recursive: true });
  for (const spec of appIcons) writeFileSync(path.join(folder, spec.file), iconPng(spec));
  writeFileSync(path.join(folder, 'icon.svg'), iconSvg());
}

/** Files every visitor keeps (relative to dist/, Workbox glob patterns). */
function shellPatterns(outDir: string, uiLanguages: readonly string[], withIndex: boolean, withFragments: boolean): string[] {
  const prefixes = uiLanguages.map((code, index) => (index === 0 ? '' : `${code}/`));
  const entry = path.join(outDir, 'pagefind', 'pagefind-entry.json');
  const wasm = existsSync(entry)
    ? Object.values((JSON.parse(readFileSync(entry, 'utf8')) as { languages: Record<string, { wasm?: string | null }> }).languages).map((language) => language.wasm ?? 'unknown')
    : [];
  return [
    '_astro/**/*.{js,css}',
    'favicon.svg',
    // "My progress" reads it to name modules and count hours, offline too.
    ...(existsSync(path.join(outDir, 'catalogue.json')) ? ['catalogue.json'] : []),
    `${generatedFolder.slice(1)}icons/*`,
    ...prefixes.flatMap((prefix) => [
      `${prefix}index.html`,
      `${prefix}recherche/index.html`,
      `${prefix}glossaire/index.html`,
      `${prefix}${offlinePagePath}index.html`,
      `${prefix}manifest.webmanifest`,
      // My progress, once the progress pages exist.
      ...(existsSync(path.join(outDir, prefix, 'progression', 'index.html')) ? [`${prefix}progression/index.html`] : []),
      // The certificate checker works without a network (ADR 0013): an employer may open it offline.
      ...(existsSync(path.join(outDir, prefix, 'verifier', 'index.html')) ? [`${prefix}verifier/index.html`] : []),
    ]),
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/*.pf_meta',
    ...[...new Set(wasm)].map((name) => `pagefind/wasm.${name}.pagefind`),
    ...(withIndex ? ['pagefind/index/*', 'pagefind/filter/*'] : []),
    ...(withFragments ? ['pagefind/fragment/*'] : []),
  ];
}

/**
 * After the pages and the search index are written: icons, the download lists of every path and
 * trade, and dist/sw.js — src/site/sw/service-worker.ts bundled by esbuild, with the precache list
 * of this build injected by workbox-build. Writes a summary to dist/_relais/offline.json.
 */
export async function buildOffline(outDir: string, uiLanguages: readonly string[]): Promise<OfflineReport> {
  writeIcons(outDir);
  const catalogueFile = path.join(outDir, 'catalogue.json');
  const catalogue: Catalogue = existsSync(catalogueFile) ? JSON.parse(readFileSync(catalogueFile, 'utf8')) : { modules: [], paths: [], trades: [] };
  const withIndex = folderBytes(path.join(outDir, 'pagefind', 'index')) + folderBytes(path.join(outDir, 'pagefind', 'filter')) <= precachedIndexBytes;
  const withFragments = withIndex && folderBytes(path.join(outDir, 'pagefind', 'fragment')) <= precachedFragmentsBytes;
  const packs = writePacks(outDir, catalogue, withFragments ? undefined : fragmentsByPage(outDir));

  const work = mkdtempSync(path.join(tmpdir(), 'relais-sw-'));
  try {
    const swSrc = path.join(work, 'sw.js');
    await bundle({
      entryPoints: [swSource],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      outfile: swSrc,
      logLevel: 'silent',
      // Workbox logs only in development builds.
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const result = await injectManifest({
      swSrc,
      swDest: path.join(outDir, 'sw.js'),
      globDirectory: outDir,
      globPatterns: shellPatterns(outDir, uiLanguages, withIndex, withFragments),
      // Hashed file names change with their content: no revision needed.
      dontCacheBustURLsMatching: /^_astro\//,
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    });
    const report: OfflineReport = {
      precache: { files: result.count, bytes: result.size, searchIndex: withIndex, searchFragments: withFragments },
      packs: packs.map((pack) => ({ id: pack.id, url: packUrl(pack.id.startsWith('path:') ? 'path' : 'trade', pack.id.split(':')[1]!), modules: pack.modules, bytes: pack.bytes })),
      warnings: result.warnings,
    };
    writeFileSync(path.join(outDir, generatedFolder, 'offline.json'), JSON.stringify(report, null, 2));
    return report;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
