import { verbs } from '../../../schemas/xapi-verbs.ts';
import type { LocalStatement } from './queue-state.ts';

/**
 * Progress per module read from the local record, the way the service derives it
 * (docs/api.md, "Derived progress per module"): completed once a `completed` or `passed` has
 * the module itself as object and was not voided; scores from the module and its parts.
 */
export interface LocalModuleProgress {
  /** The module's activity id (`<site>/<trade>/<slug>/`). */
  activity: string;
  /** When "I did it" (or a passed module) happened, if it stands. */
  completedAt: string | null;
  /** The statement that says so (the one "undo" takes back). */
  completedBy: string | null;
  lastAt: string;
  /** Quizzes: last and best scaled score (0–1), attempts. */
  lastScore: number | null;
  bestScore: number | null;
  attempts: number;
  /** A quiz of the module was passed at least once (a `quiz` stage needs it, as on the service). */
  passed: boolean;
}

const moduleOf = (objectId: string) => objectId.replace(/#.*$/, '');

/** Statement ids taken back by a `voided` statement that still stands. */
export function voidedIds(records: readonly LocalStatement[]): Set<string> {
  return new Set(
    records
      .filter((record) => record.state !== 'rejected' && record.statement.verb.id === verbs.voided && record.statement.object.objectType === 'StatementRef')
      .map((record) => record.statement.object.id),
  );
}

export function progressByModule(records: readonly LocalStatement[]): Map<string, LocalModuleProgress> {
  const voided = voidedIds(records);
  const byModule = new Map<string, LocalModuleProgress>();
  const standing = records
    .filter((record) => record.state !== 'rejected' && !voided.has(record.id) && record.statement.object.objectType === 'Activity')
    .sort((a, b) => a.statement.timestamp.localeCompare(b.statement.timestamp));
  for (const { id, statement } of standing) {
    const activity = moduleOf(statement.object.id);
    const entry = byModule.get(activity) ?? { activity, completedAt: null, completedBy: null, lastAt: statement.timestamp, lastScore: null, bestScore: null, attempts: 0, passed: false };
    entry.lastAt = statement.timestamp;
    const onModule = statement.object.id === activity;
    if (onModule && (statement.verb.id === verbs.completed || statement.verb.id === verbs.passed)) {
      entry.completedAt = statement.timestamp;
      entry.completedBy = id;
    }
    if (statement.verb.id === verbs.passed || statement.verb.id === verbs.failed) entry.attempts += 1;
    if (statement.verb.id === verbs.passed) entry.passed = true;
    const scaled = statement.result?.score?.scaled;
    if (typeof scaled === 'number') {
      entry.lastScore = scaled;
      entry.bestScore = Math.max(entry.bestScore ?? scaled, scaled);
    }
    byModule.set(activity, entry);
  }
  return byModule;
}

/** Whether a statement about this object with this verb is already recorded (and stands). */
export function hasStanding(records: readonly LocalStatement[], objectId: string, verb: string): boolean {
  const voided = voidedIds(records);
  return records.some((record) => record.state !== 'rejected' && !voided.has(record.id) && record.statement.verb.id === verb && record.statement.object.id === objectId);
}
