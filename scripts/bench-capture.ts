/**
 * `npm run bench:capture [-- --hours 1 --hours 10 --runs 5]`
 *
 * For each format (WebVTT, SubRip, Whisper JSON, text) and each length, a synthetic interview
 * (scripts/lib/synthetic-interview.ts: ~900 cues and ~10,000 words an hour) is ingested in a
 * fresh Node process, as `relais ingest` does it, minus the disk: decode the bytes, parse,
 * segment, draft (frontmatter, review checklist, mdast tree and remark serialisation of the
 * module and of its review file). Each step is timed on
 * the first, cold run (regular expressions compiled, code not yet optimised: what one
 * `relais ingest` of one file costs) and as the median of the next runs (warm: a folder of
 * many files), in wall-clock and CPU time (CPU time is steadier when other work shares the
 * machine). Peak memory is the process's maximum resident set size. Prints a table and a
 * final `BENCH {…}` JSON line. Target: ≤ 200 ms for the whole ingest of a 1-hour transcript,
 * and linear in length up to 10 hours.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transcriptFormats, type TranscriptFormat } from '../src/capture/cue.ts';
import { decodeTranscript } from '../src/capture/decode-transcript.ts';
import { draftFromSegmentation } from '../src/capture/draft-module.ts';
import { parseTranscript } from '../src/capture/parse-transcript.ts';
import { segmentTranscript } from '../src/capture/segment-transcript.ts';
import { countWords, formatInterview, syntheticInterview } from './lib/synthetic-interview.ts';

const TARGET_MS = 200;

interface Measure {
  format: TranscriptFormat;
  hours: number;
  cues: number;
  words: number;
  bytes: number;
  cold: { parse: number; segment: number; draft: number; total: number; cpu: number };
  warm: { parse: number; segment: number; draft: number; total: number; cpu: number };
  peakRssMiB: number;
  /** Resident memory once the code is loaded, before the transcript exists: the rest is the ingest's. */
  baselineRssMiB: number;
}

const draftOptions = {
  trade: { id: 'plomberie', label: { fr: 'Plomberie', en: 'Plumbing' } },
  skills: [
    { id: 'brasage-cuivre', label: { fr: 'Braser le cuivre' } },
    { id: 'faconnage-tubes', label: { fr: 'Couper et façonner les tubes' } },
  ],
  authors: ['jean-martin'],
  glossary: ['brasure', 'décapant', 'raccord'],
  source: { transcript: 'media/synthetic.vtt' },
  sourceName: 'media/synthetic',
};

/** One format and length, in this process (called in a child process by the main run). */
function measureOne(format: TranscriptFormat, hours: number, runs: number): Measure {
  const baseline = process.memoryUsage().rss;
  const cues = syntheticInterview(hours);
  const bytes = new TextEncoder().encode(formatInterview(cues, format));
  const fileName = `interview.${format === 'whisper' ? 'json' : format}`;
  const times: Measure['cold'][] = [];
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  for (let run = 0; run <= runs; run++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const parsed = parseTranscript(decodeTranscript(bytes).text, { fileName }).cues;
    const t1 = performance.now();
    const segmentation = segmentTranscript(parsed);
    const t2 = performance.now();
    draftFromSegmentation(segmentation, draftOptions);
    const t3 = performance.now();
    times.push({ parse: t1 - t0, segment: t2 - t1, draft: t3 - t2, total: t3 - t0, cpu: cpuMs() - c0 });
  }
  const [cold, ...warmRuns] = times;
  const median = (key: keyof Measure['warm']) => {
    const sorted = warmRuns.map((time) => time[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  return {
    format,
    hours,
    cues: cues.length,
    words: countWords(cues),
    bytes: bytes.length,
    cold: cold!,
    warm: { parse: median('parse'), segment: median('segment'), draft: median('draft'), total: median('total'), cpu: median('cpu') },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    baselineRssMiB: baseline / 1024 / 1024,
  };
}

function main(): void {
  const { values } = parseArgs({ options: { hours: { type: 'string', multiple: true }, runs: { type: 'string', default: '5' }, one: { type: 'string' } } });
  const runs = Number(values.runs);
  if (values.one) {
    const [format, hours] = values.one.split(':');
    process.stdout.write(JSON.stringify(measureOne(format as TranscriptFormat, Number(hours), runs)));
    return;
  }
  const lengths = (values.hours ?? ['1', '10']).map(Number);
  const script = fileURLToPath(import.meta.url);
  const results: Measure[] = [];
  for (const hours of lengths) {
    for (const format of transcriptFormats) {
      // A fresh process per measure: cold times are a real first ingest, memory is its own.
      const child = spawnSync(process.execPath, [script, '--one', `${format}:${hours}`, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`bench-capture ${format} ${hours} h failed:\n${child.stderr}`);
      results.push(JSON.parse(child.stdout) as Measure);
    }
  }
  const ms = (n: number) => n.toFixed(1).padStart(7);
  console.log('wall-clock ms; "cpu" = CPU time of the process during the ingest, all threads (V8 compiles and collects garbage in parallel: cold CPU exceeds wall time)');
  console.log('format   hours   cues   words    KiB | cold: parse segment  draft  total    cpu | warm: parse segment  draft  total    cpu | peak RSS (after loading)');
  for (const r of results) {
    console.log(
      `${r.format.padEnd(8)} ${String(r.hours).padStart(5)} ${String(r.cues).padStart(6)} ${String(r.words).padStart(7)} ${String(Math.round(r.bytes / 1024)).padStart(6)} | ${ms(r.cold.parse)} ${ms(r.cold.segment)} ${ms(r.cold.draft)} ${ms(r.cold.total)} ${ms(r.cold.cpu)} | ${ms(r.warm.parse)} ${ms(r.warm.segment)} ${ms(r.warm.draft)} ${ms(r.warm.total)} ${ms(r.warm.cpu)} | ${r.peakRssMiB.toFixed(0)} MiB (${r.baselineRssMiB.toFixed(0)})`,
    );
  }
  const oneHour = results.filter((r) => r.hours === 1);
  const worstColdHour = Math.max(...oneHour.map((r) => r.cold.total));
  const worstColdHourCpu = Math.max(...oneHour.map((r) => r.cold.cpu));
  const linearity = transcriptFormats.map((format) => {
    const one = results.find((r) => r.format === format && r.hours === lengths[0]);
    const last = results.find((r) => r.format === format && r.hours === lengths.at(-1));
    return { format, ratio: one && last ? last.warm.cpu / one.warm.cpu : null, lengthRatio: (lengths.at(-1) ?? 1) / (lengths[0] ?? 1) };
  });
  const verdict = (ms: number) => (ms <= TARGET_MS ? 'met' : 'NOT met');
  console.log(`\n1-hour ingest, cold, worst format: ${worstColdHour.toFixed(0)} ms (${verdict(worstColdHour)}; target ≤ ${TARGET_MS} ms wall-clock), ${worstColdHourCpu.toFixed(0)} ms CPU`);
  for (const { format, ratio, lengthRatio } of linearity) if (ratio !== null) console.log(`${format}: ${lengthRatio}× longer → ${ratio.toFixed(1)}× the warm CPU time`);
  console.log(`BENCH ${JSON.stringify({ targetMs: TARGET_MS, worstColdHourMs: Math.round(worstColdHour), worstColdHourCpuMs: Math.round(worstColdHourCpu), results, linearity })}`);
}

main();
