import {
  apprenticeUpdateRequest,
  joinRequest,
  recoverRequest,
  tutorLoginRequest,
  tutorPasswordRequest,
} from '../../schemas/centre-api.ts';
import { xapiVersion } from '../../schemas/xapi.ts';
import { apprenticeCookie, clearCookie, parseCookies, setCookie, tutorCookie } from '../auth.ts';
import { badRequest, notFound, unauthorized } from '../errors.ts';
import type { Principal } from '../principal.ts';
import {
  apprenticeByRecoveryCode,
  apprenticeOfToken,
  apprenticeView,
  cohortsOfApprentice,
  createApprentice,
  createApprenticeToken,
  enrol,
  getApprentice,
  revokeApprenticeToken,
  setNickname,
} from '../queries/apprentices.ts';
import { cohortByJoinCode, cohortViews, listCohorts } from '../queries/cohorts.ts';
import { getCentre } from '../queries/centres.ts';
import { progressView, readProgressRows } from '../queries/progress.ts';
import { createTutorSession, endAllTutorSessions, endTutorSession, findTutor, setTutorPassword, tutorView } from '../queries/tutors.ts';
import { sha256, verifySecret } from '../secrets.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

/** The apprentice token cookie lasts as long as browsers allow (400 days); the token has no expiry. */
const apprenticeCookieSeconds = 400 * 24 * 3600;

