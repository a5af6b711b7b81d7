/**
 * `npm run bench:build -- --modules N [--modules M …] [--runs R] [--seed S] [--sample K] [--node-options "…"] [--keep]`
 *
 * For each N: generates a synthetic library (scripts/generate-library.ts) into a fresh temporary
 * folder, then builds it cold (empty cache and output folders) with the real `astro build`, and
 * measures the build's wall time and CPU time (user + system, all its processes), the peak RSS
 * of its process tree (Astro + Pagefind), the size of dist/ and of its Pagefind index, the HTML pages, and the weight of a sample of module pages
 * (HTML + the CSS and JS they load, each gzipped at level 9). Prints a table per run and a final
 * `BENCH {…}` JSON line with every figure, the targets and the ratios against them.
 *
 * Units: KiB = 1024 bytes, GiB = 1024³ bytes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { wholeNumberArg } from './lib/whole-number-arg.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadLibrary } from '../src/content/read-library-fs.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { generateLibrary, type GeneratedLibrary } from './generate-library.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** DESIGN/issue targets, and the Starlight build of 1,000 pages they are compared with. */
const targets = {
  build1000Seconds: 12,
  build10000OverBuild1000: 10,
  build10000PeakRssBytes: 4 * GiB,
  modulePageGzipBytes: 30 * KiB,
  modulePageJsGzipBytes: 15 * KiB,
  starlight1000: { seconds: 23, peakRssBytes: 1.5 * GiB, bytesPerPage: 223 * KiB },
} as const;

// ---------------------------------------------------------------------------------------------
// Arguments

interface Options {
  modules: number[];
  seed: number;
  keep: boolean;
  sample: number;
  runs: number;
  /** Extra NODE_OPTIONS for the build (to try a flag without touching the project). */
  nodeOptions?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { modules: [], seed: 1, keep: false, sample: 20, runs: 1 };
  const number = wholeNumberArg;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--modules') options.modules.push(number(flag, value()));
    else if (flag === '--seed') options.seed = number(flag, value());
    else if (flag === '--sample') options.sample = number(flag, value());
    else if (flag === '--runs') options.runs = number(flag, value());
    else if (flag === '--node-options') options.nodeOptions = value();
    else if (flag === '--keep') options.keep = true;
    else {
      console.error(`Unknown argument ${arg}\nUsage: npm run bench:build -- [--modules N]… [--runs R] [--seed S] [--sample K] [--node-options "…"] [--keep]`);
      process.exit(2);
    }
  }
  if (options.modules.length === 0) options.modules.push(1000);
  return options;
}

// ---------------------------------------------------------------------------------------------
// Peak RSS of the process tree under this process (the build is our only child)

interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/** USER_HZ: 100 on every Linux this runs on. */
const ticksPerSecond = 100;

/** CPU seconds (user + system) of this process's finished children and theirs (/proc/self/stat cutime + cstime). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

function listProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // After `(comm)`: state ppid … utime (14th field of the line, index 11 here) stime (index 12).
      out.push({ pid: Number(name), ppid: Number(fields[1]), comm, cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function descendantsOf(root: number): ProcessInfo[] {
  const all = listProcesses();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of all) {
    const list = children.get(info.ppid) ?? [];
    list.push(info);
    children.set(info.ppid, list);
  }
  const out: ProcessInfo[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    out.push(next);
    queue.push(...(children.get(next.pid) ?? []));
  }
  return out;
}

/** `VmRSS` and `VmHWM` (peak) of a process, in bytes; zeros if it has gone. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

interface TreeSampler {
  stop(): TreeStats;
}

interface TreeStats {
  /** Max over samples of the sum of VmRSS over the tree. */
  peakTreeRssBytes: number;
  peakTreeRssAtSeconds: number;
  /** Max VmHWM seen for any single process (its own exact peak, not limited by the poll rate). */
  peakProcessHwmBytes: number;
  peakProcessName: string;
  /** When a Pagefind process was first and last seen, in seconds from the start, and its peak. */
  pagefind?: { startSeconds: number; endSeconds: number; peakRssBytes: number };
  samples: number;
  maxProcesses: number;
  /** Most processes outside the build seen using over half a core at once (noise). */
  otherBusyMax: number;
  /** The build's own node process (Astro): its largest RSS sample and when. */
  astroPeakRssBytes: number;
  astroPeakAtSeconds: number;
  /** What made up the tree's peak: Astro's node process and Pagefind. */
  atPeak: { astroBytes: number; pagefindBytes: number };
  /** Once a second: [seconds, tree RSS, Astro RSS, Pagefind RSS] (bytes), the largest sample of that second. */
  timeline: [number, number, number, number][];
}

