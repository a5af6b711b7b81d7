import type { CredentialView } from '../../../schemas/credential.ts';
import type { PathsResponse } from '../../../schemas/validation-api.ts';
import type { LocalStatement, SyncState } from './queue-state.ts';
import { initialSyncState } from './queue-state.ts';
import { isLocalActor, localActor, withActor, type AccountActor } from './statements.ts';

/**
 * The local record in IndexedDB (the browser's own API, wrapped just enough): it survives
 * reloads and closing the browser, works offline and without an account. Two stores:
 * `statements` (LocalStatement by id, indexed by state) and `meta` (small values by key).
 */
const databaseName = 'relais-progress';
const version = 1;

/** What this device knows of its apprentice once they joined (or recovered). */
export interface Identity {
  actor: AccountActor;
  apprenticeId: string;
  nickname: string | null;
  /** Bearer token (the HttpOnly cookie holds the same one on the service's origin). */
  token: string;
  joinedAt: string;
  cohorts: { id: string; name: string }[];
}

export interface ServiceRecord {
  apprenticeId: string;
  /** When it was read (ISO). */
  at: string;
  paths: PathsResponse['paths'];
  credentials: CredentialView[];
}

interface MetaValues {
  localActor: AccountActor;
  identity: Identity;
  sync: SyncState;
  /** The service's last answer about this apprentice's paths and certificates, shown offline (saying when it was read). */
  serviceRecord: ServiceRecord;
  /** Which tab sends the queue, where there are no Web Locks. */
  lease: { owner: string; until: number };
  /** `<activity>|<day>` of the last `experienced`, per module: at most once a day. */
  [experienced: `experienced:${string}`]: string;
}
type MetaKey = keyof MetaValues & string;

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(databaseName, version);
  req.onupgradeneeded = () => {
    const db = req.result;
    const statements = db.createObjectStore('statements', { keyPath: 'id' });
    statements.createIndex('state', 'state');
    db.createObjectStore('meta');
  };
  return request(req);
}

export class ProgressStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<ProgressStore> {
    const db = await open();
    // Another tab upgrading the schema later: let it, this page reopens on its next load.
    db.onversionchange = () => db.close();
    return new ProgressStore(db);
  }

  async add(record: LocalStatement): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    tx.objectStore('statements').add(record);
    await done(tx);
  }

  async put(records: readonly LocalStatement[]): Promise<void> {
    if (records.length === 0) return;
    const tx = this.db.transaction('statements', 'readwrite');
    const store = tx.objectStore('statements');
    for (const record of records) store.put(record);
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    tx.objectStore('statements').delete(id);
    await done(tx);
  }

  async get(id: string): Promise<LocalStatement | undefined> {
    return request(this.db.transaction('statements').objectStore('statements').get(id));
  }

  async all(): Promise<LocalStatement[]> {
    return request(this.db.transaction('statements').objectStore('statements').getAll());
  }

  /** Queued statements, oldest first. */
  async queued(limit = Infinity): Promise<LocalStatement[]> {
    const records: LocalStatement[] = await request(this.db.transaction('statements').objectStore('statements').index('state').getAll('queued'));
    return records.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).slice(0, limit);
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    return request(this.db.transaction('meta').objectStore('meta').get(key));
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value, key);
    await done(tx);
  }

  async deleteMeta(key: MetaKey): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').delete(key);
    await done(tx);
  }

  async syncState(): Promise<SyncState> {
    return (await this.getMeta('sync')) ?? initialSyncState;
  }

  /** The actor for a new statement: the joined apprentice's, else this device's anonymous one. */
  async currentActor(site: string): Promise<AccountActor> {
    const identity = await this.getMeta('identity');
    if (identity) return identity.actor;
    const existing = await this.getMeta('localActor');
    if (existing) return existing;
    const created = localActor(site);
    await this.setMeta('localActor', created);
    return created;
  }

  /**
   * Joined (or recovered): keep the identity, and give every statement still queued under the
   * anonymous local actor the apprentice's actor, in one transaction, before anything is sent.
   * Statements queued under another apprentice (someone else used this phone) are left alone.
   */
  async adopt(identity: Identity): Promise<number> {
    const tx = this.db.transaction(['statements', 'meta'], 'readwrite');
    const statements = tx.objectStore('statements');
    tx.objectStore('meta').put(identity, 'identity');
    tx.objectStore('meta').put({ failures: 0, nextAttemptAt: null, lastSyncAt: null, lastError: null, needsRecovery: false } satisfies SyncState, 'sync');
    let rewritten = 0;
    const cursor = statements.index('state').openCursor('queued');
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      const record = at.value as LocalStatement;
      if (isLocalActor(record.statement.actor)) {
        at.update({ ...record, statement: withActor(record.statement, identity.actor) });
        rewritten += 1;
      }
      at.continue();
    };
    await done(tx);
    return rewritten;
  }

  /** Takes the sync lease if it is free or expired (one readwrite transaction: atomic across tabs). */
  async takeLease(owner: string, now: number, forMs: number): Promise<boolean> {
    const tx = this.db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    let taken = false;
    const current = meta.get('lease');
    current.onsuccess = () => {
      const lease = current.result as MetaValues['lease'] | undefined;
      if (!lease || lease.until < now || lease.owner === owner) {
        meta.put({ owner, until: now + forMs }, 'lease');
        taken = true;
      }
    };
    await done(tx);
    return taken;
  }

  async releaseLease(owner: string): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const current = meta.get('lease');
    current.onsuccess = () => {
      if ((current.result as MetaValues['lease'] | undefined)?.owner === owner) meta.delete('lease');
    };
    await done(tx);
  }

  /** Logged out on this device: statements stay (they are this device's history), the identity goes. */
  async forget(): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').delete('identity');
    tx.objectStore('meta').delete('sync');
    tx.objectStore('meta').delete('serviceRecord');
    await done(tx);
  }
}
