import { z } from 'zod';
import { catalogueSchema } from '../../../schemas/catalogue.ts';
import {
  centreView,
  cohortView,
  gridResponse,
  moduleProgressView,
  apprenticeView,
  tutorView,
  weeklyActivity,
  errorResponse,
  type CohortView,
} from '../../../schemas/centre-api.ts';

/**
 * The centre API as the tutor dashboard uses it: same origin, the `relais_tutor` cookie, every
 * answer parsed with the service's own schemas (an answer we do not understand is an error, not
 * a crash).
 */

/** Why a call failed: the service is not there, a refusal with its code, or an answer we cannot read. */
export class ApiError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'http' | 'unexpected',
    readonly status: number,
    message: string,
    readonly code?: string,
    /** Seconds to wait (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export async function call<T>(method: string, url: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError('unreachable', 0, (error as Error).message);
  }
  const type = response.headers.get('content-type') ?? '';
  // A static host without the service answers /api/… with its HTML 404 page (or nothing).
  if (!type.includes('application/json')) {
    if (response.status === 204 && schema === null) return undefined as T;
    throw new ApiError('unreachable', response.status, `No progress service at ${url} (HTTP ${response.status})`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorResponse.safeParse(json);
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError('http', response.status, parsed.success ? parsed.data.error.message : `HTTP ${response.status}`, parsed.success ? parsed.data.error.code : undefined, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  if (schema === null) return undefined as T;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError('unexpected', response.status, `Unexpected answer from ${url}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

const meResponse = z.object({ tutor: tutorView, centre: centreView, cohorts: z.array(cohortView) });
const loginResponse = z.object({ tutor: tutorView, expiresAt: z.string() });
const cohortResponse = z.object({ cohort: cohortView });
const recentStatement = z.object({
  id: z.string(),
  verb: z.string(),
  activity: z.string().nullable(),
  moduleId: z.string().nullable(),
  moduleTitle: z.string().nullable(),
  timestamp: z.string(),
  score: z.number().nullable(),
  success: z.boolean().nullable(),
});
const apprenticeDetail = z.object({
  apprentice: apprenticeView,
  cohorts: z.array(z.object({ id: z.string(), name: z.string() }).loose()),
  progress: z.array(moduleProgressView),
  recent: z.array(recentStatement),
});
const catalogue = z.object({
  paths: z.array(z.object({ id: z.string(), title: z.record(z.string(), z.string()), hours: z.number() }).loose()),
  modules: z.array(z.object({ id: z.string(), title: z.string(), duration: z.number(), language: z.string() }).loose()),
  // Competence validation: the skills of each trade and what each level looks like.
  skills: catalogueSchema.shape.skills,
});

export type TutorSession = z.infer<typeof meResponse>;
export type ApprenticeDetail = z.infer<typeof apprenticeDetail>;
export type RecentStatement = z.infer<typeof recentStatement>;
export type Catalogue = z.infer<typeof catalogue>;

const cohortUrl = (id: string) => `/api/cohorts/${encodeURIComponent(id)}`;
const apprenticeUrl = (id: string) => `/api/apprentices/${encodeURIComponent(id)}`;

let catalogueOnce: Promise<Catalogue> | undefined;

/** Module id → its title and the language it is written in (for `lang` on titles); empty without the catalogue. */
export async function moduleTitles(): Promise<Map<string, { title: string; language: string }>> {
  try {
    const { modules } = await tutorApi.catalogue();
    return new Map(modules.map((module) => [module.id, { title: module.title, language: module.language }]));
  } catch {
    return new Map();
  }
}

export const tutorApi = {
  me: () => call('GET', '/api/tutor/me', meResponse),
  login: (login: string, password: string) => call('POST', '/api/tutor/login', loginResponse, { login, password }),
  logout: () => call('POST', '/api/tutor/logout', null),
  changePassword: (current: string, password: string) => call('PUT', '/api/tutor/password', z.object({ expiresAt: z.string() }).loose(), { current, password }),
  createCohort: (body: { name: string; pathId: string | null; startsOn: string | null; endsOn: string | null }) => call('POST', '/api/cohorts', cohortResponse, body),
  updateCohort: (id: string, body: Partial<Pick<CohortView, 'name' | 'joinOpen'>>) => call('PATCH', cohortUrl(id), cohortResponse, body),
  newJoinCode: (id: string) => call('POST', `${cohortUrl(id)}/join-code`, cohortResponse),
  grid: (id: string) => call('GET', `${cohortUrl(id)}/grid`, gridResponse),
  gridCsvUrl: (id: string) => `${cohortUrl(id)}/grid.csv`,
  activity: (id: string, weeks = 12) => call('GET', `${cohortUrl(id)}/activity?weeks=${weeks}`, weeklyActivity),
  apprentice: (id: string) => call('GET', apprenticeUrl(id), apprenticeDetail),
  renameApprentice: (id: string, nickname: string | null) => call('PATCH', apprenticeUrl(id), z.object({ apprentice: apprenticeView }), { nickname }),
  reissueRecoveryCode: (id: string, revokeSessions: boolean) =>
    call('POST', `${apprenticeUrl(id)}/recovery-code`, z.object({ apprenticeId: z.string(), recoveryCode: z.string() }), { revokeSessions }),
  /** Fetched once per page: it changes only with a new build. A failure is not kept. */
  catalogue: () => (catalogueOnce ??= call('GET', '/catalogue.json', catalogue).catch((error: unknown) => { catalogueOnce = undefined; throw error; })),
};
