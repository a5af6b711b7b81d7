import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dueListResponse, exitView, outcomeReport } from '../../src/schemas/followup-api.ts';
import { type CentreFixture, cohortWithApprentice, createCentreFixture, openTestService, storages, TestClock, type TestService, xapiHeaders } from '../helpers/progress-service.ts';
import { createTutor } from '../../src/progress/queries/tutors.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { finishFibreModules, validateFibreSkills } from '../helpers/fibre-path.ts';

/** Exits, follow-ups, the due list and the outcome report through the HTTP API, on both storages. */
const site = 'http://localhost:4321';
const fibreModules = ['securite-fibre-laser-eclats', 'inspect-clean-connectors', 'preparer-et-denuder-fibre', 'cliver-fibre', 'souder-fibre-fusion', 'installer-pto', 'mesurer-au-photometre'];

describe.each(storages)('follow-up and outcome report on %s', (kind) => {
  let service: TestService;
  let centre: CentreFixture;
  let other: CentreFixture;
  let cohortId: string;
  const people: { id: string; authorization: string; actor: object }[] = [];
  let tutorA2: string;
  let dataDir: string;

  const call = (method: 'GET' | 'PUT', url: string, authorization: string, payload?: unknown) =>
    service.app.inject({ method, url, headers: { authorization }, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    // Today is 2026-03-02 for the whole file.
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), clock: new TestClock() });
    centre = await createCentreFixture(service, 'centre-suivi');
    other = await createCentreFixture(service, 'centre-autre');
    const first = await cohortWithApprentice(service, centre, 'technicien-fibre-3-mois', 'Ines');
    cohortId = first.cohortId;
    people.push({ id: first.apprenticeId, authorization: first.authorization, actor: first.actor });
    for (const nickname of ['Yanis', '=1+1', 'Lina']) {
      const joined = await service.app.inject({ method: 'POST', url: '/api/join', payload: { joinCode: first.joinCode, nickname } });
      people.push({ id: joined.json().apprentice.id, authorization: `Bearer ${joined.json().token}`, actor: joined.json().apprentice.actor });
    }
    // Ines completes every module of the fibre path; Yanis only one.
    for (const [index, slug] of fibreModules.entries()) {
      for (const person of index === 0 ? people.slice(0, 2) : people.slice(0, 1)) {
        const stored = await service.app.inject({
          method: 'POST',
          url: '/xapi/statements',
          headers: { authorization: person.authorization, ...xapiHeaders },
          payload: { actor: person.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: `${site}/fibre-optique/${slug}/` }, timestamp: '2026-02-01T10:00:00.000Z' },
        });
        expect(stored.statusCode).toBe(200);
      }
    }
    // Ines also passes the quizzes, has her skills validated (tutor and company) and her placement
    // hours logged: every stage complete. Lina passes everything but the company has not validated
    // her placement skills yet: every module done, yet the path is not completed.
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-keys-'));
    createCentreKeys(dataDir);
    await finishFibreModules(service, people[0]!, { quizzes: true });
    await validateFibreSkills(service, { id: people[0]!.id, centreId: 'centre-suivi' }, dataDir, { tutor: true, company: true, hours: true });
    await finishFibreModules(service, people[3]!, { quizzes: true });
    await validateFibreSkills(service, { id: people[3]!.id, centreId: 'centre-suivi' }, dataDir, { tutor: true, company: false, hours: true });
    const second = await createTutor(service.db, { centreId: 'centre-suivi', name: 'Autre tuteur', password: 'correct horse battery', now: Date.now() });
    const login = await service.app.inject({ method: 'POST', url: '/api/tutor/login', payload: { login: second.tutor.id, password: 'correct horse battery' } });
    tutorA2 = `Bearer ${login.json().token}`;
  });
  afterAll(async () => {
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const exitUrl = (index: number) => `/api/cohorts/${cohortId}/apprentices/${people[index]!.id}/exit`;

  it('records an exit and schedules follow-ups at 1, 3, 6 and 12 months, clamped to month ends', async () => {
    const response = await call('PUT', exitUrl(0), centre.tutor.authorization, { leftOn: '2026-01-31', outcome: 'job', contract: 'cdi', employer: 'Fibre Nord', note: 'Embauchée après le stage' });
    expect(response.statusCode).toBe(200);
    const exit = exitView.parse(response.json().exit);
    expect(exit).toMatchObject({ outcome: 'job', contract: 'cdi', employer: 'Fibre Nord', nickname: 'Ines' });
    expect(exit.followUps.map((followUp) => [followUp.milestone, followUp.dueOn])).toEqual([
      [1, '2026-02-28'],
      [3, '2026-04-30'],
      [6, '2026-07-31'],
      [12, '2027-01-31'],
    ]);
  });

  it('corrects an exit in place: same id, due dates follow the new date', async () => {
    const before = (await call('PUT', exitUrl(1), centre.clientAuthorization, { leftOn: '2026-02-10', outcome: 'training' })).json().exit;
    const after = (await call('PUT', exitUrl(1), centre.clientAuthorization, { leftOn: '2026-02-03', outcome: 'training', note: 'CAP électricien' })).json().exit;
    expect(after.id).toBe(before.id);
    expect(after.followUps[0].dueOn).toBe('2026-03-03');
    expect(after.note).toBe('CAP électricien');
  });

  it.each([
    [{ leftOn: '2026-02-01', outcome: 'job' }, 'body.contract', /contract type/],
    [{ leftOn: '2026-02-01', outcome: 'training', contract: 'cdi' }, 'body.contract', /unless `outcome` is `job`/],
    [{ leftOn: '2026-02-30', outcome: 'other' }, 'body.leftOn', /real calendar date/],
    [{ leftOn: '2026-04-01', outcome: 'other' }, 'body.leftOn', /on or before today \(2026-03-02\)/],
    [{ leftOn: '2026-02-01', outcome: 'fired' }, 'body.outcome', /job/],
    [{ leftOn: '2026-02-01', outcome: 'other', salary: 2000 }, 'body.salary', /salary/],
  ])('refuses a bad exit %j with a 400 naming the field', async (payload, field, message) => {
    const response = await call('PUT', exitUrl(2), centre.tutor.authorization, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field ?? 'body').toBe(field);
    expect(response.json().error.message).toMatch(message);
  });

  it('refuses an exit for someone not in the cohort, and keeps other centres and tutors out', async () => {
    expect((await call('PUT', `/api/cohorts/${cohortId}/apprentices/ap-nobody123456/exit`, centre.tutor.authorization, { leftOn: '2026-02-01', outcome: 'other' })).statusCode).toBe(404);
    expect((await call('PUT', exitUrl(2), other.tutor.authorization, { leftOn: '2026-02-01', outcome: 'other' })).statusCode).toBe(404);
    expect((await call('PUT', exitUrl(2), other.clientAuthorization, { leftOn: '2026-02-01', outcome: 'other' })).statusCode).toBe(404);
    expect((await call('PUT', exitUrl(2), tutorA2, { leftOn: '2026-02-01', outcome: 'other' })).statusCode).toBe(403);
    expect((await call('PUT', exitUrl(2), people[0]!.authorization, { leftOn: '2026-02-01', outcome: 'other' })).statusCode).toBe(403);
  });

  it('lists follow-ups due: overdue, this week, upcoming — only to those who see the cohort', async () => {
    await call('PUT', exitUrl(2), centre.tutor.authorization, { leftOn: '2025-12-20', outcome: 'other' });
    const response = await call('GET', '/api/follow-ups/due', centre.tutor.authorization);
    expect(response.statusCode).toBe(200);
    const list = dueListResponse.parse(response.json());
    expect(list.today).toBe('2026-03-02');
    expect(list.items.map((item) => [item.apprentice.nickname, item.milestone, item.dueOn, item.when])).toEqual([
      ['=1+1', 1, '2026-01-20', 'overdue'],
      ['Ines', 1, '2026-02-28', 'overdue'],
      ['Yanis', 1, '2026-03-03', 'this-week'],
      ['=1+1', 3, '2026-03-20', 'upcoming'],
    ]);
    expect(list.counts).toEqual({ overdue: 2, 'this-week': 1, upcoming: 1 });
    expect(list.truncated).toBe(false);
    const limited = (await call('GET', '/api/follow-ups/due?limit=1', centre.tutor.authorization)).json();
    expect(limited.items).toHaveLength(1);
    expect(limited.truncated).toBe(true);
    expect(limited.counts.overdue).toBe(2);
    expect((await call('GET', '/api/follow-ups/due', centre.clientAuthorization)).json().items).toHaveLength(4);
    expect((await call('GET', '/api/follow-ups/due?days=7', centre.tutor.authorization)).json().items).toHaveLength(3);
    expect((await call('GET', '/api/follow-ups/due', other.tutor.authorization)).json().items).toEqual([]);
    expect((await call('GET', '/api/follow-ups/due', other.clientAuthorization)).json().items).toEqual([]);
    expect((await call('GET', '/api/follow-ups/due', tutorA2)).json().items).toEqual([]);
    expect((await call('GET', `/api/follow-ups/due?cohort=${cohortId}`, tutorA2)).statusCode).toBe(403);
    expect((await call('GET', '/api/follow-ups/due?centre=centre-suivi', other.clientAuthorization)).statusCode).toBe(404);
    expect((await call('GET', '/api/follow-ups/due?days=abc', centre.tutor.authorization)).json().error.field).toBe('query.days');
  });

  it('exports the due list as CSV (BOM, CRLF, formula-safe cells)', async () => {
    const response = await call('GET', '/api/follow-ups/due.csv', centre.tutor.authorization);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="follow-ups-due-2026-03-02.csv"');
    expect(response.body.startsWith('\uFEFFwhen,due_on,milestone_months,')).toBe(true);
    expect(response.body.split('\r\n')).toHaveLength(6);
    expect(response.body).toContain(",'=1+1,");
  });

  it('records a follow-up, which leaves the due list; refuses bad ones', async () => {
    const exitId = (await call('GET', `/api/cohorts/${cohortId}/exits`, centre.tutor.authorization)).json().exits.find((exit: { nickname: string }) => exit.nickname === 'Ines').id;
    const url = (milestone: number | string) => `/api/exits/${exitId}/follow-ups/${milestone}`;
    const recorded = await call('PUT', url(1), centre.tutor.authorization, { doneOn: '2026-03-01', status: 'employed', contract: 'cdi', employer: 'Fibre Nord', note: 'Au téléphone' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().exit.followUps[0]).toEqual({ milestone: 1, dueOn: '2026-02-28', doneOn: '2026-03-01', status: 'employed', contract: 'cdi', employer: 'Fibre Nord', note: 'Au téléphone' });
    const due = (await call('GET', '/api/follow-ups/due', centre.tutor.authorization)).json().items;
    expect(due.map((item: { apprentice: { nickname: string } }) => item.apprentice.nickname)).not.toContain('Ines');

    expect((await call('PUT', url(2), centre.tutor.authorization, { doneOn: '2026-03-01', status: 'searching' })).json().error.field).toBe('params.milestone');
    expect((await call('PUT', url(3), centre.tutor.authorization, { doneOn: '2026-03-01', status: 'employed' })).json().error.field).toBe('body.contract');
    expect((await call('PUT', url(3), centre.tutor.authorization, { doneOn: '2026-01-01', status: 'searching' })).json().error.message).toMatch(/on or after the exit \(2026-01-31\)/);
    expect((await call('PUT', url(3), centre.tutor.authorization, { doneOn: '2026-03-09', status: 'searching' })).json().error.field).toBe('body.doneOn');
    const foreign = await call('PUT', url(3), other.tutor.authorization, { doneOn: '2026-03-01', status: 'searching' });
    expect(foreign.statusCode).toBe(404);
    // Nothing of the other centre's cohort shows through: the exit is simply unknown.
    expect(foreign.json().error.message).toBe(`No exit \`${exitId}\``);
    expect((await call('PUT', url(3), tutorA2, { doneOn: '2026-03-01', status: 'searching' })).statusCode).toBe(403);
    expect((await call('PUT', '/api/exits/ex-unknown123/follow-ups/1', centre.tutor.authorization, { doneOn: '2026-03-01', status: 'searching' })).statusCode).toBe(404);
  });

  it('computes the outcome report per cohort, path, trade and centre', async () => {
    // Fixture by hand: 4 apprentices on the fibre path; Ines completed every stage (modules,
    // quizzes, validations, hours) → 1/4. Lina completed every module but lacks the company's
    // validations, Yanis did one module: not counted.
    // Exits: Ines job (1-month follow-up: employed), Yanis training (1 month due 2026-03-03: not
    // yet due), "=1+1" other (1 month due 2026-01-20, not recorded). Lina has not left.
    const response = await call('GET', '/api/reports/outcomes', centre.tutor.authorization);
    expect(response.statusCode).toBe(200);
    const report = outcomeReport.parse(response.json());
    expect(report.asOf).toBe('2026-03-02');
    expect(report.total).toMatchObject({ label: 'Centre centre-suivi', cohorts: 1, apprentices: 4, withPath: 4, completed: 1, completionRate: 0.25 });
    expect(report.total.exits).toEqual({ total: 3, job: 1, training: 1, other: 1 });
    expect(report.total.placementRate).toBe(0.6667);
    expect(report.total.milestones[0]).toEqual({ milestone: 1, due: 2, employed: 1, training: 0, searching: 0, unreachable: 0, notRecorded: 1, notYetDue: 1, inWorkRate: 0.5, inTrainingRate: 0 });
    expect(report.total.milestones[1]).toMatchObject({ milestone: 3, due: 0, notYetDue: 3, inWorkRate: null });
    expect(report.byCohort.map((group) => group.key)).toEqual([cohortId]);
    expect(report.byPath.map((group) => [group.key, group.label])).toEqual([['technicien-fibre-3-mois', 'Technicien fibre optique en 3 mois']]);
    expect(report.byTrade.map((group) => group.key)).toEqual(['fibre-optique']);
    // As it stood a week later, Yanis's 1-month follow-up is due too.
    const later = (await call('GET', '/api/reports/outcomes?asOf=2026-03-09', centre.tutor.authorization)).json();
    expect(later.total.milestones[0]).toMatchObject({ due: 3, notRecorded: 2 });
    expect((await call('GET', '/api/reports/outcomes?trade=plomberie', centre.tutor.authorization)).json().total.apprentices).toBe(0);
    expect((await call('GET', '/api/reports/outcomes', other.clientAuthorization)).json().total.apprentices).toBe(0);
    expect((await call('GET', `/api/reports/outcomes?cohort=${cohortId}`, other.tutor.authorization)).statusCode).toBe(404);
    expect((await call('GET', '/api/reports/outcomes?path=nope', centre.tutor.authorization)).json().error.code).toBe('unknown-path');
    expect((await call('GET', '/api/reports/outcomes?asOf=2026-13-01', centre.tutor.authorization)).json().error.field).toBe('query.asOf');
  });

  it('exports the outcome report as CSV with rates in percent', async () => {
    const response = await call('GET', '/api/reports/outcomes.csv', centre.clientAuthorization);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="outcomes-centre-suivi-2026-03-02.csv"');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^group,key,label,cohorts,apprentices,with_path,completed,completion_rate_pct,exits,exits_job,exits_training,exits_other,placement_rate_pct,m1_due,/);
    expect(lines[1]).toMatch(/^total,total,Centre centre-suivi,1,4,4,1,25,3,1,1,1,66\.7,2,1,0,0,0,1,1,50,0,/);
    expect(lines.map((line) => line.split(',')[0])).toEqual(['group', 'total', 'cohort', 'path', 'trade', '']);
  });
});
