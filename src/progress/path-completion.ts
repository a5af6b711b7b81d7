import type { CataloguePath } from './catalogue.ts';

/**
 * Whether an apprentice has completed a path, for the outcome report's completion rate: every
 * module of every stage completed. Null when the path has no module (nothing to measure).
 * One function on purpose: when stage validation rules land (company or tutor validation,
 * hours), this is the place to swap in the full rule.
 */
export function hasCompletedPath(completedModules: ReadonlySet<string>, learningPath: CataloguePath): boolean | null {
  const modules = learningPath.stages.flatMap((stage) => stage.modules);
  if (modules.length === 0) return null;
  return modules.every((module) => completedModules.has(module));
}
