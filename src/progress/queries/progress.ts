import type { ModuleProgressView } from '../../schemas/centre-api.ts';
import type { XapiStatement } from '../../schemas/xapi.ts';
import { verbs } from '../../schemas/xapi.ts';
import type { ContentCatalogue } from '../catalogue.ts';
import { placeholders, type Queryable } from '../db/database.ts';

/**
 * Progress per apprentice × module, derived from statements (the events) the way Kolibri
 * derives its summary logs: `foldStatement` is order-independent (min, max, counts, any), so
 * adding statements one by one as they arrive gives the same rows as `rebuildProgress`.
 */
export interface ProgressRow {
  apprentice_id: string;
  module_id: string;
  status: 'started' | 'completed';
  first_at: string;
  last_at: string;
  completed_at: string | null;
  best_score: number | null;
  last_score: number | null;
  last_score_at: string | null;
  passed: number | null;
  attempts: number;
  statements: number;
}

function scaledScore(statement: XapiStatement): number | null {
  const score = statement.result?.score;
  if (!score) return null;
  if (score.scaled !== undefined) return score.scaled;
  if (score.raw !== undefined && score.max !== undefined) {
    const min = score.min ?? 0;
    return score.max > min ? (score.raw - min) / (score.max - min) : null;
  }
  return null;
}

const minOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxOf = (a: string, b: string) => (a > b ? a : b);

/** The module a statement is about: its object Activity, else a parent or grouping context activity. */
export function moduleOfStatement(statement: Pick<XapiStatement, 'object' | 'context'>, catalogue: ContentCatalogue): string | null {
  const object = statement.object;
  if (object.objectType === undefined || object.objectType === 'Activity') {
    const module = catalogue.moduleOfActivity(object.id);
    if (module) return module;
  } else {
    return null;
  }
  const context = statement.context?.contextActivities;
  for (const activity of [...(context?.parent ?? []), ...(context?.grouping ?? [])]) {
    const module = catalogue.moduleOfActivity(activity.id);
    if (module) return module;
  }
  return null;
}

/** Adds one statement (not voided, not voiding) to the row of its apprentice × module. */
export function foldStatement(row: ProgressRow | undefined, statement: XapiStatement, apprenticeId: string, moduleId: string, timestampUtc: string, catalogue: ContentCatalogue): ProgressRow {
  const next: ProgressRow = row
    ? { ...row }
    : { apprentice_id: apprenticeId, module_id: moduleId, status: 'started', first_at: timestampUtc, last_at: timestampUtc, completed_at: null, best_score: null, last_score: null, last_score_at: null, passed: null, attempts: 0, statements: 0 };
  next.statements += 1;
  next.first_at = minOf(next.first_at, timestampUtc)!;
  next.last_at = maxOf(next.last_at, timestampUtc);
  const verb = statement.verb.id;
  const object = statement.object;
  const onModule = (object.objectType === undefined || object.objectType === 'Activity') && catalogue.isModuleActivity(object.id, moduleId);
  if (onModule && (verb === verbs.completed || verb === verbs.passed || statement.result?.completion === true)) {
    next.completed_at = minOf(next.completed_at, timestampUtc);
  }
  const score = scaledScore(statement);
  if (score !== null) {
    next.best_score = next.best_score === null ? score : Math.max(next.best_score, score);
    if (next.last_score_at === null || timestampUtc >= next.last_score_at) {
      next.last_score = score;
      next.last_score_at = timestampUtc;
    }
  }
  if (verb === verbs.passed || verb === verbs.failed) {
    next.attempts += 1;
    next.passed = next.passed === 1 || verb === verbs.passed ? 1 : 0;
  }
  next.status = next.completed_at ? 'completed' : 'started';
  return next;
}

const columns = ['apprentice_id', 'module_id', 'status', 'first_at', 'last_at', 'completed_at', 'best_score', 'last_score', 'last_score_at', 'passed', 'attempts', 'statements'] as const;

export async function writeProgressRows(tx: Queryable, rows: ProgressRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    await tx.run(
      `INSERT INTO progress (${columns.join(', ')}) VALUES ${chunk.map(() => `(${placeholders(columns.length)})`).join(', ')}
       ON CONFLICT (apprentice_id, module_id) DO UPDATE SET ${columns.slice(2).map((column) => `${column} = excluded.${column}`).join(', ')}`,
      chunk.flatMap((row) => columns.map((column) => row[column])),
    );
  }
}

export async function readProgressRows(db: Queryable, apprenticeIds: string[], moduleIds?: string[]): Promise<ProgressRow[]> {
  if (apprenticeIds.length === 0) return [];
  const rows: ProgressRow[] = [];
  for (let start = 0; start < apprenticeIds.length; start += 500) {
    const chunk = apprenticeIds.slice(start, start + 500);
    const moduleFilter = moduleIds && moduleIds.length > 0 && moduleIds.length <= 200 ? ` AND module_id IN (${placeholders(moduleIds.length)})` : '';
    rows.push(
      ...(await db.all<ProgressRow & Record<string, unknown>>(
        `SELECT * FROM progress WHERE apprentice_id IN (${placeholders(chunk.length)})${moduleFilter} ORDER BY apprentice_id, module_id`,
        [...chunk, ...(moduleFilter ? moduleIds! : [])],
      )),
    );
  }
  return rows;
}

/** Recomputes the rows of some apprentice × module pairs from all their statements. */
export async function recomputePairs(tx: Queryable, pairs: { apprenticeId: string; moduleId: string }[], catalogue: ContentCatalogue): Promise<void> {
  for (const { apprenticeId, moduleId } of pairs) {
    const statements = await tx.all<{ body: string; timestamp_utc: string }>(
      'SELECT body, timestamp_utc FROM statements WHERE apprentice_id = ? AND module_id = ? AND voided = 0 AND is_voiding = 0 ORDER BY seq',
      [apprenticeId, moduleId],
    );
    let row: ProgressRow | undefined;
    for (const statement of statements) row = foldStatement(row, JSON.parse(statement.body) as XapiStatement, apprenticeId, moduleId, statement.timestamp_utc, catalogue);
    if (row) await writeProgressRows(tx, [row]);
    else await tx.run('DELETE FROM progress WHERE apprentice_id = ? AND module_id = ?', [apprenticeId, moduleId]);
  }
}

export function progressView(row: ProgressRow): ModuleProgressView {
  return {
    moduleId: row.module_id,
    status: row.status,
    firstAt: row.first_at,
    lastAt: row.last_at,
    completedAt: row.completed_at,
    bestScore: row.best_score,
    lastScore: row.last_score,
    passed: row.passed === null ? null : row.passed === 1,
    attempts: row.attempts,
    statements: row.statements,
  };
}
