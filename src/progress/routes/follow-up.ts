import type { FastifyRequest } from 'fastify';
import { dueListQuery, exitRequest, followUpRequest, milestoneParam, outcomeReportQuery } from '../../schemas/followup-api.ts';
import { visibleCohort } from '../access.ts';
import { fileNamePart } from '../csv.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import { dayOf } from '../follow-up-schedule.ts';
import type { Principal } from '../principal.ts';
import { getCentre } from '../queries/centres.ts';
import { getCohort, listCohorts } from '../queries/cohorts.ts';
import { cohortExits, dueCounts, dueList, exitViews, getExit, recordExit, recordFollowUp } from '../queries/follow-ups.ts';
import { dueListCsv, outcomeReport, outcomeReportCsv } from '../queries/outcomes.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

const managers = ['admin-client', 'centre-client', 'tutor'] as const;

/** Who recorded it, for the record: a tutor's id or a client's key. */
const recorder = (principal: Principal) => (principal.kind === 'tutor' ? principal.tutorId : principal.kind === 'apprentice' ? principal.apprenticeId : `client:${principal.key}`);

/** Follow-up after placement: exits, follow-ups at 1, 3, 6, 12 months, the due list, the outcome report. */
export function registerFollowUpRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config, catalogue } = context;

  app.put<{ Params: { cohortId: string; apprenticeId: string } }>('/api/cohorts/:cohortId/apprentices/:apprenticeId/exit', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const enrolled = await db.get('SELECT 1 AS yes FROM enrolments WHERE cohort_id = ? AND apprentice_id = ?', [cohort.id, request.params.apprenticeId]);
    if (!enrolled) throw notFound(`Apprentice \`${request.params.apprenticeId}\` is not in cohort \`${cohort.id}\``);
    const body = parse(exitRequest, request.body, 'body');
    const today = dayOf(clock.now());
    if (body.leftOn > today) throw badRequest('invalid-request', `body.leftOn: Expected a date on or before today (${today}), received \`${body.leftOn}\``, { field: 'body.leftOn', hint: 'Record an exit once it has happened.' });
    const row = await recordExit(db, { ...body, cohortId: cohort.id, apprenticeId: request.params.apprenticeId, centreId: cohort.centreId, recordedBy: recorder(principal), now: clock.now() });
    return { exit: (await exitViews(db, [row]))[0] };
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/exits', async (request) => {
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    return { exits: await exitViews(db, await cohortExits(db, cohort.id)) };
  });

  app.put<{ Params: { exitId: string; milestone: string } }>('/api/exits/:exitId/follow-ups/:milestone', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const exit = await getExit(db, request.params.exitId);
    if (!exit) throw notFound(`No exit \`${request.params.exitId}\``);
    try {
      await visibleCohort(context, principal, exit.cohort_id);
    } catch (error) {
      // Another centre's exit answers as if absent, like its cohort.
      if (error instanceof HttpError && error.status === 404) throw notFound(`No exit \`${request.params.exitId}\``);
      throw error;
    }
    const milestone = parse(milestoneParam, request.params.milestone, 'params.milestone');
    const body = parse(followUpRequest, request.body, 'body');
    const today = dayOf(clock.now());
    if (body.doneOn > today) throw badRequest('invalid-request', `body.doneOn: Expected a date on or before today (${today}), received \`${body.doneOn}\``, { field: 'body.doneOn' });
    if (body.doneOn < exit.left_on) throw badRequest('invalid-request', `body.doneOn: Expected a date on or after the exit (${exit.left_on}), received \`${body.doneOn}\``, { field: 'body.doneOn' });
    await recordFollowUp(db, exit.id, milestone, { ...body, recordedBy: recorder(principal), now: clock.now() });
    return { exit: (await exitViews(db, [(await getExit(db, exit.id))!]))[0] };
  });

  /** The caller's scope: a tutor their cohorts, a centre client its centre, an administrator all or `?centre=`. */
  async function scopeOf(principal: Principal, query: { cohort?: string | undefined; centre?: string | undefined }) {
    if (query.centre !== undefined && principal.kind !== 'admin-client' && query.centre !== principal.centreId) throw notFound(`No centre \`${query.centre}\``);
    if (query.cohort) await visibleCohort(context, principal, query.cohort);
    const centreId = principal.kind === 'admin-client' ? query.centre : principal.centreId;
    if (centreId && !(await getCentre(db, centreId))) throw notFound(`No centre \`${centreId}\``);
    return { tutorId: principal.kind === 'tutor' ? principal.tutorId : undefined, centreId, cohortId: query.cohort };
  }

  async function dueRequest(request: FastifyRequest) {
    const principal = await auth.authenticate(request.headers, managers);
    const query = parse(dueListQuery, request.query, 'query');
    return { today: dayOf(clock.now()), days: query.days ?? 30, limit: query.limit ?? 200, scope: await scopeOf(principal, query) };
  }

  app.get('/api/follow-ups/due', async (request) => {
    const { today, days, limit, scope } = await dueRequest(request);
    // One more than the limit says whether the list was cut.
    const items = await dueList(db, scope, today, days, limit + 1);
    return { today, days, counts: await dueCounts(db, scope, today, days), items: items.slice(0, limit), truncated: items.length > limit };
  });

  app.get('/api/follow-ups/due.csv', async (request, reply) => {
    const { today, days, scope } = await dueRequest(request);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="follow-ups-due-${today}.csv"`);
    return dueListCsv(await dueList(db, scope, today, days));
  });

  async function report(request: FastifyRequest) {
    const principal = await auth.authenticate(request.headers, managers);
    const query = parse(outcomeReportQuery, request.query, 'query');
    const scope = await scopeOf(principal, query);
    if (query.path && !catalogue.path(query.path) && catalogue.paths.length > 0) {
      throw badRequest('unknown-path', `query.path: Unexpected path \`${query.path}\`, expected one of ${catalogue.paths.map((item) => `\`${item.id}\``).join(', ')}`, { field: 'query.path' });
    }
    let cohorts = query.cohort ? [(await getCohort(db, query.cohort))!] : await listCohorts(db, scope);
    if (query.path) cohorts = cohorts.filter((cohort) => cohort.path_id === query.path);
    if (query.trade) cohorts = cohorts.filter((cohort) => (cohort.path_id ? catalogue.path(cohort.path_id)?.trade : undefined) === query.trade);
    const centre = scope.centreId ? await getCentre(db, scope.centreId) : null;
    return outcomeReport(db, catalogue, cohorts, {
      asOf: query.asOf ?? dayOf(clock.now()),
      scope: { centre: centre?.id ?? null, cohort: query.cohort ?? null, path: query.path ?? null, trade: query.trade ?? null },
      totalLabel: centre?.name ?? 'all',
    });
  }

  app.get('/api/reports/outcomes', async (request) => report(request));

  app.get('/api/reports/outcomes.csv', async (request, reply) => {
    const result = await report(request);
    const name = fileNamePart([result.scope.centre, result.scope.cohort, result.scope.path, result.scope.trade].filter(Boolean).join('-'), 'all');
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="outcomes-${name}-${result.asOf}.csv"`);
    return outcomeReportCsv(result);
  });
}
