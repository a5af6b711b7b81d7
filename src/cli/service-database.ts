import { relaisConfig } from '../config/current.ts';
import { resolveServiceConfig, resolveStorage } from '../progress/config.ts';
import type { Database } from '../progress/db/database.ts';
import { openDatabase } from '../progress/db/open.ts';

/** Opens the service's database for a command (`--db FILE`, else DATABASE_URL, else data/relais.db), runs `work`, closes it. */
export async function withServiceDatabase<T>(db: string | undefined, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(resolveStorage({ db }));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The public site origin (apprentices' xAPI account homePage). */
export function serviceSite(): string {
  return resolveServiceConfig(relaisConfig).site;
}
