/**
 * `npm run bench:reports [-- --apprentices N] [--cohorts N] [--statements N] [--runs N] [--keep] [--postgres] [--all-complete]`
 *
 * The tutor dashboard and the outcome report at scale (issue 7): 10,000 apprentices in 50
 * cohorts of one centre, 1,000,000 statements, exits and follow-ups for half of the cohorts, in
 * a temporary SQLite database. People, enrolments, exits and statements are written in bulk
 * (one transaction); derived progress is then rebuilt from the statements with the service's
 * own `rebuildProgress`, as `relais progress rebuild` does. The catalogue is generated (5 trades,
 * 100 modules, 10 paths of 12 modules): the benchmark does not depend on content/.
 *
 * Then the service listens on loopback and each page is fetched over HTTP, `--runs` times
 * (default 7): median and max. Targets: ≤ 200 ms a dashboard page, ≤ 1 s the full report.
 * The xAPI query index (statement_index) is not filled: nothing measured here reads it.
 * `--all-complete`: every apprentice completes every module of their path, the worst case for
 * the report's completion rule (each of them then gets the full stage rules).
 * `--postgres`: the same on PostgreSQL (DATABASE_URL, or a throw-away cluster from the Debian
 * package, as bench:service does).
 */
import { catalogueSchema } from '../src/schemas/catalogue.ts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { relaisConfig } from '../src/config/current.ts';
import { ContentCatalogue } from '../src/progress/catalogue.ts';
import { resolveServiceConfig } from '../src/progress/config.ts';
import { silentLogger } from '../src/progress/context.ts';
import { openDatabase } from '../src/progress/db/open.ts';
import { addDays, dayOf, followUpSchedule } from '../src/progress/follow-up-schedule.ts';
import { createClient } from '../src/progress/queries/clients.ts';
import { rebuildProgress } from '../src/progress/queries/rebuild.ts';
import { createTutor } from '../src/progress/queries/tutors.ts';
import { SeededRandom } from '../src/progress/seed/random.ts';
import { startService } from '../src/progress/server.ts';
import type { StorageConfig } from '../src/progress/config.ts';
import type { SqlValue } from '../src/progress/db/database.ts';
import { startPostgres } from '../tests/helpers/postgres.ts';
import { verbs } from '../src/schemas/xapi.ts';

const targets = { pageMs: 200, reportMs: 1000 };

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`--${name} ${value}: expected a positive whole number`);
    process.exit(2);
  }
  return number;
}

