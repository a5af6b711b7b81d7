import type { ApprenticeView } from '../../schemas/centre-api.ts';
import type { Queryable } from '../db/database.ts';
import { apprenticeActor } from '../xapi/identity.ts';
import { groupCode, newToken, normaliseCode, randomCode, randomId, sha256 } from '../secrets.ts';

export interface ApprenticeRow {
  id: string;
  centre_id: string;
  nickname: string | null;
  recovery_hash: string;
  created_at: string;
}

export const apprenticeView = (row: ApprenticeRow, site: string): ApprenticeView => ({
  id: row.id,
  centreId: row.centre_id,
  nickname: row.nickname,
  actor: apprenticeActor(site, row.id),
  createdAt: row.created_at,
});

/** A recovery code (`7KQ2-M9XD-3F4H-PB6T`, 80 bits) and its stored hash. */
function newRecoveryCode(): { code: string; hash: string } {
  const code = randomCode(16);
  return { code: groupCode(code), hash: sha256(code) };
}

export async function createApprentice(db: Queryable, options: { centreId: string; nickname: string | null; now: number }): Promise<{ row: ApprenticeRow; recoveryCode: string }> {
  const recovery = newRecoveryCode();
  const row: ApprenticeRow = { id: randomId('ap', 12), centre_id: options.centreId, nickname: options.nickname, recovery_hash: recovery.hash, created_at: new Date(options.now).toISOString() };
  await db.run('INSERT INTO apprentices (id, centre_id, nickname, recovery_hash, created_at) VALUES (?, ?, ?, ?, ?)', [row.id, row.centre_id, row.nickname, row.recovery_hash, row.created_at]);
  return { row, recoveryCode: recovery.code };
}

export function getApprentice(db: Queryable, id: string): Promise<ApprenticeRow | undefined> {
  return db.get<ApprenticeRow & Record<string, unknown>>('SELECT * FROM apprentices WHERE id = ?', [id]);
}

export function apprenticeByRecoveryCode(db: Queryable, code: string): Promise<ApprenticeRow | undefined> {
  return db.get<ApprenticeRow & Record<string, unknown>>('SELECT * FROM apprentices WHERE recovery_hash = ?', [sha256(normaliseCode(code))]);
}

export async function setNickname(db: Queryable, id: string, nickname: string | null): Promise<void> {
  await db.run('UPDATE apprentices SET nickname = ? WHERE id = ?', [nickname, id]);
}

/** A new recovery code; the old one stops working. Optionally ends every token (a lost phone). */
export async function reissueRecoveryCode(db: Queryable, id: string, options: { revokeSessions: boolean; now: number }): Promise<string> {
  const recovery = newRecoveryCode();
  await db.run('UPDATE apprentices SET recovery_hash = ? WHERE id = ?', [recovery.hash, id]);
  if (options.revokeSessions) await db.run('UPDATE apprentice_tokens SET revoked_at = ? WHERE apprentice_id = ? AND revoked_at IS NULL', [new Date(options.now).toISOString(), id]);
  return recovery.code;
}

export async function createApprenticeToken(db: Queryable, apprenticeId: string, now: number): Promise<string> {
  const token = newToken('apprentice');
  await db.run('INSERT INTO apprentice_tokens (token_hash, apprentice_id, created_at) VALUES (?, ?, ?)', [sha256(token), apprenticeId, new Date(now).toISOString()]);
  return token;
}

export function apprenticeOfToken(db: Queryable, tokenHash: string): Promise<ApprenticeRow | undefined> {
  return db.get<ApprenticeRow & Record<string, unknown>>('SELECT a.* FROM apprentice_tokens t JOIN apprentices a ON a.id = t.apprentice_id WHERE t.token_hash = ? AND t.revoked_at IS NULL', [tokenHash]);
}

export async function revokeApprenticeToken(db: Queryable, tokenHash: string, now: number): Promise<void> {
  await db.run('UPDATE apprentice_tokens SET revoked_at = ? WHERE token_hash = ?', [new Date(now).toISOString(), tokenHash]);
}

export async function enrol(db: Queryable, cohortId: string, apprenticeId: string, now: number): Promise<boolean> {
  return (await db.run('INSERT INTO enrolments (cohort_id, apprentice_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [cohortId, apprenticeId, new Date(now).toISOString()])) > 0;
}

export async function unenrol(db: Queryable, cohortId: string, apprenticeId: string): Promise<boolean> {
  return (await db.run('DELETE FROM enrolments WHERE cohort_id = ? AND apprentice_id = ?', [cohortId, apprenticeId])) > 0;
}

export function cohortApprentices(db: Queryable, cohortId: string): Promise<(ApprenticeRow & { joined_at: string })[]> {
  return db.all<ApprenticeRow & { joined_at: string }>(
    'SELECT a.*, e.joined_at FROM enrolments e JOIN apprentices a ON a.id = e.apprentice_id WHERE e.cohort_id = ? ORDER BY a.nickname, a.id',
    [cohortId],
  );
}

export function cohortsOfApprentice(db: Queryable, apprenticeId: string): Promise<{ id: string; centre_id: string; name: string; path_id: string | null; starts_on: string | null; ends_on: string | null; joined_at: string }[]> {
  return db.all('SELECT c.id, c.centre_id, c.name, c.path_id, c.starts_on, c.ends_on, e.joined_at FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.apprentice_id = ? ORDER BY e.joined_at', [apprenticeId]);
}

/** Whether a tutor has the apprentice in one of their cohorts. */
export async function tutorSeesApprentice(db: Queryable, tutorId: string, apprenticeId: string): Promise<boolean> {
  return (
    (await db.get('SELECT 1 AS yes FROM enrolments e JOIN cohort_tutors t ON t.cohort_id = e.cohort_id WHERE t.tutor_id = ? AND e.apprentice_id = ?', [tutorId, apprenticeId])) !== undefined
  );
}
