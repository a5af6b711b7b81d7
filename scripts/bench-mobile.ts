/**
 * `npm run bench:mobile [-- --runs 3] [--synthetic 300] [--seed 1] [--keep]`
 *
 * The site on an old phone and a slow network (issue 9). Builds the configured library
 * (relais.config.ts / RELAIS_CONTENT_DIR) cold into a temporary folder, serves it with the site
 * server behind gzip, and loads one page of each type in headless Chromium with 4× CPU slowdown
 * and DevTools' Slow 3G profile (scripts/lib/mobile-metrics.ts): largest contentful paint, total
 * blocking time, bytes transferred before media (median of --runs cold loads, and the best LCP:
 * other processes on a shared machine can only slow a load down). A module page is
 * also loaded from the site server as it is (no compression) for comparison.
 *
 * Then the offline sizes: the app shell every visitor keeps, and the download of each path and
 * trade ("Download this path for offline use"). With --synthetic N (default 300, 0 to skip) a
 * generated library of N modules (scripts/generate-library.ts: paths of up to 22 modules) is
 * built too, to check the target "a 20-module path ≤ 2 MB offline".
 *
 * Prints tables and a final `BENCH {…}` JSON line. Units: KiB = 1024 bytes, MiB = 1024² bytes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { wholeNumberArg } from './lib/whole-number-arg.ts';
import path from 'node:path';
import { relaisConfig } from '../src/config/current.ts';
import { readUiLanguages } from '../src/i18n/languages-fs.ts';
import type { OfflineReport } from '../src/integration/offline-fs.ts';
import { createSiteServer, listen } from '../src/server/site-server.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { createCompressedSiteServer } from '../tests/helpers/compressed-site-server.ts';
import { generateLibrary } from './generate-library.ts';
import { cpuSlowdown, measureRepeated, slow3G, type PageMetrics } from './lib/mobile-metrics.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const targets = { moduleLcpMs: 2500, moduleTbtMs: 200, moduleTransferBytes: 30 * KiB, path20OfflineBytes: 2 * MiB } as const;

interface Options {
  runs: number;
  synthetic: number;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { runs: 3, synthetic: 300, seed: 1, keep: false };
  const number = wholeNumberArg;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') options.runs = number(flag, value(), 1);
    else if (flag === '--synthetic') options.synthetic = number(flag, value(), 0);
    else if (flag === '--seed') options.seed = number(flag, value(), 1);
    else if (flag === '--keep') options.keep = true;
    else {
      console.error(`Unknown argument ${arg}\nUsage: npm run bench:mobile -- [--runs N] [--synthetic N] [--seed S] [--keep]`);
      process.exit(2);
    }
  }
  return options;
}

const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const size = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(2)} MiB` : kib(bytes));
const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

interface Catalogue {
  modules: { id: string; trade: string; language: string }[];
  paths: { id: string }[];
  trades: { id: string }[];
  authors: { id: string }[];
  skills: { id: string }[];
}

async function build(contentDir: string, work: string, label: string): Promise<string> {
  const outDir = path.join(work, `dist-${label}`);
  console.log(`▶ building ${label} (${contentDir}) cold into ${outDir} …`);
  const started = performance.now();
  const result = await buildSite({ contentDir, outDir, cacheDir: path.join(work, `cache-${label}`) });
  if (result.code !== 0) {
    console.error(result.output);
    throw new Error(`The build of ${contentDir} failed (exit ${result.code})`);
  }
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

/** One page of each type, from the catalogue of the built library. */
function pageTypes(dist: string): { type: string; url: string }[] {
  const catalogue = JSON.parse(readFileSync(path.join(dist, 'catalogue.json'), 'utf8')) as Catalogue;
  const languages = readUiLanguages();
  const pages: { type: string; url: string }[] = languages.map((language, index) => ({ type: `home (${language.code})`, url: index === 0 ? '/' : `/${language.code}/` }));
  const byLanguage = new Map<string, string>();
  for (const module of catalogue.modules) if (!byLanguage.has(module.language)) byLanguage.set(module.language, module.id);
  for (const [language, id] of byLanguage) pages.push({ type: `module (${language})`, url: `/${id}/` });
  if (catalogue.trades[0]) pages.push({ type: 'trade', url: `/${catalogue.trades[0].id}/` });
  if (catalogue.skills[0]) pages.push({ type: 'skill', url: `/competences/${catalogue.skills[0].id}/` });
  if (catalogue.paths[0]) pages.push({ type: 'path', url: `/parcours/${catalogue.paths[0].id}/` });
  if (catalogue.authors[0]) pages.push({ type: 'author', url: `/auteurs/${catalogue.authors[0].id}/` });
  pages.push({ type: 'glossary', url: '/glossaire/' }, { type: 'search', url: '/recherche/' }, { type: 'offline page', url: '/hors-ligne/' });
  return pages;
}

