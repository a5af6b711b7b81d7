import pg from 'pg';
import type { Database, Queryable, Row, SqlValue, TransactionOptions } from './database.ts';
import { readMigrations } from './migrations.ts';

/** int8 (counts, seq) and numeric as JS numbers: our values stay far below 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Key of the advisory lock that serialises statement writes (and migrations) across processes. */
const statementWriteLock = 727_001;
const migrationLock = 727_002;

const converted = new Map<string, string>();
/** `?` placeholders to `$1, $2, …` (our SQL never has `?` inside a literal). */
function toPostgres(sql: string): string {
  let text = converted.get(sql);
  if (text === undefined) {
    let index = 0;
    text = sql.replace(/\?/g, () => `$${++index}`);
    if (converted.size > 2000) converted.clear();
    converted.set(sql, text);
  }
  return text;
}

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : typeof value === 'bigint' ? value.toString() : value));
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async all<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(toPostgres(sql), bind(params))).rows as T[];
    },
    async get<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(toPostgres(sql), bind(params))).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return (await client.query(toPostgres(sql), bind(params))).rowCount ?? 0;
    },
  };
}

interface PendingWork {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * PostgreSQL through a `pg` pool (DATABASE_URL), for a network of centres on one server.
 * Statement writes are serialised by a transaction-scoped advisory lock, so several service
 * processes can share one database and still store statements in one order; within a process
 * they are group-committed: the statement writes waiting while a group runs form the next one,
 * in one transaction (one lock, one COMMIT), each in its own SAVEPOINT.
 */
export class PostgresDatabase implements Database {
  readonly dialect = 'postgres' as const;
  readonly description: string;
  readonly #pool: pg.Pool;
  readonly #queries: Queryable;
  readonly #pending: PendingWork[] = [];
  #running = false;

  constructor(url: string, options: { max?: number } = {}) {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    this.description = `PostgreSQL ${shown.toString()}`;
    this.#pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // An idle client losing its connection must not crash the service; the pool replaces it.
    this.#pool.on('error', () => {});
    this.#queries = queryable(this.#pool);
  }

  all<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#queries.all<T>(sql, params);
  }

  get<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.#queries.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.#queries.run(sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (options.serialise) {
      return new Promise<T>((resolve, reject) => {
        this.#pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
        void this.#runGroups();
      });
    }
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(queryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async #runGroups(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#pending.length > 0) {
        const group = this.#pending.splice(0, 100);
        let client: pg.PoolClient | undefined;
        const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        try {
          client = await this.#pool.connect();
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1)', [statementWriteLock]);
          const tx = queryable(client);
          if (group.length === 1) {
            // Alone: the transaction is its savepoint (two round trips fewer).
            try {
              outcomes.push({ ok: true, value: await group[0]!.work(tx) });
            } catch (error) {
              await client.query('ROLLBACK');
              client.release();
              group[0]!.reject(error);
              continue;
            }
          } else {
            for (const [index, item] of group.entries()) {
              await client.query(`SAVEPOINT work_${index}`);
              try {
                const value = await item.work(tx);
                await client.query(`RELEASE SAVEPOINT work_${index}`);
                outcomes.push({ ok: true, value });
              } catch (error) {
                await client.query(`ROLLBACK TO SAVEPOINT work_${index}`);
                outcomes.push({ ok: false, error });
              }
            }
          }
          await client.query('COMMIT');
        } catch (error) {
          await client?.query('ROLLBACK').catch(() => {});
          client?.release();
          for (const item of group) item.reject(error);
          continue;
        }
        client.release();
        group.forEach((item, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      }
    } finally {
      this.#running = false;
    }
  }

  async migrate(): Promise<string[]> {
    const client = await this.#pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name));
      const applied: string[] = [];
      for (const migration of readMigrations('postgres')) {
        if (done.has(migration.name)) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [migration.name, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
      client.release();
    }
  }

  async backup(): Promise<void> {
    throw new Error('A PostgreSQL database is backed up with pg_dump: `pg_dump --format=custom --file relais.dump "$DATABASE_URL"` (a consistent snapshot, while the service runs); restore with pg_restore.');
  }

  async close(): Promise<void> {
    // Statement writes already queued are finished (and answered) first.
    while (this.#running || this.#pending.length > 0) {
      void this.#runGroups();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.#pool.end();
  }
}
