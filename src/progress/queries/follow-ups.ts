import type { DueItem, ExitRequest, ExitView, FollowUpRequest, Milestone } from '../../schemas/followup-api.ts';
import { placeholders, type Database, type Queryable } from '../db/database.ts';
import { addDays, dueBucket, followUpSchedule } from '../follow-up-schedule.ts';
import { randomId } from '../secrets.ts';

export interface ExitRow {
  id: string;
  cohort_id: string;
  apprentice_id: string;
  centre_id: string;
  left_on: string;
  outcome: string;
  contract: string | null;
  employer: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface FollowUpRow {
  exit_id: string;
  milestone: number;
  due_on: string;
  done_on: string | null;
  status: string | null;
  contract: string | null;
  employer: string | null;
  note: string | null;
}

/**
 * Records (or corrects) an apprentice's exit from a cohort and schedules its follow-ups. A
 * correction keeps the exit id and the follow-ups already recorded; due dates follow the new date.
 */
export async function recordExit(
  db: Database,
  exit: ExitRequest & { cohortId: string; apprenticeId: string; centreId: string; recordedBy: string; now: number },
): Promise<ExitRow> {
  return db.transaction(async (tx) => {
    const existing = await tx.get<{ id: string }>('SELECT id FROM exits WHERE cohort_id = ? AND apprentice_id = ?', [exit.cohortId, exit.apprenticeId]);
    const id = existing?.id ?? randomId('ex', 10);
    const values = [exit.leftOn, exit.outcome, exit.contract ?? null, exit.employer ?? null, exit.note ?? null, exit.recordedBy, new Date(exit.now).toISOString()];
    if (existing) {
      await tx.run('UPDATE exits SET left_on = ?, outcome = ?, contract = ?, employer = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE id = ?', [...values, id]);
    } else {
      await tx.run('INSERT INTO exits (id, cohort_id, apprentice_id, centre_id, left_on, outcome, contract, employer, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        id,
        exit.cohortId,
        exit.apprenticeId,
        exit.centreId,
        ...values,
      ]);
    }
    for (const { milestone, dueOn } of followUpSchedule(exit.leftOn)) {
      await tx.run('INSERT INTO follow_ups (exit_id, milestone, due_on) VALUES (?, ?, ?) ON CONFLICT (exit_id, milestone) DO UPDATE SET due_on = excluded.due_on', [id, milestone, dueOn]);
    }
    return (await tx.get<ExitRow & Record<string, unknown>>('SELECT * FROM exits WHERE id = ?', [id]))!;
  });
}

export function getExit(db: Queryable, id: string): Promise<ExitRow | undefined> {
  return db.get<ExitRow & Record<string, unknown>>('SELECT * FROM exits WHERE id = ?', [id]);
}

export function cohortExits(db: Queryable, cohortId: string): Promise<ExitRow[]> {
  return db.all<ExitRow & Record<string, unknown>>('SELECT * FROM exits WHERE cohort_id = ? ORDER BY left_on, id', [cohortId]);
}

export async function exitViews(db: Queryable, rows: ExitRow[]): Promise<ExitView[]> {
  if (rows.length === 0) return [];
  const followUps: FollowUpRow[] = [];
  const nicknames = new Map<string, string | null>();
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    followUps.push(...(await db.all<FollowUpRow & Record<string, unknown>>(`SELECT * FROM follow_ups WHERE exit_id IN (${placeholders(chunk.length)}) ORDER BY milestone`, chunk.map((row) => row.id))));
    const people = await db.all<{ id: string; nickname: string | null }>(`SELECT id, nickname FROM apprentices WHERE id IN (${placeholders(chunk.length)})`, chunk.map((row) => row.apprentice_id));
    for (const person of people) nicknames.set(person.id, person.nickname);
  }
  const byExit = Map.groupBy(followUps, (row) => row.exit_id);
  return rows.map((row) => ({
    id: row.id,
    cohortId: row.cohort_id,
    apprenticeId: row.apprentice_id,
    nickname: nicknames.get(row.apprentice_id) ?? null,
    leftOn: row.left_on,
    outcome: row.outcome as ExitView['outcome'],
    contract: row.contract as ExitView['contract'],
    employer: row.employer,
    note: row.note,
    recordedAt: row.recorded_at,
    followUps: (byExit.get(row.id) ?? []).map((followUp) => ({
      milestone: Number(followUp.milestone) as Milestone,
      dueOn: followUp.due_on,
      doneOn: followUp.done_on,
      status: followUp.status as ExitView['followUps'][number]['status'],
      contract: followUp.contract as ExitView['contract'],
      employer: followUp.employer,
      note: followUp.note,
    })),
  }));
}

