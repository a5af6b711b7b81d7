/**
 * `npm run bench:library -- [--modules N] [--media-mb M] [--seed S]`
 *
 * Generates the synthetic library of the other benchmarks (scripts/generate-library.ts, 1,000
 * modules by default) plus M MB of media (200 by default, incompressible, as recordings are)
 * referenced by the modules, then measures, each in a fresh Node process: `relais pack`,
 * `relais verify` and `relais import` (which verifies again, then merges into an empty
 * content/). Prints wall time and peak memory per phase, the time to hash the media at disk
 * speed, the target (verify + import ≤ 10 s excluding media hashing) and a final `BENCH {…}`
 * line. Memory is reported: media stream through, so it grows with modules, not media.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLibrary } from './generate-library.ts';

const targets = { verifyAndImportSeconds: 10 } as const;

interface Measure {
  seconds: number;
  peakRssBytes: number;
  detail: string;
}

/** The child: one phase, cold, measured from inside the process that does it. */
async function phase(name: string, work: string): Promise<Measure> {
  const started = performance.now();
  const content = path.join(work, 'library');
  const archive = path.join(work, 'library.tar.gz');
  const trusted = path.join(work, 'trusted-centres.yaml');
  let detail = '';
  if (name === 'pack') {
    const { packLibrary } = await import('../src/library/pack-fs.ts');
    const result = await packLibrary({ contentDir: content, out: archive });
    if (result.problems.length > 0) throw new Error(`the generated library does not pack: ${result.problems.length} files with errors`);
    detail = `${result.manifest.modules.length} modules, ${result.manifest.files.length} files, ${(result.bytes / 1e6).toFixed(1)} MB archive`;
  } else if (name === 'verify') {
    const { verifyLibrary } = await import('../src/library/verify-fs.ts');
    const verified = await verifyLibrary(archive, { trustedCentresFile: trusted });
    verified.dispose();
    if (verified.errors > 0) throw new Error(`verify found ${verified.errors} errors`);
    detail = `${verified.manifest?.files.length} files checked`;
  } else if (name === 'import') {
    const { importLibrary } = await import('../src/library/import-fs.ts');
    const result = await importLibrary(archive, { contentDir: path.join(work, 'imported'), trustedCentresFile: trusted });
    if (!result.written) throw new Error(`import refused: ${result.refused}`);
    detail = `${result.changes.filter((change) => change.kind === 'add').length} files added`;
  } else if (name === 'hash') {
    const { hashFile } = await import('../src/library/pack-fs.ts');
    const media = path.join(content, 'media');
    let bytes = 0;
    for (const file of existsSync(media) ? readdirSync(media) : []) {
      await hashFile(path.join(media, file));
      bytes += statSync(path.join(media, file)).size;
    }
    detail = `${(bytes / 1e6).toFixed(0)} MB of media`;
  }
  return { seconds: (performance.now() - started) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024, detail };
}

/** Adds media files and a `source.recording` to as many modules, so that pack carries them. */
function addMedia(content: string, megabytes: number): void {
  const media = path.join(content, 'media');
  mkdirSync(media, { recursive: true });
  const files = Math.max(1, Math.ceil(megabytes / 5));
  const size = Math.floor((megabytes * 1e6) / files);
  const modules: string[] = [];
  for (const dirent of readdirSync(path.join(content, 'modules'), { withFileTypes: true, recursive: true })) if (dirent.isFile()) modules.push(path.join(dirent.parentPath, dirent.name));
  modules.sort();
  for (let index = 0; index < files; index++) {
    const name = `media/bench-recording-${index}.m4a`;
    writeFileSync(path.join(content, name), randomBytes(size));
    const module = modules[index % modules.length]!;
    const text = readFileSync(module, 'utf8');
    if (/^source:/m.test(text)) continue;
    writeFileSync(module, text.replace(/\n---\n/, `\nsource:\n  recording: ${name}\n---\n`));
  }
}

function parseOptions(argv: readonly string[]) {
  const options = { modules: 1000, mediaMb: 200, seed: 1 };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = Number(argv[++index]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag}: expected a whole number`);
    if (flag === '--modules') options.modules = value;
    else if (flag === '--media-mb') options.mediaMb = value;
    else if (flag === '--seed') options.seed = value;
    else throw new Error(`Unexpected option ${flag}, expected --modules, --media-mb or --seed`);
  }
  return options;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--phase') {
    const measure = await phase(argv[1]!, argv[2]!);
    process.stdout.write(`${JSON.stringify(measure)}\n`);
    return;
  }
  const options = parseOptions(argv);
  const work = mkdtempSync(path.join(tmpdir(), 'relais-bench-library-'));
  try {
    const content = path.join(work, 'library');
    const generated = performance.now();
    generateLibrary(content, options.modules, options.seed);
    if (options.mediaMb > 0) addMedia(content, options.mediaMb);
    console.log(`Generated ${options.modules} modules and ${options.mediaMb} MB of media in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
    const results: Record<string, Measure> = {};
    for (const name of ['pack', 'verify', 'import', 'hash']) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', name, work], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
      const measure = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measure;
      results[name] = measure;
      console.log(`${name.padEnd(7)} ${measure.seconds.toFixed(2).padStart(7)} s  peak ${(measure.peakRssBytes / 1e6).toFixed(0).padStart(5)} MB  ${measure.detail}`);
    }
    // verify hashes the media once; import verifies again, so hashes it once more.
    const hash = results.hash!.seconds;
    const verifyAndImport = results.verify!.seconds + results.import!.seconds - 2 * hash;
    const peak = Math.max(...Object.values(results).map((measure) => measure.peakRssBytes)) / 1e6;
    const ok = verifyAndImport <= targets.verifyAndImportSeconds;
    console.log(`\nrelais verify + relais import (which verifies again), excluding media hashing (${hash.toFixed(2)} s a pass): ${verifyAndImport.toFixed(2)} s (target ≤ ${targets.verifyAndImportSeconds} s): ${ok ? 'met' : 'NOT met'}`);
    console.log(`peak memory ${peak.toFixed(0)} MB: archives are streamed entry by entry (media never held in memory); the peak comes from parsing the ${options.modules} modules' MDX, not from the media size`);
    console.log(`BENCH ${JSON.stringify({ modules: options.modules, mediaMb: options.mediaMb, ...Object.fromEntries(Object.entries(results).map(([name, measure]) => [name, { seconds: +measure.seconds.toFixed(3), peakRssMb: +(measure.peakRssBytes / 1e6).toFixed(1) }])), verifyAndImportExcludingHashSeconds: +verifyAndImport.toFixed(3), targetsMet: ok })}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2));
