import type { PracticalHoursView } from '../../schemas/validation-api.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { minutesToHours } from '../path-progress.ts';
import { randomId } from '../secrets.ts';

interface PracticalHoursRow {
  id: string;
  apprentice_id: string;
  path_id: string;
  stage: number;
  day: string;
  minutes: number;
  kind: PracticalHoursView['kind'];
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

const view = (row: PracticalHoursRow): PracticalHoursView => ({
  id: row.id,
  apprenticeId: row.apprentice_id,
  pathId: row.path_id,
  stage: Number(row.stage),
  date: row.day,
  minutes: Number(row.minutes),
  hours: minutesToHours(Number(row.minutes)),
  kind: row.kind,
  note: row.note,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at,
});

/** Logs practical hours (workshop, internship) for a stage of an apprentice's path, in whole minutes. */
export async function addPracticalHours(
  db: Queryable,
  entry: { apprenticeId: string; pathId: string; stage: number; date: string; minutes: number; kind: PracticalHoursView['kind']; note: string | null; recordedBy: string; now: number },
): Promise<PracticalHoursView> {
  const row: PracticalHoursRow = {
    id: randomId('ph', 12),
    apprentice_id: entry.apprenticeId,
    path_id: entry.pathId,
    stage: entry.stage,
    day: entry.date,
    minutes: entry.minutes,
    kind: entry.kind,
    note: entry.note,
    recorded_by: entry.recordedBy,
    recorded_at: new Date(entry.now).toISOString(),
  };
  await db.run('INSERT INTO practical_hours (id, apprentice_id, path_id, stage, day, minutes, kind, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    row.id,
    row.apprentice_id,
    row.path_id,
    row.stage,
    row.day,
    row.minutes,
    row.kind,
    row.note,
    row.recorded_by,
    row.recorded_at,
  ]);
  return view(row);
}

export async function listPracticalHours(db: Queryable, apprenticeId: string): Promise<PracticalHoursView[]> {
  const rows = await db.all<PracticalHoursRow & Record<string, unknown>>('SELECT * FROM practical_hours WHERE apprentice_id = ? ORDER BY day, recorded_at', [apprenticeId]);
  return rows.map(view);
}

export async function deletePracticalHours(db: Queryable, apprenticeId: string, id: string): Promise<boolean> {
  return (await db.run('DELETE FROM practical_hours WHERE id = ? AND apprentice_id = ?', [id, apprenticeId])) === 1;
}

/** Minutes per apprentice → path → stage, for many apprentices at once (the grid). */
export async function practicalMinutes(db: Queryable, apprenticeIds: string[]): Promise<Map<string, Map<string, Map<number, number>>>> {
  const result = new Map<string, Map<string, Map<number, number>>>();
  for (let start = 0; start < apprenticeIds.length; start += 500) {
    const chunk = apprenticeIds.slice(start, start + 500);
    const rows = await db.all<{ apprentice_id: string; path_id: string; stage: number; minutes: number | string }>(
      `SELECT apprentice_id, path_id, stage, SUM(minutes) AS minutes FROM practical_hours WHERE apprentice_id IN (${placeholders(chunk.length)}) GROUP BY apprentice_id, path_id, stage`,
      chunk,
    );
    for (const row of rows) {
      const paths = result.get(row.apprentice_id) ?? new Map<string, Map<number, number>>();
      const stages = paths.get(row.path_id) ?? new Map<number, number>();
      stages.set(Number(row.stage), Number(row.minutes));
      paths.set(row.path_id, stages);
      result.set(row.apprentice_id, paths);
    }
  }
  return result;
}
