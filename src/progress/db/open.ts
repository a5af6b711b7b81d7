import type { StorageConfig } from '../config.ts';
import type { Database } from './database.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(storage: StorageConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  // Each driver is loaded only when used: a SQLite service never loads pg, and the reverse.
  const database =
    storage.kind === 'sqlite' ? new (await import('./sqlite.ts')).SqliteDatabase(storage.file) : new (await import('./postgres.ts')).PostgresDatabase(storage.url);
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close().catch(() => {});
      throw error;
    }
  }
  return database;
}
