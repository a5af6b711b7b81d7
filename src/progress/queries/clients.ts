import type { Queryable } from '../db/database.ts';
import { hashSecret, newClientKey, newClientSecret } from '../secrets.ts';

export interface ClientRow {
  key: string;
  name: string;
  centre_id: string | null;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** A new integration client; the secret is returned once and stored only as a scrypt hash. */
export async function createClient(db: Queryable, options: { name: string; centreId: string | null; now: number }): Promise<{ key: string; secret: string }> {
  if (options.centreId && !(await db.get('SELECT id FROM centres WHERE id = ?', [options.centreId]))) {
    throw new Error(`No centre \`${options.centreId}\`: create it first with \`relais centre create --id ${options.centreId} --name …\``);
  }
  const key = newClientKey();
  const secret = newClientSecret();
  await db.run('INSERT INTO clients (key, name, centre_id, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)', [key, options.name, options.centreId, await hashSecret(secret), new Date(options.now).toISOString()]);
  return { key, secret };
}

export function findClient(db: Queryable, key: string): Promise<ClientRow | undefined> {
  return db.get<ClientRow & Record<string, unknown>>('SELECT * FROM clients WHERE key = ? AND revoked_at IS NULL', [key]);
}

export function listClients(db: Queryable): Promise<ClientRow[]> {
  return db.all<ClientRow & Record<string, unknown>>('SELECT * FROM clients ORDER BY created_at, key');
}

export async function revokeClient(db: Queryable, key: string, now: number): Promise<boolean> {
  return (await db.run('UPDATE clients SET revoked_at = ? WHERE key = ? AND revoked_at IS NULL', [new Date(now).toISOString(), key])) > 0;
}
