import { z } from 'zod';
import { id, moduleId } from './common.ts';
import { stageStatus } from './stage-status.ts';

/**
 * Payloads of the centre API (`/api/…`), shared by the progress service (which parses every
 * request body and query with them) and the site's islands (which import the types). Response
 * shapes are schemas too, so that tests can check them and docs/api.md has one source.
 */

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date `YYYY-MM-DD`');
const isoDateTime = z.string();
const nickname = z
  .string()
  .trim()
  .min(1, 'Expected at least one character')
  .max(40, 'Expected at most 40 characters')
  .refine((value) => !/[@]|\d{6,}/.test(value), 'Expected a first name or nickname, not an email address or a phone number');
const password = z.string().min(10, 'Expected a password of at least 10 characters').max(200, 'Expected a password of at most 200 characters');

export const centreId = id;
export const tutorId = id;
/** Generated ids: `co-…` cohorts, `ap-…` apprentices (the pseudonymous xAPI account name). */
export const cohortId = z.string().regex(/^co-[a-z0-9]{6,20}$/, 'Expected a cohort id such as `co-k7q2m9xd`');
export const apprenticeId = z.string().regex(/^ap-[a-z0-9]{6,20}$/, 'Expected an apprentice id such as `ap-k7q2m9xd3f4h`');
/** Join codes are shown as `XXXX-XXXX`; case, spaces and dashes do not matter. */
export const joinCode = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z]{8}$/, 'Expected a join code of 8 letters and digits such as `K7Q2-M9XD`'));
/** Recovery codes are shown as `XXXX-XXXX-XXXX-XXXX`; case, spaces and dashes do not matter. */
export const recoveryCode = z
  .string()
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z]{16}$/, 'Expected a recovery code of 16 letters and digits such as `7KQ2-M9XD-3F4H-PB6T`'));

// ── requests ──────────────────────────────────────────────────────────────────────────────

export const tutorLoginRequest = z.strictObject({ login: tutorId, password: z.string().min(1).max(200) });
export const tutorPasswordRequest = z.strictObject({ current: z.string().min(1).max(200), password });
export const centreCreateRequest = z.strictObject({ id: centreId, name: z.string().trim().min(1).max(120) });
export const tutorCreateRequest = z.strictObject({ name: z.string().trim().min(1).max(120), password: password.optional() });
export const cohortCreateRequest = z
  .strictObject({
    /** Needed when a client (not a tutor) creates the cohort. */
    centreId: centreId.optional(),
    name: z.string().trim().min(1).max(120),
    pathId: id.nullable().optional(),
    startsOn: calendarDate.nullable().optional(),
    endsOn: calendarDate.nullable().optional(),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.startsOn <= value.endsOn, { path: ['endsOn'], message: 'Expected `endsOn` on or after `startsOn`' });
export const cohortUpdateRequest = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    pathId: id.nullable().optional(),
    startsOn: calendarDate.nullable().optional(),
    endsOn: calendarDate.nullable().optional(),
    joinOpen: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'Expected at least one of `name`, `pathId`, `startsOn`, `endsOn`, `joinOpen`');
export const enrolRequest = z.strictObject({ apprenticeId });
export const joinRequest = z.strictObject({ joinCode, nickname: nickname.optional() });
export const recoverRequest = z.strictObject({ recoveryCode });
export const apprenticeUpdateRequest = z.strictObject({ nickname: nickname.nullable() });
export const recoveryReissueRequest = z.strictObject({ revokeSessions: z.boolean().default(false) }).default({ revokeSessions: false });
export const activityQuery = z.strictObject({ weeks: z.string().regex(/^\d{1,2}$/, 'Expected a number of weeks from 1 to 52').transform(Number).pipe(z.number().min(1).max(52)).optional() });
export const cohortListQuery = z.strictObject({ centre: centreId.optional() });

// ── responses ─────────────────────────────────────────────────────────────────────────────

