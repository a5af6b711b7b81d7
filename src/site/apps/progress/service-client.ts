import { z } from 'zod';
import { apprenticeView, joinRequest, joinResponse, recoverRequest } from '../../../schemas/centre-api.ts';
import { credentialViewSchema } from '../../../schemas/credential.ts';
import { pathsResponse } from '../../../schemas/validation-api.ts';
import type { Identity, ServiceRecord } from '../../scripts/progress/store.ts';
import { serviceUrl } from '../../scripts/progress/service-url.ts';

/**
 * The apprentice's calls to the progress service (docs/api.md, "Apprentice identity"). Answers
 * are checked with the same schemas the service uses: a page never trusts what comes back.
 */
const cohortOfMe = z.object({ id: z.string(), name: z.string() });
const recoverResponse = joinResponse.pick({ apprentice: true, token: true, xapi: true }).extend({ cohorts: z.array(cohortOfMe) });
const meResponse = z.object({ apprentice: apprenticeView, cohorts: z.array(cohortOfMe) });

export type Failure = { ok: false; reason: 'bad-input' | 'network' | 'unknown' | 'too-many' | 'unauthorised' | 'failed'; message: string };
export type Answer<T> = { ok: true; value: T } | Failure;

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(serviceUrl(url), { credentials: 'same-origin', signal: AbortSignal.timeout(30_000), ...init, headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers } });
  } catch (error) {
    return { ok: false, reason: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    const reason = response.status === 404 ? 'unknown' : response.status === 429 ? 'too-many' : response.status === 401 ? 'unauthorised' : response.status === 400 ? 'bad-input' : 'failed';
    return { ok: false, reason, message: typeof message === 'string' ? message : `HTTP ${response.status}` };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'failed', message: `unexpected answer from the service: ${parsed.error.issues[0]?.message ?? ''}` };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Joined { identity: Identity; recoveryCode: string | null; cohort: string }

export async function join(joinCode: string, nickname: string, now = new Date()): Promise<Answer<Joined>> {
  const request = joinRequest.safeParse({ joinCode, ...(nickname.trim() ? { nickname: nickname.trim() } : {}) });
  if (!request.success) return { ok: false, reason: 'bad-input', message: request.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
  const answer = await call('/api/join', { method: 'POST', body: JSON.stringify(request.data) }, joinResponse);
  if (!answer.ok) return answer;
  const { apprentice, cohort, token, recoveryCode } = answer.value;
  return {
    ok: true,
    value: {
      identity: { actor: apprentice.actor, apprenticeId: apprentice.id, nickname: apprentice.nickname, token, joinedAt: now.toISOString(), cohorts: [{ id: cohort.id, name: cohort.name }] },
      recoveryCode,
      cohort: cohort.name,
    },
  };
}

export async function recover(recoveryCode: string, now = new Date()): Promise<Answer<Identity>> {
  const request = recoverRequest.safeParse({ recoveryCode });
  if (!request.success) return { ok: false, reason: 'bad-input', message: request.error.issues[0]?.message ?? '' };
  const answer = await call('/api/recover', { method: 'POST', body: JSON.stringify(request.data) }, recoverResponse);
  if (!answer.ok) return answer;
  const { apprentice, token, cohorts } = answer.value;
  return { ok: true, value: { actor: apprentice.actor, apprenticeId: apprentice.id, nickname: apprentice.nickname, token, joinedAt: now.toISOString(), cohorts: cohorts.map(({ id, name }) => ({ id, name })) } };
}

/** The apprentice as the service knows them now (nickname, cohorts). */
export function me(token: string): Promise<Answer<z.infer<typeof meResponse>>> {
  return call('/api/me', { headers: bearer(token) }, meResponse);
}

export function logout(token: string): Promise<Answer<null>> {
  return call('/api/me/logout', { method: 'POST', headers: bearer(token) }, z.null());
}

const credentialsResponse = z.object({ credentials: z.array(credentialViewSchema) });

/**
 * What the centre knows of the apprentice's paths (with practical hours and validations) and their
 * certificates, read together: the page shows both or keeps its last copy.
 */
export async function serviceRecord(identity: Pick<Identity, 'apprenticeId' | 'token'>, now = new Date()): Promise<Answer<ServiceRecord>> {
  const base = `/api/apprentices/${encodeURIComponent(identity.apprenticeId)}`;
  const [paths, credentials] = await Promise.all([call(`${base}/paths`, { headers: bearer(identity.token) }, pathsResponse), call(`${base}/credentials`, { headers: bearer(identity.token) }, credentialsResponse)]);
  if (!paths.ok) return paths;
  if (!credentials.ok) return credentials;
  return { ok: true, value: { apprenticeId: identity.apprenticeId, at: now.toISOString(), paths: paths.value.paths, credentials: credentials.value.credentials } };
}
