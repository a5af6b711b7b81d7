import type { CataloguePath, ContentCatalogue } from './catalogue.ts';
import { placeholders, type Queryable } from './db/database.ts';

/** The modules of a path, each once, in stage order. */
export function pathModules(learningPath: CataloguePath): string[] {
  return [...new Set(learningPath.stages.flatMap((stage) => stage.modules))];
}

/**
 * Who has completed their cohort's path, for the outcome report's completion rate: every module
 * of every stage completed. Cohorts whose path has no module are absent (nothing to measure).
 * One function on purpose: when stage validation rules land (tutor or company validation,
 * hours), this is the place to swap in the full rule. The database counts, per apprentice, the
 * path's modules completed (progress has one row per apprentice × module), and answers only
 * those who completed them all.
 */
export async function completedPathApprentices(db: Queryable, catalogue: ContentCatalogue, cohorts: readonly { id: string; path_id: string | null }[]): Promise<Map<string, Set<string>>> {
  const completed = new Map<string, Set<string>>();
  const byPath = Map.groupBy(cohorts, (cohort) => cohort.path_id ?? '');
  for (const [pathId, members] of byPath) {
    const learningPath = pathId ? catalogue.path(pathId) : undefined;
    if (!learningPath) continue;
    const modules = pathModules(learningPath);
    if (modules.length === 0) continue;
    for (const cohort of members) completed.set(cohort.id, new Set());
    for (let start = 0; start < members.length; start += 200) {
      const chunk = members.slice(start, start + 200).map((cohort) => cohort.id);
      const rows = await db.all<{ cohort_id: string; apprentice_id: string }>(
        `SELECT e.cohort_id, e.apprentice_id FROM enrolments e JOIN progress p ON p.apprentice_id = e.apprentice_id
          WHERE e.cohort_id IN (${placeholders(chunk.length)}) AND p.status = 'completed' AND p.module_id IN (${placeholders(modules.length)})
          GROUP BY e.cohort_id, e.apprentice_id HAVING COUNT(*) = ?`,
        [...chunk, ...modules, modules.length],
      );
      for (const row of rows) completed.get(row.cohort_id)!.add(row.apprentice_id);
    }
  }
  return completed;
}
