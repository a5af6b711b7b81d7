import type { PathProgress } from '../schemas/validation-api.ts';
import type { CataloguePath, ContentCatalogue } from './catalogue.ts';
import { placeholders, type Queryable } from './db/database.ts';
import { pathProgressFor } from './queries/path-progress.ts';

/** The modules of a path, each once, in stage order. */
export function pathModules(learningPath: CataloguePath): string[] {
  return [...new Set(learningPath.stages.flatMap((stage) => stage.modules))];
}

/**
 * Who has completed their cohort's path, for the outcome report's completion rate: the one rule
 * of "path completed", every stage complete per `pathProgressOf` (modules, quizzes, validated
 * skills, hours; docs/adr/0011), the rule the apprentice's page and path credentials use too.
 * Cohorts whose path has no stage are absent (nothing to measure).
 *
 * Efficient at 10,000 apprentices: every stage needs all its modules completed, so only those
 * who completed all of the path's modules can have completed it; the database answers them in
 * one grouped query per chunk of cohorts, and only they get the full stage rules.
 */
export async function completedPathApprentices(db: Queryable, catalogue: ContentCatalogue, cohorts: readonly { id: string; path_id: string | null }[]): Promise<Map<string, Set<string>>> {
  const completed = new Map<string, Set<string>>();
  const byPath = Map.groupBy(cohorts, (cohort) => cohort.path_id ?? '');
  for (const [pathId, members] of byPath) {
    const learningPath = pathId ? catalogue.path(pathId) : undefined;
    if (!learningPath || learningPath.stages.length === 0) continue;
    const modules = pathModules(learningPath);
    for (const cohort of members) completed.set(cohort.id, new Set());
    for (let start = 0; start < members.length; start += 200) {
      const chunk = members.slice(start, start + 200).map((cohort) => cohort.id);
      const candidates =
        modules.length === 0
          ? await db.all<{ cohort_id: string; apprentice_id: string }>(`SELECT cohort_id, apprentice_id FROM enrolments WHERE cohort_id IN (${placeholders(chunk.length)})`, chunk)
          : await db.all<{ cohort_id: string; apprentice_id: string }>(
              `SELECT e.cohort_id, e.apprentice_id FROM enrolments e JOIN progress p ON p.apprentice_id = e.apprentice_id
                WHERE e.cohort_id IN (${placeholders(chunk.length)}) AND p.status = 'completed' AND p.module_id IN (${placeholders(modules.length)})
                GROUP BY e.cohort_id, e.apprentice_id HAVING COUNT(*) = ?`,
              [...chunk, ...modules, modules.length],
            );
      const progress = await pathProgressFor(db, catalogue, [...new Set(candidates.map((row) => row.apprentice_id))], learningPath, undefined, modules);
      for (const row of candidates) if (progress.get(row.apprentice_id)?.complete) completed.get(row.cohort_id)!.add(row.apprentice_id);
    }
  }
  return completed;
}

/** What an apprentice still lacks to complete a path, in words, or [] when it is complete. */
export function missingForPath(progress: PathProgress): string[] {
  const missing: string[] = [];
  for (const stage of progress.stages) {
    if (stage.status === 'complete') continue;
    const where = `stage ${stage.index + 1}`;
    if (stage.modulesCompleted < stage.modulesTotal) missing.push(`${where}: ${stage.modulesTotal - stage.modulesCompleted} module${stage.modulesTotal - stage.modulesCompleted > 1 ? 's' : ''} to finish`);
    if (stage.skillsMissing.length > 0) missing.push(`${where}: ${stage.validation === 'company' ? 'company' : 'tutor'} validation of ${stage.skillsMissing.map((skill) => `\`${skill}\``).join(', ')}`);
    if (stage.modulesCompleted === stage.modulesTotal && stage.skillsMissing.length === 0) {
      if (stage.validation === 'quiz' && stage.modulesTotal > 0) missing.push(`${where}: a passed quiz in every module`);
      else if (stage.minutesRecorded < stage.minutesPlanned) missing.push(`${where}: ${Math.round((stage.minutesPlanned - stage.minutesRecorded) / 6) / 10} practical hours to log`);
    }
  }
  return missing;
}
