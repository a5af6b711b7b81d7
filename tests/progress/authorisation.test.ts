import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueCredential } from '../../src/credentials/issue.ts';
import { loadIssuerKeys } from '../../src/credentials/keys-fs.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { enrol } from '../../src/progress/queries/apprentices.ts';
import { addCohortTutor, getCohort } from '../../src/progress/queries/cohorts.ts';
import { recordExit } from '../../src/progress/queries/follow-ups.ts';
import { createTutor } from '../../src/progress/queries/tutors.ts';
import { addPracticalHours } from '../../src/progress/queries/practical-hours.ts';
import { createValidationLink } from '../../src/progress/queries/validation-links.ts';
import { recordValidation } from '../../src/progress/queries/validations.ts';
import { groupCode } from '../../src/progress/secrets.ts';
import { centreSigner } from '../../src/progress/signing-fs.ts';
import { adminAuthorization, cohortWithApprentice, createCentreFixture, openTestService, storages, type TestService, xapiHeaders } from '../helpers/progress-service.ts';

/**
 * Isolation (DESIGN.md, "Progress"): every route × every role, on resources of centre A, called
 * by its own people and by centre B's. An apprentice reaches only their own records, a tutor only
 * their cohorts, a centre only its own people. A route missing from the matrix fails the test.
 */
type Who = 'anonymous' | 'admin' | 'clientA' | 'clientB' | 'tutorA' | 'tutorA2' | 'tutorB' | 'apprenticeA' | 'apprenticeB';
const everyone: Who[] = ['anonymous', 'admin', 'clientA', 'clientB', 'tutorA', 'tutorA2', 'tutorB', 'apprenticeA', 'apprenticeB'];

interface Row {
  /** `METHOD /url` exactly as registered. */
  route: string;
  allowed: Who[] | 'everyone';
  /** The request for one caller (its url, payload). */
  request: (who: Who) => Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }> | { url: string; payload?: unknown; headers?: Record<string, string> };
  /** Ends the caller's session: run last, with fresh sessions. */
  endsSession?: boolean;
}