/** The 1-minute load average: above ~0.5 before a build, something else is using the CPU. */
const loadAverage = () => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

function sampleTree(intervalMs = 100): TreeSampler {
  const started = performance.now();
  const stats: TreeStats = {
    peakTreeRssBytes: 0, peakTreeRssAtSeconds: 0, peakProcessHwmBytes: 0, peakProcessName: '', samples: 0, maxProcesses: 0, otherBusyMax: 0,
    astroPeakRssBytes: 0, astroPeakAtSeconds: 0, atPeak: { astroBytes: 0, pagefindBytes: 0 }, timeline: [],
  };
  let lastCpu = new Map<number, number>();
  let lastOtherCheck = 0;
  const poll = () => {
    const now = (performance.now() - started) / 1000;
    const tree = descendantsOf(process.pid);
    // Once a second: processes outside the build that used more than half a core since last time.
    if (now - lastOtherCheck >= 1) {
      const ours = new Set([process.pid, ...tree.map((info) => info.pid)]);
      const cpu = new Map<number, number>();
      let busy = 0;
      for (const info of listProcesses()) {
        if (ours.has(info.pid)) continue;
        cpu.set(info.pid, info.cpuTicks);
        const before = lastCpu.get(info.pid);
        if (lastOtherCheck > 0 && before !== undefined && (info.cpuTicks - before) / ticksPerSecond / (now - lastOtherCheck) > 0.5) busy += 1;
      }
      stats.otherBusyMax = Math.max(stats.otherBusyMax, busy);
      lastCpu = cpu;
      lastOtherCheck = now;
    }
    let sum = 0;
    let astro = 0;
    let pagefind = 0;
    for (const info of tree) {
      const { rss, hwm } = memoryOf(info.pid);
      sum += rss;
      if (info.ppid === process.pid) astro += rss;
      if (info.comm.startsWith('pagefind')) pagefind += rss;
      if (hwm > stats.peakProcessHwmBytes) {
        stats.peakProcessHwmBytes = hwm;
        stats.peakProcessName = info.comm;
      }
      if (info.comm.startsWith('pagefind')) {
        stats.pagefind ??= { startSeconds: now, endSeconds: now, peakRssBytes: 0 };
        stats.pagefind.endSeconds = now;
        stats.pagefind.peakRssBytes = Math.max(stats.pagefind.peakRssBytes, rss, hwm);
      }
    }
    stats.samples += 1;
    stats.maxProcesses = Math.max(stats.maxProcesses, tree.length);
    if (sum > stats.peakTreeRssBytes) {
      stats.peakTreeRssBytes = sum;
      stats.peakTreeRssAtSeconds = now;
      stats.atPeak = { astroBytes: astro, pagefindBytes: pagefind };
    }
    if (astro > stats.astroPeakRssBytes) {
      stats.astroPeakRssBytes = astro;
      stats.astroPeakAtSeconds = now;
    }
    const second = Math.floor(now);
    const last = stats.timeline.at(-1);
    if (last && last[0] === second) {
      if (sum > last[1]) stats.timeline[stats.timeline.length - 1] = [second, sum, astro, pagefind];
    } else stats.timeline.push([second, sum, astro, pagefind]);
  };
  const timer = setInterval(poll, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return stats;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What the build wrote

function walk(dir: string, visit: (file: string, size: number) => void): void {
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) walk(full, visit);
    else if (dirent.isFile()) visit(full, statSync(full).size);
  }
}

interface DistStats {
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  htmlPages: number;
  htmlBytes: number;
  meanHtmlBytes: number;
  modulePages: number;
}

