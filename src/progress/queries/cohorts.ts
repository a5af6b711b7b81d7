import type { CohortView } from '../../schemas/centre-api.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { groupCode, normaliseCode, randomCode, randomId } from '../secrets.ts';

export interface CohortRow {
  id: string;
  centre_id: string;
  name: string;
  path_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  join_code: string;
  join_open: number;
  created_at: string;
}

export async function cohortViews(db: Queryable, rows: CohortRow[]): Promise<CohortView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const tutors = await db.all<{ cohort_id: string; tutor_id: string }>(`SELECT cohort_id, tutor_id FROM cohort_tutors WHERE cohort_id IN (${placeholders(ids.length)}) ORDER BY tutor_id`, ids);
  const counts = await db.all<{ cohort_id: string; count: number }>(`SELECT cohort_id, COUNT(*) AS count FROM enrolments WHERE cohort_id IN (${placeholders(ids.length)}) GROUP BY cohort_id`, ids);
  return rows.map((row) => ({
    id: row.id,
    centreId: row.centre_id,
    name: row.name,
    pathId: row.path_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    joinCode: groupCode(row.join_code),
    joinOpen: row.join_open === 1,
    tutors: tutors.filter((tutor) => tutor.cohort_id === row.id).map((tutor) => tutor.tutor_id),
    apprentices: Number(counts.find((count) => count.cohort_id === row.id)?.count ?? 0),
    createdAt: row.created_at,
  }));
}

async function uniqueJoinCode(db: Queryable): Promise<string> {
  for (;;) {
    const code = randomCode(8);
    if (!(await db.get('SELECT id FROM cohorts WHERE join_code = ?', [code]))) return code;
  }
}

export async function createCohort(
  db: Queryable,
  cohort: { centreId: string; name: string; pathId: string | null; startsOn: string | null; endsOn: string | null; tutorId: string | null; now: number },
): Promise<CohortRow> {
  const row: CohortRow = {
    id: randomId('co', 8),
    centre_id: cohort.centreId,
    name: cohort.name,
    path_id: cohort.pathId,
    starts_on: cohort.startsOn,
    ends_on: cohort.endsOn,
    join_code: await uniqueJoinCode(db),
    join_open: 1,
    created_at: new Date(cohort.now).toISOString(),
  };
  await db.run('INSERT INTO cohorts (id, centre_id, name, path_id, starts_on, ends_on, join_code, join_open, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    row.id,
    row.centre_id,
    row.name,
    row.path_id,
    row.starts_on,
    row.ends_on,
    row.join_code,
    row.join_open,
    row.created_at,
  ]);
  if (cohort.tutorId) await db.run('INSERT INTO cohort_tutors (cohort_id, tutor_id) VALUES (?, ?)', [row.id, cohort.tutorId]);
  return row;
}

export function getCohort(db: Queryable, id: string): Promise<CohortRow | undefined> {
  return db.get<CohortRow & Record<string, unknown>>('SELECT * FROM cohorts WHERE id = ?', [id]);
}

export function cohortByJoinCode(db: Queryable, code: string): Promise<CohortRow | undefined> {
  return db.get<CohortRow & Record<string, unknown>>('SELECT * FROM cohorts WHERE join_code = ?', [normaliseCode(code)]);
}

/** Cohorts of a centre, of a tutor, or all. */
export function listCohorts(db: Queryable, filter: { centreId?: string | undefined; tutorId?: string | undefined }): Promise<CohortRow[]> {
  if (filter.tutorId) {
    return db.all<CohortRow & Record<string, unknown>>('SELECT c.* FROM cohorts c JOIN cohort_tutors t ON t.cohort_id = c.id WHERE t.tutor_id = ? ORDER BY c.starts_on DESC, c.name', [filter.tutorId]);
  }
  if (filter.centreId) return db.all<CohortRow & Record<string, unknown>>('SELECT * FROM cohorts WHERE centre_id = ? ORDER BY starts_on DESC, name', [filter.centreId]);
  return db.all<CohortRow & Record<string, unknown>>('SELECT * FROM cohorts ORDER BY centre_id, starts_on DESC, name');
}

export async function updateCohort(db: Queryable, id: string, changes: { name?: string | undefined; pathId?: string | null | undefined; startsOn?: string | null | undefined; endsOn?: string | null | undefined; joinOpen?: boolean | undefined }): Promise<void> {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  const set = (column: string, value: string | number | null | undefined) => {
    if (value === undefined) return;
    sets.push(`${column} = ?`);
    values.push(value);
  };
  set('name', changes.name);
  set('path_id', changes.pathId);
  set('starts_on', changes.startsOn);
  set('ends_on', changes.endsOn);
  set('join_open', changes.joinOpen === undefined ? undefined : changes.joinOpen ? 1 : 0);
  if (sets.length > 0) await db.run(`UPDATE cohorts SET ${sets.join(', ')} WHERE id = ?`, [...values, id]);
}

export async function renewJoinCode(db: Queryable, id: string): Promise<string> {
  const code = await uniqueJoinCode(db);
  await db.run('UPDATE cohorts SET join_code = ? WHERE id = ?', [code, id]);
  return code;
}

export async function isTutorOfCohort(db: Queryable, tutorId: string, cohortId: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS yes FROM cohort_tutors WHERE tutor_id = ? AND cohort_id = ?', [tutorId, cohortId])) !== undefined;
}

export async function addCohortTutor(db: Queryable, cohortId: string, tutorId: string): Promise<void> {
  await db.run('INSERT INTO cohort_tutors (cohort_id, tutor_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [cohortId, tutorId]);
}

export async function removeCohortTutor(db: Queryable, cohortId: string, tutorId: string): Promise<void> {
  await db.run('DELETE FROM cohort_tutors WHERE cohort_id = ? AND tutor_id = ?', [cohortId, tutorId]);
}
