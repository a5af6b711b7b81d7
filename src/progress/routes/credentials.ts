import { NotEarnedError, issueCredential } from '../../credentials/issue.ts';
import { loadTrustedKeys } from '../../credentials/keys-fs.ts';
import { centreSigner } from '../signing-fs.ts';
import { credentialId, issueCredentialRequest, revokeCredentialRequest } from '../../schemas/credential.ts';
import { visibleApprentice } from '../access.ts';
import { badRequest, conflict, HttpError, notFound } from '../errors.ts';
import { credentialsOf, credentialView, getCredential, revokeCredential } from '../queries/credentials.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

/**
 * Open Badges 3.0 credentials (ADR 0013). Tutors (and their centre's client) issue and revoke;
 * the apprentice and their tutors list them; anyone holding a credential's id (a random UUID the
 * apprentice chooses to share) may download it and read whether it was revoked, which is what an
 * employer checking it needs, and all the JSON shows is a nickname and a pseudonymous id.
 */
export function registerCredentialRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config, catalogue } = context;
  const signer = centreSigner(config.dataDir);

  const idParam = (value: string) => {
    const parsed = credentialId.safeParse(value);
    if (!parsed.success) throw badRequest('invalid-input', `\`${value.slice(0, 80)}\` is not a credential id (a UUID such as 0b7c3c55-1a52-4c1e-9f0e-4b3a3c1d2e7f)`, { field: 'id' });
    return parsed.data;
  };

  app.post<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/credentials', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    const claim = parse(issueCredentialRequest, request.body, 'body');
    const keys = signer().issuer;
    const issuedBy = principal.kind === 'tutor' ? `tutor:${principal.tutorId}` : principal.kind;
    try {
      const issued = await issueCredential(db, keys, { ...claim, apprenticeId: apprentice.id, catalogue, issuedBy, now: clock.now() });
      reply.code(issued.created ? 201 : 200);
      return { credential: credentialView(issued.row), download: `/api/credentials/${issued.row.id}` };
    } catch (error) {
      if (error instanceof NotEarnedError) throw new HttpError(error.status, error.status === 409 ? 'not-earned' : 'not-found', error.message, error.status === 409 ? { hint: 'Issue it once every stage of the path is complete: modules, quizzes, validations and practical hours, as the apprentice’s path progress shows.' } : {});
      throw error;
    }
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/credentials', async (request) => {
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor', 'apprentice']);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    return { credentials: (await credentialsOf(db, apprentice.id)).map(credentialView) };
  });

  // Public by its unguessable id: the JSON download an apprentice shares with an employer.
  app.get<{ Params: { id: string } }>('/api/credentials/:id', async (request, reply) => {
    const row = await getCredential(db, idParam(request.params.id));
    if (!row) throw notFound(`No credential \`${request.params.id}\``, 'Check the address; the holder can download it again from their progress page.');
    reply.header('Content-Type', 'application/json; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="attestation-${row.id}.json"`);
    return row.body;
  });

  app.get<{ Params: { id: string } }>('/api/credentials/:id/status', async (request) => {
    const row = await getCredential(db, idParam(request.params.id));
    if (!row) throw notFound(`No credential \`${request.params.id}\``);
    return { id: row.id, revoked: row.revoked_at !== null, revokedAt: row.revoked_at, issuedAt: row.issued_at };
  });

  // The keys this service accepts (its own and trusted centres'), for the browser's verifier page.
  app.get('/api/credential-issuers', async () => ({ keys: loadTrustedKeys(config.dataDir) }));

  app.post<{ Params: { id: string } }>('/api/credentials/:id/revoke', async (request) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'tutor']);
    const row = await getCredential(db, idParam(request.params.id));
    if (!row) throw notFound(`No credential \`${request.params.id}\``);
    // Only who may manage the holder may revoke: another centre's people get the same 404.
    try {
      await visibleApprentice(context, principal, row.apprentice_id);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) throw notFound(`No credential \`${request.params.id}\``);
      throw error;
    }
    const body = parse(revokeCredentialRequest, request.body ?? {}, 'body');
    if (!(await revokeCredential(db, row.id, { now: clock.now(), reason: body.reason ?? null }))) throw conflict(`Credential \`${row.id}\` was already revoked on ${row.revoked_at}`);
    return { credential: credentialView((await getCredential(db, row.id))!) };
  });
}
