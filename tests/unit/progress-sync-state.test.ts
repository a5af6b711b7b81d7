import { describe, expect, it } from 'vitest';
import { backoff, retryDelay } from '../../src/site/scripts/progress/backoff.ts';
import { initialSyncState, markRejected, markSynced, maySend, nextSyncState, outcomeOf, shouldSplit, type LocalStatement } from '../../src/site/scripts/progress/queue-state.ts';
import { completedModule, localActor } from '../../src/site/scripts/progress/statements.ts';

const now = new Date('2026-03-02T09:00:00.000Z');

describe('retry schedule (exponential backoff with jitter, capped)', () => {
  it('doubles from the base and never passes the cap', () => {
    const highest = (failures: number) => retryDelay(failures, () => 0.999999);
    expect(highest(1)).toBe(backoff.baseMs);
    expect(highest(2)).toBe(2 * backoff.baseMs);
    expect(highest(3)).toBe(4 * backoff.baseMs);
    expect(highest(30)).toBe(backoff.capMs);
    expect(backoff.capMs).toBeLessThanOrEqual(10 * 60_000);
  });

  it('spreads phones out: between half and all of the step', () => {
    expect(retryDelay(3, () => 0)).toBe(2 * backoff.baseMs);
    const delays = new Set(Array.from({ length: 50 }, () => retryDelay(4)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(4 * backoff.baseMs);
      expect(delay).toBeLessThanOrEqual(8 * backoff.baseMs);
    }
  });
});

describe('what an answer means for the queue', () => {
  it.each([
    [200, 'stored'], [204, 'stored'],
    [400, 'refused'], [403, 'refused'], [409, 'refused'], [413, 'refused'],
    [401, 'unauthorised'],
    [500, 'retry'], [502, 'retry'], [503, 'retry'], [429, 'retry'], ['network', 'retry'],
  ] as const)('%s → %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });

  it('a refused batch is split to find the bad statement; a refused single one is dropped', () => {
    expect(shouldSplit('refused', 50)).toBe(true);
    expect(shouldSplit('refused', 1)).toBe(false);
    expect(shouldSplit('retry', 50)).toBe(false);
  });

  it('marks records synced or rejected with the reason', () => {
    const statement = completedModule({ activity: 'http://localhost:4321/a/b/', title: 'B', language: 'fr' }, localActor('http://localhost:4321'), now);
    const record: LocalStatement = { id: statement.id, statement, state: 'queued', recordedAt: now.toISOString() };
    expect(markSynced([record], now)[0]).toMatchObject({ state: 'synced', syncedAt: now.toISOString() });
    expect(markRejected(record, 409, 'Statement exists with other content')).toMatchObject({ state: 'rejected', error: '409: Statement exists with other content' });
  });
});

describe('sync state transitions', () => {
  it('failures back off, then a success resets and records when all was sent', () => {
    const first = nextSyncState(initialSyncState, 'retry', now, { queueEmpty: false, error: '503: down', random: () => 0 });
    expect(first).toMatchObject({ failures: 1, lastError: '503: down' });
    expect(first.nextAttemptAt).toBe(now.getTime() + backoff.baseMs / 2);
    expect(maySend(first, now.getTime(), true)).toBe(false);
    expect(maySend(first, first.nextAttemptAt!, true)).toBe(true);
    const second = nextSyncState(first, 'retry', now, { queueEmpty: false, random: () => 0 });
    expect(second.failures).toBe(2);
    expect(second.nextAttemptAt).toBe(now.getTime() + backoff.baseMs);
    const ok = nextSyncState(second, 'stored', now, { queueEmpty: true });
    expect(ok).toEqual({ failures: 0, nextAttemptAt: null, lastSyncAt: now.toISOString(), lastError: null, needsRecovery: false });
  });

  it('401 stops sending until the recovery code is entered; offline never sends', () => {
    const state = nextSyncState(initialSyncState, 'unauthorised', now, { queueEmpty: false });
    expect(state.needsRecovery).toBe(true);
    expect(maySend(state, now.getTime(), true)).toBe(false);
    expect(maySend(initialSyncState, now.getTime(), false)).toBe(false);
    expect(maySend(initialSyncState, now.getTime(), true)).toBe(true);
  });
});
