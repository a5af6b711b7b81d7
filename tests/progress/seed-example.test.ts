import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyCredential } from '../../src/credentials/verify.ts';
import { keyFiles } from '../../src/library/keys-fs.ts';
import { verifyRecord } from '../../src/progress/signing-fs.ts';
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
  let dataDir: string;
  const messages: string[] = [];

  beforeAll(async () => {
    const fresh = await freshDatabase(kind, inject('postgresUrl'));
    cleanup = fresh.cleanup;
    await fresh.db.close();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-seed-data-'));
    config = { ...resolveServiceConfig(relaisConfig, { dist: inject('exampleDist') }, {}), storage: fresh.storage, logRequests: false, dataDir };
    result = await seedExample(config, { logger: silentLogger, log: (message) => messages.push(message) });
  });
  afterAll(() => {
    cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

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

  it('creates the signing key, and validations, hours and credentials that verify', async () => {
    expect(existsSync(keyFiles(dataDir).privateKey)).toBe(true);
    const log = messages.join('\n');
    expect(log).toContain(`Created the centre's signing key ${keyFiles(dataDir).privateKey}`);
    expect(log).toMatch(/practical hours and validations: \d+ practical hours, [1-9]\d* validations by centre tutors, [1-9]\d* by companies/);
    expect(log).toMatch(/path certificates: [1-9]\d* path certificates/);
    const context = await createContext(config, { logger: silentLogger });
    const app = await buildApp(context);
    try {
      const fibre = result.logins.find((login) => login.centre === 'exemple-plombiers-numerique')!;
      const login = await app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: fibre.tutor, password: fibre.password } });
      const authorization = `Bearer ${login.json().token}`;
      // The January cohort has ended: its apprentices' records hold validations by tutors and
      // by companies (through a link that is now used), each signed, each with its credential.
      const cohorts = (await app.inject({ method: 'GET', url: '/api/cohorts', headers: { authorization } })).json().cohorts as { id: string; name: string }[];
      const january = cohorts.find((cohort) => cohort.name.includes('janvier'))!;
      const grid = (await app.inject({ method: 'GET', url: `/api/cohorts/${january.id}/grid`, headers: { authorization } })).json();
      const kinds = new Set<string>();
      let checked = 0;
      let certificates = 0;
      const issuers = (await app.inject({ method: 'GET', url: '/api/credential-issuers' })).json().keys;
      for (const { apprentice: { id: apprenticeId } } of grid.rows as { apprentice: { id: string } }[]) {
        const record = (await app.inject({ method: 'GET', url: `/api/apprentices/${apprenticeId}/record`, headers: { authorization } })).json();
        for (const validation of record.validations) {
          kinds.add(validation.record.validator.kind);
          expect(verifyRecord(validation.record, validation.signature, record.publicKey)).toBe(true);
        }
        const credentials = (await app.inject({ method: 'GET', url: `/api/apprentices/${apprenticeId}/credentials`, headers: { authorization } })).json().credentials as { id: string; kind: string; subject: string }[];
        expect(credentials.filter((credential) => credential.kind === 'competence').length).toBe(new Set(record.validations.map((validation: { record: { skillId: string; level: number } }) => `${validation.record.skillId} ${validation.record.level}`)).size);
        for (const credential of credentials) {
          const body = (await app.inject({ method: 'GET', url: `/api/credentials/${credential.id}` })).body;
          expect(await verifyCredential(body, { trusted: issuers })).toMatchObject({ valid: true, issuerTrust: 'own' });
          checked += 1;
          if (credential.kind === 'path') {
            certificates += 1;
            const paths = (await app.inject({ method: 'GET', url: `/api/apprentices/${apprenticeId}/paths`, headers: { authorization } })).json().paths;
            expect(paths.find((candidate: { pathId: string }) => candidate.pathId === credential.subject).complete).toBe(true);
          }
        }
        if (record.validations.some((validation: { record: { validator: { kind: string } } }) => validation.record.validator.kind === 'company')) {
          const links = (await app.inject({ method: 'GET', url: `/api/apprentices/${apprenticeId}/validation-links`, headers: { authorization } })).json().links;
          expect(links.some((link: { usedAt: string | null }) => link.usedAt !== null)).toBe(true);
        }
      }
      expect(kinds).toEqual(new Set(['tutor', 'company']));
      expect(checked).toBeGreaterThan(10);
      expect(certificates).toBeGreaterThan(0);
      // The report counts the same completions the certificates were issued for.
      const report = (await app.inject({ method: 'GET', url: `/api/reports/outcomes?cohort=${january.id}`, headers: { authorization } })).json();
      expect(report.total.completed).toBe(certificates);
      const hours = (await app.inject({ method: 'GET', url: `/api/apprentices/${(grid.rows as { apprentice: { id: string } }[])[0]!.apprentice.id}/hours`, headers: { authorization } })).json().hours;
      expect(hours.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await context.destroy();
    }
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
