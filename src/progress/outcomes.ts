import { type FollowUpStatus, type Milestone, type MilestoneOutcome, milestones, type OutcomeGroup } from '../schemas/followup-api.ts';

/**
 * The outcome report's arithmetic, pure (checked against hand-computed fixtures). Definitions
 * (docs/programmes.md, "Outcome report"):
 * - completion rate = apprentices who completed their cohort's path ÷ apprentices of cohorts
 *   whose path has modules (an apprentice in two cohorts counts once per cohort);
 * - placement rate = exits with outcome job or training ÷ exits recorded;
 * - in-work (in-training) rate at m months = follow-ups at m with status employed (training) ÷
 *   exits whose m-month follow-up is due on the report's date. Unreachable and due-but-not-
 *   recorded follow-ups stay in the denominator (counted apart); not yet due ones are excluded.
 */
export interface OutcomeEnrolment {
  /** Null when the cohort has no path with modules. */
  completed: boolean | null;
}

export interface OutcomeExit {
  outcome: 'job' | 'training' | 'other';
  followUps: { milestone: Milestone; dueOn: string; status: FollowUpStatus | null }[];
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function milestoneOutcome(exits: readonly OutcomeExit[], milestone: Milestone, asOf: string): MilestoneOutcome {
  const counts = { due: 0, employed: 0, training: 0, searching: 0, unreachable: 0, notRecorded: 0, notYetDue: 0 };
  for (const exit of exits) {
    const followUp = exit.followUps.find((item) => item.milestone === milestone);
    if (!followUp || followUp.dueOn > asOf) {
      counts.notYetDue += 1;
      continue;
    }
    counts.due += 1;
    if (followUp.status === null) counts.notRecorded += 1;
    else counts[followUp.status] += 1;
  }
  return { milestone, ...counts, inWorkRate: rate(counts.employed, counts.due), inTrainingRate: rate(counts.training, counts.due) };
}

export function outcomeGroup(group: { key: string; label: string; cohorts: number }, enrolments: readonly OutcomeEnrolment[], exits: readonly OutcomeExit[], asOf: string): OutcomeGroup {
  const measured = enrolments.filter((enrolment) => enrolment.completed !== null);
  const completed = measured.filter((enrolment) => enrolment.completed).length;
  const byOutcome = { job: 0, training: 0, other: 0 };
  for (const exit of exits) byOutcome[exit.outcome] += 1;
  return {
    ...group,
    apprentices: enrolments.length,
    withPath: measured.length,
    completed,
    completionRate: rate(completed, measured.length),
    exits: { total: exits.length, ...byOutcome },
    placementRate: rate(byOutcome.job + byOutcome.training, exits.length),
    milestones: milestones.map((milestone) => milestoneOutcome(exits, milestone, asOf)),
  };
}
