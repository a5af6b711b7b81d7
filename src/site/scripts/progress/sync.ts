import { batchSize, markRejected, markSynced, maySend, nextSyncState, outcomeOf, shouldSplit, type LocalStatement, type Outcome } from './queue-state.ts';
import { isLocalActor, withActor } from './statements.ts';
import type { Identity, ProgressStore } from './store.ts';
import { serviceUrl } from './service-url.ts';

/**
 * Sends the queue to the service once the apprentice has joined (docs/adr/0010): batches of
 * statements POSTed to /xapi/statements, idempotent by statement id, so a batch cut off halfway
 * is simply sent again. One tab at a time (Web Locks, or an IndexedDB lease where the browser
 * has no Web Locks, e.g. a plain-http LAN address).
 */
export const statementsUrl = '/xapi/statements';
const lockName = 'relais-progress-sync';
/** Other tabs and the "My progress" page hear about changes on this channel. */
export const changesChannel = 'relais-progress';
const leaseMs = 60_000;

export function announceChange(): void {
  window.dispatchEvent(new Event('relais:progress-change'));
  try {
    const channel = new BroadcastChannel(changesChannel);
    channel.postMessage('change');
    channel.close();
  } catch {
    // no BroadcastChannel: other tabs see it at their next timer
  }
}

async function post(records: readonly LocalStatement[], identity: Identity): Promise<{ status: number | 'network'; message: string }> {
  try {
    const response = await fetch(serviceUrl(statementsUrl), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: `Bearer ${identity.token}` },
      body: JSON.stringify(records.map((record) => record.statement)),
      // A request that never answers must not hold the sync lock for ever: count it as a network failure.
      signal: AbortSignal.timeout(30_000),
    });
    let message = response.statusText;
    if (!response.ok) {
      try {
        const body = (await response.json()) as { message?: unknown };
        if (typeof body.message === 'string') message = body.message;
      } catch {
        // not JSON: keep the status text
      }
    }
    return { status: response.status, message };
  } catch (error) {
    return { status: 'network', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `work` holding the sync lock, or not at all if another tab holds it. */
async function exclusively(store: ProgressStore, work: () => Promise<void>): Promise<boolean> {
  if ('locks' in navigator && navigator.locks) {
    return navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
  }
  // IndexedDB lease: transactions on one store run one after the other, so read-then-write is atomic.
  const owner = Math.random().toString(36).slice(2);
  if (!(await store.takeLease(owner, Date.now(), leaseMs))) return false;
  try {
    await work();
  } finally {
    await store.releaseLease(owner);
  }
  return true;
}

/** Statements this identity may send: its own, and anonymous ones (given its actor first). */
function sendable(records: readonly LocalStatement[], identity: Identity): { send: LocalStatement[]; rewritten: LocalStatement[] } {
  const rewritten = records.filter((record) => isLocalActor(record.statement.actor)).map((record) => ({ ...record, statement: withActor(record.statement, identity.actor) }));
  const own = records.filter((record) => record.statement.actor.account.name === identity.actor.account.name && record.statement.actor.account.homePage === identity.actor.account.homePage);
  return { send: [...own, ...rewritten].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)), rewritten };
}

export type SyncResult = 'not-joined' | 'busy' | 'waiting' | 'done' | 'retry' | 'needs-recovery';

/** One pass: sends batches until the queue is empty or something stops it. */
export async function syncOnce(store: ProgressStore, options: { force?: boolean } = {}): Promise<SyncResult> {
  const identity = await store.getMeta('identity');
  if (!identity) return 'not-joined';
  let result: SyncResult = 'done';
  const ran = await exclusively(store, async () => {
    let state = await store.syncState();
    const online = navigator.onLine !== false;
    if (!maySend(options.force && online ? { ...state, nextAttemptAt: null } : state, Date.now(), online)) {
      result = state.needsRecovery ? 'needs-recovery' : 'waiting';
      return;
    }
    let changed = false;
    for (;;) {
      const { send, rewritten } = sendable(await store.queued(), identity);
      await store.put(rewritten);
      const batch = send.slice(0, batchSize);
      if (batch.length === 0) {
        if (changed) state = { ...state, lastSyncAt: new Date().toISOString() };
        break;
      }
      const answer = await post(batch, identity);
      let outcome: Outcome = outcomeOf(answer.status);
      if (shouldSplit(outcome, batch.length)) {
        // One of them is refused: send each alone, so the others still get through.
        for (const record of batch) {
          const single = await post([record], identity);
          const singleOutcome = outcomeOf(single.status);
          if (singleOutcome === 'stored') await store.put(markSynced([record], new Date()));
          else if (singleOutcome === 'refused') await store.put([markRejected(record, single.status as number, single.message)]);
          else { outcome = singleOutcome; Object.assign(answer, single); break; }
        }
        if (outcome === 'refused') outcome = 'stored';
      } else if (outcome === 'stored') {
        await store.put(markSynced(batch, new Date()));
      } else if (outcome === 'refused') {
        await store.put([markRejected(batch[0]!, answer.status as number, answer.message)]);
      }
      changed = true;
      const queueEmpty = sendable(await store.queued(1), identity).send.length === 0;
      state = nextSyncState(state, outcome, new Date(), { queueEmpty, error: outcome === 'stored' ? undefined : `${answer.status}: ${answer.message}` });
      if (outcome === 'unauthorised') { result = 'needs-recovery'; break; }
      if (outcome === 'retry') { result = 'retry'; break; }
    }
    await store.setMeta('sync', state);
    if (changed) announceChange();
  });
  return ran ? result : 'busy';
}

/**
 * Keeps syncing while a page is open: now, when the device comes back online, every minute,
 * and at the retry time after a failure.
 */
export interface Syncing {
  /** Something was recorded: send it soon (a short pause lets a few statements share a request). */
  poke(): void;
  stop(): void;
}
export function keepSyncing(store: ProgressStore, everyMs = 60_000): Syncing {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const run = async (force = false): Promise<void> => {
    // Asked while a pass runs (a statement just recorded): one more pass right after it.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await syncOnce(store, { force });
    } catch {
      // IndexedDB closed or blocked: the next trigger tries again
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      return run();
    }
    const state = await store.syncState().catch(() => undefined);
    clearTimeout(timer);
    const retryIn = state?.nextAttemptAt ? Math.max(1_000, state.nextAttemptAt - Date.now()) : everyMs;
    timer = setTimeout(() => void run(), Math.min(retryIn, 10 * 60_000));
  };
  const online = () => void run(true);
  addEventListener('online', online);
  void run();
  return {
    poke() {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), 1_500);
    },
    stop() {
      clearTimeout(timer);
      removeEventListener('online', online);
    },
  };
}
