import type { CentreView } from '../../schemas/centre-api.ts';
import type { Queryable } from '../db/database.ts';
import { conflict } from '../errors.ts';

interface CentreRow {
  id: string;
  name: string;
  created_at: string;
}

const view = (row: CentreRow): CentreView => ({ id: row.id, name: row.name, createdAt: row.created_at });

export async function createCentre(db: Queryable, centre: { id: string; name: string; now: number }): Promise<CentreView> {
  if (await db.get('SELECT id FROM centres WHERE id = ?', [centre.id])) throw conflict(`Centre \`${centre.id}\` already exists`);
  const createdAt = new Date(centre.now).toISOString();
  await db.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?)', [centre.id, centre.name, createdAt]);
  return { id: centre.id, name: centre.name, createdAt };
}

export async function getCentre(db: Queryable, id: string): Promise<CentreView | null> {
  const row = await db.get<CentreRow & Record<string, unknown>>('SELECT * FROM centres WHERE id = ?', [id]);
  return row ? view(row) : null;
}

export async function listCentres(db: Queryable, only?: string): Promise<CentreView[]> {
  const rows = only
    ? await db.all<CentreRow & Record<string, unknown>>('SELECT * FROM centres WHERE id = ?', [only])
    : await db.all<CentreRow & Record<string, unknown>>('SELECT * FROM centres ORDER BY id');
  return rows.map(view);
}
