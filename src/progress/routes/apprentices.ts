import { apprenticeUpdateRequest, recoveryReissueRequest } from '../../schemas/centre-api.ts';
import { verbs } from '../../schemas/xapi.ts';
import { visibleApprentice } from '../access.ts';
import { apprenticeView, cohortsOfApprentice, getApprentice, reissueRecoveryCode, setNickname } from '../queries/apprentices.ts';
import { isTutorOfCohort } from '../queries/cohorts.ts';
import { progressView, readProgressRows } from '../queries/progress.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

const verbNames = new Map<string, string>(Object.entries(verbs).map(([name, id]) => [id, name]));

/** One apprentice: detail, progress, nickname, a new recovery code. */
export function registerApprenticeRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config, catalogue } = context;

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor', 'apprentice']);
    const row = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    let cohorts = await cohortsOfApprentice(db, row.id);
    if (principal.kind === 'tutor') {
      const visible = await Promise.all(cohorts.map((cohort) => isTutorOfCohort(db, principal.tutorId, cohort.id)));
      cohorts = cohorts.filter((_cohort, index) => visible[index]);
    }
    const recent = await db.all<{ id: string; verb_id: string; module_id: string | null; timestamp_utc: string; body: string }>(
      'SELECT id, verb_id, module_id, timestamp_utc, body FROM statements WHERE apprentice_id = ? AND voided = 0 AND is_voiding = 0 ORDER BY seq DESC LIMIT 20',
      [row.id],
    );
    reply.header('Cache-Control', 'no-store');
    return {
      apprentice: apprenticeView(row, config.site),
      cohorts: cohorts.map((cohort) => ({ id: cohort.id, name: cohort.name, pathId: cohort.path_id, startsOn: cohort.starts_on, endsOn: cohort.ends_on, joinedAt: cohort.joined_at })),
      progress: (await readProgressRows(db, [row.id])).map(progressView),
      recent: recent.map((statement) => {
        const body = JSON.parse(statement.body) as { object: { id?: string }; result?: { score?: { scaled?: number }; success?: boolean } };
        return {
          id: statement.id,
          verb: verbNames.get(statement.verb_id) ?? statement.verb_id,
          activity: body.object.id ?? null,
          moduleId: statement.module_id,
          moduleTitle: statement.module_id ? (catalogue.module(statement.module_id)?.title ?? null) : null,
          timestamp: statement.timestamp_utc,
          score: body.result?.score?.scaled ?? null,
          success: body.result?.success ?? null,
        };
      }),
    };
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/progress', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor', 'apprentice']);
    const row = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    reply.header('Cache-Control', 'no-store');
    return { progress: (await readProgressRows(db, [row.id])).map(progressView) };
  });

  app.patch<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const row = await visibleApprentice(context, principal, request.params.apprenticeId);
    const body = parse(apprenticeUpdateRequest, request.body, 'body');
    await setNickname(db, row.id, body.nickname);
    return { apprentice: apprenticeView((await getApprentice(db, row.id))!, config.site) };
  });

  app.post<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/recovery-code', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const row = await visibleApprentice(context, principal, request.params.apprenticeId);
    const body = parse(recoveryReissueRequest, request.body ?? {}, 'body');
    const recoveryCode = await reissueRecoveryCode(db, row.id, { revokeSessions: body.revokeSessions, now: clock.now() });
    reply.header('Cache-Control', 'no-store');
    return { apprenticeId: row.id, recoveryCode };
  });
}
