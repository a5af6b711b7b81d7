import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { type Database, Mutex, type Queryable, type Row, type SqlValue } from './database.ts';
import { readMigrations } from './migrations.ts';

/** Prepared statements of one connection, by SQL text. */
class StatementCache {
  readonly #connection: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();

  constructor(connection: DatabaseSync) {
    this.#connection = connection;
  }

  get(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (this.#statements.size > 500) this.#statements.clear();
      statement = this.#connection.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

function bind(params: readonly SqlValue[]): SqlValue[] {
  return params.map((value) => (value === undefined ? null : value));
}

function queryable(cache: StatementCache): Queryable {
  return {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return cache.get(sql).all(...bind(params)) as T[];
    },
    async get<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return cache.get(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return Number(cache.get(sql).run(...bind(params)).changes);
    },
  };
}

interface PendingWork {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * SQLite through node:sqlite: one file, WAL, `synchronous=FULL` (a commit is on disk before the
 * service answers 2xx). One writer connection; reads go to a second connection, which sees
 * committed data only.
 *
 * Group commit: transactions that arrive together (in one turn of the event loop) run one after
 * the other inside one SQLite transaction, each in its own SAVEPOINT (a failing one is rolled
 * back alone), and share one COMMIT — one fsync for the group instead of one each. Each caller
 * is answered only after that COMMIT, so an acknowledged write is still on disk.
 */
export class SqliteDatabase implements Database {
  readonly dialect = 'sqlite' as const;
  readonly description: string;
  readonly file: string;
  readonly #writer: DatabaseSync;
  readonly #reader: DatabaseSync;
  readonly #writes: Queryable;
  readonly #reads: Queryable;
  readonly #lock = new Mutex();
  readonly #pending: PendingWork[] = [];
  #scheduled = false;
  #closed = false;

  constructor(file: string) {
    this.file = file;
    this.description = `SQLite ${file}`;
    const memory = file === ':memory:';
    if (!memory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.#writer = new DatabaseSync(file);
    this.#writer.exec('PRAGMA busy_timeout = 10000');
    if (!memory) this.#writer.exec('PRAGMA journal_mode = WAL');
    this.#writer.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON');
    // The reader needs the WAL files the writer just created.
    this.#reader = memory ? this.#writer : new DatabaseSync(file, { readOnly: true });
    if (!memory) this.#reader.exec('PRAGMA busy_timeout = 10000');
    this.#writes = queryable(new StatementCache(this.#writer));
    this.#reads = memory ? this.#writes : queryable(new StatementCache(this.#reader));
  }

  all<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#reads.all<T>(sql, params);
  }

  get<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.#reads.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  /** Every transaction holds the one writer, so they are all serialised (and grouped, see above). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error('The database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // Let the requests read in this turn of the event loop queue their work first.
        setImmediate(() => {
          this.#scheduled = false;
          void this.#lock.run(() => this.#runGroups());
        });
      }
    });
  }

  async #runGroups(): Promise<void> {
    while (this.#pending.length > 0) {
      const group = this.#pending.splice(0, 100);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        this.#writer.exec('BEGIN IMMEDIATE');
      } catch (error) {
        for (const item of group) item.reject(error);
        continue;
      }
      for (const [index, item] of group.entries()) {
        const savepoint = `work_${index}`;
        this.#writer.exec(`SAVEPOINT ${savepoint}`);
        try {
          const value = await item.work(this.#writes);
          this.#writer.exec(`RELEASE ${savepoint}`);
          outcomes.push({ ok: true, value });
        } catch (error) {
          this.#writer.exec(`ROLLBACK TO ${savepoint}`);
          this.#writer.exec(`RELEASE ${savepoint}`);
          outcomes.push({ ok: false, error });
        }
      }
      try {
        this.#writer.exec('COMMIT');
      } catch (error) {
        if (this.#writer.isTransaction) this.#writer.exec('ROLLBACK');
        for (const item of group) item.reject(error);
        continue;
      }
      group.forEach((item, index) => {
        const outcome = outcomes[index]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    }
  }

  migrate(): Promise<string[]> {
    return this.#lock.run(async () => {
      this.#writer.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set((this.#writer.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((row) => row.name));
      const applied: string[] = [];
      for (const migration of readMigrations('sqlite')) {
        if (done.has(migration.name)) continue;
        this.#writer.exec('BEGIN IMMEDIATE');
        try {
          this.#writer.exec(migration.sql);
          this.#writer.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(migration.name, new Date().toISOString());
          this.#writer.exec('COMMIT');
        } catch (error) {
          this.#writer.exec('ROLLBACK');
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.name);
      }
      return applied;
    });
  }

  async backup(target: string): Promise<void> {
    // VACUUM INTO copies one read transaction's snapshot: consistent, and writers go on (WAL).
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    this.#reader.prepare('VACUUM INTO ?').run(target);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#lock.run(async () => {
      await this.#runGroups();
      if (this.#reader !== this.#writer) this.#reader.close();
      // A checkpoint folds the WAL into the main file, so the file alone is the whole database.
      try {
        this.#writer.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      } catch {
        // Another process may hold the database; its own close will checkpoint.
      }
      this.#writer.close();
    });
  }
}
