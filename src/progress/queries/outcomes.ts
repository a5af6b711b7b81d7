import type { DueItem, FollowUpStatus, Milestone, OutcomeGroup, OutcomeReport } from '../../schemas/followup-api.ts';
import type { ContentCatalogue } from '../catalogue.ts';
import { csvDocument } from '../csv.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { type OutcomeEnrolment, type OutcomeExit, outcomeGroup } from '../outcomes.ts';
import { hasCompletedPath } from '../path-completion.ts';
import type { CohortRow } from './cohorts.ts';

const chunkSize = 500;

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += chunkSize) rows.push(...(await read(ids.slice(start, start + chunkSize))));
  return rows;
}

function textOf(title: string | Record<string, string>): string {
  return typeof title === 'string' ? title : (title.fr ?? Object.values(title)[0] ?? '');
}

/**
 * The outcome report over the given cohorts (already limited to what the caller may see):
 * per cohort, per path, per trade and in total. Three reads whatever the number of cohorts
 * (in chunks of 500 ids): enrolments, completed progress rows, exits with their follow-ups.
 */
export async function outcomeReport(db: Queryable, catalogue: ContentCatalogue, cohorts: readonly CohortRow[], options: { asOf: string; scope: OutcomeReport['scope']; totalLabel: string }): Promise<OutcomeReport> {
  const ids = cohorts.map((cohort) => cohort.id);
  const enrolled = await inChunks(ids, (chunk) => db.all<{ cohort_id: string; apprentice_id: string }>(`SELECT cohort_id, apprentice_id FROM enrolments WHERE cohort_id IN (${placeholders(chunk.length)})`, chunk));
  const withModules = cohorts.filter((cohort) => cohort.path_id && catalogue.path(cohort.path_id)).map((cohort) => cohort.id);
  const completions = await inChunks(withModules, (chunk) =>
    db.all<{ cohort_id: string; apprentice_id: string; module_id: string }>(
      `SELECT e.cohort_id, p.apprentice_id, p.module_id FROM enrolments e JOIN progress p ON p.apprentice_id = e.apprentice_id WHERE e.cohort_id IN (${placeholders(chunk.length)}) AND p.status = 'completed'`,
      chunk,
    ),
  );
  const exitRows = await inChunks(ids, (chunk) =>
    db.all<{ id: string; cohort_id: string; outcome: string; milestone: number; due_on: string; status: string | null }>(
      `SELECT e.id, e.cohort_id, e.outcome, f.milestone, f.due_on, f.status FROM exits e JOIN follow_ups f ON f.exit_id = e.id WHERE e.cohort_id IN (${placeholders(chunk.length)}) AND e.left_on <= ?`,
      [...chunk, options.asOf],
    ),
  );

  const completedOf = new Map<string, Set<string>>();
  for (const row of completions) {
    const key = `${row.cohort_id} ${row.apprentice_id}`;
    let set = completedOf.get(key);
    if (!set) completedOf.set(key, (set = new Set()));
    set.add(row.module_id);
  }
  const enrolmentsOf = new Map<string, OutcomeEnrolment[]>();
  const cohortById = new Map(cohorts.map((cohort) => [cohort.id, cohort]));
  for (const row of enrolled) {
    const cohort = cohortById.get(row.cohort_id)!;
    const learningPath = cohort.path_id ? catalogue.path(cohort.path_id) : undefined;
    const completed = learningPath ? hasCompletedPath(completedOf.get(`${row.cohort_id} ${row.apprentice_id}`) ?? new Set(), learningPath) : null;
    const list = enrolmentsOf.get(row.cohort_id) ?? [];
    list.push({ completed });
    enrolmentsOf.set(row.cohort_id, list);
  }
  const exitsById = new Map<string, OutcomeExit & { cohortId: string }>();
  for (const row of exitRows) {
    let exit = exitsById.get(row.id);
    if (!exit) exitsById.set(row.id, (exit = { cohortId: row.cohort_id, outcome: row.outcome as OutcomeExit['outcome'], followUps: [] }));
    exit.followUps.push({ milestone: Number(row.milestone) as Milestone, dueOn: row.due_on, status: row.status as FollowUpStatus | null });
  }
  const exitsOf = Map.groupBy(exitsById.values(), (exit) => exit.cohortId);

  const summarise = (key: string, label: string, members: readonly CohortRow[]): OutcomeGroup =>
    outcomeGroup(
      { key, label, cohorts: members.length },
      members.flatMap((cohort) => enrolmentsOf.get(cohort.id) ?? []),
      members.flatMap((cohort) => exitsOf.get(cohort.id) ?? []),
      options.asOf,
    );
  const pathOf = (cohort: CohortRow) => (cohort.path_id ? catalogue.path(cohort.path_id) : undefined);
  const byPath = Map.groupBy(cohorts, (cohort) => cohort.path_id ?? '');
  const byTrade = Map.groupBy(cohorts, (cohort) => pathOf(cohort)?.trade ?? '');
  const sorted = (groups: OutcomeGroup[]) => groups.sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label, 'fr')));
  return {
    asOf: options.asOf,
    scope: options.scope,
    total: summarise('total', options.totalLabel, cohorts),
    byCohort: cohorts.map((cohort) => summarise(cohort.id, cohort.name, [cohort])),
    byPath: sorted([...byPath].map(([pathId, members]) => {
      const learningPath = pathId ? catalogue.path(pathId) : undefined;
      return summarise(pathId || 'none', learningPath ? textOf(learningPath.title) : pathId || 'none', members);
    })),
    byTrade: sorted([...byTrade].map(([trade, members]) => summarise(trade || 'none', trade || 'none', members))),
  };
}

/** The report as CSV: one row per group (kind, key, label), counts and rates in percent. */
export function outcomeReportCsv(report: OutcomeReport): string {
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  const header = ['group', 'key', 'label', 'cohorts', 'apprentices', 'with_path', 'completed', 'completion_rate_pct', 'exits', 'exits_job', 'exits_training', 'exits_other', 'placement_rate_pct'];
  for (const milestone of report.total.milestones) {
    const m = `m${milestone.milestone}`;
    header.push(`${m}_due`, `${m}_employed`, `${m}_training`, `${m}_searching`, `${m}_unreachable`, `${m}_not_recorded`, `${m}_not_yet_due`, `${m}_in_work_pct`, `${m}_in_training_pct`);
  }
  const line = (kind: string, group: OutcomeGroup) => {
    const cells: (string | number | null)[] = [kind, group.key, group.label, group.cohorts, group.apprentices, group.withPath, group.completed, percent(group.completionRate), group.exits.total, group.exits.job, group.exits.training, group.exits.other, percent(group.placementRate)];
    for (const m of group.milestones) cells.push(m.due, m.employed, m.training, m.searching, m.unreachable, m.notRecorded, m.notYetDue, percent(m.inWorkRate), percent(m.inTrainingRate));
    return cells;
  };
  return csvDocument([header, line('total', report.total), ...report.byCohort.map((group) => line('cohort', group)), ...report.byPath.map((group) => line('path', group)), ...report.byTrade.map((group) => line('trade', group))]);
}

/** The due list as CSV. */
export function dueListCsv(items: readonly DueItem[]): string {
  return csvDocument([
    ['when', 'due_on', 'milestone_months', 'cohort', 'cohort_name', 'apprentice', 'nickname', 'left_on', 'outcome', 'exit'],
    ...items.map((item) => [item.when, item.dueOn, item.milestone, item.cohort.id, item.cohort.name, item.apprentice.id, item.apprentice.nickname, item.leftOn, item.outcome, item.exitId]),
  ]);
}
