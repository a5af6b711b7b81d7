/**
 * `npm run bench:check -- --modules N [--modules M …] [--runs R] [--threads T] [--seed S] [--content DIR]`
 *
 * For each N: generates the synthetic library of the build benchmark (scripts/generate-library.ts)
 * into a temporary folder, then runs the full checker on it (what `relais check` and the build
 * run: schemas, references, media, MDX rules, plain language, the untrusted-MDX policy) in a
 * fresh Node process, cold, as the command line does. Prints wall time, files/s and peak memory
 * per run, then the targets (1,000 modules ≤ 5 s; 10,000 linear) and a final `BENCH {…}` line.
 * `--content DIR` measures an existing library instead (e.g. `--content content`).
 * `--threads T` sets RELAIS_CHECK_THREADS (1: no worker threads).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLibrary } from './generate-library.ts';

const targets = { check1000Seconds: 5, check10000OverCheck1000: 10 } as const;

interface Measure {
  seconds: number;
  files: number;
  modules: number;
  errors: number;
  warnings: number;
  peakRssBytes: number;
  threads: number;
}

/** The child: one cold check of a folder, measured from inside the process that does it. */
async function measureOnce(contentDir: string): Promise<Measure> {
  const started = performance.now();
  const { checkContent } = await import('../src/check/check-content-fs.ts');
  const { threadsFor } = await import('../src/check/check-modules-parallel-fs.ts');
  const { resolveRelaisConfig } = await import('../src/config/relais-config.ts');
  const config = resolveRelaisConfig({}, {});
  const result = await checkContent({ contentDir, config: config.check });
  const seconds = (performance.now() - started) / 1000;
  const modules = result.library?.modules.size ?? 0;
  return {
    seconds,
    files: result.files.length,
    modules,
    errors: result.errors,
    warnings: result.warnings,
    // maxRSS covers the whole process, worker threads included (KiB on Linux).
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    threads: threadsFor(modules),
  };
}

function parseOptions(argv: readonly string[]) {
  const options = { modules: [] as number[], runs: 1, seed: 1, threads: undefined as number | undefined, content: undefined as string | undefined };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index]!.includes('=') ? (argv[index]!.split('=', 2) as [string, string]) : [argv[index]!, undefined];
    const value = () => inline ?? argv[++index];
    const whole = (raw: string | undefined) => {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1) {
        console.error(`Expected a positive whole number after ${flag}, got ${raw ?? 'nothing'}`);
        process.exit(2);
      }
      return n;
    };
    if (flag === '--modules') options.modules.push(whole(value()));
    else if (flag === '--runs') options.runs = whole(value());
    else if (flag === '--seed') options.seed = whole(value());
    else if (flag === '--threads') options.threads = whole(value());
    else if (flag === '--content') options.content = value();
    else {
      console.error(`Unknown option ${flag}. Usage: npm run bench:check -- --modules N [--modules M …] [--runs R] [--threads T] [--seed S] [--content DIR]`);
      process.exit(2);
    }
  }
  if (options.modules.length === 0 && !options.content) options.modules.push(1000);
  return options;
}

function runChild(contentDir: string, threads: number | undefined): Measure {
  const env = { ...process.env, ...(threads ? { RELAIS_CHECK_THREADS: String(threads) } : {}) };
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', contentDir], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((candidate) => candidate.startsWith('MEASURE '));
  if (child.status !== 0 || !line) throw new Error(`The check failed:\n${child.stderr}${child.stdout}`);
  return JSON.parse(line.slice('MEASURE '.length)) as Measure;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    console.log(`MEASURE ${JSON.stringify(await measureOnce(path.resolve(argv[1]!)))}`);
    return;
  }
  const options = parseOptions(argv);
  const results: { label: string; modules: number; seconds: number; filesPerSecond: number; peakRssBytes: number; runs: Measure[] }[] = [];
  const measure = (label: string, contentDir: string) => {
    const runs: Measure[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const m = runChild(contentDir, options.threads);
      runs.push(m);
      console.log(
        `  ${label} run ${run}: ${m.seconds.toFixed(2)} s, ${m.files} files (${m.modules} modules), ${(m.files / m.seconds).toFixed(0)} files/s, peak ${mib(m.peakRssBytes)}, ${m.threads} thread${m.threads === 1 ? '' : 's'}; ${m.errors} errors, ${m.warnings} warnings`,
      );
    }
    const seconds = median(runs.map((m) => m.seconds));
    const files = runs[0]!.files;
    results.push({ label, modules: runs[0]!.modules, seconds, filesPerSecond: files / seconds, peakRssBytes: Math.max(...runs.map((m) => m.peakRssBytes)), runs });
  };
  if (options.content) measure(options.content, path.resolve(options.content));
  for (const modules of options.modules) {
    const dir = mkdtempSync(path.join(tmpdir(), `relais-bench-check-${modules}-`));
    try {
      const started = performance.now();
      generateLibrary(dir, modules, options.seed);
      console.log(`${modules} modules generated in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);
      measure(`${modules} modules`, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('\nresult (median of runs)');
  for (const r of results) console.log(`  ${r.label}: ${r.seconds.toFixed(2)} s, ${r.filesPerSecond.toFixed(0)} files/s, peak ${mib(r.peakRssBytes)}`);
  const at = (n: number) => results.find((r) => r.modules === n && r.label === `${n} modules`);
  const thousand = at(1000);
  const tenThousand = at(10000);
  if (thousand) console.log(`  target 1,000 modules ≤ ${targets.check1000Seconds} s: ${thousand.seconds <= targets.check1000Seconds ? 'met' : 'NOT met'} (${thousand.seconds.toFixed(2)} s)`);
  if (thousand && tenThousand) {
    const ratio = tenThousand.seconds / thousand.seconds;
    console.log(`  target 10,000 linear (≤ ${targets.check10000OverCheck1000}× 1,000): ${ratio <= targets.check10000OverCheck1000 ? 'met' : 'NOT met'} (${ratio.toFixed(1)}×)`);
  }
  console.log(`BENCH ${JSON.stringify({ targets, results: results.map(({ runs, ...rest }) => ({ ...rest, runs: runs.length })) })}`);
}

await main();