/** Records the follow-up of an exit at a milestone (recording it again corrects it). */
export async function recordFollowUp(db: Queryable, exitId: string, milestone: Milestone, followUp: FollowUpRequest & { recordedBy: string; now: number }): Promise<void> {
  await db.run('UPDATE follow_ups SET done_on = ?, status = ?, contract = ?, employer = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE exit_id = ? AND milestone = ?', [
    followUp.doneOn,
    followUp.status,
    followUp.contract ?? null,
    followUp.employer ?? null,
    followUp.note ?? null,
    followUp.recordedBy,
    new Date(followUp.now).toISOString(),
    exitId,
    milestone,
  ]);
}

/** Whose follow-ups: a tutor's cohorts, a centre's, one cohort's, or all (administrator). */
export interface FollowUpScope {
  tutorId?: string | undefined;
  centreId?: string | undefined;
  cohortId?: string | undefined;
}

function dueFilter(scope: FollowUpScope, until: string): { where: string; params: string[] } {
  const where = ['f.done_on IS NULL', 'f.due_on <= ?'];
  const params: string[] = [until];
  if (scope.tutorId) {
    where.push('e.cohort_id IN (SELECT cohort_id FROM cohort_tutors WHERE tutor_id = ?)');
    params.push(scope.tutorId);
  }
  if (scope.centreId) {
    where.push('e.centre_id = ?');
    params.push(scope.centreId);
  }
  if (scope.cohortId) {
    where.push('e.cohort_id = ?');
    params.push(scope.cohortId);
  }
  return { where: where.join(' AND '), params };
}

/** How many follow-ups are overdue, due this week, upcoming (counted by the database). */
export async function dueCounts(db: Queryable, scope: FollowUpScope, today: string, days: number): Promise<Record<DueItem['when'], number>> {
  const { where, params } = dueFilter(scope, addDays(today, days));
  const rows = await db.all<{ bucket: DueItem['when']; count: number | string }>(
    `SELECT CASE WHEN f.due_on < ? THEN 'overdue' WHEN f.due_on <= ? THEN 'this-week' ELSE 'upcoming' END AS bucket, COUNT(*) AS count
       FROM follow_ups f JOIN exits e ON e.id = f.exit_id WHERE ${where} GROUP BY 1`,
    [today, addDays(today, 6), ...params],
  );
  const counts = { overdue: 0, 'this-week': 0, upcoming: 0 };
  for (const row of rows) counts[row.bucket] = Number(row.count);
  return counts;
}

/** Follow-ups not done yet and due by `today + days`, overdue first (the first `limit`, or all). */
export async function dueList(db: Queryable, scope: FollowUpScope, today: string, days: number, limit?: number): Promise<DueItem[]> {
  const { where, params } = dueFilter(scope, addDays(today, days));
  const rows = await db.all<{ exit_id: string; milestone: number; due_on: string; cohort_id: string; cohort_name: string; apprentice_id: string; nickname: string | null; left_on: string; outcome: string }>(
    `SELECT f.exit_id, f.milestone, f.due_on, e.cohort_id, c.name AS cohort_name, e.apprentice_id, a.nickname, e.left_on, e.outcome
       FROM follow_ups f JOIN exits e ON e.id = f.exit_id JOIN cohorts c ON c.id = e.cohort_id JOIN apprentices a ON a.id = e.apprentice_id
      WHERE ${where}
      ORDER BY f.due_on, c.name, e.apprentice_id, f.milestone${limit === undefined ? '' : ' LIMIT ?'}`,
    limit === undefined ? params : [...params, limit],
  );
  return rows.map((row) => ({
    exitId: row.exit_id,
    milestone: Number(row.milestone) as Milestone,
    dueOn: row.due_on,
    when: dueBucket(row.due_on, today, days)!,
    cohort: { id: row.cohort_id, name: row.cohort_name },
    apprentice: { id: row.apprentice_id, nickname: row.nickname },
    leftOn: row.left_on,
    outcome: row.outcome as DueItem['outcome'],
  }));
}