let flags: Record<string, string | boolean | undefined>;
try {
  ({ values: flags } = parseArgs({ options: { apprentices: { type: 'string' }, cohorts: { type: 'string' }, statements: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' }, postgres: { type: 'boolean' }, 'all-complete': { type: 'boolean' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run bench:reports -- [--apprentices N] [--cohorts N] [--statements N] [--runs N] [--keep] [--postgres] [--all-complete]`);
  process.exit(2);
}
const size = {
  apprentices: wholeNumber('apprentices', flags.apprentices as string | undefined, 10_000),
  cohorts: wholeNumber('cohorts', flags.cohorts as string | undefined, 50),
  statements: wholeNumber('statements', flags.statements as string | undefined, 1_000_000),
  runs: wholeNumber('runs', flags.runs as string | undefined, 7),
};

const site = relaisConfig.site.replace(/\/$/, '');
const random = new SeededRandom(42);

// ── a generated catalogue ──────────────────────────────────────────────────────────────────
const trades = ['plomberie', 'fibre-optique', 'boulangerie', 'maraichage', 'electronique'];
const modules = trades.flatMap((trade) => Array.from({ length: 20 }, (_, index) => ({ id: `${trade}/module-${index + 1}`, activity: `${site}/${trade}/module-${index + 1}/`, title: `Module ${index + 1}`, trade, skills: ['skill'], level: 1, duration: 20 + (index % 4) * 5, language: 'fr' })));
const paths = Array.from({ length: 10 }, (_, index) => {
  const trade = trades[index % trades.length]!;
  const own = modules.filter((module) => module.trade === trade).slice(index < 5 ? 0 : 8, index < 5 ? 12 : 20);
  return { id: `parcours-${index + 1}`, title: `Parcours ${index + 1}`, trade, hours: 400, stages: [0, 1, 2].map((stage) => ({ title: `Étape ${stage + 1}`, hours: 100 + stage * 50, modules: own.slice(stage * 4, stage * 4 + 4).map((module) => module.id), validation: 'tutor' })) };
});
// Through the schema, so the defaults a built catalogue has (authors, skills…) are filled in.
const catalogue = new ContentCatalogue(catalogueSchema.parse({ site, modules, paths }));

// ── the database ───────────────────────────────────────────────────────────────────────────
const folder = mkdtempSync(path.join(tmpdir(), 'relais-bench-reports-'));
const file = path.join(folder, 'relais.db');
let cluster: Awaited<ReturnType<typeof startPostgres>> | undefined;
const storage: StorageConfig = flags.postgres
  ? { kind: 'postgres', url: process.env.DATABASE_URL || (await (cluster = await startPostgres({ durable: true })).createDatabase('relais_bench_reports')) }
  : { kind: 'sqlite', file };
const db = await openDatabase(storage);
const now = Date.now();
const today = dayOf(now);
const nowIso = new Date(now).toISOString();
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

console.log(`bench:reports — ${size.apprentices} apprentices, ${size.cohorts} cohorts, ${size.statements} statements (${db.description})`);
let started = performance.now();
await db.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', ['bench', 'Centre de mesure', nowIso]);
const coordinator = await createTutor(db, { centreId: 'bench', name: 'Coordination', password: 'bench password 1', now });
const tutor = await createTutor(db, { centreId: 'bench', name: 'Tuteur de la cohorte 1', password: 'bench password 2', now });
const client = await createClient(db, { name: 'bench client', centreId: 'bench', now });

interface BenchCohort {
  id: string;
  pathModules: string[];
  startsOn: string;
  endsOn: string;
  apprentices: string[];
}
const cohorts: BenchCohort[] = [];
const id = (prefix: string, length: number) => `${prefix}-${randomBytes(length).toString('hex').slice(0, length)}`;
await db.transaction(async (tx) => {
  for (let index = 0; index < size.cohorts; index++) {
    const learningPath = paths[index % paths.length]!;
    // Half of the cohorts ended 2 to 14 months ago (they have exits); the others run now.
    const ended = index % 2 === 0;
    const endsOn = ended ? addDays(today, -30 * (2 + (index % 13))) : addDays(today, 30 + index);
    const startsOn = addDays(endsOn, -120);
    const cohort: BenchCohort = { id: id('co', 10), pathModules: learningPath.stages.flatMap((stage) => stage.modules), startsOn, endsOn, apprentices: [] };
    await tx.run('INSERT INTO cohorts (id, centre_id, name, path_id, starts_on, ends_on, join_code, join_open, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)', [cohort.id, 'bench', `Cohorte ${index + 1}`, learningPath.id, startsOn, endsOn, randomBytes(6).toString('hex'), nowIso]);
    await tx.run('INSERT INTO cohort_tutors (cohort_id, tutor_id) VALUES (?, ?)', [cohort.id, coordinator.tutor.id]);
    if (index === 0) await tx.run('INSERT INTO cohort_tutors (cohort_id, tutor_id) VALUES (?, ?)', [cohort.id, tutor.tutor.id]);
    cohorts.push(cohort);
  }
  for (let index = 0; index < size.apprentices; index++) {
    const cohort = cohorts[index % cohorts.length]!;
    const apprentice = id('ap', 12);
    await tx.run('INSERT INTO apprentices (id, centre_id, nickname, recovery_hash, created_at) VALUES (?, ?, ?, ?, ?)', [apprentice, 'bench', `Apprenti ${index + 1}`, randomBytes(16).toString('hex'), nowIso]);
    await tx.run('INSERT INTO enrolments (cohort_id, apprentice_id, joined_at) VALUES (?, ?, ?)', [cohort.id, apprentice, `${cohort.startsOn}T09:00:00.000Z`]);
    cohort.apprentices.push(apprentice);
  }
});
console.log(`  centre, ${size.cohorts} cohorts, ${size.apprentices} apprentices: ${seconds(started)}`);

started = performance.now();
let seq = 0;
const perApprentice = Math.max(1, Math.floor(size.statements / size.apprentices));
const statementColumns = 'seq, id, stored, timestamp_utc, verb_id, object_ref, is_voiding, voided, apprentice_id, centre_id, module_id, client_key, body';
await db.transaction(async (tx) => {
  // 500 rows per INSERT: 6,500 parameters, under both databases' limits.
  let batch: SqlValue[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await tx.run(`INSERT INTO statements (${statementColumns}) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, NULL, 0, 0, ?, ?, ?, NULL, ?)').join(', ')}`, batch.flat());
    batch = [];
  };
  for (const cohort of cohorts) {
    const start = Date.parse(`${cohort.startsOn}T08:00:00.000Z`);
    const span = Math.max(86_400_000, Math.min(Date.parse(`${cohort.endsOn}T17:00:00.000Z`), now - 3_600_000) - start);
    for (const apprentice of cohort.apprentices) {
      const reach = flags['all-complete'] ? cohort.pathModules.length : random.int(3, cohort.pathModules.length);
      const count = seq + perApprentice > size.statements ? size.statements - seq : perApprentice;
      for (let index = 0; index < count; index++) {
        const moduleIndex = Math.min(reach - 1, Math.floor((index * reach) / count));
        const module = catalogue.module(cohort.pathModules[moduleIndex]!)!;
        const lastOfModule = Math.floor(((index + 1) * reach) / count) !== Math.floor((index * reach) / count) || index === count - 1;
        const verb = lastOfModule && (moduleIndex < reach - 1 || flags['all-complete'] || random.next() < 0.5) ? verbs.completed : index % 7 === 3 ? verbs.progressed : verbs.experienced;
        const timestamp = new Date(start + (index / count) * span).toISOString();
        seq += 1;
        const statementId = `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
        const body = JSON.stringify({ id: statementId, actor: { objectType: 'Agent', account: { homePage: site, name: apprentice } }, verb: { id: verb }, object: { objectType: 'Activity', id: module.activity }, timestamp, stored: timestamp, authority: { objectType: 'Agent', account: { homePage: site, name: 'client/bench' } }, version: '1.0.0' });
        batch.push([seq, statementId, timestamp, timestamp, verb, apprentice, 'bench', module.id, body]);
        if (batch.length === 500) await flush();
      }
    }
  }
  await flush();
});
console.log(`  ${seq} statements written: ${seconds(started)}`);
started = performance.now();
const rebuilt = await rebuildProgress(db, catalogue, site);
console.log(`  derived progress rebuilt (rebuildProgress): ${rebuilt.rows} rows from ${rebuilt.statements} statements, ${seconds(started)}`);

started = performance.now();
let exits = 0;
await db.transaction(async (tx) => {
  for (const cohort of cohorts.filter((item) => item.endsOn < today)) {
    for (const apprentice of cohort.apprentices) {
      const exitId = id('ex', 10);
      const outcome = random.weighted({ job: 55, training: 20, other: 25 });
      await tx.run('INSERT INTO exits (id, cohort_id, apprentice_id, centre_id, left_on, outcome, contract, employer, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)', [exitId, cohort.id, apprentice, 'bench', cohort.endsOn, outcome, outcome === 'job' ? 'cdd' : null, coordinator.tutor.id, nowIso]);
      for (const { milestone, dueOn } of followUpSchedule(cohort.endsOn)) {
        const done = dueOn <= today && random.next() < 0.8;
        await tx.run('INSERT INTO follow_ups (exit_id, milestone, due_on, done_on, status, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [exitId, milestone, dueOn, done ? dueOn : null, done ? random.weighted({ employed: 60, training: 15, searching: 15, unreachable: 10 }) : null, done ? coordinator.tutor.id : null, done ? nowIso : null]);
      }
      exits += 1;
    }
  }
});
console.log(`  ${exits} exits with their follow-ups: ${seconds(started)}`);
// Fresh statistics after a bulk load, as PostgreSQL's autovacuum (or SQLite's ANALYZE) would
// give a database that has been running: otherwise the planner guesses on empty tables.
started = performance.now();
await db.run('ANALYZE');
console.log(`  ANALYZE: ${seconds(started)}`);
await db.close();

// ── measure over HTTP ──────────────────────────────────────────────────────────────────────
// APIs only (no site to serve): the catalogue is the generated one.
const config = { ...resolveServiceConfig(relaisConfig, { port: '0' }, {}), storage, distDir: null, logRequests: false };
const service = await startService(config, { catalogue, logger: silentLogger });
const login = async (login: string, password: string) => {
  const response = await fetch(new URL('api/tutor/login', service.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  return `Bearer ${((await response.json()) as { token: string }).token}`;
};
const asTutor = await login(tutor.tutor.id, 'bench password 2');
const asCoordinator = await login(coordinator.tutor.id, 'bench password 1');
const asClient = `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`;
const first = cohorts[0]!;

const pages: { name: string; url: string; authorization: string; target: number }[] = [
  { name: `cohort grid (${first.apprentices.length} apprentices)`, url: `api/cohorts/${first.id}/grid`, authorization: asTutor, target: targets.pageMs },
  { name: 'apprentice detail', url: `api/apprentices/${first.apprentices[0]}`, authorization: asTutor, target: targets.pageMs },
  { name: 'apprentice progress', url: `api/apprentices/${first.apprentices[0]}/progress`, authorization: asTutor, target: targets.pageMs },
  { name: 'cohort activity chart (12 weeks)', url: `api/cohorts/${first.id}/activity`, authorization: asTutor, target: targets.pageMs },
  { name: 'due list (tutor of 1 cohort)', url: 'api/follow-ups/due', authorization: asTutor, target: targets.pageMs },
  { name: `due list (tutor of ${size.cohorts} cohorts)`, url: 'api/follow-ups/due', authorization: asCoordinator, target: targets.pageMs },
  { name: 'outcome report, one cohort', url: `api/reports/outcomes?cohort=${first.id}`, authorization: asTutor, target: targets.pageMs },
  { name: 'full outcome report (per cohort, path, trade, centre)', url: 'api/reports/outcomes', authorization: asClient, target: targets.reportMs },
  { name: 'full outcome report as CSV', url: 'api/reports/outcomes.csv', authorization: asClient, target: targets.reportMs },
];

const results: { name: string; medianMs: number; maxMs: number; targetMs: number; bytes: number; ok: boolean }[] = [];
for (const page of pages) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < size.runs + 1; run++) {
    const start = performance.now();
    const response = await fetch(new URL(page.url, service.url), { headers: { authorization: page.authorization, 'accept-encoding': 'identity' } });
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - start;
    if (response.status !== 200) throw new Error(`${page.url}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
    bytes = body.byteLength;
    // The first run warms the statement cache and the page cache; it is not counted.
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const medianMs = Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
  const maxMs = Math.round(times.at(-1)! * 10) / 10;
  results.push({ name: page.name, medianMs, maxMs, targetMs: page.target, bytes, ok: maxMs <= page.target });
}
await service.close();
await cluster?.stop();
if (!flags.keep) rmSync(folder, { recursive: true, force: true });
else if (storage.kind === 'sqlite') console.log(`  database kept: ${file}`);

console.log(`\n${'page'.padEnd(56)} ${'median'.padStart(9)} ${'max'.padStart(9)} ${'target'.padStart(8)} ${'size'.padStart(10)}`);
for (const result of results) {
  console.log(`${result.name.padEnd(56)} ${`${result.medianMs} ms`.padStart(9)} ${`${result.maxMs} ms`.padStart(9)} ${`${result.targetMs} ms`.padStart(8)} ${`${Math.round(result.bytes / 1024)} KiB`.padStart(10)} ${result.ok ? 'ok' : 'OVER'}`);
}
console.log(`BENCH ${JSON.stringify({ size, results })}`);
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