describe.each(storages)('authorisation matrix on %s', (kind) => {
  let service: TestService;
  const headers: Partial<Record<Who, string>> = {};
  let ids: {
    centreA: string;
    cohortA: string;
    cohortA2: string;
    apprenticeA: string;
    actorA: object;
    recoveryC: string;
    actorB: object;
    statementA: string;
    tutorA: string;
    tutorA3: string;
    apprenticeD: string;
    validationA: string;
  };
  const rows: Row[] = [];
  const results: string[] = [];

  async function refreshSessions() {
    for (const who of ['tutorA', 'tutorA2', 'tutorB'] as const) {
      const login = await service.app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: tutorLogins[who], password: 'correct horse battery' } });
      headers[who] = `Bearer ${login.json().token}`;
    }
    for (const who of ['apprenticeA', 'apprenticeB'] as const) {
      const recovered = await service.app.inject({ method: 'POST', url: '/api/recover', payload: { recoveryCode: recoveryCodes[who] } });
      headers[who] = `Bearer ${recovered.json().token}`;
    }
  }
  const tutorLogins: Record<string, string> = {};
  const recoveryCodes: Record<string, string> = {};

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-keys-'));
    createCentreKeys(dataDir);
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), env: { RELAIS_DATA_DIR: dataDir } });
    const a = await createCentreFixture(service, 'centre-a');
    const b = await createCentreFixture(service, 'centre-b');
    headers.admin = await adminAuthorization(service.db);
    headers.clientA = a.clientAuthorization;
    headers.clientB = b.clientAuthorization;
    headers.tutorA = a.tutor.authorization;
    headers.tutorB = b.tutor.authorization;
    const tutorA2 = await createTutor(service.db, { centreId: 'centre-a', name: 'Second tuteur', password: 'correct horse battery', now: Date.now() });
    const tutorA3 = await createTutor(service.db, { centreId: 'centre-a', name: 'Troisième tuteur', password: 'correct horse battery', now: Date.now() });
    tutorLogins.tutorA = a.tutor.id;
    tutorLogins.tutorA2 = tutorA2.tutor.id;
    tutorLogins.tutorB = b.tutor.id;
    const apprenticeA = await cohortWithApprentice(service, a);
    const apprenticeB = await cohortWithApprentice(service, b);
    const apprenticeC = await cohortWithApprentice(service, a);
    const apprenticeD = await cohortWithApprentice(service, a);
    recoveryCodes.apprenticeA = apprenticeA.recoveryCode;
    recoveryCodes.apprenticeB = apprenticeB.recoveryCode;
    headers.apprenticeA = apprenticeA.authorization;
    headers.apprenticeB = apprenticeB.authorization;
    const cohortA2 = await service.app.inject({ method: 'POST', url: '/api/cohorts', headers: { authorization: a.tutor.authorization }, payload: { name: 'Cohorte A2' } });
    await addCohortTutor(service.db, apprenticeA.cohortId, tutorA3.tutor.id);
    const statement = await service.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { authorization: apprenticeA.authorization, ...xapiHeaders },
      payload: { actor: apprenticeA.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://localhost:4321/plomberie/couper-tube-cuivre/' } },
    });
    ids = {
      centreA: 'centre-a',
      cohortA: apprenticeA.cohortId,
      cohortA2: cohortA2.json().cohort.id,
      apprenticeA: apprenticeA.apprenticeId,
      actorA: apprenticeA.actor,
      recoveryC: apprenticeC.recoveryCode,
      actorB: apprenticeB.actor,
      statementA: statement.json()[0],
      tutorA: a.tutor.id,
      tutorA3: tutorA3.tutor.id,
      apprenticeD: apprenticeD.apprenticeId,
      validationA: '',
    };
    await refreshSessions();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
    const validated = await service.app.inject({
      method: 'POST',
      url: `/api/apprentices/${ids.apprenticeA}/validations`,
      headers: { authorization: headers.tutorA! },
      payload: { skillId: 'soudure-fibre', level: 1, date: '2026-01-05', evidence: { contentType: 'image/png', data: png.toString('base64') } },
    });
    ids.validationA = validated.json().validation.record.id;
    const signer = centreSigner(service.config.dataDir);
    const newLink = async () =>
      (await createValidationLink(service.db, { centreId: ids.centreA, apprenticeId: ids.apprenticeA, company: 'Fibre Sud', skills: ['soudure-fibre'], createdBy: ids.tutorA, days: 7, now: Date.now() })).token;

    const managersOfCohortA: Who[] = ['admin', 'clientA', 'tutorA'];
    // A credential of A not revoked yet (each revocation in the matrix needs a fresh one).
    const liveCredentialOfA = async () =>
      (await issueCredential(service.db, loadIssuerKeys(dataDir), { kind: 'competence', skillId: 'mesures-optiques', level: 1, apprenticeId: ids.apprenticeA, catalogue: service.context.catalogue, issuedBy: 'test', now: Date.now() })).row.id;
    const seesApprenticeA: Who[] = ['admin', 'clientA', 'tutorA', 'apprenticeA'];
    const xapiWriters: Who[] = ['admin', 'clientA', 'apprenticeA'];
    const statementOfA = () => ({ id: randomUUID(), actor: ids.actorA, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://localhost:4321/plomberie/couper-tube-cuivre/' } });
    const xapi = { ...xapiHeaders };
    rows.push(
      { route: 'GET /api/health', allowed: 'everyone', request: () => ({ url: '/api/health' }) },
      { route: 'GET /xapi/about', allowed: 'everyone', request: () => ({ url: '/xapi/about' }) },
      { route: 'GET /xapi/statements', allowed: xapiWriters, request: () => ({ url: `/xapi/statements?statementId=${ids.statementA}`, headers: xapi }) },
      { route: 'HEAD /xapi/statements', allowed: xapiWriters, request: () => ({ url: `/xapi/statements?statementId=${ids.statementA}`, headers: xapi }) },
      { route: 'PUT /xapi/statements', allowed: xapiWriters, request: () => ({ url: `/xapi/statements?statementId=${randomUUID()}`, payload: { ...statementOfA(), id: undefined }, headers: xapi }) },
      { route: 'POST /xapi/statements', allowed: xapiWriters, request: () => ({ url: '/xapi/statements', payload: statementOfA(), headers: xapi }) },
      { route: 'POST /api/tutor/login', allowed: 'everyone', request: () => ({ url: '/api/tutor/login', payload: { login: tutorLogins.tutorA2, password: 'correct horse battery' } }) },
      { route: 'POST /api/tutor/logout', allowed: ['tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/tutor/logout' }), endsSession: true },
      { route: 'GET /api/tutor/me', allowed: ['tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/tutor/me' }) },
      { route: 'PUT /api/tutor/password', allowed: ['tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/tutor/password', payload: { current: 'correct horse battery', password: 'correct horse battery' } }), endsSession: true },
      { route: 'POST /api/join', allowed: 'everyone', request: async () => ({ url: '/api/join', payload: { joinCode: groupCode((await getCohort(service.db, ids.cohortA))!.join_code) } }) },
      { route: 'POST /api/recover', allowed: 'everyone', request: () => ({ url: '/api/recover', payload: { recoveryCode: ids.recoveryC } }) },
      { route: 'GET /api/me', allowed: ['apprenticeA', 'apprenticeB'], request: () => ({ url: '/api/me' }) },
      { route: 'PATCH /api/me', allowed: ['apprenticeA', 'apprenticeB'], request: () => ({ url: '/api/me', payload: { nickname: 'Moi' } }) },
      { route: 'POST /api/me/logout', allowed: ['apprenticeA', 'apprenticeB'], request: () => ({ url: '/api/me/logout' }), endsSession: true },
      { route: 'GET /api/centres', allowed: ['admin', 'clientA', 'clientB', 'tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/centres' }) },
      { route: 'POST /api/centres', allowed: ['admin'], request: () => ({ url: '/api/centres', payload: { id: `centre-${randomUUID().slice(0, 8)}`, name: 'Nouveau' } }) },
      { route: 'GET /api/centres/:centreId', allowed: ['admin', 'clientA', 'tutorA', 'tutorA2'], request: () => ({ url: `/api/centres/${ids.centreA}` }) },
      { route: 'GET /api/centres/:centreId/tutors', allowed: ['admin', 'clientA', 'tutorA', 'tutorA2'], request: () => ({ url: `/api/centres/${ids.centreA}/tutors` }) },
      { route: 'POST /api/centres/:centreId/tutors', allowed: ['admin', 'clientA'], request: () => ({ url: `/api/centres/${ids.centreA}/tutors`, payload: { name: 'Nouveau tuteur', password: 'a long enough password' } }) },
      { route: 'GET /api/cohorts', allowed: ['admin', 'clientA', 'clientB', 'tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/cohorts' }) },
      { route: 'POST /api/cohorts', allowed: ['admin', 'clientA', 'tutorA', 'tutorA2'], request: () => ({ url: '/api/cohorts', payload: { name: 'Nouvelle', centreId: ids.centreA } }) },
      { route: 'GET /api/cohorts/:cohortId', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}` }) },
      { route: 'PATCH /api/cohorts/:cohortId', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}`, payload: { name: 'Cohorte A' } }) },
      { route: 'POST /api/cohorts/:cohortId/join-code', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/join-code` }) },
      { route: 'PUT /api/cohorts/:cohortId/tutors/:tutorId', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/tutors/${ids.tutorA}` }) },
      { route: 'DELETE /api/cohorts/:cohortId/tutors/:tutorId', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/tutors/${ids.tutorA3}` }) },
      { route: 'GET /api/cohorts/:cohortId/apprentices', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/apprentices` }) },
      { route: 'POST /api/cohorts/:cohortId/apprentices', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/apprentices`, payload: { apprenticeId: ids.apprenticeA } }) },
      {
        route: 'DELETE /api/cohorts/:cohortId/apprentices/:apprenticeId',
        allowed: managersOfCohortA,
        request: async () => {
          await enrol(service.db, ids.cohortA2, ids.apprenticeA, Date.now());
          return { url: `/api/cohorts/${ids.cohortA2}/apprentices/${ids.apprenticeA}` };
        },
      },
      { route: 'GET /api/cohorts/:cohortId/grid', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/grid` }) },
      { route: 'GET /api/cohorts/:cohortId/grid.csv', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/grid.csv` }) },
      { route: 'GET /api/cohorts/:cohortId/activity', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/activity` }) },
      { route: 'GET /api/apprentices/:apprenticeId', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}` }) },
      { route: 'GET /api/apprentices/:apprenticeId/progress', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/progress` }) },
      { route: 'PATCH /api/apprentices/:apprenticeId', allowed: managersOfCohortA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}`, payload: { nickname: 'Sami' } }) },
      { route: 'POST /api/apprentices/:apprenticeId/recovery-code', allowed: managersOfCohortA, request: () => ({ url: `/api/apprentices/${ids.apprenticeD}/recovery-code`, payload: {} }) },
      { route: 'POST /api/apprentices/:apprenticeId/credentials', allowed: managersOfCohortA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/credentials`, payload: { kind: 'competence', skillId: 'soudure-fibre', level: 2 } }) },
      { route: 'GET /api/apprentices/:apprenticeId/credentials', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/credentials` }) },
      { route: 'GET /api/credentials/:id', allowed: 'everyone', request: async () => ({ url: `/api/credentials/${await liveCredentialOfA()}` }) },
      { route: 'GET /api/credentials/:id/status', allowed: 'everyone', request: async () => ({ url: `/api/credentials/${await liveCredentialOfA()}/status` }) },
      { route: 'GET /api/credential-issuers', allowed: 'everyone', request: () => ({ url: '/api/credential-issuers' }) },
      { route: 'POST /api/credentials/:id/revoke', allowed: managersOfCohortA, request: async () => ({ url: `/api/credentials/${await liveCredentialOfA()}/revoke`, payload: {} }) },
      { route: 'GET /api/apprentices/:apprenticeId/paths', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/paths` }) },
      { route: 'POST /api/apprentices/:apprenticeId/hours', allowed: managersOfCohortA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/hours`, payload: { stage: 0, date: '2026-01-05', hours: 1, kind: 'workshop' } }) },
      { route: 'GET /api/apprentices/:apprenticeId/hours', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/hours` }) },
      {
        route: 'DELETE /api/apprentices/:apprenticeId/hours/:hoursId',
        allowed: managersOfCohortA,
        request: async () => {
          const entry = await addPracticalHours(service.db, { apprenticeId: ids.apprenticeA, pathId: 'technicien-fibre-3-mois', stage: 0, date: '2026-01-05', minutes: 60, kind: 'workshop', note: null, recordedBy: ids.tutorA, now: Date.now() });
          return { url: `/api/apprentices/${ids.apprenticeA}/hours/${entry.id}` };
        },
      },
      { route: 'POST /api/apprentices/:apprenticeId/validations', allowed: ['tutorA'], request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/validations`, payload: { skillId: 'soudure-fibre', level: 1, date: '2026-01-05' } }) },
      { route: 'GET /api/apprentices/:apprenticeId/validations', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/validations` }) },
      { route: 'GET /api/apprentices/:apprenticeId/record', allowed: seesApprenticeA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/record` }) },
      {
        route: 'POST /api/validations/:validationId/void',
        allowed: managersOfCohortA,
        request: async () => {
          const made = await recordValidation(service.db, signer(), { centreId: ids.centreA, apprenticeId: ids.apprenticeA, skillId: 'soudure-fibre', level: 1, date: '2026-01-05', comment: null, validator: { kind: 'tutor', tutorId: ids.tutorA, name: 'Tuteur' }, evidence: null, now: Date.now() });
          return { url: `/api/validations/${made.record.id}/void`, payload: { reason: 'erreur de saisie' } };
        },
      },
      { route: 'GET /api/validations/:validationId/evidence', allowed: seesApprenticeA, request: () => ({ url: `/api/validations/${ids.validationA}/evidence` }) },
      { route: 'POST /api/apprentices/:apprenticeId/validation-links', allowed: ['tutorA'], request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/validation-links`, payload: { company: 'Fibre Sud', skills: ['soudure-fibre'] } }) },
      { route: 'GET /api/apprentices/:apprenticeId/validation-links', allowed: managersOfCohortA, request: () => ({ url: `/api/apprentices/${ids.apprenticeA}/validation-links` }) },
      {
        route: 'DELETE /api/apprentices/:apprenticeId/validation-links/:linkId',
        allowed: managersOfCohortA,
        request: async () => {
          const { link } = await createValidationLink(service.db, { centreId: ids.centreA, apprenticeId: ids.apprenticeA, company: 'Fibre Sud', skills: ['soudure-fibre'], createdBy: ids.tutorA, days: 7, now: Date.now() });
          return { url: `/api/apprentices/${ids.apprenticeA}/validation-links/${link.id}` };
        },
      },
      // Public: the single-use token is the credential, whoever holds it.
      { route: 'GET /api/validation-links/:token', allowed: 'everyone', request: async () => ({ url: `/api/validation-links/${await newLink()}` }) },
      {
        route: 'POST /api/validation-links/:token',
        allowed: 'everyone',
        request: async () => ({ url: `/api/validation-links/${await newLink()}`, payload: { validator: { name: 'Karim', role: 'Chef d’équipe' }, skills: [{ skillId: 'soudure-fibre', level: 2 }] } }),
      },
      {
        route: 'PUT /api/cohorts/:cohortId/apprentices/:apprenticeId/exit',
        allowed: managersOfCohortA,
        request: () => ({ url: `/api/cohorts/${ids.cohortA}/apprentices/${ids.apprenticeA}/exit`, payload: { leftOn: '2026-01-31', outcome: 'job', contract: 'cdd' } }),
      },
      { route: 'GET /api/cohorts/:cohortId/exits', allowed: managersOfCohortA, request: () => ({ url: `/api/cohorts/${ids.cohortA}/exits` }) },
      {
        route: 'PUT /api/exits/:exitId/follow-ups/:milestone',
        allowed: managersOfCohortA,
        request: async () => {
          const exit = await recordExit(service.db, { cohortId: ids.cohortA, apprenticeId: ids.apprenticeD, centreId: ids.centreA, leftOn: '2026-01-15', outcome: 'other', recordedBy: 'test', now: Date.now() });
          return { url: `/api/exits/${exit.id}/follow-ups/1`, payload: { doneOn: '2026-02-20', status: 'searching' } };
        },
      },
      // Each manager gets their own scope (empty for centre B); the follow-up test checks the contents.
      { route: 'GET /api/follow-ups/due', allowed: ['admin', 'clientA', 'clientB', 'tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/follow-ups/due' }) },
      { route: 'GET /api/follow-ups/due.csv', allowed: ['admin', 'clientA', 'clientB', 'tutorA', 'tutorA2', 'tutorB'], request: () => ({ url: '/api/follow-ups/due.csv' }) },
      { route: 'GET /api/reports/outcomes', allowed: managersOfCohortA, request: () => ({ url: `/api/reports/outcomes?cohort=${ids.cohortA}` }) },
      { route: 'GET /api/reports/outcomes.csv', allowed: managersOfCohortA, request: () => ({ url: `/api/reports/outcomes.csv?cohort=${ids.cohortA}` }) },
      { route: 'POST /api/progress/rebuild', allowed: ['admin'], request: () => ({ url: '/api/progress/rebuild' }) },
      { route: 'OPTIONS /api/*', allowed: 'everyone', request: () => ({ url: '/api/cohorts' }) },
      { route: 'OPTIONS /xapi/*', allowed: 'everyone', request: () => ({ url: '/xapi/statements' }) },
      { route: 'GET /*', allowed: 'everyone', request: () => ({ url: '/plomberie/' }) },
      { route: 'HEAD /*', allowed: 'everyone', request: () => ({ url: '/plomberie/' }) },
    );
  });
  afterAll(() => service?.close());

  it('covers every route of the service', () => {
    const covered = new Set(rows.map((row) => row.route));
    // HEAD routes Fastify derives from GET ones run the same handler as their GET row.
    const registered = [...new Set(service.routes.map((route) => `${route.method} ${route.url}`))].filter(
      (route) => !route.endsWith(' /') && !(route.startsWith('HEAD ') && !covered.has(route) && covered.has(`GET ${route.slice(5)}`)),
    );
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect(rows.filter((row) => !registered.includes(row.route)).map((row) => row.route)).toEqual([]);
  });

  async function check(row: Row) {
    const [method] = row.route.split(' ') as [string];
    // Each caller ends only their own session, so one refresh per row is enough.
    if (row.endsSession) await refreshSessions();
    for (const who of everyone) {
      const request = await row.request(who);
      const response = await service.app.inject({
        method: method as 'GET',
        url: request.url,
        headers: { ...(headers[who] ? { authorization: headers[who] } : {}), ...request.headers },
        ...(request.payload === undefined ? {} : { payload: request.payload as object }),
      });
      const allowed = row.allowed === 'everyone' || row.allowed.includes(who);
      const ok = allowed ? response.statusCode < 300 : [401, 403, 404].includes(response.statusCode);
      if (!ok) results.push(`${row.route} as ${who}: expected ${allowed ? '2xx' : '401/403/404'}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
      // A refusal carries an error and nothing of centre A's data.
      if (!allowed && response.body) expect(Object.keys(JSON.parse(response.body))).toEqual(['error']);
    }
  }

  it('gives each role exactly its own records on every route', async () => {
    for (const row of rows.filter((item) => !item.endsSession)) await check(row);
    for (const row of rows.filter((item) => item.endsSession)) await check(row);
    expect(results).toEqual([]);
  });

  it("hides other centres' statements from queries, not only from direct reads", async () => {
    await refreshSessions();
    const list = async (who: Who) => {
      const response = await service.app.inject({ method: 'GET', url: '/xapi/statements', headers: { authorization: headers[who]!, ...xapiHeaders } });
      return response.json().statements.map((statement: { id: string }) => statement.id) as string[];
    };
    expect(await list('admin')).toContain(ids.statementA);
    expect(await list('clientA')).toContain(ids.statementA);
    expect(await list('apprenticeA')).toContain(ids.statementA);
    expect(await list('clientB')).not.toContain(ids.statementA);
    expect(await list('apprenticeB')).not.toContain(ids.statementA);
    const cohorts = await service.app.inject({ method: 'GET', url: '/api/cohorts', headers: { authorization: headers.tutorB! } });
    expect(cohorts.json().cohorts.map((cohort: { centreId: string }) => cohort.centreId)).not.toContain('centre-a');
    const voidOther = await service.app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: { authorization: headers.apprenticeB!, ...xapiHeaders },
      payload: { actor: ids.actorB, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: ids.statementA } },
    });
    expect(voidOther.statusCode).toBe(403);
    expect(voidOther.json().error.message).toMatch(/not yours to void/);
  });
});
