import { z } from 'zod';
import { centreId, cohortId } from './centre-api.ts';
import { id } from './common.ts';

/**
 * Follow-up after placement and the outcome report (issue 7): payloads of `/api/…/exit`,
 * `/api/follow-ups/…` and `/api/reports/outcomes`, shared by the service and the /suivi/ and
 * /rapport/ pages.
 */

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date `YYYY-MM-DD`')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Expected a real calendar date');
const note = z.string().trim().max(1000, 'Expected at most 1000 characters');
const employer = z.string().trim().min(1).max(120, 'Expected at most 120 characters');

/** Months after the exit date at which a follow-up is due. */
export const milestones = [1, 3, 6, 12] as const;
export type Milestone = (typeof milestones)[number];
export const milestone = z.union(milestones.map((value) => z.literal(value)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<6>, z.ZodLiteral<12>]);

export const exitOutcomes = ['job', 'training', 'other'] as const;
export const contractTypes = ['cdi', 'cdd', 'interim', 'alternance', 'independant', 'other'] as const;
export const followUpStatuses = ['employed', 'training', 'searching', 'unreachable'] as const;
export const exitOutcome = z.enum(exitOutcomes);
export const contractType = z.enum(contractTypes);
export const followUpStatus = z.enum(followUpStatuses);
export const exitId = z.string().regex(/^ex-[a-z0-9]{6,20}$/, 'Expected an exit id such as `ex-k7q2m9xd`');

// ── requests ──────────────────────────────────────────────────────────────────────────────

