import type { CredentialView } from '../../schemas/credential.ts';
import type { Queryable } from '../db/database.ts';

export interface CredentialRow {
  id: string;
  apprentice_id: string;
  centre_id: string;
  kind: 'path' | 'competence';
  subject: string;
  level: number | null;
  name: string;
  body: string;
  issued_by: string;
  issued_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export const credentialView = (row: CredentialRow): CredentialView => ({
  id: row.id,
  apprenticeId: row.apprentice_id,
  kind: row.kind,
  subject: row.subject,
  level: row.level === null ? null : Number(row.level),
  name: row.name,
  issuedAt: row.issued_at,
  revokedAt: row.revoked_at,
  revokedReason: row.revoked_reason,
});

export function getCredential(db: Queryable, id: string): Promise<CredentialRow | undefined> {
  return db.get<CredentialRow & Record<string, unknown>>('SELECT * FROM credentials WHERE id = ?', [id]);
}

export function liveCredential(db: Queryable, apprenticeId: string, kind: string, subject: string, level: number | null): Promise<CredentialRow | undefined> {
  return db.get<CredentialRow & Record<string, unknown>>('SELECT * FROM credentials WHERE apprentice_id = ? AND kind = ? AND subject = ? AND COALESCE(level, 0) = ? AND revoked_at IS NULL', [apprenticeId, kind, subject, level ?? 0]);
}

export function credentialsOf(db: Queryable, apprenticeId: string): Promise<CredentialRow[]> {
  return db.all<CredentialRow & Record<string, unknown>>('SELECT * FROM credentials WHERE apprentice_id = ? ORDER BY issued_at, id', [apprenticeId]);
}

export async function insertCredential(db: Queryable, row: CredentialRow): Promise<void> {
  await db.run(
    'INSERT INTO credentials (id, apprentice_id, centre_id, kind, subject, level, name, body, issued_by, issued_at, revoked_at, revoked_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [row.id, row.apprentice_id, row.centre_id, row.kind, row.subject, row.level, row.name, row.body, row.issued_by, row.issued_at, row.revoked_at, row.revoked_reason],
  );
}

/** Marks a credential revoked; false when it already was. */
export async function revokeCredential(db: Queryable, id: string, options: { now: number; reason: string | null }): Promise<boolean> {
  return (await db.run('UPDATE credentials SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL', [new Date(options.now).toISOString(), options.reason, id])) > 0;
}