function distStats(dist: string, moduleIds: readonly string[]): DistStats {
  const pagefindDir = path.join(dist, 'pagefind') + path.sep;
  let distBytes = 0;
  let pagefindBytes = 0;
  let pagefindFiles = 0;
  let htmlPages = 0;
  let htmlBytes = 0;
  walk(dist, (file, size) => {
    if (file.startsWith(pagefindDir)) {
      pagefindBytes += size;
      pagefindFiles += 1;
      return;
    }
    distBytes += size;
    if (file.endsWith('.html')) {
      htmlPages += 1;
      htmlBytes += size;
    }
  });
  let modulePages = 0;
  for (const id of moduleIds) {
    try {
      statSync(path.join(dist, id, 'index.html'));
      modulePages += 1;
    } catch {
      // counted as missing below
    }
  }
  return { distBytes, pagefindBytes, pagefindFiles, htmlPages, htmlBytes, meanHtmlBytes: htmlPages ? Math.round(htmlBytes / htmlPages) : 0, modulePages };
}

const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** `<tag attr=… attr=…>` attributes, as a map (enough for the HTML Astro writes). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return out;
}

/** Static and dynamic import specifiers in a JS module. */
function importsOf(code: string): string[] {
  const out = new Set<string>();
  const patterns = [/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g, /\bexport\s*[\w*{}\s,$]*from\s*["'`]([^"'`]+)["'`]/g, /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) out.add(match[1]!);
  return [...out];
}

interface PageWeight {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  cssGzip: number;
  /** External JS files (linked or imported), each gzipped. */
  externalJsGzip: number;
  /** Inline `<script type="module">` content, gzipped on its own (already part of htmlGzip). */
  inlineJsGzip: number;
  /** Inline `<style>` content, gzipped on its own (already part of htmlGzip). */
  inlineCssGzip: number;
  /** What the page transfers: HTML + CSS + external JS, gzipped. */
  totalGzip: number;
  /** JS the page runs: external + inline, gzipped. */
  jsGzip: number;
  assets: string[];
}

function pageWeight(dist: string, pageUrl: string): PageWeight {
  const htmlFile = path.join(dist, pageUrl, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  const inline: string[] = [];
  const resolve = (specifier: string, base: string): string | undefined => {
    if (/^(?:[a-z]+:)?\/\//i.test(specifier) || specifier.startsWith('data:')) return undefined;
    const url = new URL(specifier, `http://site${base}`);
    return url.pathname;
  };
  const addJs = (url: string | undefined) => {
    if (!url || js.has(url)) return;
    js.add(url);
    const file = path.join(dist, url);
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const specifier of importsOf(code)) addJs(resolve(specifier, url));
  };
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0].slice(5, -1));
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attrs.get('href');
    if (!href) continue;
    if (rel.includes('stylesheet')) {
      const url = resolve(href, pageUrl);
      if (url) css.add(url);
    } else if (rel.includes('modulepreload')) addJs(resolve(href, pageUrl));
  }
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = attributes(match[1]!);
    const src = attrs.get('src');
    if (src) addJs(resolve(src, pageUrl));
    else if ((attrs.get('type') ?? '') === 'module' || !attrs.has('type') || attrs.get('type') === 'text/javascript') {
      inline.push(match[2]!);
      for (const specifier of importsOf(match[2]!)) addJs(resolve(specifier, pageUrl));
    }
  }
  const sizeOf = (urls: Set<string>) =>
    [...urls].reduce((sum, url) => {
      try {
        return sum + gzipSize(readFileSync(path.join(dist, url)));
      } catch {
        return sum;
      }
    }, 0);
  const htmlGzip = gzipSize(html);
  const cssGzip = sizeOf(css);
  const externalJsGzip = sizeOf(js);
  const inlineJsGzip = inline.length > 0 ? gzipSize(inline.join('\n')) : 0;
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!);
  const inlineCssGzip = styles.length > 0 ? gzipSize(styles.join('\n')) : 0;
  return {
    page: pageUrl,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip,
    cssGzip,
    externalJsGzip,
    inlineJsGzip,
    inlineCssGzip,
    totalGzip: htmlGzip + cssGzip + externalJsGzip,
    jsGzip: externalJsGzip + inlineJsGzip,
    assets: [...css, ...js],
  };
}