/** A contract type goes with a job and only with a job. */
export const exitRequest = z
  .strictObject({ leftOn: calendarDate, outcome: exitOutcome, contract: contractType.optional(), employer: employer.optional(), note: note.optional() })
  .refine((value) => value.outcome === 'job' || (value.contract === undefined && value.employer === undefined), { path: ['contract'], message: 'Expected no `contract` or `employer` unless `outcome` is `job`' })
  .refine((value) => value.outcome !== 'job' || value.contract !== undefined, { path: ['contract'], message: `Expected the contract type of the job, one of ${contractTypes.map((type) => `\`${type}\``).join(', ')}` });

export const followUpRequest = z
  .strictObject({ doneOn: calendarDate, status: followUpStatus, contract: contractType.optional(), employer: employer.optional(), note: note.optional() })
  .refine((value) => value.status === 'employed' || (value.contract === undefined && value.employer === undefined), { path: ['contract'], message: 'Expected no `contract` or `employer` unless `status` is `employed`' })
  .refine((value) => value.status !== 'employed' || value.contract !== undefined, { path: ['contract'], message: `Expected the contract type, one of ${contractTypes.map((type) => `\`${type}\``).join(', ')}` });

export const milestoneParam = z
  .string()
  .regex(/^\d{1,2}$/, 'Expected a milestone in months: 1, 3, 6 or 12')
  .transform(Number)
  .pipe(z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)], { error: 'Expected a milestone in months: 1, 3, 6 or 12' }));

export const dueListQuery = z.strictObject({
  cohort: cohortId.optional(),
  /** Administrators only: limit to one centre. */
  centre: centreId.optional(),
  /** How far ahead "upcoming" looks, in days (default 30). */
  days: z.string().regex(/^\d{1,3}$/, 'Expected a number of days from 7 to 366').transform(Number).pipe(z.number().min(7).max(366)).optional(),
  /** At most this many items (default 200; the CSV has them all). */
  limit: z.string().regex(/^\d{1,4}$/, 'Expected a number of items from 1 to 5000').transform(Number).pipe(z.number().min(1).max(5000)).optional(),
});

export const outcomeReportQuery = z.strictObject({
  cohort: cohortId.optional(),
  path: id.optional(),
  trade: id.optional(),
  centre: centreId.optional(),
  /** The report as it stood on that day (default today): what was due by then. */
  asOf: calendarDate.optional(),
});

// ── responses ─────────────────────────────────────────────────────────────────────────────

export const followUpView = z.object({
  milestone,
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  status: followUpStatus.nullable(),
  contract: contractType.nullable(),
  employer: z.string().nullable(),
  note: z.string().nullable(),
});
export const exitView = z.object({
  id: exitId,
  cohortId,
  apprenticeId: z.string(),
  nickname: z.string().nullable(),
  leftOn: z.string(),
  outcome: exitOutcome,
  contract: contractType.nullable(),
  employer: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  followUps: z.array(followUpView),
});
export const dueItem = z.object({
  exitId,
  milestone,
  dueOn: z.string(),
  /** overdue: before today; this-week: today to 6 days on; upcoming: later, within `days`. */
  when: z.enum(['overdue', 'this-week', 'upcoming']),
  cohort: z.object({ id: cohortId, name: z.string() }),
  apprentice: z.object({ id: z.string(), nickname: z.string().nullable() }),
  leftOn: z.string(),
  outcome: exitOutcome,
});
export const dueListResponse = z.object({
  today: z.string(),
  days: z.number().int(),
  /** How many are due in each group, whatever the limit. */
  counts: z.object({ overdue: z.number().int(), 'this-week': z.number().int(), upcoming: z.number().int() }),
  /** The first `limit` items, oldest due date first. */
  items: z.array(dueItem),
  truncated: z.boolean(),
});

/** Counts of one milestone; rates are fractions 0–1, null when nothing is due yet. */
export const milestoneOutcome = z.object({
  milestone,
  /** Denominator: exits whose follow-up at this milestone is due (due date ≤ asOf). */
  due: z.number().int(),
  employed: z.number().int(),
  training: z.number().int(),
  searching: z.number().int(),
  unreachable: z.number().int(),
  /** Due but not recorded yet: in the denominator, shown apart. */
  notRecorded: z.number().int(),
  /** Exits whose follow-up at this milestone is not due yet: excluded. */
  notYetDue: z.number().int(),
  inWorkRate: z.number().nullable(),
  inTrainingRate: z.number().nullable(),
});
export const outcomeGroup = z.object({
  key: z.string(),
  label: z.string(),
  cohorts: z.number().int(),
  apprentices: z.number().int(),
  /** Apprentices whose cohort has a path with stages (the completion denominator). */
  withPath: z.number().int(),
  completed: z.number().int(),
  completionRate: z.number().nullable(),
  exits: z.object({ total: z.number().int(), job: z.number().int(), training: z.number().int(), other: z.number().int() }),
  /** (job + training) ÷ exits recorded. */
  placementRate: z.number().nullable(),
  milestones: z.array(milestoneOutcome),
});
export const outcomeReport = z.object({
  asOf: z.string(),
  scope: z.object({ centre: z.string().nullable(), cohort: z.string().nullable(), path: z.string().nullable(), trade: z.string().nullable() }),
  total: outcomeGroup,
  byCohort: z.array(outcomeGroup),
  byPath: z.array(outcomeGroup),
  byTrade: z.array(outcomeGroup),
});

export type ExitRequest = z.infer<typeof exitRequest>;
export type FollowUpRequest = z.infer<typeof followUpRequest>;
export type FollowUpView = z.infer<typeof followUpView>;
export type ExitView = z.infer<typeof exitView>;
export type DueItem = z.infer<typeof dueItem>;
export type DueListResponse = z.infer<typeof dueListResponse>;
export type MilestoneOutcome = z.infer<typeof milestoneOutcome>;
export type OutcomeGroup = z.infer<typeof outcomeGroup>;
export type OutcomeReport = z.infer<typeof outcomeReport>;
export type ExitOutcome = z.infer<typeof exitOutcome>;
export type ContractType = z.infer<typeof contractType>;
export type FollowUpStatus = z.infer<typeof followUpStatus>;
