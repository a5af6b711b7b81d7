import { type FollowUpStatus, type Milestone, type MilestoneOutcome, milestones, type OutcomeGroup } from '../schemas/followup-api.ts';

/**
 * The outcome report's arithmetic, pure (checked against hand-computed fixtures). Definitions
 * (docs/programmes.md, "The outcome report"):
 * - completion rate = apprentices who completed their cohort's path ÷ apprentices of cohorts
 *   whose path has stages (an apprentice in two cohorts counts once per cohort);
 * - placement rate = exits with outcome job or training ÷ exits recorded;
 * - in-work (in-training) rate at m months = follow-ups at m with status employed (training) ÷
 *   exits whose m-month follow-up is due on the report's date. Unreachable and due-but-not-
 *   recorded follow-ups stay in the denominator (counted apart); not yet due ones are excluded.
 *
 * Inputs are tallies (counts of follow-ups by exit outcome, milestone, due or not, status), so
 * the database can count and send a few hundred rows instead of one per follow-up.
 */
export interface FollowUpTally {
  outcome: 'job' | 'training' | 'other';
  milestone: Milestone;
  /** Whether the follow-up's due date is on or before the report's date. */
  due: boolean;
  status: FollowUpStatus | null;
  count: number;
}

export interface CompletionCounts {
  apprentices: number;
  /** Apprentices of cohorts whose path has stages. */
  withPath: number;
  completed: number;
}

/** An exit as a person sees it (tests, fixtures): its outcome and its follow-ups. */
export interface OutcomeExit {
  outcome: FollowUpTally['outcome'];
  followUps: { milestone: Milestone; dueOn: string; status: FollowUpStatus | null }[];
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Exits → tallies on a date (what the database's GROUP BY gives). */
export function tallyExits(exits: readonly OutcomeExit[], asOf: string): FollowUpTally[] {
  const tallies = new Map<string, FollowUpTally>();
  for (const exit of exits) {
    for (const followUp of exit.followUps) {
      const due = followUp.dueOn <= asOf;
      const key = `${exit.outcome} ${followUp.milestone} ${due} ${followUp.status}`;
      const tally = tallies.get(key) ?? { outcome: exit.outcome, milestone: followUp.milestone, due, status: followUp.status, count: 0 };
      tally.count += 1;
      tallies.set(key, tally);
    }
  }
  return [...tallies.values()];
}

export function milestoneOutcome(tallies: readonly FollowUpTally[], milestone: Milestone): MilestoneOutcome {
  const counts = { due: 0, employed: 0, training: 0, searching: 0, unreachable: 0, notRecorded: 0, notYetDue: 0 };
  for (const tally of tallies) {
    if (tally.milestone !== milestone) continue;
    if (!tally.due) {
      counts.notYetDue += tally.count;
      continue;
    }
    counts.due += tally.count;
    if (tally.status === null) counts.notRecorded += tally.count;
    else counts[tally.status] += tally.count;
  }
  return { milestone, ...counts, inWorkRate: rate(counts.employed, counts.due), inTrainingRate: rate(counts.training, counts.due) };
}

export function outcomeGroup(group: { key: string; label: string; cohorts: number }, completion: CompletionCounts, tallies: readonly FollowUpTally[]): OutcomeGroup {
  // Every exit has one follow-up per milestone: its exits are counted on the first milestone.
  const byOutcome = { job: 0, training: 0, other: 0 };
  for (const tally of tallies) if (tally.milestone === milestones[0]) byOutcome[tally.outcome] += tally.count;
  const exits = byOutcome.job + byOutcome.training + byOutcome.other;
  return {
    ...group,
    ...completion,
    completionRate: rate(completion.completed, completion.withPath),
    exits: { total: exits, ...byOutcome },
    placementRate: rate(byOutcome.job + byOutcome.training, exits),
    milestones: milestones.map((milestone) => milestoneOutcome(tallies, milestone)),
  };
}
