import type { PathProgress } from '../../schemas/validation-api.ts';
import type { ContentCatalogue, CataloguePath } from '../catalogue.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { type ApprenticeFacts, pathProgressOf } from '../path-progress.ts';
import { practicalMinutes } from './practical-hours.ts';
import { type ProgressRow, readProgressRows } from './progress.ts';
import { validatedSkills } from './validations.ts';

type FactRow = Pick<ProgressRow, 'apprentice_id' | 'module_id' | 'status' | 'passed'>;

async function readFacts(db: Queryable, apprenticeIds: string[], moduleIds: string[] | undefined): Promise<FactRow[]> {
  if (!moduleIds) return readProgressRows(db, apprenticeIds);
  if (moduleIds.length === 0) return [];
  const rows: FactRow[] = [];
  for (let start = 0; start < apprenticeIds.length; start += 500) {
    const chunk = apprenticeIds.slice(start, start + 500);
    rows.push(
      ...(await db.all<FactRow>(`SELECT apprentice_id, module_id, status, passed FROM progress WHERE apprentice_id IN (${placeholders(chunk.length)}) AND module_id IN (${placeholders(moduleIds.length)})`, [
        ...chunk,
        ...moduleIds,
      ])),
    );
  }
  return rows;
}

/**
 * Path progress for many apprentices of one path (the grid, reports) or one apprentice's paths:
 * reads their progress rows, practical hours and standing validations in a few queries, then
 * applies the pure stage rules (src/progress/path-progress.ts).
 */
export async function pathProgressFor(db: Queryable, catalogue: ContentCatalogue, apprenticeIds: string[], learningPath: CataloguePath, rows?: ProgressRow[], moduleIds?: string[]): Promise<Map<string, PathProgress>> {
  if (apprenticeIds.length === 0) return new Map();
  // `moduleIds` (the path's modules) lets the database skip rows the rules never look at, and
  // only the columns the rules read are fetched (the report may ask for thousands of apprentices).
  const progress = rows ?? (await readFacts(db, apprenticeIds, moduleIds));
  const practical = await practicalMinutes(db, apprenticeIds);
  const skills = await validatedSkills(db, apprenticeIds);
  const byApprentice = new Map<string, FactRow[]>();
  for (const row of progress) {
    const own = byApprentice.get(row.apprentice_id);
    if (own) own.push(row);
    else byApprentice.set(row.apprentice_id, [row]);
  }
  const result = new Map<string, PathProgress>();
  for (const apprenticeId of apprenticeIds) {
    const own = byApprentice.get(apprenticeId) ?? [];
    const facts: ApprenticeFacts = {
      moduleMinutes: (moduleId) => catalogue.module(moduleId)?.duration ?? 0,
      completedModules: new Set(own.filter((row) => row.status === 'completed').map((row) => row.module_id)),
      passedModules: new Set(own.filter((row) => Number(row.passed) === 1).map((row) => row.module_id)),
      startedModules: new Set(own.map((row) => row.module_id)),
      practicalMinutes: practical.get(apprenticeId)?.get(learningPath.id) ?? new Map(),
      validatedSkills: skills.get(apprenticeId) ?? new Map(),
    };
    result.set(apprenticeId, pathProgressOf(learningPath.id, learningPath, facts));
  }
  return result;
}