export const centreView = z.object({ id: centreId, name: z.string(), createdAt: isoDateTime });
export const tutorView = z.object({ id: tutorId, centreId, name: z.string(), createdAt: isoDateTime });
export const cohortView = z.object({
  id: cohortId,
  centreId,
  name: z.string(),
  pathId: id.nullable(),
  startsOn: calendarDate.nullable(),
  endsOn: calendarDate.nullable(),
  /** Shown to tutors and clients only, formatted `XXXX-XXXX`. */
  joinCode: z.string(),
  joinOpen: z.boolean(),
  tutors: z.array(tutorId),
  apprentices: z.number().int(),
  createdAt: isoDateTime,
});
export const xapiAccountActor = z.object({
  objectType: z.literal('Agent'),
  account: z.object({ homePage: z.string(), name: apprenticeId }),
});
export const apprenticeView = z.object({
  id: apprenticeId,
  centreId,
  nickname: z.string().nullable(),
  /** The xAPI actor of this apprentice's statements. */
  actor: xapiAccountActor,
  createdAt: isoDateTime,
});
export const moduleProgressView = z.object({
  moduleId,
  status: z.enum(['started', 'completed']),
  firstAt: isoDateTime,
  lastAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  /** Scaled scores, 0–1. */
  bestScore: z.number().nullable(),
  lastScore: z.number().nullable(),
  passed: z.boolean().nullable(),
  attempts: z.number().int(),
  statements: z.number().int(),
});
export const joinResponse = z.object({
  apprentice: apprenticeView,
  cohort: z.object({ id: cohortId, name: z.string(), pathId: id.nullable(), startsOn: calendarDate.nullable(), endsOn: calendarDate.nullable() }),
  /** Bearer token; also set as the HttpOnly cookie `relais_apprentice`. */
  token: z.string(),
  /** Shown once: the apprentice writes it down. Null when an existing apprentice joined another cohort. */
  recoveryCode: z.string().nullable(),
  xapi: z.object({ endpoint: z.string(), version: z.string() }),
});
export const gridCell = moduleProgressView.omit({ moduleId: true });
export const gridRow = z.object({
  apprentice: apprenticeView.pick({ id: true, nickname: true }),
  joinedAt: isoDateTime,
  lastActivityAt: isoDateTime.nullable(),
  modulesCompleted: z.number().int(),
  /** Hours to the tenth: completed modules' durations + logged practical hours, each stage capped at its plan (path progress). */
  hoursDone: z.number(),
  /** Per stage of the cohort's path (empty without one), and the first stage not complete (null: path complete or no path). */
  stageStatus: z.array(stageStatus),
  stageReached: z.number().int().nullable(),
  averageScore: z.number().nullable(),
  cells: z.record(moduleId, gridCell),
});
export const gridResponse = z.object({
  cohort: cohortView,
  path: z
    .object({
      id: id,
      title: z.unknown(),
      hours: z.number(),
      stages: z.array(z.object({ title: z.unknown(), hours: z.number(), validation: z.string(), modules: z.array(moduleId), skills: z.array(id) })),
    })
    .nullable(),
  modules: z.array(z.object({ id: moduleId, title: z.string(), trade: z.string(), duration: z.number(), stage: z.number().int().nullable() })),
  hoursPlanned: z.number(),
  rows: z.array(gridRow),
});
export const weeklyActivity = z.object({
  weeks: z.array(z.object({ weekStart: calendarDate, statements: z.number().int(), activeApprentices: z.number().int(), completions: z.number().int() })),
});
export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), hint: z.string().optional() }),
});

export type CentreView = z.infer<typeof centreView>;
export type TutorView = z.infer<typeof tutorView>;
export type CohortView = z.infer<typeof cohortView>;
export type ApprenticeView = z.infer<typeof apprenticeView>;
export type ModuleProgressView = z.infer<typeof moduleProgressView>;
export type JoinResponse = z.infer<typeof joinResponse>;
export type GridResponse = z.infer<typeof gridResponse>;
export type GridRow = z.infer<typeof gridRow>;
export type GridCell = z.infer<typeof gridCell>;
export type WeeklyActivity = z.infer<typeof weeklyActivity>;
export type ErrorResponse = z.infer<typeof errorResponse>;
