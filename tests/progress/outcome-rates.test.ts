import { describe, expect, it } from 'vitest';
import { type OutcomeExit, outcomeGroup, tallyExits } from '../../src/progress/outcomes.ts';
import { followUpSchedule } from '../../src/progress/follow-up-schedule.ts';
import type { FollowUpStatus } from '../../src/schemas/followup-api.ts';

/** An exit on `leftOn` whose follow-ups have the given statuses (null: not recorded). */
function exit(outcome: OutcomeExit['outcome'], leftOn: string, statuses: Partial<Record<1 | 3 | 6 | 12, FollowUpStatus | null>>): OutcomeExit {
  return { outcome, followUps: followUpSchedule(leftOn).map(({ milestone, dueOn }) => ({ milestone, dueOn, status: statuses[milestone] ?? null })) };
}

describe('outcome rates against a hand-computed fixture', () => {
  // 10 apprentices, 8 of them in a cohort with a path (2 in a cohort without path): 6 completed.
  const completion = { apprentices: 10, withPath: 8, completed: 6 };
  // 8 exits. On 2026-09-30: the 6-month follow-up is due for exits up to 2026-03-30 (5 of them),
  // the 12-month one for none; the 1-month one for all but the exit of 2026-09-15.
  const exits = [
    exit('job', '2026-01-10', { 1: 'employed', 3: 'employed', 6: 'employed' }),
    exit('job', '2026-01-31', { 1: 'employed', 3: 'employed', 6: 'searching' }),
    exit('training', '2026-02-15', { 1: 'training', 3: 'training', 6: 'employed' }),
    exit('job', '2026-03-01', { 1: 'employed', 3: 'unreachable', 6: 'unreachable' }),
    exit('other', '2026-03-30', { 1: 'searching', 3: 'searching' }),
    exit('job', '2026-05-20', { 1: 'employed', 3: 'employed' }),
    exit('other', '2026-08-10', { 1: 'searching' }),
    exit('training', '2026-09-15', {}),
  ];
  const group = outcomeGroup({ key: 'c', label: 'Cohorte', cohorts: 2 }, completion, tallyExits(exits, '2026-09-30'));
  const at = (milestone: number) => group.milestones.find((item) => item.milestone === milestone)!;

  it('counts completion over apprentices of a cohort with a path', () => {
    expect(group.apprentices).toBe(10);
    expect(group.withPath).toBe(8);
    expect(group.completed).toBe(6);
    expect(group.completionRate).toBe(0.75);
  });

  it('counts placement as job or training at exit over exits', () => {
    expect(group.exits).toEqual({ total: 8, job: 4, training: 2, other: 2 });
    expect(group.placementRate).toBe(0.75);
  });

  it('1 month: 7 due (the exit of 15 September is not yet due), 5 in work, 1 in training', () => {
    expect(at(1)).toMatchObject({ due: 7, employed: 4, training: 1, searching: 2, unreachable: 0, notRecorded: 0, notYetDue: 1 });
    expect(at(1).inWorkRate).toBe(Math.round((4 / 7) * 10_000) / 10_000);
    expect(at(1).inTrainingRate).toBe(Math.round((1 / 7) * 10_000) / 10_000);
  });

  it('3 months: due up to an exit on 30 June; 20 May → 20 Aug is due; 10 Aug → 10 Nov is not', () => {
    expect(at(3)).toMatchObject({ due: 6, employed: 3, training: 1, searching: 1, unreachable: 1, notRecorded: 0, notYetDue: 2 });
    expect(at(3).inWorkRate).toBe(0.5);
  });

  it('6 months: 5 due, unreachable stays in the denominator, 30 March → 30 September is due that very day and not recorded', () => {
    expect(at(6)).toMatchObject({ due: 5, employed: 2, training: 0, searching: 1, unreachable: 1, notRecorded: 1, notYetDue: 3 });
    expect(at(6).inWorkRate).toBe(0.4);
    expect(at(6).inTrainingRate).toBe(0);
  });

  it('12 months: nothing due yet, so no rate rather than 0 %', () => {
    expect(at(12)).toMatchObject({ due: 0, notYetDue: 8, inWorkRate: null, inTrainingRate: null });
  });

  it('without apprentices or exits, rates are null', () => {
    const empty = outcomeGroup({ key: 'e', label: 'Vide', cohorts: 1 }, { apprentices: 0, withPath: 0, completed: 0 }, []);
    expect(empty.completionRate).toBeNull();
    expect(empty.placementRate).toBeNull();
  });
});
