import type { Catalogue } from '../../../schemas/catalogue.ts';
import type { PathProgress } from '../../../schemas/validation-api.ts';
import { minutesToHours, pathProgressOf, type ApprenticeFacts } from '../../../progress/path-progress.ts';
import type { LocalModuleProgress } from '../../scripts/progress/local-progress.ts';

/**
 * "My progress" figures from the catalogue and the local record: modules done and hours per
 * trade, and per path the same stage rule the tutor sees (`pathProgressOf`, ADR 0011). The device
 * knows only modules and quizzes: practical hours and validations live on the service, so
 * offline a stage that needs them never shows complete here.
 */
export interface DoneModule {
  id: string;
  title: string;
  trade: string;
  progress: LocalModuleProgress;
}
export interface TradeSummary { trade: string; done: number; total: number; studyHours: number }
export interface PathSummary { id: string; title: Catalogue['paths'][number]['title']; done: number; total: number; studyHours: number; progress: PathProgress }
export interface ProgressSummary {
  modules: DoneModule[];
  trades: TradeSummary[];
  paths: PathSummary[];
}

/** The facts the stage rules need, as this device knows them (no practical hours, no validations). */
export function localFacts(catalogue: Pick<Catalogue, 'modules'>, progress: ReadonlyMap<string, LocalModuleProgress>): ApprenticeFacts {
  const byId = new Map(catalogue.modules.map((module) => [module.id, module]));
  const ids = (keep: (entry: LocalModuleProgress) => boolean) => new Set(catalogue.modules.filter((module) => { const entry = progress.get(module.activity); return entry !== undefined && keep(entry); }).map((module) => module.id));
  return {
    moduleMinutes: (moduleId) => byId.get(moduleId)?.duration ?? 0,
    completedModules: ids((entry) => entry.completedAt !== null),
    passedModules: ids((entry) => entry.passed),
    startedModules: ids(() => true),
    practicalMinutes: new Map(),
    validatedSkills: new Map(),
  };
}

export function summarise(catalogue: Pick<Catalogue, 'modules' | 'paths'>, progress: ReadonlyMap<string, LocalModuleProgress>): ProgressSummary {
  const byId = new Map(catalogue.modules.map((module) => [module.id, module]));
  const facts = localFacts(catalogue, progress);
  const done = facts.completedModules;
  const minutesOf = (ids: Iterable<string>) => [...ids].reduce((sum, id) => sum + (done.has(id) ? (byId.get(id)?.duration ?? 0) : 0), 0);

  // Every module with some activity, most recent first.
  const modules = catalogue.modules
    .flatMap((module) => {
      const entry = progress.get(module.activity);
      return entry ? [{ id: module.id, title: module.title, trade: module.trade, progress: entry }] : [];
    })
    .sort((a, b) => b.progress.lastAt.localeCompare(a.progress.lastAt));

  const tradeIds = [...new Set(catalogue.modules.map((module) => module.trade))];
  const trades = tradeIds
    .map((trade) => {
      const ids = catalogue.modules.filter((module) => module.trade === trade).map((module) => module.id);
      return { trade, done: ids.filter((id) => done.has(id)).length, total: ids.length, studyHours: minutesToHours(minutesOf(ids)) };
    })
    .filter((summary) => summary.done > 0 || modules.some((module) => module.trade === summary.trade));

  const paths = catalogue.paths
    .map((entry) => {
      const ids = [...new Set(entry.stages.flatMap((stage) => stage.modules))];
      return { id: entry.id, title: entry.title, done: ids.filter((id) => done.has(id)).length, total: ids.length, studyHours: minutesToHours(minutesOf(ids)), progress: pathProgressOf(entry.id, entry, facts) };
    })
    .filter((summary) => summary.done > 0);

  return { modules, trades, paths };
}