/** ~`count` module ids, evenly spread over the sorted list (deterministic). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

// ---------------------------------------------------------------------------------------------
// Astro's log: the phase timings it prints

interface Phases {
  /** `[relais] library checked in … ms`: the full checker, first thing in the build. */
  checkSeconds?: number;
  /** `[relais-modules] N modules rendered in … ms`: the modules loader (part of content sync). */
  loaderSeconds?: number;
  /** `[relais] search index written (…) in … ms`: Pagefind, after the pages are written. */
  searchIndexSeconds?: number;
  /** `[types] Generated …` */
  typesSeconds?: number;
  /** `[build] Collecting build info... ✓ Completed in …`: counted from the start of the build, so it includes content sync and types. */
  collectSeconds?: number;
  /** `[build] ✓ Completed in …` after rendering: bundling + rendering. */
  staticBuildSeconds?: number;
  /** Sum of `[vite] ✓ built in …` (server and client bundles). */
  viteSeconds?: number;
  /** `generating static routes … ✓ Completed in …` (rendering every page). */
  renderSeconds?: number;
  /** `[build] N page(s) built in …` (Astro's whole build, without the config and sync before it). */
  astroBuildSeconds?: number;
  pagesReported?: number;
  /** From the log's clock (1 s resolution): config + library check, content sync. */
  clock: Record<string, string>;
}

/** Astro's durations: `873ms`, `1.49s`, `1m 34s`. */
const durationPattern = String.raw`((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)`;
function seconds(text: string): number {
  const m = /^(?:(\d+)m)?\s*(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) * (m[3] === 'ms' ? 0.001 : 1);
}

function parsePhases(output: string): Phases {
  const phases: Phases = { clock: {} };
  const lines = output.split('\n');
  const completed = new RegExp(`✓ Completed in ${durationPattern}`);
  let section = '';
  let vite = 0;
  for (const line of lines) {
    const time = /^(\d\d:\d\d:\d\d)/.exec(line)?.[1];
    const ms = (pattern: RegExp) => {
      const match = pattern.exec(line);
      return match ? Number(match[1]) / 1000 : undefined;
    };
    phases.checkSeconds ??= ms(/\[relais\] library checked in (\d+) ms/);
    phases.loaderSeconds ??= ms(/modules rendered in (\d+) ms/);
    phases.searchIndexSeconds ??= ms(/\[relais\] search index written .* in (\d+) ms/);
    const types = new RegExp(`\\[types\\] Generated ${durationPattern}`).exec(line);
    if (types) phases.typesSeconds = seconds(types[1]!);
    if (line.includes('Collecting build info')) section = 'collect';
    else if (line.includes('Building static entrypoints')) section = 'entrypoints';
    else if (line.includes('generating static routes')) section = 'render';
    const done = completed.exec(line);
    if (done) {
      const value = seconds(done[1]!);
      if (section === 'collect') phases.collectSeconds = value;
      else if (section === 'render' && !line.includes('[build]')) phases.renderSeconds = value;
      else if (section === 'render') phases.staticBuildSeconds = value;
      section = section === 'collect' ? '' : section;
    }
    const built = new RegExp(`\\[vite\\] ✓ built in ${durationPattern}`).exec(line);
    if (built) vite += seconds(built[1]!);
    const pages = new RegExp(`\\[build\\] (\\d+) page\\(s\\) built in ${durationPattern}`).exec(line);
    if (pages) {
      phases.pagesReported = Number(pages[1]);
      phases.astroBuildSeconds = seconds(pages[2]!);
    }
    if (time) {
      if (line.includes('[relais] library:')) phases.clock.libraryChecked = time;
      if (line.includes('Syncing content')) phases.clock.syncStart = time;
      if (line.includes('Synced content')) phases.clock.syncEnd = time;
      if (line.includes('Collecting build info')) phases.clock.buildStart = time;
      if (line.includes('[relais] search index')) phases.clock.searchIndexDone = time;
      if (line.includes('[build] Complete!')) phases.clock.complete = time;
    }
  }
  if (vite > 0) phases.viteSeconds = Number(vite.toFixed(3));
  return phases;
}

// ---------------------------------------------------------------------------------------------
// One run

interface Build {
  outDir: string;
  cacheDir: string;
  buildSeconds: number;
  /** User + system CPU time of every process of the build (less sensitive to other load than wall time). */
  cpuSeconds: number;
  tree: TreeStats;
  output: string;
  load: { before: number; after: number; otherBusyProcesses: number };
}

