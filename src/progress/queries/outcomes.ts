import type { DueItem, FollowUpStatus, Milestone, OutcomeGroup, OutcomeReport } from '../../schemas/followup-api.ts';
import type { ContentCatalogue } from '../catalogue.ts';
import { csvDocument } from '../csv.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { type CompletionCounts, type FollowUpTally, outcomeGroup } from '../outcomes.ts';
import { completedPathApprentices } from '../path-completion.ts';
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
 * per cohort, per path, per trade and in total. The database counts: enrolments per cohort,
 * the apprentices who completed their path (`completedPathApprentices`), and follow-ups tallied
 * by cohort, exit outcome, milestone, due or not, and status — a few hundred rows for 10,000
 * apprentices; the groups are sums of per-cohort figures.
 */
export async function outcomeReport(db: Queryable, catalogue: ContentCatalogue, cohorts: readonly CohortRow[], options: { asOf: string; scope: OutcomeReport['scope']; totalLabel: string }): Promise<OutcomeReport> {
  const ids = cohorts.map((cohort) => cohort.id);
  const enrolled = await inChunks(ids, (chunk) => db.all<{ cohort_id: string; count: number | string }>(`SELECT cohort_id, COUNT(*) AS count FROM enrolments WHERE cohort_id IN (${placeholders(chunk.length)}) GROUP BY cohort_id`, chunk));
  const completed = await completedPathApprentices(db, catalogue, cohorts);
  const tallyRows = await inChunks(ids, (chunk) =>
    db.all<{ cohort_id: string; outcome: string; milestone: number | string; due: number | string; status: string | null; count: number | string }>(
      `SELECT e.cohort_id, e.outcome, f.milestone, CASE WHEN f.due_on <= ? THEN 1 ELSE 0 END AS due, f.status, COUNT(*) AS count
         FROM exits e JOIN follow_ups f ON f.exit_id = e.id
        WHERE e.cohort_id IN (${placeholders(chunk.length)}) AND e.left_on <= ?
        GROUP BY 1, 2, 3, 4, 5`,
      [options.asOf, ...chunk, options.asOf],
    ),
  );

  const enrolments = new Map(enrolled.map((row) => [row.cohort_id, Number(row.count)]));
  const talliesOf = Map.groupBy(
    tallyRows.map((row) => ({ cohortId: row.cohort_id, outcome: row.outcome as FollowUpTally['outcome'], milestone: Number(row.milestone) as Milestone, due: Number(row.due) === 1, status: row.status as FollowUpStatus | null, count: Number(row.count) })),
    (tally) => tally.cohortId,
  );
  const completionOf = (cohort: CohortRow): CompletionCounts => {
    const apprentices = enrolments.get(cohort.id) ?? 0;
    const done = completed.get(cohort.id);
    return { apprentices, withPath: done ? apprentices : 0, completed: done?.size ?? 0 };
  };

  const summarise = (key: string, label: string, members: readonly CohortRow[]): OutcomeGroup => {
    const completion = { apprentices: 0, withPath: 0, completed: 0 };
    for (const cohort of members) {
      const counts = completionOf(cohort);
      completion.apprentices += counts.apprentices;
      completion.withPath += counts.withPath;
      completion.completed += counts.completed;
    }
    return outcomeGroup({ key, label, cohorts: members.length }, completion, members.flatMap((cohort) => talliesOf.get(cohort.id) ?? []));
  };
  const pathOf = (cohort: CohortRow) => (cohort.path_id ? catalogue.path(cohort.path_id) : undefined);
  const byPath = Map.groupBy(cohorts, (cohort) => cohort.path_id ?? '');
  const byTrade = Map.groupBy(cohorts, (cohort) => pathOf(cohort)?.trade ?? '');
  const sorted = (groups: OutcomeGroup[]) => groups.sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label, 'fr')));
  return {
    asOf: options.asOf,
    scope: options.scope,
    total: summarise('total', options.totalLabel, cohorts),
    byCohort: cohorts.map((cohort) => summarise(cohort.id, cohort.name, [cohort])),
    byPath: sorted(
      [...byPath].map(([pathId, members]) => {
        const learningPath = pathId ? catalogue.path(pathId) : undefined;
        return summarise(pathId || 'none', learningPath ? textOf(learningPath.title) : pathId || 'none', members);
      }),
    ),
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
