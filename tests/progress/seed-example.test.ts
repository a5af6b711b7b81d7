import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { relaisConfig } from '../../src/config/current.ts';
import { loadCatalogue } from '../../src/progress/catalogue.ts';
import { resolveServiceConfig, type ServiceConfig } from '../../src/progress/config.ts';
import { createContext, silentLogger } from '../../src/progress/context.ts';
import { SeedRefused, seedExample, type SeedExampleResult } from '../../src/progress/seed/example.ts';
import { centresStep } from '../../src/progress/seed/centres-step.ts';
import { cohortsStep } from '../../src/progress/seed/cohorts-step.ts';
import { runSeed } from '../../src/progress/seed/seed.ts';
import { buildApp } from '../../src/progress/http.ts';
import { freshDatabase, storages } from '../helpers/progress-service.ts';

/** `npm run seed:example`: the five programmes through the real storage functions, on both storages. */
describe.each(storages)('example seed on %s', (kind) => {
  let config: ServiceConfig;
  let result: SeedExampleResult;
  let cleanup: () => void = () => {};
  const messages: string[] = [];

  beforeAll(async () => {
    const fresh = await freshDatabase(kind, inject('postgresUrl'));
    cleanup = fresh.cleanup;
    await fresh.db.close();
    config = { ...resolveServiceConfig(relaisConfig, { dist: inject('exampleDist') }, {}), storage: fresh.storage, logRequests: false };
    result = await seedExample(config, { logger: silentLogger, log: (message) => messages.push(message) });
  });
  afterAll(() => cleanup());

  it('creates the five programmes with tutors whose logins work', async () => {
    expect(new Set(result.logins.map((login) => login.centre))).toEqual(new Set(['exemple-centre-espoir', 'exemple-hope', 'exemple-chance', 'exemple-e2c', 'exemple-plombiers-numerique']));
    expect(result.logins).toHaveLength(11);
    if (kind === 'sqlite') {
      const file = readFileSync(result.loginsFile!, 'utf8');
      for (const login of result.logins) expect(file).toContain(`${login.tutor}\t${login.password}`);
      expect(statSync(result.loginsFile!).mode & 0o077).toBe(0);
    }
    const context = await createContext(config, { logger: silentLogger });
    const app = await buildApp(context);
    try {
      const chance = result.logins.find((login) => login.centre === 'exemple-chance')!;
      const login = await app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: chance.tutor, password: chance.password } });
      expect(login.statusCode).toBe(200);
      const authorization = `Bearer ${login.json().token}`;
      const cohorts = (await app.inject({ method: 'GET', url: '/api/cohorts', headers: { authorization } })).json().cohorts;
      expect(cohorts.map((cohort: { apprentices: number }) => cohort.apprentices).sort()).toEqual([100, 60]);
      // Derived progress was written by the storage: the running cohort's grid shows completions.
      const running = cohorts.find((cohort: { apprentices: number }) => cohort.apprentices === 100);
      const grid = (await app.inject({ method: 'GET', url: `/api/cohorts/${running.id}/grid`, headers: { authorization } })).json();
      expect(grid.rows.filter((row: { modulesCompleted: number }) => row.modulesCompleted > 0).length).toBeGreaterThan(50);
      // The finished session has exits, follow-ups and a report with rates.
      const report = (await app.inject({ method: 'GET', url: '/api/reports/outcomes', headers: { authorization } })).json();
      expect(report.total.apprentices).toBe(160);
      expect(report.total.exits.total).toBeGreaterThan(40);
      const finished = report.byCohort.find((group: { apprentices: number }) => group.apprentices === 60);
      expect(finished.completionRate).toBeGreaterThan(0.5);
      expect(report.total.completed).toBeGreaterThanOrEqual(finished.completed);
      expect(report.total.milestones[0].due).toBeGreaterThan(40);
      expect(report.total.milestones[0].inWorkRate).toBeGreaterThan(0.1);
      const due = (await app.inject({ method: 'GET', url: '/api/follow-ups/due', headers: { authorization } })).json();
      expect(due.items.length).toBeGreaterThan(0);
      const fibre = result.logins.find((login) => login.centre === 'exemple-plombiers-numerique')!;
      const fibreLogin = await app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: fibre.tutor, password: fibre.password } });
      expect((await app.inject({ method: 'GET', url: '/api/cohorts', headers: { authorization: `Bearer ${fibreLogin.json().token}` } })).json().cohorts).toHaveLength(2);
    } finally {
      await app.close();
      await context.destroy();
    }
    expect(messages.join('\n')).toMatch(/xAPI statements: \d+ statements/);
  });

  it('refuses a database that is not empty, saying what to do', async () => {
    await expect(seedExample(config, { logger: silentLogger, log: () => {} })).rejects.toThrow(SeedRefused);
    await expect(seedExample(config, { logger: silentLogger, log: () => {} })).rejects.toThrow(/fresh database.*--db FILE.*--force/);
    await expect(seedExample(config, { logger: silentLogger, log: () => {}, force: true })).rejects.toThrow(/already exists/);
  });

  it('gives the same nicknames for the same seed', async () => {
    const other = await freshDatabase(kind, inject('postgresUrl'));
    const { catalogue } = loadCatalogue(inject('exampleDist'), config.site);
    const context = await createContext({ ...config, storage: other.storage }, { db: other.db, catalogue, logger: silentLogger });
    try {
      const state = await runSeed(context, [centresStep, cohortsStep], { seed: 7, log: () => {} });
      const original = await createContext(config, { logger: silentLogger });
      const names = await original.db.all<{ nickname: string }>("SELECT a.nickname FROM apprentices a WHERE a.centre_id = 'exemple-hope' ORDER BY a.created_at, a.nickname");
      await original.destroy();
      const seeded = state.centres.find((centre) => centre.programme.centreId === 'exemple-hope')!.cohorts[0]!.apprentices.map((apprentice) => apprentice.nickname).sort();
      expect(seeded).toEqual(names.map((row) => row.nickname).sort());
    } finally {
      await context.destroy();
      other.cleanup();
    }
  });
});
