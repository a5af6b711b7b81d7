import { z } from 'zod';
import { apprenticeId } from './centre-api.ts';
import { id, moduleId } from './common.ts';
import { stageStatus } from './stage-status.ts';

/**
 * Payloads of the path-progress, practical-hours and competence-validation routes (docs/api.md,
 * "Paths, hours and competence validation"): requests the service parses, responses the pages
 * and tests check.
 */

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date `YYYY-MM-DD`');
const note = z.string().trim().max(1000, 'Expected at most 1000 characters');
const personName = z.string().trim().min(1, 'Expected at least one character').max(120, 'Expected at most 120 characters');

// ── path progress ─────────────────────────────────────────────────────────────────────────

/** What the apprentice should do next in a path; null once every stage is complete. */
export const nextStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('module'), stage: z.number().int(), moduleId }),
  z.object({ kind: z.literal('quiz'), stage: z.number().int(), moduleId }),
  z.object({ kind: z.literal('validation'), stage: z.number().int(), by: z.enum(['tutor', 'company']), skills: z.array(id) }),
  z.object({ kind: z.literal('hours'), stage: z.number().int(), minutesMissing: z.number().int() }),
]);
export const stageProgress = z.object({
  index: z.number().int(),
  title: z.unknown(),
  validation: z.string(),
  status: stageStatus,
  /** Whole minutes: planned (hours × 60), done (capped at planned), recorded (modules + practical, uncapped). */
  minutesPlanned: z.number().int(),
  minutesDone: z.number().int(),
  minutesRecorded: z.number().int(),
  modulesCompleted: z.number().int(),
  modulesTotal: z.number().int(),
  skillsValidated: z.array(id),
  skillsMissing: z.array(id),
});
export const pathProgress = z.object({
  pathId: id,
  title: z.unknown(),
  stages: z.array(stageProgress),
  /** Index of the first stage not complete; null when the path is complete. */
  stageReached: z.number().int().nullable(),
  complete: z.boolean(),
  minutesPlanned: z.number().int(),
  minutesDone: z.number().int(),
  hoursPlanned: z.number(),
  hoursDone: z.number(),
  next: nextStep.nullable(),
});
export const pathsResponse = z.object({ paths: z.array(pathProgress.extend({ cohortId: z.string() })) });

// ── practical hours ───────────────────────────────────────────────────────────────────────

export const practicalKind = z.enum(['workshop', 'internship', 'other']);
export const practicalHoursRequest = z.strictObject({
  /** The path the hours count towards: needed when the apprentice's cohorts follow several. */
  pathId: id.optional(),
  stage: z.number().int().min(0, 'Expected a stage index (0 for the first stage)'),
  date: calendarDate,
  /** In hours, to the quarter of an hour at most (stored as whole minutes). */
  hours: z
    .number()
    .positive('Expected a positive number of hours')
    .max(24, 'Expected at most 24 hours in one day')
    .refine((value) => Number.isInteger(value * 4), 'Expected hours in quarters of an hour (e.g. 3.5 or 7.25)'),
  kind: practicalKind,
  note: note.optional(),
});
export const practicalHoursView = z.object({
  id: z.string(),
  apprenticeId,
  pathId: id,
  stage: z.number().int(),
  date: calendarDate,
  minutes: z.number().int(),
  hours: z.number(),
  kind: practicalKind,
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

// ── competence validation ─────────────────────────────────────────────────────────────────

export const skillLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const validationRequest = z.strictObject({
  skillId: id,
  level: skillLevel,
  date: calendarDate,
  comment: note.optional(),
  /** Evidence: a JPEG, PNG or WebP photo as base64 (≤ 5 MB decoded). */
  evidence: z.strictObject({ contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']), data: z.string().min(1) }).optional(),
});
export const voidValidationRequest = z.strictObject({ reason: z.string().trim().min(3, 'Expected a reason of at least 3 characters').max(500) });
export const validatorView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tutor'), tutorId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('company'), company: z.string(), name: z.string(), role: z.string(), linkId: z.string() }),
]);
/** The signed part of a validation record (its canonical form is what the centre's key signs). */
export const validationRecord = z.object({
  id: z.string(),
  centreId: z.string(),
  apprenticeId: z.string(),
  skillId: id,
  level: skillLevel,
  date: calendarDate,
  comment: z.string().nullable(),
  validator: validatorView,
  evidenceSha256: z.string().nullable(),
  recordedAt: z.string(),
});
export const validationView = z.object({
  record: validationRecord,
  /** Ed25519 over the canonical JSON of `record` (base64), and the public key that checks it. */
  signature: z.string(),
  publicKey: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  /** `/api/validations/<id>/evidence` when a photo was given. */
  evidenceUrl: z.string().nullable(),
});

export const validationLinkCreateRequest = z.strictObject({
  company: personName,
  /** Skills the company may validate; by default those of the apprentice's paths' company stages. */
  skills: z.array(id).min(1).max(40).optional(),
  days: z.number().int().min(1, 'Expected at least 1 day').max(90, 'Expected at most 90 days').default(14),
});
export const validationLinkView = z.object({
  id: z.string(),
  apprenticeId,
  company: z.string(),
  skills: z.array(id),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
/** What a company tutor sees: nothing about the apprentice beyond a nickname. */
export const validationLinkPublicView = z.object({
  apprentice: z.object({ nickname: z.string().nullable() }),
  centre: z.object({ name: z.string() }),
  company: z.string(),
  expiresAt: z.string(),
  skills: z.array(z.object({ id: id, label: z.unknown(), levels: z.object({ 1: z.string(), 2: z.string(), 3: z.string() }) })),
});
export const companyValidationRequest = z.strictObject({
  validator: z.strictObject({ name: personName, role: personName }),
  date: calendarDate.optional(),
  skills: z
    .array(z.strictObject({ skillId: id, level: z.union([skillLevel, z.literal('not-observed')]), comment: note.optional() }))
    .min(1, 'Expected at least one skill'),
  evidence: validationRequest.shape.evidence,
});

/** The apprentice's downloadable record: every signed validation and the key to check them. */
export const competenceRecord = z.object({
  apprentice: z.object({ id: z.string(), nickname: z.string().nullable() }),
  centre: z.object({ id: z.string(), name: z.string() }),
  publicKey: z.string(),
  validations: z.array(validationView),
});

export type NextStep = z.infer<typeof nextStep>;
export type StageProgress = z.infer<typeof stageProgress>;
export type PathProgress = z.infer<typeof pathProgress>;
export type PathsResponse = z.infer<typeof pathsResponse>;
export type PracticalHoursView = z.infer<typeof practicalHoursView>;
export type ValidationRecord = z.infer<typeof validationRecord>;
export type ValidationView = z.infer<typeof validationView>;
export type ValidationLinkView = z.infer<typeof validationLinkView>;
export type ValidationLinkPublicView = z.infer<typeof validationLinkPublicView>;
export type CompetenceRecord = z.infer<typeof competenceRecord>;
