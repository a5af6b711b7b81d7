import { activityQuery, cohortCreateRequest, cohortListQuery, cohortUpdateRequest, enrolRequest } from '../../schemas/centre-api.ts';
import { visibleApprentice, visibleCohort } from '../access.ts';
import { fileNamePart } from '../csv.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { apprenticeView, cohortApprentices, enrol, unenrol } from '../queries/apprentices.ts';
import { getCentre } from '../queries/centres.ts';
import { addCohortTutor, cohortViews, createCohort, listCohorts, removeCohortTutor, renewJoinCode, updateCohort } from '../queries/cohorts.ts';
import { cohortActivity, cohortGrid, gridCsv } from '../queries/grid.ts';
import { findTutor } from '../queries/tutors.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

const managers = ['admin-client', 'centre-client', 'tutor'] as const;

/** Cohorts: dates, path, join code, tutors, enrolments, the progress grid, its CSV, weekly activity. */
export function registerCohortRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config, catalogue } = context;

  function checkPath(pathId: string | null | undefined): void {
    if (pathId && catalogue.paths.length > 0 && !catalogue.path(pathId)) {
      throw badRequest('unknown-path', `body.pathId: Unexpected path \`${pathId}\`, expected one of ${catalogue.paths.map((learningPath) => `\`${learningPath.id}\``).join(', ')}`, { field: 'body.pathId' });
    }
  }

  app.get('/api/cohorts', async (request) => {
    const principal = await auth.authenticate(request.headers, managers);
    const query = parse(cohortListQuery, request.query, 'query');
    const filter =
      principal.kind === 'tutor' ? { tutorId: principal.tutorId } : principal.kind === 'centre-client' ? { centreId: principal.centreId } : principal.kind === 'admin-client' ? { centreId: query.centre } : {};
    return { cohorts: await cohortViews(db, await listCohorts(db, filter)) };
  });

  app.post('/api/cohorts', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const body = parse(cohortCreateRequest, request.body, 'body');
    let centreId: string;
    if (principal.kind === 'tutor' || principal.kind === 'centre-client') {
      if (body.centreId && body.centreId !== principal.centreId) throw forbidden(`body.centreId: you create cohorts only in centre \`${principal.centreId}\``);
      centreId = principal.centreId;
    } else {
      if (!body.centreId) throw badRequest('invalid-request', 'body.centreId: Expected the centre of the cohort', { field: 'body.centreId' });
      centreId = body.centreId;
    }
    if (!(await getCentre(db, centreId))) throw notFound(`No centre \`${centreId}\``);
    checkPath(body.pathId);
    const row = await createCohort(db, {
      centreId,
      name: body.name,
      pathId: body.pathId ?? null,
      startsOn: body.startsOn ?? null,
      endsOn: body.endsOn ?? null,
      tutorId: principal.kind === 'tutor' ? principal.tutorId : null,
      now: clock.now(),
    });
    reply.code(201);
    return { cohort: (await cohortViews(db, [row]))[0] };
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId', async (request) => {
    const principal = await auth.authenticate(request.headers, managers);
    return { cohort: await visibleCohort(context, principal, request.params.cohortId) };
  });

  app.patch<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const body = parse(cohortUpdateRequest, request.body, 'body');
    checkPath(body.pathId);
    const startsOn = body.startsOn === undefined ? cohort.startsOn : body.startsOn;
    const endsOn = body.endsOn === undefined ? cohort.endsOn : body.endsOn;
    if (startsOn && endsOn && startsOn > endsOn) throw badRequest('invalid-request', 'body.endsOn: Expected `endsOn` on or after `startsOn`', { field: 'body.endsOn' });
    await updateCohort(db, cohort.id, body);
    return { cohort: await visibleCohort(context, principal, cohort.id) };
  });

  app.post<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/join-code', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    await renewJoinCode(db, cohort.id);
    return { cohort: await visibleCohort(context, principal, cohort.id) };
  });

  async function sameCentreTutor(principal: Principal, cohortCentre: string, tutorId: string) {
    const tutor = await findTutor(db, tutorId);
    if (!tutor || (principal.kind !== 'admin-client' && tutor.centre_id !== principal.centreId)) throw notFound(`No tutor \`${tutorId}\``);
    if (tutor.centre_id !== cohortCentre) throw badRequest('invalid-request', `Tutor \`${tutorId}\` belongs to another centre`);
    return tutor;
  }

  app.put<{ Params: { cohortId: string; tutorId: string } }>('/api/cohorts/:cohortId/tutors/:tutorId', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const tutor = await sameCentreTutor(principal, cohort.centreId, request.params.tutorId);
    await addCohortTutor(db, cohort.id, tutor.id);
    return reply.code(204).send();
  });

  app.delete<{ Params: { cohortId: string; tutorId: string } }>('/api/cohorts/:cohortId/tutors/:tutorId', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const tutor = await sameCentreTutor(principal, cohort.centreId, request.params.tutorId);
    await removeCohortTutor(db, cohort.id, tutor.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/apprentices', async (request) => {
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    return { apprentices: (await cohortApprentices(db, cohort.id)).map((row) => ({ ...apprenticeView(row, config.site), joinedAt: row.joined_at })) };
  });

  app.post<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/apprentices', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const body = parse(enrolRequest, request.body, 'body');
    const apprentice = await visibleApprentice(context, principal, body.apprenticeId);
    if (apprentice.centre_id !== cohort.centreId) throw badRequest('invalid-request', `Apprentice \`${apprentice.id}\` belongs to another centre`);
    await enrol(db, cohort.id, apprentice.id, clock.now());
    return reply.code(204).send();
  });

  app.delete<{ Params: { cohortId: string; apprenticeId: string } }>('/api/cohorts/:cohortId/apprentices/:apprenticeId', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    if (!(await unenrol(db, cohort.id, request.params.apprenticeId))) throw notFound(`Apprentice \`${request.params.apprenticeId}\` is not in cohort \`${cohort.id}\``);
    return reply.code(204).send();
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/grid', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    reply.header('Cache-Control', 'no-store');
    return cohortGrid(db, catalogue, cohort);
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/grid.csv', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const csv = gridCsv(await cohortGrid(db, catalogue, cohort));
    const name = fileNamePart(cohort.name, cohort.id);
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}-${cohort.id}.csv"`).header('Cache-Control', 'no-store');
    return csv;
  });

  app.get<{ Params: { cohortId: string } }>('/api/cohorts/:cohortId/activity', async (request) => {
    const principal = await auth.authenticate(request.headers, managers);
    const cohort = await visibleCohort(context, principal, request.params.cohortId);
    const query = parse(activityQuery, request.query, 'query');
    return cohortActivity(db, cohort.id, query.weeks ?? 12, clock.now());
  });

}