/** Tutor sessions (login, logout, me, password) and apprentice identity (join, recover, me, logout). */
export function registerSessionRoutes({ app, context, auth, throttles }: RouteKit): void {
  const { db, clock, config } = context;

  // ── tutors ──────────────────────────────────────────────────────────────────────────────
  app.post('/api/tutor/login', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const body = parse(tutorLoginRequest, request.body, 'body');
    const perLogin = `${request.ip} ${body.login}`;
    throttles.login.check(perLogin, 'login');
    throttles.loginAddress.check(request.ip, 'login');
    const tutor = await findTutor(db, body.login);
    // Same work whether or not the login exists, so timing does not tell.
    const valid = await verifySecret(body.password, tutor?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!tutor || !valid) {
      throttles.login.fail(perLogin);
      throttles.loginAddress.fail(request.ip);
      throw unauthorized('Wrong login or password', 'Your centre gave you your login; ask it to reset your password if you lost it.');
    }
    throttles.login.reset(perLogin);
    const session = await createTutorSession(db, tutor.id, clock.now(), config.tutorSessionHours);
    setCookie(reply, request, tutorCookie, session.token, config.tutorSessionHours * 3600);
    return { tutor: tutorView(tutor), token: session.token, expiresAt: session.expiresAt };
  });

  app.post('/api/tutor/logout', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['tutor']);
    if (principal.kind === 'tutor') await endTutorSession(db, principal.tokenHash);
    clearCookie(reply, request, tutorCookie);
    return reply.code(204).send();
  });

  app.get('/api/tutor/me', async (request) => {
    const principal = (await auth.authenticate(request.headers, ['tutor'])) as Extract<Principal, { kind: 'tutor' }>;
    const tutor = await findTutor(db, principal.tutorId);
    return {
      tutor: tutorView(tutor!),
      centre: await getCentre(db, principal.centreId),
      cohorts: await cohortViews(db, await listCohorts(db, { tutorId: principal.tutorId })),
    };
  });

  app.put('/api/tutor/password', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = (await auth.authenticate(request.headers, ['tutor'])) as Extract<Principal, { kind: 'tutor' }>;
    const body = parse(tutorPasswordRequest, request.body, 'body');
    const tutor = await findTutor(db, principal.tutorId);
    if (!tutor || !(await verifySecret(body.current, tutor.password_hash))) {
      throttles.login.fail(`${request.ip} ${principal.tutorId}`);
      throw badRequest('wrong-password', 'body.current: the current password is wrong', { field: 'body.current' });
    }
    await setTutorPassword(db, tutor.id, body.password);
    // Other sessions (another browser, a lost phone) end with the old password.
    await endAllTutorSessions(db, tutor.id);
    const session = await createTutorSession(db, tutor.id, clock.now(), config.tutorSessionHours);
    setCookie(reply, request, tutorCookie, session.token, config.tutorSessionHours * 3600);
    return { token: session.token, expiresAt: session.expiresAt };
  });

  // ── apprentices ─────────────────────────────────────────────────────────────────────────
  app.post('/api/join', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    throttles.codes.check(request.ip, 'join code');
    const body = parse(joinRequest, request.body, 'body');
    const cohort = await cohortByJoinCode(db, body.joinCode);
    if (!cohort || cohort.join_open !== 1) {
      throttles.codes.fail(request.ip);
      throw notFound('No open cohort has this join code', 'Check the code with your tutor: it is 8 letters and digits, such as K7Q2-M9XD.');
    }
    const now = clock.now();
    // Already an apprentice of this centre on this device: join with the same identity.
    const presented = bearerOrCookie(request.headers.authorization, request.headers.cookie);
    let existing = presented ? await apprenticeOfToken(db, sha256(presented)) : undefined;
    if (existing && existing.centre_id !== cohort.centre_id) existing = undefined;
    let token = presented ?? '';
    let recoveryCode: string | null = null;
    const apprentice = await db.transaction(async (tx) => {
      let row = existing;
      if (!row) {
        const created = await createApprentice(tx, { centreId: cohort.centre_id, nickname: body.nickname ?? null, now });
        row = created.row;
        recoveryCode = created.recoveryCode;
        token = await createApprenticeToken(tx, row.id, now);
      } else if (body.nickname && !row.nickname) {
        await setNickname(tx, row.id, body.nickname);
        row = { ...row, nickname: body.nickname };
      }
      await enrol(tx, cohort.id, row.id, now);
      return row;
    });
    throttles.codes.reset(request.ip);
    setCookie(reply, request, apprenticeCookie, token, apprenticeCookieSeconds);
    reply.code(201);
    return {
      apprentice: apprenticeView(apprentice, config.site),
      cohort: { id: cohort.id, name: cohort.name, pathId: cohort.path_id, startsOn: cohort.starts_on, endsOn: cohort.ends_on },
      token,
      recoveryCode,
      xapi: { endpoint: '/xapi/', version: xapiVersion },
    };
  });

  app.post('/api/recover', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    throttles.codes.check(request.ip, 'recovery code');
    const body = parse(recoverRequest, request.body, 'body');
    const row = await apprenticeByRecoveryCode(db, body.recoveryCode);
    if (!row) {
      throttles.codes.fail(request.ip);
      throw notFound('No apprentice has this recovery code', 'Check the code (16 letters and digits); your tutor can give you a new one.');
    }
    throttles.codes.reset(request.ip);
    const token = await createApprenticeToken(db, row.id, clock.now());
    setCookie(reply, request, apprenticeCookie, token, apprenticeCookieSeconds);
    return { apprentice: apprenticeView(row, config.site), token, cohorts: await apprenticeCohorts(row.id), xapi: { endpoint: '/xapi/', version: xapiVersion } };
  });

  async function apprenticeCohorts(apprenticeId: string) {
    return (await cohortsOfApprentice(db, apprenticeId)).map((cohort) => ({ id: cohort.id, name: cohort.name, pathId: cohort.path_id, startsOn: cohort.starts_on, endsOn: cohort.ends_on, joinedAt: cohort.joined_at }));
  }

  app.get('/api/me', async (request) => {
    const principal = (await auth.authenticate(request.headers, ['apprentice'])) as Extract<Principal, { kind: 'apprentice' }>;
    const row = (await getApprentice(db, principal.apprenticeId))!;
    return {
      apprentice: apprenticeView(row, config.site),
      cohorts: await apprenticeCohorts(row.id),
      progress: (await readProgressRows(db, [row.id])).map(progressView),
    };
  });

  app.patch('/api/me', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = (await auth.authenticate(request.headers, ['apprentice'])) as Extract<Principal, { kind: 'apprentice' }>;
    const body = parse(apprenticeUpdateRequest, request.body, 'body');
    await setNickname(db, principal.apprenticeId, body.nickname);
    return { apprentice: apprenticeView((await getApprentice(db, principal.apprenticeId))!, config.site) };
  });

  app.post('/api/me/logout', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['apprentice']);
    if (principal.kind === 'apprentice') await revokeApprenticeToken(db, principal.tokenHash, clock.now());
    clearCookie(reply, request, apprenticeCookie);
    return reply.code(204).send();
  });
}

function bearerOrCookie(authorization: string | undefined, cookie: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(ra_\S+)$/i.exec(authorization ?? '');
  if (bearer) return bearer[1];
  return parseCookies(cookie)[apprenticeCookie] || undefined;
}
