/**
 * `npm run bench:service [-- --duration S] [--storage sqlite|postgres] [--dist DIR]`
 *
 * Loads the progress service from a second process over loopback, with autocannon, for each
 * storage: SQLite (a file, WAL, synchronous=FULL: every 2xx is on disk) and PostgreSQL (a
 * throw-away cluster from the Debian package with its durable defaults — fsync on,
 * synchronous_commit on — or DATABASE_URL when set). The service runs as `relais serve` in a child
 * process, with the built site's catalogue, so statements go through the whole write path:
 * validation, authorisation, the query index and derived progress of real apprentices.
 *
 * Measures, per storage:
 *   - statements/s POSTed in batches of 50 (8 connections);
 *   - statements/s POSTed one by one (8 connections);
 *   - p50/p99 latency of single statements at a fixed 200 requests/s.
 * Prints a table and a final `BENCH {…}` JSON line. Targets (issue 6, on 2 cores, SQLite):
 * ≥ 5,000 statements/s in batches; p99 ≤ 20 ms at 200 req/s; durability kept.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { relaisConfig } from '../src/config/current.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { createClientProcess, runRelais, type ServiceStorage, startServiceProcess } from './lib/service-process.ts';

const targets = { batchStatementsPerSecond: 5000, p99AtRateMs: 20, rate: 200 } as const;

interface Options {
  duration: number;
  storages: ('sqlite' | 'postgres')[];
  distDir: string;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { duration: 10, storages: ['sqlite', 'postgres'], distDir: relaisConfig.outDir };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--duration' && value && Number(value) > 0) options.duration = Number(value);
    else if (flag === '--storage' && (value === 'sqlite' || value === 'postgres')) options.storages = [value];
    else if (flag === '--dist' && value) options.distDir = value;
    else {
      console.error(`Unexpected argument \`${flag}\`, expected --duration S, --storage sqlite|postgres or --dist DIR`);
      process.exit(2);
    }
    index++;
  }
  return options;
}

interface StorageResult {
  storage: string;
  durability: string;
  batch50: { statementsPerSecond: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number };
  single: { statementsPerSecond: number; p50Ms: number; p99Ms: number; errors: number };
  at200: { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; serverP50Ms: number; serverP99Ms: number };
}

/** Percentile of a sorted list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const modules = ['plomberie/couper-tube-cuivre', 'fibre-optique/securite-fibre-laser-eclats', 'boulangerie/peser-et-doser'];
const verbs = ['experienced', 'progressed', 'completed'];

function statementsFor(actors: object[], count: number, site: string, offset: number): object[] {
  return Array.from({ length: count }, (_, index) => {
    const n = offset + index;
    return {
      actor: actors[n % actors.length],
      verb: { id: `http://adlnet.gov/expapi/verbs/${verbs[n % verbs.length]}` },
      object: { id: `${site}/${modules[n % modules.length]}/` },
      result: n % 5 === 0 ? { score: { scaled: (n % 10) / 10 }, success: n % 10 > 4 } : undefined,
    };
  });
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function benchStorage(kind: 'sqlite' | 'postgres', options: Options): Promise<StorageResult> {
  const folder = mkdtempSync(path.join(tmpdir(), 'relais-bench-service-'));
  let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
  try {
    let storage: ServiceStorage;
    let durability: string;
    if (kind === 'sqlite') {
      storage = { db: path.join(folder, 'relais.db') };
      durability = 'WAL, synchronous=FULL, group commit (fsync before every 2xx)';
    } else {
      const url = process.env.DATABASE_URL ?? (await (async () => {
        cluster = await startPostgres({ durable: true });
        return cluster.createDatabase('relais_bench');
      })());
      storage = { db: url };
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const settings = await client.query<{ name: string; setting: string }>("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit')");
      await client.end();
      durability = settings.rows.map((row) => `${row.name}=${row.setting}`).join(', ');
    }

    // A centre with real apprentices, so that statements derive progress as in production.
    runRelais(['centre', 'create', '--id', 'centre-bench', '--name', 'Centre de mesure'], storage);
    const joinCode = /^join code: (\S+)$/m.exec(runRelais(['cohort', 'create', '--centre', 'centre-bench', '--name', 'Mesure', '--path', 'technicien-fibre-3-mois'], storage))![1]!;
    const { authorization } = createClientProcess(storage, 'bench', 'centre-bench');
    // Request log on (stderr): the service's own time per request, apart from the load generator's.
    const service = await startServiceProcess(storage, { distDir: options.distDir, env: { RELAIS_LOG_REQUESTS: '1' } });
    try {
      const actors: object[] = [];
      for (let index = 0; index < 20; index++) {
        const response = await fetch(`${service.url}api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ joinCode, nickname: `Apprenti ${index + 1}` }) });
        actors.push(((await response.json()) as { apprentice: { actor: object } }).apprentice.actor);
      }
      const site = relaisConfig.site.replace(/\/$/, '');
      const headers = { authorization, 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' };
      const url = `${service.url}xapi/statements`;
      const batches = Array.from({ length: 20 }, (_, index) => ({ method: 'POST' as const, path: '/xapi/statements', headers, body: JSON.stringify(statementsFor(actors, 50, site, index * 50)) }));
      const singles = Array.from({ length: 60 }, (_, index) => ({ method: 'POST' as const, path: '/xapi/statements', headers, body: JSON.stringify(statementsFor(actors, 1, site, index)[0]) }));

      // Warm-up (JIT, caches), not measured.
      await load({ url, connections: 4, duration: 2, requests: batches });

      console.error(`  ${kind}: batches of 50…`);
      const batch = await load({ url, connections: 8, duration: options.duration, requests: batches });
      console.error(`  ${kind}: single statements…`);
      const single = await load({ url, connections: 8, duration: options.duration, requests: singles });
      console.error(`  ${kind}: single statements at ${targets.rate} req/s…`);
      await fetch(`${service.url}api/health`); // marks the start of this phase in the request log
      const rated = await load({ url, connections: 10, duration: options.duration, overallRate: targets.rate, requests: singles });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const log = service.output();
      const phase = log.slice(log.lastIndexOf('GET /api/health'));
      const serverTimes = [...phase.matchAll(/POST \/xapi\/statements 200 ([\d.]+)ms/g)].map((match) => Number(match[1])).sort((a, b) => a - b);

      const errors = (result: autocannon.Result) => result.non2xx + result.errors + result.timeouts;
      return {
        storage: kind,
        durability,
        batch50: { statementsPerSecond: Math.round(batch.requests.average * 50), requestsPerSecond: batch.requests.average, p50Ms: batch.latency.p50, p99Ms: batch.latency.p99, errors: errors(batch) },
        single: { statementsPerSecond: Math.round(single.requests.average), p50Ms: single.latency.p50, p99Ms: single.latency.p99, errors: errors(single) },
        at200: {
          requestsPerSecond: rated.requests.average,
          p50Ms: rated.latency.p50,
          p99Ms: rated.latency.p99,
          errors: errors(rated),
          serverP50Ms: Math.round(percentile(serverTimes, 50) * 10) / 10,
          serverP99Ms: Math.round(percentile(serverTimes, 99) * 10) / 10,
        },
      };
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  } finally {
    await cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const options = parseOptions(process.argv.slice(2));
if (!existsSync(path.join(options.distDir, 'catalogue.json'))) {
  console.error(`No built site in ${options.distDir}: run \`npm run build\` first (the service reads its catalogue.json).`);
  process.exit(1);
}
console.error(`Service benchmark: ${options.duration} s per measure, load from this process (autocannon) over loopback.`);
const results: StorageResult[] = [];
for (const kind of options.storages) results.push(await benchStorage(kind, options));

const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log('\n| storage | batches of 50: statements/s (p50/p99 ms) | single: statements/s (p50/p99 ms) | at 200 req/s: p50 / p99 ms (in the service) | errors | durability |');
console.log('|---|---:|---:|---:|---:|---|');
for (const result of results) {
  console.log(
    `| ${result.storage} | ${pad(result.batch50.statementsPerSecond.toLocaleString('en'), 6)} (${result.batch50.p50Ms}/${result.batch50.p99Ms}) | ${pad(result.single.statementsPerSecond.toLocaleString('en'), 6)} (${result.single.p50Ms}/${result.single.p99Ms}) | ${result.at200.p50Ms} / ${result.at200.p99Ms} (${result.at200.serverP50Ms} / ${result.at200.serverP99Ms}) | ${result.batch50.errors + result.single.errors + result.at200.errors} | ${result.durability} |`,
  );
}
const sqlite = results.find((result) => result.storage === 'sqlite');
if (sqlite) {
  const batchOk = sqlite.batch50.statementsPerSecond >= targets.batchStatementsPerSecond;
  const latencyOk = sqlite.at200.p99Ms <= targets.p99AtRateMs;
  console.log(
    `\nSQLite targets: batches ${sqlite.batch50.statementsPerSecond} ≥ ${targets.batchStatementsPerSecond} statements/s ${batchOk ? 'met' : 'MISSED'}; p99 at 200 req/s ${sqlite.at200.p99Ms} ≤ ${targets.p99AtRateMs} ms ${latencyOk ? 'met' : 'MISSED'} (in the service: ${sqlite.at200.serverP99Ms} ms).`,
  );
  const pressure = existsSync('/proc/pressure/cpu') ? readFileSync('/proc/pressure/cpu', 'utf8').split('\n')[0] : '';
  if (pressure) console.log(`CPU pressure during the run (Linux PSI): ${pressure} — other work on the machine inflates latencies.`);
}
console.log(`BENCH ${JSON.stringify({ targets, results })}`);