interface RunResult {
  modules: number;
  seed: number;
  library: GeneratedLibrary & { checkSeconds: number; generateSeconds: number };
  buildSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  peakRssAtSeconds: number;
  peakProcessHwmBytes: number;
  peakProcessName: string;
  peakComposition: { astroBytes: number; pagefindBytes: number };
  astroPeakRssBytes: number;
  astroPeakAtSeconds: number;
  pagefind?: { startSeconds: number; endSeconds: number; seconds: number; peakRssBytes: number };
  /** Every build of this library (--runs); the figures above are those of the median one. */
  repeats: { buildSeconds: number[]; peakRssBytes: number[]; load: Build['load'][] };
  dist: DistStats;
  modulePage: {
    sampled: number;
    meanTotalGzip: number;
    maxTotalGzip: number;
    meanHtmlGzip: number;
    meanCssGzip: number;
    meanJsGzip: number;
    maxJsGzip: number;
    meanExternalJsGzip: number;
    meanInlineJsGzip: number;
    meanInlineCssGzip: number;
    heaviest: string;
    assets: string[];
  };
  phases: Phases;
  folder?: string;
}

async function run(modules: number, options: Options): Promise<RunResult> {
  const work = mkdtempSync(path.join(tmpdir(), `relais-bench-${modules}-`));
  const contentDir = path.join(work, 'content');
  const cleanup = () => {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  try {
    console.log(`\n▶ ${modules} modules: generating into ${contentDir}`);
    let started = performance.now();
    const generated = generateLibrary(contentDir, modules, options.seed);
    const generateSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const loaded = loadLibrary(contentDir);
    const checkSeconds = (performance.now() - started) / 1000;
    if (loaded.errors > 0) throw new Error(`The generated library has ${loaded.errors} errors; fix scripts/generate-library.ts`);
    const moduleIds = [...loaded.library.modules.keys()].sort();
    console.log(`  ${generated.modules} modules (${generated.englishModules} in English, ${(generated.words / generated.modules).toFixed(0)} words each on average), ${generated.authors} authors, in ${generateSeconds.toFixed(1)} s; loadLibrary (the build's check) ${checkSeconds.toFixed(2)} s`);

    // Each build is cold: its own empty output and cache folders. With --runs R, the reported
    // figures come from the build of median time; every time and peak is listed too.
    const builds: Build[] = [];
    for (let i = 1; i <= options.runs; i++) {
      const suffix = options.runs > 1 ? `-${i}` : '';
      const outDir = path.join(work, `dist${suffix}`);
      const cacheDir = path.join(work, `cache${suffix}`);
      mkdirSync(cacheDir);
      console.log(`  building cold${options.runs > 1 ? ` (${i}/${options.runs})` : ''}: out ${outDir}, cache ${cacheDir} …`);
      const loadBefore = loadAverage();
      const sampler = sampleTree(100);
      started = performance.now();
      const cpuBefore = childrenCpuSeconds();
      const env = options.nodeOptions ? { NODE_OPTIONS: [process.env.NODE_OPTIONS, options.nodeOptions].filter(Boolean).join(' ') } : undefined;
      const result = await buildSite({ contentDir, outDir, cacheDir, ...(env ? { env } : {}) });
      const buildSeconds = (performance.now() - started) / 1000;
      const cpuSeconds = childrenCpuSeconds() - cpuBefore;
      const tree = sampler.stop();
      const load = { before: loadBefore, after: loadAverage(), otherBusyProcesses: tree.otherBusyMax };
      if (options.keep) {
        writeFileSync(path.join(work, `build${suffix}.log`), result.output);
        writeFileSync(path.join(work, `rss${suffix}.csv`), ['seconds,tree_bytes,astro_bytes,pagefind_bytes', ...tree.timeline.map((row) => row.join(','))].join('\n') + '\n');
      }
      if (result.code !== 0) {
        console.error(result.output);
        console.error(`\n✗ The build of ${modules} modules failed (exit ${result.code}) after ${buildSeconds.toFixed(1)} s.`);
        cleanup();
        process.exit(1);
      }
      const written = moduleIds.filter((id) => existsSync(path.join(outDir, id, 'index.html'))).length;
      if (written !== moduleIds.length) {
        // Astro keeps some build files in the project's .astro/ folder, shared by every build of this
        // checkout: a build running at the same time can swap the module list under this one.
        console.error(`\n✗ The build wrote ${written} of ${moduleIds.length} module pages. Was another build of this checkout running at the same time (they share .astro/)?`);
        cleanup();
        process.exit(1);
      }
      console.log(`    ${buildSeconds.toFixed(2)} s, peak RSS ${mib(tree.peakTreeRssBytes)}; load average ${load.before} before, ${load.after} after`);
      if (tree.otherBusyMax > 0) console.log(`    ⚠ up to ${tree.otherBusyMax} other process(es) were using CPU during the build: its time is not reliable`);
      builds.push({ outDir, cacheDir, buildSeconds, cpuSeconds, tree, output: result.output, load });
    }
    const median = [...builds].sort((a, b) => a.buildSeconds - b.buildSeconds)[Math.floor((builds.length - 1) / 2)]!;
    const { outDir, tree } = median;

    const dist = distStats(outDir, moduleIds);
    const weights = spread(moduleIds, options.sample).map((id) => pageWeight(outDir, `/${id}/`));
    const mean = (pick: (w: PageWeight) => number) => Math.round(weights.reduce((sum, w) => sum + pick(w), 0) / Math.max(1, weights.length));
    const heaviest = weights.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a), weights[0]!);
    return {
      modules,
      seed: options.seed,
      library: { ...generated, generateSeconds: round(generateSeconds), checkSeconds: round(checkSeconds) },
      buildSeconds: round(median.buildSeconds),
      cpuSeconds: round(median.cpuSeconds),
      peakRssBytes: tree.peakTreeRssBytes,
      peakRssAtSeconds: round(tree.peakTreeRssAtSeconds),
      peakProcessHwmBytes: tree.peakProcessHwmBytes,
      peakProcessName: tree.peakProcessName,
      peakComposition: tree.atPeak,
      astroPeakRssBytes: tree.astroPeakRssBytes,
      astroPeakAtSeconds: round(tree.astroPeakAtSeconds),
      ...(tree.pagefind ? { pagefind: { ...tree.pagefind, seconds: round(tree.pagefind.endSeconds - tree.pagefind.startSeconds + 0.1) } } : {}),
      repeats: { buildSeconds: builds.map((b) => round(b.buildSeconds)), peakRssBytes: builds.map((b) => b.tree.peakTreeRssBytes), load: builds.map((b) => b.load) },
      dist,
      modulePage: {
        sampled: weights.length,
        meanTotalGzip: mean((w) => w.totalGzip),
        maxTotalGzip: Math.max(...weights.map((w) => w.totalGzip)),
        meanHtmlGzip: mean((w) => w.htmlGzip),
        meanCssGzip: mean((w) => w.cssGzip),
        meanJsGzip: mean((w) => w.jsGzip),
        maxJsGzip: Math.max(...weights.map((w) => w.jsGzip)),
        meanExternalJsGzip: mean((w) => w.externalJsGzip),
        meanInlineJsGzip: mean((w) => w.inlineJsGzip),
        meanInlineCssGzip: mean((w) => w.inlineCssGzip),
        heaviest: heaviest.page,
        assets: [...new Set(weights.flatMap((w) => w.assets))].sort(),
      },
      phases: parsePhases(median.output),
      ...(options.keep ? { folder: work } : {}),
    };
  } finally {
    process.removeListener('SIGINT', onSignal);
    cleanup();
  }
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const mib = (bytes: number) => (bytes >= GiB ? `${(bytes / GiB).toFixed(2)} GiB` : `${(bytes / MiB).toFixed(0)} MiB`);
const ratio = (value: number, target: number) => round(value / target, 3);
const verdict = (r: number) => (r <= 1 ? 'ok' : 'OVER');

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

