import type { CohortView, GridResponse, GridRow, WeeklyActivity } from '../../schemas/centre-api.ts';
import type { PathProgress } from '../../schemas/validation-api.ts';
import { verbs } from '../../schemas/xapi.ts';
import type { ContentCatalogue } from '../catalogue.ts';
import { csvDocument } from '../csv.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { cohortApprentices } from './apprentices.ts';
import { pathProgressFor } from './path-progress.ts';
import { progressView, readProgressRows } from './progress.ts';

/**
 * The tutor's grid of a cohort: its apprentices × the modules of its path (or, without a path,
 * the modules they worked on), with completion, last activity, quiz scores, and path hours and
 * stage status from the same path progress the apprentice and reports see (path-progress.ts).
 */
export async function cohortGrid(db: Queryable, catalogue: ContentCatalogue, cohort: CohortView): Promise<GridResponse> {
  const apprentices = await cohortApprentices(db, cohort.id);
  const progress = await readProgressRows(
    db,
    apprentices.map((apprentice) => apprentice.id),
  );
  const learningPath = cohort.pathId ? catalogue.path(cohort.pathId) : undefined;
  const stageOf = new Map<string, number>();
  learningPath?.stages.forEach((stage, index) => {
    for (const module of stage.modules) if (!stageOf.has(module)) stageOf.set(module, index);
  });
  const moduleIds = learningPath
    ? [...stageOf.keys()]
    : catalogue.modules.map((module) => module.id).filter((id) => progress.some((row) => row.module_id === id));
  const modules = moduleIds.map((id) => {
    const module = catalogue.module(id);
    return { id, title: module?.title ?? id, trade: module?.trade ?? id.split('/')[0]!, duration: module?.duration ?? 0, stage: stageOf.get(id) ?? null };
  });

  const pathProgress = learningPath
    ? await pathProgressFor(
        db,
        catalogue,
        apprentices.map((apprentice) => apprentice.id),
        learningPath,
        progress,
      )
    : new Map<string, PathProgress>();
  const rows: GridRow[] = apprentices.map((apprentice) => {
    const own = progress.filter((row) => row.apprentice_id === apprentice.id);
    const cells: GridRow['cells'] = {};
    for (const row of own) {
      const { moduleId: _moduleId, ...cell } = progressView(row);
      cells[row.module_id] = cell;
    }
    const completed = new Set(own.filter((row) => row.status === 'completed').map((row) => row.module_id));
    const ownPath = pathProgress.get(apprentice.id);
    const scores = own.map((row) => row.best_score).filter((score): score is number => score !== null);
    return {
      apprentice: { id: apprentice.id, nickname: apprentice.nickname },
      joinedAt: apprentice.joined_at,
      lastActivityAt: own.reduce<string | null>((latest, row) => (latest === null || row.last_at > latest ? row.last_at : latest), null),
      modulesCompleted: moduleIds.filter((id) => completed.has(id)).length,
      hoursDone: ownPath?.hoursDone ?? 0,
      stageStatus: ownPath?.stages.map((stage) => stage.status) ?? [],
      stageReached: ownPath?.stageReached ?? null,
      averageScore: scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 1000) / 1000 : null,
      cells,
    };
  });
  return {
    cohort,
    path: learningPath ? { id: learningPath.id, title: learningPath.title, hours: learningPath.hours, stages: learningPath.stages.map((stage) => ({ title: stage.title, hours: stage.hours, validation: stage.validation, modules: stage.modules, skills: stage.skills })) } : null,
    modules,
    hoursPlanned: learningPath?.hours ?? 0,
    rows,
  };
}

/** The grid as CSV (csv.ts: UTF-8 with BOM, comma-separated, formula-safe): one row per apprentice, a status and a score column per module. */
export function gridCsv(grid: GridResponse): string {
  const header = ['apprentice', 'nickname', 'joined_at', 'last_activity_at', 'modules_completed', 'modules_total', 'hours_done', 'hours_planned', 'average_score'];
  for (const module of grid.modules) header.push(module.id, `${module.id} score`);
  const lines: (string | number | null)[][] = [header];
  for (const row of grid.rows) {
    const cells: (string | number | null)[] = [
      row.apprentice.id,
      row.apprentice.nickname,
      row.joinedAt,
      row.lastActivityAt,
      row.modulesCompleted,
      grid.modules.length,
      row.hoursDone,
      grid.hoursPlanned,
      row.averageScore === null ? null : Math.round(row.averageScore * 100),
    ];
    for (const module of grid.modules) {
      const cell = row.cells[module.id];
      cells.push(cell?.status ?? null, cell?.bestScore === null || cell?.bestScore === undefined ? null : Math.round(cell.bestScore * 100));
    }
    lines.push(cells);
  }
  return csvDocument(lines);
}

function mondayOf(time: number): string {
  const date = new Date(time);
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day)).toISOString().slice(0, 10);
}

/** Statements, active apprentices and module completions per week (Monday, UTC), oldest first. */
export async function cohortActivity(db: Queryable, cohortId: string, weeks: number, now: number): Promise<WeeklyActivity> {
  const apprentices = (await cohortApprentices(db, cohortId)).map((apprentice) => apprentice.id);
  const firstWeek = Date.parse(`${mondayOf(now - (weeks - 1) * 7 * 86_400_000)}T00:00:00.000Z`);
  const buckets = new Map<string, { statements: number; apprentices: Set<string>; completions: number }>();
  for (let index = 0; index < weeks; index++) buckets.set(mondayOf(firstWeek + index * 7 * 86_400_000), { statements: 0, apprentices: new Set(), completions: 0 });
  for (let start = 0; start < apprentices.length; start += 500) {
    const chunk = apprentices.slice(start, start + 500);
    const rows = await db.all<{ apprentice_id: string; timestamp_utc: string; verb_id: string; module_id: string | null }>(
      `SELECT apprentice_id, timestamp_utc, verb_id, module_id FROM statements WHERE apprentice_id IN (${placeholders(chunk.length)}) AND voided = 0 AND is_voiding = 0 AND timestamp_utc >= ?`,
      [...chunk, new Date(firstWeek).toISOString()],
    );
    for (const row of rows) {
      const bucket = buckets.get(mondayOf(Date.parse(row.timestamp_utc)));
      if (!bucket) continue;
      bucket.statements += 1;
      bucket.apprentices.add(row.apprentice_id);
      if (row.verb_id === verbs.completed && row.module_id) bucket.completions += 1;
    }
  }
  return { weeks: [...buckets].map(([weekStart, bucket]) => ({ weekStart, statements: bucket.statements, activeApprentices: bucket.apprentices.size, completions: bucket.completions })) };
}
