import type { GridResponse, GridRow } from '../../../schemas/centre-api.ts';
import { localText } from '../../../i18n/text.ts';

/**
 * Pure helpers of the cohort grid (tested in tests/unit/tutor-grid-model.test.ts): how long ago,
 * who has gone quiet, sorting, filtering, and the modules grouped by path stage.
 */

const day = 86_400_000;
/** A tutor's first question: who has not done anything for two weeks? */
export const inactiveAfterDays = 14;

export type SortKey = 'name' | 'progress' | 'activity';
export type SortDirection = 'ascending' | 'descending';

/** The name a tutor knows an apprentice by: the nickname, else the pseudonymous id. */
export const apprenticeName = (row: Pick<GridRow, 'apprentice'>): string => row.apprentice.nickname ?? row.apprentice.id;

/**
 * "3 days ago", "yesterday", "now", in the page's language. From 22 hours on it counts days (so
 * "24 hours ago" reads "yesterday"); days up to 4 weeks, as "20 days" says more than "3 weeks".
 */
export function relativeTime(iso: string, now: number, lang: string): string {
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const seconds = (Date.parse(iso) - now) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, 'second');
  const [unit, size]: [Intl.RelativeTimeFormatUnit, number] =
    abs < 3600 ? ['minute', 60] : abs < 22 * 3600 ? ['hour', 3600] : abs < 28 * 86_400 ? ['day', 86_400] : abs < 365 * 86_400 ? ['month', 30 * 86_400] : ['year', 365 * 86_400];
  return format.format(Math.round(seconds / size) || Math.sign(seconds), unit);
}

/** Whole days since the last activity (or since joining, for someone who never started). */
export function daysInactive(row: Pick<GridRow, 'lastActivityAt' | 'joinedAt'>, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(row.lastActivityAt ?? row.joinedAt)) / day));
}

export const isInactive = (row: Pick<GridRow, 'lastActivityAt' | 'joinedAt'>, now: number) => daysInactive(row, now) >= inactiveAfterDays;

/** Rows sorted by a column; ties keep the name order so the table never jumps around. */
export function sortRows(rows: readonly GridRow[], key: SortKey, direction: SortDirection, lang: string): GridRow[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const byName = (a: GridRow, b: GridRow) => collator.compare(apprenticeName(a), apprenticeName(b)) || a.apprentice.id.localeCompare(b.apprentice.id);
  const time = (row: GridRow) => (row.lastActivityAt ? Date.parse(row.lastActivityAt) : -Infinity);
  const compare: Record<SortKey, (a: GridRow, b: GridRow) => number> = {
    name: byName,
    progress: (a, b) => a.hoursDone - b.hoursDone || a.modulesCompleted - b.modulesCompleted,
    activity: (a, b) => (time(a) === time(b) ? 0 : time(a) < time(b) ? -1 : 1),
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare[key](a, b) || byName(a, b));
}

/** Rows whose name contains the query, ignoring case and accents. */
export function filterRows(rows: readonly GridRow[], query: string): GridRow[] {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const needle = fold(query.trim());
  return needle ? rows.filter((row) => fold(apprenticeName(row)).includes(needle)) : [...rows];
}

export interface ModuleGroup {
  /** The stage's title in the page's language (or the language it falls back to), null for modules outside the path. */
  title: { text: string; lang: string } | null;
  hours: number | null;
  modules: GridResponse['modules'];
}

/**
 * The grid's column groups: each path stage with modules (title and planned hours), in path
 * order, then modules outside any stage (a cohort without a path, or work beyond it).
 */
export function groupModulesByStage(grid: Pick<GridResponse, 'path' | 'modules'>, lang: string): ModuleGroup[] {
  const groups: ModuleGroup[] = [];
  const stages = grid.path?.stages ?? [];
  stages.forEach((stage, index) => {
    const modules = grid.modules.filter((module) => module.stage === index);
    if (modules.length === 0) return;
    groups.push({ title: localText(stageTitle(stage.title), lang), hours: stage.hours, modules });
  });
  const loose = grid.modules.filter((module) => module.stage === null || module.stage >= stages.length);
  if (loose.length > 0) groups.push({ title: null, hours: null, modules: loose });
  return groups;
}

/** A stage title from the service in the page's language (or the language it falls back to). */
export const stageTitleText = (value: unknown, lang: string) => localText(stageTitle(value), lang);

/** A stage title from the service is `{fr, en, …}` or a string; anything else shows nothing. */
function stageTitle(value: unknown): string | Record<string, string> {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return '';
}

/**
 * Where a grid row stands in the cohort's path, in words (never a colour alone): the stage
 * reached and its status, the whole path complete, or nothing to say without a path.
 */
export function stageReachedOf(row: Pick<GridRow, 'stageStatus' | 'stageReached'>): { kind: 'none' } | { kind: 'complete' } | { kind: 'stage'; index: number; status: GridRow['stageStatus'][number] } {
  if (row.stageStatus.length === 0) return { kind: 'none' };
  if (row.stageReached === null) return { kind: 'complete' };
  return { kind: 'stage', index: row.stageReached, status: row.stageStatus[row.stageReached] ?? 'not-started' };
}

/** A scaled score (0–1) as a whole percentage. */
export const percent = (score: number) => Math.round(score * 100);

/** A calendar date `YYYY-MM-DD` in the page's language ("1 mars 2026"). */
export const formatDate = (date: string, lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Hours with at most one decimal ("17,5" in French). */
export const formatHours = (hours: number, lang: string) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(hours);