function report(r: RunResult): void {
  const p = r.phases;
  const rows: [string, string][] = [
    ['build wall time (cold)', `${r.buildSeconds.toFixed(2)} s${r.repeats.buildSeconds.length > 1 ? ` (median of ${r.repeats.buildSeconds.map((x) => x.toFixed(1)).join(', ')})` : ''}`],
    ['build CPU time (user + system)', `${r.cpuSeconds.toFixed(2)} s (every process of the build; steadier than wall time on a shared machine)`],
    ['  library check', `${r.library.checkSeconds.toFixed(2)} s (loadLibrary, which the build runs first; timed here, outside the build)`],
    ['  full checker (in the build)', p.checkSeconds !== undefined ? `${p.checkSeconds.toFixed(2)} s` : '?'],
    ['  modules loader (render bodies)', p.loaderSeconds !== undefined ? `${p.loaderSeconds.toFixed(2)} s (part of content sync)` : '?'],
    ['  types generated', p.typesSeconds !== undefined ? `${p.typesSeconds.toFixed(2)} s` : '?'],
    ['  content sync (log clock)', p.clock.syncStart && p.clock.syncEnd ? `${p.clock.syncStart} → ${p.clock.syncEnd}` : '?'],
    ['  up to build info collected', p.collectSeconds !== undefined ? `${p.collectSeconds.toFixed(2)} s (Astro's figure, includes sync and types)` : '?'],
    ['  vite bundles', p.viteSeconds !== undefined ? `${p.viteSeconds.toFixed(2)} s` : '?'],
    ['  rendering pages', p.renderSeconds !== undefined ? `${p.renderSeconds.toFixed(2)} s` : '?'],
    ['  search index (log)', p.searchIndexSeconds !== undefined ? `${p.searchIndexSeconds.toFixed(2)} s` : '?'],
    ['  pagefind (process seen)', r.pagefind ? `${r.pagefind.seconds.toFixed(1)} s (${r.pagefind.startSeconds.toFixed(1)}–${r.pagefind.endSeconds.toFixed(1)} s), peak ${mib(r.pagefind.peakRssBytes)}` : 'not seen'],
    ['  astro "pages built in"', p.astroBuildSeconds !== undefined ? `${p.astroBuildSeconds.toFixed(2)} s (bundles + render: ${p.staticBuildSeconds?.toFixed(2) ?? '?'} s)` : '?'],
    ['peak RSS (process tree)', `${mib(r.peakRssBytes)} at ${r.peakRssAtSeconds.toFixed(1)} s (Astro ${mib(r.peakComposition.astroBytes)} + Pagefind ${mib(r.peakComposition.pagefindBytes)})`],
    ['peak RSS of Astro alone', `${mib(r.astroPeakRssBytes)} at ${r.astroPeakAtSeconds.toFixed(1)} s`],
    ['peak RSS (one process, VmHWM)', `${mib(r.peakProcessHwmBytes)} (${r.peakProcessName})`],
    ['HTML pages', `${r.dist.htmlPages} (module pages ${r.dist.modulePages}/${r.modules})`],
    ['mean HTML page', kib(r.dist.meanHtmlBytes)],
    ['dist size without pagefind/', mib(r.dist.distBytes)],
    ['pagefind index', `${mib(r.dist.pagefindBytes)} in ${r.dist.pagefindFiles} files`],
    ['dist per HTML page (incl. index)', kib((r.dist.distBytes + r.dist.pagefindBytes) / r.dist.htmlPages)],
    [`module page, gz (${r.modulePage.sampled} sampled)`, `mean ${kib(r.modulePage.meanTotalGzip)}, max ${kib(r.modulePage.maxTotalGzip)} (HTML ${kib(r.modulePage.meanHtmlGzip)}, of which inline CSS ~${kib(r.modulePage.meanInlineCssGzip)} and inline JS ~${kib(r.modulePage.meanInlineJsGzip)}; + linked CSS ${kib(r.modulePage.meanCssGzip)} + external JS ${kib(r.modulePage.meanExternalJsGzip)})`],
    ['module page JS, gz', `mean ${kib(r.modulePage.meanJsGzip)}, max ${kib(r.modulePage.maxJsGzip)} (external ${kib(r.modulePage.meanExternalJsGzip)} + inline ${kib(r.modulePage.meanInlineJsGzip)})`],
    ['assets linked by module pages', r.modulePage.assets.join(', ') || 'none'],
  ];
  console.log(`\n${r.modules} modules — generated in ${r.library.generateSeconds.toFixed(1)} s, ${r.library.words} words\n${table(rows)}`);
  if (r.folder) console.log(`  kept: ${r.folder}`);
}

