import type { StageStatus } from '../schemas/stage-status.ts';
import type { NextStep, PathProgress, StageProgress } from '../schemas/validation-api.ts';
import type { CataloguePath } from './catalogue.ts';

/**
 * An apprentice's progress through a path (pure: no database, no clock). Hours are counted in
 * whole minutes so sums never drift: planned = stage hours × 60 (rounded to the minute), done =
 * durations of the stage's completed modules + practical minutes logged for the stage.
 *
 * Decisions (docs/adr/0011): a module listed in several stages counts its minutes in the first
 * only (it was studied once); a stage's done minutes are capped at its planned minutes in every
 * total, so extra hours in one stage never hide a gap in another (the uncapped figure is kept
 * as `minutesRecorded`).
 */
export interface ApprenticeFacts {
  /** Study minutes of a module (its `duration`); unknown modules count 0. */
  moduleMinutes(moduleId: string): number;
  completedModules: ReadonlySet<string>;
  /** Modules whose quiz was passed at least once. */
  passedModules: ReadonlySet<string>;
  /** Modules with any recorded activity. */
  startedModules: ReadonlySet<string>;
  /** Practical minutes logged per stage index. */
  practicalMinutes: ReadonlyMap<number, number>;
  /** Skills with a standing (not voided) validation at some level, and by whom. */
  validatedSkills: ReadonlyMap<string, { byCompany: boolean; byTutor: boolean }>;
}

export const hoursToMinutes = (hours: number): number => Math.round(hours * 60);
/** Minutes as hours to the tenth, for display and the grid. */
export const minutesToHours = (minutes: number): number => Math.round(minutes / 6) / 10;

function skillCounts(validation: string, by: { byCompany: boolean; byTutor: boolean } | undefined): boolean {
  if (!by) return false;
  // A `company` stage needs the company's word; a `tutor` stage takes either tutor.
  return validation === 'company' ? by.byCompany : by.byCompany || by.byTutor;
}

export function pathProgressOf(pathId: string, learningPath: Pick<CataloguePath, 'title' | 'stages'>, facts: ApprenticeFacts): PathProgress {
  const countedIn = new Map<string, number>();
  learningPath.stages.forEach((stage, index) => {
    for (const module of stage.modules) if (!countedIn.has(module)) countedIn.set(module, index);
  });

  const nextOf: (NextStep | null)[] = [];
  const stages: StageProgress[] = learningPath.stages.map((stage, index) => {
    const minutesPlanned = hoursToMinutes(stage.hours);
    let moduleMinutes = 0;
    for (const module of stage.modules) if (countedIn.get(module) === index && facts.completedModules.has(module)) moduleMinutes += facts.moduleMinutes(module);
    const practical = facts.practicalMinutes.get(index) ?? 0;
    const minutesRecorded = moduleMinutes + practical;
    const modulesCompleted = stage.modules.filter((module) => facts.completedModules.has(module)).length;
    const skills = stage.validation === 'tutor' || stage.validation === 'company' ? (stage.skills ?? []) : [];
    const skillsValidated = skills.filter((skill) => skillCounts(stage.validation, facts.validatedSkills.get(skill)));
    const skillsMissing = skills.filter((skill) => !skillsValidated.includes(skill));

    const missingModule = stage.modules.find((module) => !facts.completedModules.has(module));
    const missingQuiz = stage.validation === 'quiz' ? stage.modules.find((module) => !facts.passedModules.has(module)) : undefined;
    // A stage with nothing to check (no modules, no skills) is complete once its hours are logged.
    const onlyHours = stage.modules.length === 0 && skills.length === 0;
    const minutesMissing = onlyHours ? Math.max(0, minutesPlanned - minutesRecorded) : 0;
    let next: NextStep | null = null;
    if (missingModule) next = { kind: 'module', stage: index, moduleId: missingModule };
    else if (missingQuiz) next = { kind: 'quiz', stage: index, moduleId: missingQuiz };
    else if (skillsMissing.length > 0) next = { kind: 'validation', stage: index, by: stage.validation === 'company' ? 'company' : 'tutor', skills: skillsMissing };
    else if (minutesMissing > 0) next = { kind: 'hours', stage: index, minutesMissing };
    nextOf.push(next);

    const touched = practical > 0 || skills.some((skill) => facts.validatedSkills.has(skill)) || stage.modules.some((module) => facts.startedModules.has(module) || facts.completedModules.has(module));
    const status: StageStatus = next === null ? 'complete' : touched ? 'in-progress' : 'not-started';
    return {
      index,
      title: stage.title,
      validation: stage.validation,
      status,
      minutesPlanned,
      minutesDone: Math.min(minutesRecorded, minutesPlanned),
      minutesRecorded,
      modulesCompleted,
      modulesTotal: stage.modules.length,
      skillsValidated,
      skillsMissing,
    };
  });

  const reached = stages.findIndex((stage) => stage.status !== 'complete');
  const minutesPlanned = stages.reduce((sum, stage) => sum + stage.minutesPlanned, 0);
  const minutesDone = stages.reduce((sum, stage) => sum + stage.minutesDone, 0);
  return {
    pathId,
    title: learningPath.title,
    stages,
    stageReached: reached === -1 ? null : reached,
    complete: reached === -1,
    minutesPlanned,
    minutesDone,
    hoursPlanned: minutesToHours(minutesPlanned),
    hoursDone: minutesToHours(minutesDone),
    next: reached === -1 ? null : nextOf[reached]!,
  };
}
