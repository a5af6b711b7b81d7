import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gridResponse, joinResponse } from '../../src/schemas/centre-api.ts';
import { type CentreFixture, cohortWithApprentice, createCentreFixture, openTestService, storages, TestClock, type TestService, xapiHeaders } from '../helpers/progress-service.ts';

/** The centre API: tutors, cohorts, join and recovery codes, derived progress, the grid and its CSV — on both storages. */
const site = 'http://localhost:4321';
const verb = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}` });

describe.each(storages)('centre API on %s', (kind) => {
  let service: TestService;
  let clock: TestClock;
  let centre: CentreFixture;

  beforeAll(async () => {
    clock = new TestClock();
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), clock });
    centre = await createCentreFixture(service, 'centre-nord');
  });
  afterAll(() => service?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, authorization?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    service.app.inject({ method, url, headers: { ...(authorization ? { authorization } : {}), ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

  describe('tutor sessions', () => {
    it('logs in with a cookie (HttpOnly, SameSite=Strict) and a bearer token, and logs out', async () => {
      const login = await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/^relais_tutor=rt_[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200/);
      const me = await call('GET', '/api/tutor/me', undefined, undefined, { cookie: cookie.split(';')[0]! });
      expect(me.statusCode).toBe(200);
      expect(me.json().tutor.id).toBe(centre.tutor.id);
      expect(me.json().centre.id).toBe('centre-nord');
      const logout = await call('POST', '/api/tutor/logout', `Bearer ${login.json().token}`);
      expect(logout.statusCode).toBe(204);
      expect((await call('GET', '/api/tutor/me', `Bearer ${login.json().token}`)).statusCode).toBe(401);
    });

    it('limits failed logins per address and login (429 with Retry-After), then lets them in again', async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: 'wrong password' })).statusCode).toBe(401);
      }
      const blocked = await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password });
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      clock.advance(16 * 60_000);
      expect((await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password })).statusCode).toBe(200);
    });

    it('refuses a cross-site login form posting with cookies (Origin check)', async () => {
      const response = await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password }, { origin: 'https://evil.example' });
      expect(response.statusCode).toBe(403);
    });

    it('expires sessions after the configured hours', async () => {
      const login = await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password });
      clock.advance(13 * 3_600_000);
      expect((await call('GET', '/api/tutor/me', `Bearer ${login.json().token}`)).statusCode).toBe(401);
      centre = await createCentreFixture(service, `centre-${randomUUID().slice(0, 8)}`);
    });
  });

  describe('cohorts and joining', () => {
    it('creates a cohort with a join code and lists it for its tutor', async () => {
      const created = await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'Fibre printemps', pathId: 'technicien-fibre-3-mois', startsOn: '2026-03-01', endsOn: '2026-05-31' });
      expect(created.statusCode).toBe(201);
      const cohort = created.json().cohort;
      expect(cohort.joinCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(cohort.tutors).toEqual([centre.tutor.id]);
      const listed = await call('GET', '/api/cohorts', centre.tutor.authorization);
      expect(listed.json().cohorts.map((item: { id: string }) => item.id)).toContain(cohort.id);
    });

    it('refuses an unknown path, reversed dates and unknown fields with the field named', async () => {
      const unknownPath = await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'X', pathId: 'parcours-inconnu' });
      expect(unknownPath.statusCode).toBe(400);
      expect(unknownPath.json().error).toMatchObject({ field: 'body.pathId' });
      expect(unknownPath.json().error.message).toMatch(/technicien-fibre-3-mois/);
      const reversed = await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'X', startsOn: '2026-05-01', endsOn: '2026-04-01' });
      expect(reversed.json().error.message).toMatch(/^body\.endsOn: /);
      const extra = await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'X', colour: 'blue' });
      expect(extra.json().error.message).toMatch(/Unexpected property `colour`/);
    });

    it('joins with a join code: a pseudonymous apprentice with a token and a recovery code, no email', async () => {
      const { joinCode } = await cohortWithApprentice(service, centre);
      const joined = await call('POST', '/api/join', undefined, { joinCode: joinCode.toLowerCase().replace('-', ' '), nickname: 'Lina' });
      expect(joined.statusCode).toBe(201);
      const body = joinResponse.parse(joined.json());
      expect(body.apprentice.id).toMatch(/^ap-[a-z0-9]{12}$/);
      expect(body.apprentice.actor).toEqual({ objectType: 'Agent', account: { homePage: site, name: body.apprentice.id } });
      expect(body.recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      expect(String(joined.headers['set-cookie'])).toMatch(/^relais_apprentice=ra_/);
      expect((await call('POST', '/api/join', undefined, { joinCode, nickname: 'lina@example.org' })).statusCode).toBe(400);
      expect((await call('POST', '/api/join', undefined, { joinCode, nickname: '0612345678' })).statusCode).toBe(400);
    });

    it('joins a second cohort of the same centre with the same identity', async () => {
      const first = await cohortWithApprentice(service, centre);
      const second = await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'Remise à niveau' });
      const joined = await call('POST', '/api/join', first.authorization, { joinCode: second.json().cohort.joinCode });
      expect(joined.statusCode).toBe(201);
      expect(joined.json().apprentice.id).toBe(first.apprenticeId);
      expect(joined.json().recoveryCode).toBeNull();
      const me = await call('GET', '/api/me', first.authorization);
      expect(me.json().cohorts).toHaveLength(2);
    });

    it('closes joining and renews the code', async () => {
      const { cohortId, joinCode } = await cohortWithApprentice(service, centre);
      await call('PATCH', `/api/cohorts/${cohortId}`, centre.tutor.authorization, { joinOpen: false });
      expect((await call('POST', '/api/join', undefined, { joinCode })).statusCode).toBe(404);
      const renewed = await call('POST', `/api/cohorts/${cohortId}/join-code`, centre.tutor.authorization);
      expect(renewed.json().cohort.joinCode).not.toBe(joinCode);
      await call('PATCH', `/api/cohorts/${cohortId}`, centre.tutor.authorization, { joinOpen: true });
      expect((await call('POST', '/api/join', undefined, { joinCode })).statusCode).toBe(404);
      expect((await call('POST', '/api/join', undefined, { joinCode: renewed.json().cohort.joinCode })).statusCode).toBe(201);
    });

    it('limits wrong join codes per address', async () => {
      clock.advance(16 * 60_000);
      for (let attempt = 0; attempt < 10; attempt++) expect((await call('POST', '/api/join', undefined, { joinCode: 'ZZZZ-ZZZZ' })).statusCode).toBe(404);
      expect((await call('POST', '/api/join', undefined, { joinCode: 'ZZZZ-ZZZZ' })).statusCode).toBe(429);
      clock.advance(16 * 60_000);
    });
  });

  describe('recovery codes', () => {
    it('recovers with the code; a tutor reissues it (the old one stops working) and may end the sessions', async () => {
      const apprentice = await cohortWithApprentice(service, centre);
      const recovered = await call('POST', '/api/recover', undefined, { recoveryCode: apprentice.recoveryCode.toLowerCase() });
      expect(recovered.statusCode).toBe(200);
      expect(recovered.json().apprentice.id).toBe(apprentice.apprenticeId);
      const newToken = `Bearer ${recovered.json().token}`;
      expect((await call('GET', '/api/me', newToken)).statusCode).toBe(200);

      const reissued = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/recovery-code`, centre.tutor.authorization, { revokeSessions: true });
      expect(reissued.statusCode).toBe(200);
      expect(reissued.json().recoveryCode).not.toBe(apprentice.recoveryCode);
      expect((await call('POST', '/api/recover', undefined, { recoveryCode: apprentice.recoveryCode })).statusCode).toBe(404);
      expect((await call('GET', '/api/me', newToken)).statusCode).toBe(401);
      expect((await call('GET', '/api/me', apprentice.authorization)).statusCode).toBe(401);
      const again = await call('POST', '/api/recover', undefined, { recoveryCode: reissued.json().recoveryCode });
      expect(again.json().apprentice.id).toBe(apprentice.apprenticeId);
    });
  });

  describe('derived progress, grid, CSV and activity', () => {
    let apprentice: Awaited<ReturnType<typeof cohortWithApprentice>>;
    const statementIds: Record<string, string> = {};
    const module = `${site}/fibre-optique/securite-fibre-laser-eclats/`;

    beforeAll(async () => {
      apprentice = await cohortWithApprentice(service, centre, 'technicien-fibre-3-mois', 'Sami');
      const send = async (name: string, body: Record<string, unknown>) => {
        const id = randomUUID();
        const response = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { authorization: apprentice.authorization, ...xapiHeaders }, payload: { id, actor: apprentice.actor, ...body } });
        expect(response.statusCode, response.body).toBe(200);
        statementIds[name] = id;
      };
      await send('experienced', { verb: verb('experienced'), object: { id: module }, timestamp: '2026-03-02T08:00:00.000Z' });
      await send('failed', { verb: verb('failed'), object: { id: `${module}#quiz-1` }, context: { contextActivities: { parent: [{ id: module }] } }, result: { success: false, score: { scaled: 0.4 } }, timestamp: '2026-03-02T08:10:00.000Z' });
      await send('passed', { verb: verb('passed'), object: { id: `${module}#quiz-1` }, result: { success: true, score: { raw: 9, min: 0, max: 10 } }, timestamp: '2026-03-02T08:20:00.000Z' });
      await send('completed', { verb: verb('completed'), object: { id: module }, timestamp: '2026-03-02T08:30:00.000Z' });
      await send('other', { verb: verb('experienced'), object: { id: `${site}/fibre-optique/cliver-fibre/` }, timestamp: '2026-03-03T10:00:00.000Z' });
    });

    it('derives progress per module from the statements', async () => {
      const response = await call('GET', `/api/apprentices/${apprentice.apprenticeId}/progress`, centre.tutor.authorization);
      const rows = response.json().progress;
      const safety = rows.find((row: { moduleId: string }) => row.moduleId === 'fibre-optique/securite-fibre-laser-eclats');
      expect(safety).toEqual({
        moduleId: 'fibre-optique/securite-fibre-laser-eclats',
        status: 'completed',
        firstAt: '2026-03-02T08:00:00.000Z',
        lastAt: '2026-03-02T08:30:00.000Z',
        completedAt: '2026-03-02T08:30:00.000Z',
        bestScore: 0.9,
        lastScore: 0.9,
        passed: true,
        attempts: 2,
        statements: 4,
      });
      expect(rows.find((row: { moduleId: string }) => row.moduleId === 'fibre-optique/cliver-fibre').status).toBe('started');
      expect((await call('GET', '/api/me', apprentice.authorization)).json().progress).toHaveLength(2);
    });

    it('gives the cohort grid: apprentices × path modules, hours, scores, last activity', async () => {
      const response = await call('GET', `/api/cohorts/${apprentice.cohortId}/grid`, centre.tutor.authorization);
      expect(response.statusCode).toBe(200);
      const grid = gridResponse.parse(response.json());
      expect(grid.path?.id).toBe('technicien-fibre-3-mois');
      expect(grid.hoursPlanned).toBe(420);
      expect(grid.modules[0]).toMatchObject({ id: 'fibre-optique/securite-fibre-laser-eclats', stage: 0 });
      const row = grid.rows.find((item) => item.apprentice.id === apprentice.apprenticeId)!;
      expect(row.apprentice.nickname).toBe('Sami');
      expect(row.modulesCompleted).toBe(1);
      expect(row.lastActivityAt).toBe('2026-03-03T10:00:00.000Z');
      expect(row.cells['fibre-optique/securite-fibre-laser-eclats']?.bestScore).toBe(0.9);
      // Hours are study minutes of completed modules (+ logged practical hours): the safety module's 20 min.
      expect(row.hoursDone).toBe(0.3);
      expect(row.stageStatus).toEqual(['in-progress', 'in-progress', 'not-started', 'not-started', 'not-started']);
      expect(row.stageReached).toBe(0);
    });

    it('exports the grid as CSV (UTF-8 BOM, a status and score column per module, no formulas)', async () => {
      await call('PATCH', `/api/apprentices/${apprentice.apprenticeId}`, centre.tutor.authorization, { nickname: '=HYPERLINK("x")' });
      const response = await call('GET', `/api/cohorts/${apprentice.cohortId}/grid.csv`, centre.tutor.authorization);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      const [header, ...lines] = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header).toMatch(/^apprentice,nickname,joined_at,last_activity_at,modules_completed,modules_total,hours_done,hours_planned,average_score,fibre-optique\/securite-fibre-laser-eclats,fibre-optique\/securite-fibre-laser-eclats score/);
      const line = lines.find((item) => item.startsWith(apprentice.apprenticeId))!;
      expect(line).toContain(`"'=HYPERLINK(""x"")"`);
      expect(line).toContain(',completed,90');
      await call('PATCH', `/api/apprentices/${apprentice.apprenticeId}`, centre.tutor.authorization, { nickname: 'Sami' });
    });

    it('counts weekly activity for the chart', async () => {
      clock.time = Date.parse('2026-03-10T12:00:00.000Z');
      // A week later: the tutor logs in again.
      const login = await call('POST', '/api/tutor/login', undefined, { login: centre.tutor.id, password: centre.tutor.password });
      centre.tutor.authorization = `Bearer ${login.json().token}`;
      const response = await call('GET', `/api/cohorts/${apprentice.cohortId}/activity?weeks=3`, centre.tutor.authorization);
      expect(response.json().weeks).toEqual([
        { weekStart: '2026-02-23', statements: 0, activeApprentices: 0, completions: 0 },
        { weekStart: '2026-03-02', statements: 5, activeApprentices: 1, completions: 1 },
        { weekStart: '2026-03-09', statements: 0, activeApprentices: 0, completions: 0 },
      ]);
      expect((await call('GET', `/api/cohorts/${apprentice.cohortId}/activity?weeks=99`, centre.tutor.authorization)).statusCode).toBe(400);
    });

    it('shows an apprentice in detail with recent activity', async () => {
      const detail = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}`, centre.tutor.authorization)).json();
      expect(detail.cohorts.map((cohort: { id: string }) => cohort.id)).toContain(apprentice.cohortId);
      expect(detail.recent[0]).toMatchObject({ verb: 'experienced', moduleId: 'fibre-optique/cliver-fibre', moduleTitle: expect.any(String) });
    });

    it('takes back a voided completion, and a rebuild gives the same rows', async () => {
      const admin = (await import('../helpers/progress-service.ts')).adminAuthorization;
      const adminAuth = await admin(service.db);
      const before = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/progress`, centre.tutor.authorization)).json().progress;
      const voiding = await service.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { authorization: apprentice.authorization, ...xapiHeaders },
        payload: { actor: apprentice.actor, verb: verb('voided'), object: { objectType: 'StatementRef', id: statementIds.completed } },
      });
      expect(voiding.statusCode).toBe(200);
      const after = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/progress`, centre.tutor.authorization)).json().progress;
      const safety = after.find((row: { moduleId: string }) => row.moduleId === 'fibre-optique/securite-fibre-laser-eclats');
      expect(safety).toMatchObject({ status: 'started', completedAt: null, statements: 3, bestScore: 0.9 });
      expect(before).not.toEqual(after);
      const rebuilt = await call('POST', '/api/progress/rebuild', adminAuth);
      expect(rebuilt.statusCode).toBe(200);
      expect(rebuilt.json().rows).toBeGreaterThanOrEqual(2);
      expect((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/progress`, centre.tutor.authorization)).json().progress).toEqual(after);
    });
  });

  describe('enrolments and co-tutors', () => {
    it('adds and removes an apprentice and a co-tutor of the same centre', async () => {
      const apprentice = await cohortWithApprentice(service, centre);
      const other = (await call('POST', '/api/cohorts', centre.tutor.authorization, { name: 'Autre' })).json().cohort;
      expect((await call('POST', `/api/cohorts/${other.id}/apprentices`, centre.tutor.authorization, { apprenticeId: apprentice.apprenticeId })).statusCode).toBe(204);
      expect((await call('GET', `/api/cohorts/${other.id}/apprentices`, centre.tutor.authorization)).json().apprentices.map((item: { id: string }) => item.id)).toEqual([apprentice.apprenticeId]);
      expect((await call('DELETE', `/api/cohorts/${other.id}/apprentices/${apprentice.apprenticeId}`, centre.tutor.authorization)).statusCode).toBe(204);
      expect((await call('DELETE', `/api/cohorts/${other.id}/apprentices/${apprentice.apprenticeId}`, centre.tutor.authorization)).statusCode).toBe(404);

      const colleague = await call('POST', `/api/centres/${centre.centreId}/tutors`, centre.clientAuthorization, { name: 'Paul Martin' });
      expect(colleague.statusCode).toBe(201);
      expect(colleague.json().password).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      const colleagueId = colleague.json().tutor.id;
      expect((await call('PUT', `/api/cohorts/${other.id}/tutors/${colleagueId}`, centre.tutor.authorization)).statusCode).toBe(204);
      expect((await call('GET', `/api/cohorts/${other.id}`, centre.tutor.authorization)).json().cohort.tutors.sort()).toEqual([centre.tutor.id, colleagueId].sort());
      expect((await call('DELETE', `/api/cohorts/${other.id}/tutors/${colleagueId}`, centre.tutor.authorization)).statusCode).toBe(204);
    });
  });
});