function ratios(results: readonly RunResult[]) {
  const at = (n: number) => results.find((r) => r.modules === n);
  const r1k = at(1000);
  const r10k = at(10000);
  const out: Record<string, number> = {};
  if (r1k) {
    out.build1000SecondsVsTarget = ratio(r1k.buildSeconds, targets.build1000Seconds);
    out.build1000SecondsVsStarlight = ratio(r1k.buildSeconds, targets.starlight1000.seconds);
    out.peakRss1000VsStarlight = ratio(r1k.peakRssBytes, targets.starlight1000.peakRssBytes);
    out.distPerPage1000VsStarlight = ratio((r1k.dist.distBytes + r1k.dist.pagefindBytes) / r1k.dist.htmlPages, targets.starlight1000.bytesPerPage);
    out.modulePageGzip1000VsStarlightPerPage = ratio(r1k.modulePage.meanTotalGzip, targets.starlight1000.bytesPerPage);
  }
  if (r10k) out.peakRss10000VsTarget = ratio(r10k.peakRssBytes, targets.build10000PeakRssBytes);
  if (r1k && r10k) {
    out.build10000OverBuild1000 = round(r10k.buildSeconds / r1k.buildSeconds, 3);
    out.build10000OverBuild1000VsTarget = ratio(r10k.buildSeconds / r1k.buildSeconds, targets.build10000OverBuild1000);
  }
  const worstPage = Math.max(...results.map((r) => r.modulePage.maxTotalGzip));
  const worstJs = Math.max(...results.map((r) => r.modulePage.maxJsGzip));
  out.modulePageMaxGzipVsTarget = ratio(worstPage, targets.modulePageGzipBytes);
  out.modulePageMaxJsGzipVsTarget = ratio(worstJs, targets.modulePageJsGzipBytes);
  return out;
}

