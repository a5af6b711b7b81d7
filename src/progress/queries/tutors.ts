import type { TutorView } from '../../schemas/centre-api.ts';
import type { Queryable } from '../db/database.ts';
import { hashSecret, newPassword, newToken, sha256 } from '../secrets.ts';

export interface TutorRow {
  id: string;
  centre_id: string;
  name: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export const tutorView = (row: TutorRow): TutorView => ({ id: row.id, centreId: row.centre_id, name: row.name, createdAt: row.created_at });

function slug(name: string): string {
  const text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return text || 'tuteur';
}

/** A tutor of a centre; their login is a slug of the name (`marie-dubois`, `marie-dubois-2`). Generates a password when none is given. */
export async function createTutor(db: Queryable, options: { centreId: string; name: string; password?: string | undefined; now: number }): Promise<{ tutor: TutorView; password: string; generated: boolean }> {
  if (!(await db.get('SELECT id FROM centres WHERE id = ?', [options.centreId]))) {
    throw new Error(`No centre \`${options.centreId}\`: create it first with \`relais centre create --id ${options.centreId} --name …\``);
  }
  const base = slug(options.name);
  let id = base;
  for (let suffix = 2; await db.get('SELECT id FROM tutors WHERE id = ?', [id]); suffix++) id = `${base}-${suffix}`;
  const password = options.password ?? newPassword();
  const createdAt = new Date(options.now).toISOString();
  await db.run('INSERT INTO tutors (id, centre_id, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)', [id, options.centreId, options.name, await hashSecret(password), createdAt]);
  return { tutor: { id, centreId: options.centreId, name: options.name, createdAt }, password, generated: options.password === undefined };
}

export function findTutor(db: Queryable, id: string): Promise<TutorRow | undefined> {
  return db.get<TutorRow & Record<string, unknown>>('SELECT * FROM tutors WHERE id = ? AND disabled_at IS NULL', [id]);
}

export async function listTutors(db: Queryable, centreId: string): Promise<TutorView[]> {
  return (await db.all<TutorRow & Record<string, unknown>>('SELECT * FROM tutors WHERE centre_id = ? AND disabled_at IS NULL ORDER BY name, id', [centreId])).map(tutorView);
}

export async function setTutorPassword(db: Queryable, tutorId: string, password: string): Promise<void> {
  await db.run('UPDATE tutors SET password_hash = ? WHERE id = ?', [await hashSecret(password), tutorId]);
}

export async function createTutorSession(db: Queryable, tutorId: string, now: number, hours: number): Promise<{ token: string; expiresAt: string }> {
  const token = newToken('tutor');
  const expiresAt = new Date(now + hours * 3_600_000).toISOString();
  await db.run('DELETE FROM tutor_sessions WHERE expires_at < ?', [new Date(now).toISOString()]);
  await db.run('INSERT INTO tutor_sessions (token_hash, tutor_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [sha256(token), tutorId, new Date(now).toISOString(), expiresAt]);
  return { token, expiresAt };
}

export function tutorOfSession(db: Queryable, tokenHash: string, now: number): Promise<TutorRow | undefined> {
  return db.get<TutorRow & Record<string, unknown>>(
    'SELECT t.* FROM tutor_sessions s JOIN tutors t ON t.id = s.tutor_id WHERE s.token_hash = ? AND s.expires_at > ? AND t.disabled_at IS NULL',
    [tokenHash, new Date(now).toISOString()],
  );
}

export async function endTutorSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM tutor_sessions WHERE token_hash = ?', [tokenHash]);
}

export async function endAllTutorSessions(db: Queryable, tutorId: string): Promise<void> {
  await db.run('DELETE FROM tutor_sessions WHERE tutor_id = ?', [tutorId]);
}
