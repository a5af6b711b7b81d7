import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { relaisConfig } from '../../src/config/current.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { loadCatalogue } from '../../src/progress/catalogue.ts';
import { resolveServiceConfig, type ServiceConfig } from '../../src/progress/config.ts';
import { type Clock, createContext, type ServiceContext, silentLogger } from '../../src/progress/context.ts';
import type { Database } from '../../src/progress/db/database.ts';
import { openDatabase } from '../../src/progress/db/open.ts';
import { buildApp } from '../../src/progress/http.ts';
import { createCentre } from '../../src/progress/queries/centres.ts';
import { createClient } from '../../src/progress/queries/clients.ts';
import { createTutor } from '../../src/progress/queries/tutors.ts';
import { createTestDatabase } from './postgres.ts';

export type StorageKind = 'sqlite' | 'postgres';
export const storages: StorageKind[] = ['sqlite', 'postgres'];

/** A clock the test moves by hand (throttles, sessions, stored times). */
export class TestClock implements Clock {
  time: number;
  constructor(start = Date.parse('2026-03-02T09:00:00.000Z')) {
    this.time = start;
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestService {
  kind: StorageKind;
  app: FastifyInstance;
  context: ServiceContext;
  db: Database;
  config: ServiceConfig;
  routes: { method: string; url: string }[];
  close(): Promise<void>;
}

/** A fresh database of the given kind: a file in a temporary folder, or a new PostgreSQL database. */
export async function freshDatabase(kind: StorageKind, postgresUrl: string): Promise<{ db: Database; storage: ServiceConfig['storage']; cleanup: () => void }> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'relais-sqlite-'));
    const storage = { kind: 'sqlite' as const, file: path.join(folder, 'relais.db') };
    return { db: await openDatabase(storage), storage, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
  }
  const storage = { kind: 'postgres' as const, url: await createTestDatabase(postgresUrl) };
  return { db: await openDatabase(storage), storage, cleanup: () => {} };
}

/** The service (Fastify app, not listening: requests go through app.inject) over a fresh database. */
export async function openTestService(kind: StorageKind, options: { postgresUrl: string; distDir: string; clock?: Clock; env?: Record<string, string> }): Promise<TestService> {
  const { db, storage, cleanup } = await freshDatabase(kind, options.postgresUrl);
  // The centre's signing key (competence validations), in a folder of the test's own.
  const env = { ...options.env };
  let keysFolder: string | undefined;
  if (!env.RELAIS_DATA_DIR) {
    keysFolder = env.RELAIS_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'relais-data-'));
    createCentreKeys(keysFolder);
  }
  const config: ServiceConfig = { ...resolveServiceConfig(relaisConfig, { dist: options.distDir }, env), storage, logRequests: false };
  const { catalogue } = loadCatalogue(options.distDir, config.site);
  const context = await createContext(config, { db, catalogue, logger: silentLogger, ...(options.clock ? { clock: options.clock } : {}) });
  const routes: { method: string; url: string }[] = [];
  const app = await buildApp(context, { onRoute: (route) => routes.push(route) });
  return {
    kind,
    app,
    context,
    db,
    config,
    routes,
    async close() {
      await app.close();
      await context.destroy();
      cleanup();
      if (keysFolder) rmSync(keysFolder, { recursive: true, force: true });
    },
  };
}

export const xapiHeaders = { 'X-Experience-API-Version': '1.0.3' };

export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

/** An administrator client's Authorization header. */
export async function adminAuthorization(db: Database): Promise<string> {
  const { key, secret } = await createClient(db, { name: 'test admin', centreId: null, now: Date.now() });
  return basic(key, secret);
}

export interface CentreFixture {
  centreId: string;
  clientAuthorization: string;
  tutor: { id: string; password: string; authorization: string };
}

/** A centre with its client and one tutor (logged in). */
export async function createCentreFixture(service: TestService, centreId: string): Promise<CentreFixture> {
  const now = service.context.clock.now();
  await createCentre(service.db, { id: centreId, name: `Centre ${centreId}`, now });
  const client = await createClient(service.db, { name: `${centreId} client`, centreId, now });
  const tutor = await createTutor(service.db, { centreId, name: `Tuteur ${centreId}`, password: 'correct horse battery', now });
  const login = await service.app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: tutor.tutor.id, password: 'correct horse battery' } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return { centreId, clientAuthorization: basic(client.key, client.secret), tutor: { id: tutor.tutor.id, password: 'correct horse battery', authorization: `Bearer ${login.json().token}` } };
}

/** A cohort made by the fixture's tutor, and an apprentice who joined it. */
export async function cohortWithApprentice(service: TestService, centre: CentreFixture, pathId: string | null = 'technicien-fibre-3-mois', nickname = 'Sami') {
  const cohort = await service.app.inject({ method: 'POST', url: '/api/cohorts', headers: { authorization: centre.tutor.authorization }, payload: { name: `Cohorte ${centre.centreId}`, pathId, startsOn: '2026-03-01', endsOn: '2026-06-01' } });
  if (cohort.statusCode !== 201) throw new Error(`cohort failed: ${cohort.body}`);
  const joined = await service.app.inject({ method: 'POST', url: '/api/join', payload: { joinCode: cohort.json().cohort.joinCode, nickname } });
  if (joined.statusCode !== 201) throw new Error(`join failed: ${joined.body}`);
  const body = joined.json();
  return {
    cohortId: cohort.json().cohort.id as string,
    joinCode: cohort.json().cohort.joinCode as string,
    apprenticeId: body.apprentice.id as string,
    actor: body.apprentice.actor as { objectType: 'Agent'; account: { homePage: string; name: string } },
    token: body.token as string,
    recoveryCode: body.recoveryCode as string,
    authorization: `Bearer ${body.token}`,
  };
}
