/**
 * The storage interface of the progress service: a small SQL executor that both real
 * implementations provide, SQLite (node:sqlite, the default) and PostgreSQL (pg). Queries
 * (src/progress/queries/) are written once in the SQL both dialects share, with `?` placeholders;
 * each implementation runs them, serialises statement writes and applies its own migrations.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;
export type Row = object;

export interface Queryable {
  all<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement; resolves with the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * Serialise with every other statement-writing transaction (also across processes on
   * PostgreSQL), so that `seq` and `stored` grow in commit order.
   */
  serialise?: boolean;
}

export interface Database extends Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /** For messages and logs; never contains a password. */
  readonly description: string;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Applies the numbered migrations not applied yet; resolves with their names. */
  migrate(): Promise<string[]>;
  /** Writes a consistent copy of the whole database while it stays in use. */
  backup(target: string): Promise<void>;
  close(): Promise<void>;
}

/** A promise queue: one holder at a time, in arrival order. */
export class Mutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** `?, ?, ?` for n values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
