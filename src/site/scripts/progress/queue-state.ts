import type { Statement } from './statements.ts';
import { retryDelay } from './backoff.ts';

/**
 * The local record's life: a statement is `queued` until the service stores it (`synced`) or
 * refuses it for good (`rejected`, kept with the reason, never resent). Pure functions: the
 * sync loop (sync.ts) only does I/O around them.
 */
export type RecordState = 'queued' | 'synced' | 'rejected';
export interface LocalStatement {
  id: string;
  statement: Statement;
  state: RecordState;
  /** When it was recorded on this device (ISO). */
  recordedAt: string;
  syncedAt?: string;
  /** Why the service refused it. */
  error?: string;
}

export interface SyncState {
  /** Network or server failures in a row (0 after a success). */
  failures: number;
  /** Not before this time (ms since epoch), after failures. */
  nextAttemptAt: number | null;
  /** Last time the queue was emptied (ISO). */
  lastSyncAt: string | null;
  lastError: string | null;
  /** The service no longer knows this device's token: ask for the recovery code. */
  needsRecovery: boolean;
}
export const initialSyncState: SyncState = { failures: 0, nextAttemptAt: null, lastSyncAt: null, lastError: null, needsRecovery: false };

/** What an answer from `POST /xapi/statements` means for the statements sent. */
export type Outcome = 'stored' | 'refused' | 'unauthorised' | 'retry';
export function outcomeOf(status: number | 'network'): Outcome {
  if (status === 'network') return 'retry';
  if (status === 200 || status === 204) return 'stored';
  if (status === 401) return 'unauthorised';
  // 400 a bug in the statement, 409 this id was stored with other content, 403 not this
  // apprentice's actor, 413 too large: resending the same thing can never succeed.
  if (status === 400 || status === 403 || status === 409 || status === 413) return 'refused';
  // 5xx, 429 (rate limit), anything unexpected: try again later.
  return 'retry';
}

export function markSynced(records: readonly LocalStatement[], at: Date): LocalStatement[] {
  return records.map((record) => ({ ...record, state: 'synced', syncedAt: at.toISOString() }));
}

export function markRejected(record: LocalStatement, status: number, message: string): LocalStatement {
  return { ...record, state: 'rejected', error: `${status}: ${message}`.slice(0, 500) };
}

/**
 * A refused batch of several statements is sent again one by one, so that one bad statement
 * does not take good ones down with it; a refused single statement is rejected.
 */
export const shouldSplit = (outcome: Outcome, batchSize: number): boolean => outcome === 'refused' && batchSize > 1;

/** The sync state after one attempt. */
export function nextSyncState(state: SyncState, outcome: Outcome, now: Date, options: { queueEmpty: boolean; error?: string; random?: () => number }): SyncState {
  switch (outcome) {
    case 'stored':
    case 'refused':
      return { failures: 0, nextAttemptAt: null, lastSyncAt: options.queueEmpty ? now.toISOString() : state.lastSyncAt, lastError: outcome === 'refused' ? (options.error ?? null) : null, needsRecovery: false };
    case 'unauthorised':
      return { ...state, failures: 0, nextAttemptAt: null, needsRecovery: true, lastError: options.error ?? null };
    case 'retry': {
      const failures = state.failures + 1;
      return { ...state, failures, nextAttemptAt: now.getTime() + retryDelay(failures, options.random), lastError: options.error ?? null };
    }
  }
}

/** Whether the loop may send now: joined, online, not waiting for a recovery code nor a backoff. */
export function maySend(state: SyncState, now: number, online: boolean): boolean {
  return online && !state.needsRecovery && (state.nextAttemptAt === null || now >= state.nextAttemptAt);
}

/** At most this many statements per request (the service's body limit is generous; phones are not). */
export const batchSize = 50;