function printTargets(results: readonly RunResult[], r: Record<string, number>): void {
  const rows: [string, string][] = [];
  const at = (n: number) => results.find((x) => x.modules === n);
  const r1k = at(1000);
  const r10k = at(10000);
  if (r1k) rows.push([`N=1,000 cold build ≤ ${targets.build1000Seconds} s`, `${r1k.buildSeconds.toFixed(1)} s → ×${r.build1000SecondsVsTarget} ${verdict(r.build1000SecondsVsTarget!)}`]);
  else rows.push([`N=1,000 cold build ≤ ${targets.build1000Seconds} s`, 'not run (add --modules 1000)']);
  if (r1k && r10k) rows.push([`N=10,000 ≤ ${targets.build10000OverBuild1000}× N=1,000`, `×${r.build10000OverBuild1000} → ×${r.build10000OverBuild1000VsTarget} ${verdict(r.build10000OverBuild1000VsTarget!)}`]);
  else rows.push([`N=10,000 ≤ ${targets.build10000OverBuild1000}× N=1,000`, 'needs both --modules 1000 and --modules 10000']);
  if (r10k) rows.push(['N=10,000 peak RSS ≤ 4 GiB', `${mib(r10k.peakRssBytes)} → ×${r.peakRss10000VsTarget} ${verdict(r.peakRss10000VsTarget!)}`]);
  else rows.push(['N=10,000 peak RSS ≤ 4 GiB', 'not run (add --modules 10000)']);
  rows.push(['module page ≤ 30 KiB gz (HTML+CSS+JS)', `max ${kib(Math.max(...results.map((x) => x.modulePage.maxTotalGzip)))} → ×${r.modulePageMaxGzipVsTarget} ${verdict(r.modulePageMaxGzipVsTarget!)}`]);
  rows.push(['module page JS ≤ 15 KiB gz', `max ${kib(Math.max(...results.map((x) => x.modulePage.maxJsGzip)))} → ×${r.modulePageMaxJsGzipVsTarget} ${verdict(r.modulePageMaxJsGzipVsTarget!)}`]);
  if (r1k) {
    rows.push(['vs Starlight 1,000 pages: time (23 s)', `×${r.build1000SecondsVsStarlight}`]);
    rows.push(['vs Starlight: peak RSS (1.5 GiB)', `×${r.peakRss1000VsStarlight}`]);
    rows.push(['vs Starlight: 223 KiB/page (dist/page)', `×${r.distPerPage1000VsStarlight} (module page gz weight: ×${r.modulePageGzip1000VsStarlightPerPage})`]);
  }
  console.log(`\nTargets\n${table(rows)}`);
}

// ---------------------------------------------------------------------------------------------

const options = parseArgs(process.argv.slice(2));
const results: RunResult[] = [];
for (const modules of options.modules) {
  const result = await run(modules, options);
  report(result);
  results.push(result);
}
const r = ratios(results);
printTargets(results, r);
console.log(`\nBENCH ${JSON.stringify({ node: process.version, nodeOptions: options.nodeOptions ?? null, cpus: (await import('node:os')).availableParallelism(), runs: results, targets, ratios: r })}`);
