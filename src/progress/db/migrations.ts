import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Migration {
  name: string;
  sql: string;
}

/**
 * The numbered migrations of a dialect (`0001-initial.sql`, …), in order. A shipped migration is
 * never edited: a change is a new file, in both dialects' folders.
 */
export function readMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const folder = path.join(import.meta.dirname, 'migrations', dialect);
  return readdirSync(folder)
    .filter((name) => /^\d{4}-[a-z0-9-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name: name.replace(/\.sql$/, ''), sql: readFileSync(path.join(folder, name), 'utf8') }));
}
