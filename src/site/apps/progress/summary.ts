import type { Catalogue } from '../../../schemas/catalogue.ts';
import type { LocalModuleProgress } from '../../scripts/progress/local-progress.ts';

/**
 * "My progress" figures from the catalogue and the local record: modules done and hours per
 * trade and per path. Study hours are the done modules' `duration` (minutes); a path also counts
 * the `hours` of each stage whose modules are all done (what a centre plans with).
 */
export interface DoneModule {
  id: string;
  title: string;
  trade: string;
  progress: LocalModuleProgress;
}
export interface TradeSummary { trade: string; done: number; total: number; studyHours: number }
export interface PathSummary { id: string; title: Catalogue['paths'][number]['title']; done: number; total: number; studyHours: number; stageHoursDone: number; hours: number }
export interface ProgressSummary {
  modules: DoneModule[];
  trades: TradeSummary[];
  paths: PathSummary[];
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export function summarise(catalogue: Pick<Catalogue, 'modules' | 'paths'>, progress: ReadonlyMap<string, LocalModuleProgress>): ProgressSummary {
  const byId = new Map(catalogue.modules.map((module) => [module.id, module]));
  const done = new Set(catalogue.modules.filter((module) => progress.get(module.activity)?.completedAt).map((module) => module.id));
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
      return { trade, done: ids.filter((id) => done.has(id)).length, total: ids.length, studyHours: hours(minutesOf(ids)) };
    })
    .filter((summary) => summary.done > 0 || modules.some((module) => module.trade === summary.trade));

  const paths = catalogue.paths
    .map((entry) => {
      const ids = [...new Set(entry.stages.flatMap((stage) => stage.modules))];
      const stageHoursDone = entry.stages.filter((stage) => stage.modules.length > 0 && stage.modules.every((id) => done.has(id))).reduce((sum, stage) => sum + stage.hours, 0);
      return { id: entry.id, title: entry.title, done: ids.filter((id) => done.has(id)).length, total: ids.length, studyHours: hours(minutesOf(ids)), stageHoursDone, hours: entry.hours };
    })
    .filter((summary) => summary.done > 0);

  return { modules, trades, paths };
}
