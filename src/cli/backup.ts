import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveStorage } from '../progress/config.ts';
import { withServiceDatabase } from './service-database.ts';

export const backupHelp = `relais backup FILE [--db FILE] [--force]
  Writes a consistent copy of the SQLite database to FILE while the service keeps running
  (VACUUM INTO). Restore by stopping the service and putting the copy in place of data/relais.db.
  PostgreSQL (DATABASE_URL): use pg_dump --format=custom --file FILE "$DATABASE_URL".`;

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, force: { type: 'boolean' } } });
  const [target] = positionals;
  if (!target) {
    console.error(`relais backup: expected the file to write\n\n${backupHelp}`);
    return 1;
  }
  const storage = resolveStorage({ db: values.db });
  if (storage.kind === 'postgres') {
    console.error('relais backup: this service uses PostgreSQL; back it up with pg_dump:\n  pg_dump --format=custom --file ' + target + ' "$DATABASE_URL"\n(a consistent snapshot taken while the service runs; restore with pg_restore).');
    return 1;
  }
  if (!existsSync(storage.file)) {
    console.error(`relais backup: no database at ${storage.file} (--db FILE)`);
    return 1;
  }
  if (existsSync(target)) {
    if (!values.force) {
      console.error(`relais backup: ${target} exists; choose another name or add --force to replace it`);
      return 1;
    }
    const { rmSync } = await import('node:fs');
    rmSync(target);
  }
  await withServiceDatabase(values.db, (db) => db.backup(target));
  console.log(`Backed up ${storage.file} to ${target}.`);
  return 0;
}