function offlineReport(dist: string): OfflineReport {
  return JSON.parse(readFileSync(path.join(dist, '_relais', 'offline.json'), 'utf8')) as OfflineReport;
}

function printOffline(title: string, report: OfflineReport) {
  console.log(`\n${title}\n  app shell (precached at the first visit): ${report.precache.files} files, ${size(report.precache.bytes)}`);
  console.log(`  ${pad('download', 36)}${padStart('modules', 8)}${padStart('size', 12)}${padStart('per module', 12)}${padStart('+ shell', 12)}`);
  for (const pack of report.packs) {
    console.log(`  ${pad(pack.id, 36)}${padStart(String(pack.modules), 8)}${padStart(size(pack.bytes), 12)}${padStart(kib(pack.bytes / Math.max(1, pack.modules)), 12)}${padStart(size(pack.bytes + report.precache.bytes), 12)}`);
  }
}

const options = parseArgs(process.argv.slice(2));
// Inside the project: Astro writes a build's prerender chunks under <cwd>/.astro/ when the output
// folder is outside the project, where two builds running at once would collide.
const results = path.resolve(import.meta.dirname, '..', 'test-results');
mkdirSync(results, { recursive: true });
const work = mkdtempSync(path.join(results, 'bench-mobile-'));
const cleanup = () => {
  if (!options.keep) rmSync(work, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  console.log(`Old phone, slow network: CPU ×${cpuSlowdown}, Slow 3G (${slow3G.latency} ms per request, ${(slow3G.downloadThroughput * 8) / 1000} kbit/s), 360 × 740 px, cold cache, ${options.runs} load(s) per page (median)`);
  const dist = await build(path.resolve(relaisConfig.contentDir), work, 'library');
  const browser = await launchChromium();
  const server = createCompressedSiteServer(dist);
  const base = await listen(server, 0);
  const measured: (PageMetrics & { type: string; path: string; bestLcp: number; bestTbt: number })[] = [];
  console.log(`  ${pad('page type', 16)} ${pad('URL', 44)} ${padStart('LCP', 8)} ${padStart('(best)', 8)} ${padStart('TBT', 7)} ${padStart('before media', 13)}`);
  try {
    for (const page of pageTypes(dist)) {
      const { median: metrics, best } = await measureRepeated(browser, new URL(page.url, base).href, options.runs);
      measured.push({ ...metrics, type: page.type, path: page.url, bestLcp: best.lcp, bestTbt: best.tbt });
      console.log(`  ${pad(page.type, 16)} ${pad(page.url, 44)} ${padStart(`${Math.round(metrics.lcp)} ms`, 8)} ${padStart(`${Math.round(best.lcp)} ms`, 8)} ${padStart(`${Math.round(metrics.tbt)} ms`, 7)} ${padStart(kib(metrics.transferBeforeMedia), 13)}  (${metrics.requests} requests)`);
    }
  } finally {
    server.close();
  }
  // The same module page from the site server as it is today (no compression).
  const plain = createSiteServer({ distDir: dist });
  const plainBase = await listen(plain, 0);
  const firstModule = measured.find((page) => page.type.startsWith('module'))!;
  const { median: uncompressed } = await measureRepeated(browser, new URL(firstModule.path, plainBase).href, options.runs);
  plain.close();
  await browser.close();
  console.log(`  ${pad('module, no gzip', 16)} ${pad(firstModule.path, 44)} ${padStart(`${Math.round(uncompressed.lcp)} ms`, 8)} ${padStart('', 8)} ${padStart(`${Math.round(uncompressed.tbt)} ms`, 7)} ${padStart(kib(uncompressed.transferBeforeMedia), 13)}  (site server as it is: no compression)`);

  const library = offlineReport(dist);
  printOffline('Offline sizes (configured library)', library);

  let synthetic: { modules: number; report: OfflineReport } | undefined;
  if (options.synthetic > 0) {
    const contentDir = path.join(work, 'synthetic');
    generateLibrary(contentDir, options.synthetic, options.seed);
    const syntheticDist = await build(contentDir, work, `synthetic-${options.synthetic}`);
    synthetic = { modules: options.synthetic, report: offlineReport(syntheticDist) };
    printOffline(`Offline sizes (synthetic library of ${options.synthetic} modules)`, synthetic.report);
  }

  // Targets: every module page; paths of at least 20 modules (app shell included).
  const modules = measured.filter((page) => page.type.startsWith('module'));
  const bigPaths = [...library.packs, ...(synthetic?.report.packs ?? [])].filter((pack) => pack.id.startsWith('path:') && pack.modules >= 20);
  const shell = synthetic?.report.precache.bytes ?? library.precache.bytes;
  const checks = {
    moduleLcp: modules.every((page) => page.lcp <= targets.moduleLcpMs),
    moduleTbt: modules.every((page) => page.tbt <= targets.moduleTbtMs),
    moduleTransfer: modules.every((page) => page.transferBeforeMedia <= targets.moduleTransferBytes),
    path20Offline: bigPaths.length > 0 ? bigPaths.every((pack) => pack.bytes + shell <= targets.path20OfflineBytes) : null,
  };
  console.log('\nTargets');
  console.log(`  module LCP ≤ ${targets.moduleLcpMs} ms: ${checks.moduleLcp ? 'met' : 'MISSED'} (${modules.map((page) => Math.round(page.lcp)).join(', ')} ms)`);
  console.log(`  module TBT ≤ ${targets.moduleTbtMs} ms: ${checks.moduleTbt ? 'met' : 'MISSED'} (${modules.map((page) => Math.round(page.tbt)).join(', ')} ms)`);
  console.log(`  module transfer ≤ 30 KiB before media: ${checks.moduleTransfer ? 'met' : 'MISSED'} (${modules.map((page) => kib(page.transferBeforeMedia)).join(', ')}; without gzip ${kib(uncompressed.transferBeforeMedia)})`);
  console.log(`  20-module path ≤ 2 MiB offline (app shell included): ${checks.path20Offline === null ? 'no path of 20 modules (use --synthetic)' : checks.path20Offline ? 'met' : 'MISSED'}${bigPaths.length ? ` (largest ${size(Math.max(...bigPaths.map((pack) => pack.bytes)) + shell)}, ${Math.max(...bigPaths.map((pack) => pack.modules))} modules)` : ''}`);
  console.log(`BENCH ${JSON.stringify({ profile: { cpuSlowdown, network: slow3G, viewport: '360x740', runs: options.runs }, pages: measured, moduleWithoutGzip: uncompressed, offline: { library, ...(synthetic ? { synthetic } : {}) }, targets, checks })}`);
  cleanup();
  if (Object.values(checks).some((check) => check === false)) process.exitCode = 1;
} catch (error) {
  console.error((error as Error).message);
  cleanup();
  process.exit(1);
}
