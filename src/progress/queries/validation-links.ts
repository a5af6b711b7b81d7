import { randomBytes } from 'node:crypto';
import type { ValidationLinkView } from '../../schemas/validation-api.ts';
import type { Queryable } from '../db/database.ts';
import { HttpError } from '../errors.ts';
import { randomId, sha256 } from '../secrets.ts';

export interface ValidationLinkRow {
  id: string;
  token_hash: string;
  centre_id: string;
  apprentice_id: string;
  company: string;
  skills: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export const linkView = (row: ValidationLinkRow): ValidationLinkView => ({
  id: row.id,
  apprenticeId: row.apprentice_id,
  company: row.company,
  skills: JSON.parse(row.skills) as string[],
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

/** `<site>/validation/#<token>`: in the fragment, so the token never reaches a server log. */
export const linkUrl = (site: string, token: string) => `${site.replace(/\/$/, '')}/validation/#${token}`;

/**
 * A single-use link for a company tutor: 256 random bits (`rv_…`), only the SHA-256 stored, so
 * a copy of the database cannot be used to validate.
 */
export async function createValidationLink(
  db: Queryable,
  link: { centreId: string; apprenticeId: string; company: string; skills: string[]; createdBy: string; days: number; now: number },
): Promise<{ token: string; link: ValidationLinkView }> {
  const token = `rv_${randomBytes(32).toString('base64url')}`;
  const row: ValidationLinkRow = {
    id: randomId('vl', 12),
    token_hash: sha256(token),
    centre_id: link.centreId,
    apprentice_id: link.apprenticeId,
    company: link.company,
    skills: JSON.stringify(link.skills),
    created_by: link.createdBy,
    created_at: new Date(link.now).toISOString(),
    expires_at: new Date(link.now + link.days * 86_400_000).toISOString(),
    used_at: null,
    revoked_at: null,
  };
  await db.run(
    'INSERT INTO validation_links (id, token_hash, centre_id, apprentice_id, company, skills, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [row.id, row.token_hash, row.centre_id, row.apprentice_id, row.company, row.skills, row.created_by, row.created_at, row.expires_at],
  );
  return { token, link: linkView(row) };
}

export async function listValidationLinks(db: Queryable, apprenticeId: string): Promise<ValidationLinkView[]> {
  const rows = await db.all<ValidationLinkRow & Record<string, unknown>>('SELECT * FROM validation_links WHERE apprentice_id = ? ORDER BY created_at, id', [apprenticeId]);
  return rows.map(linkView);
}

export async function revokeValidationLink(db: Queryable, apprenticeId: string, linkId: string, now: number): Promise<boolean> {
  return (await db.run('UPDATE validation_links SET revoked_at = ? WHERE id = ? AND apprentice_id = ? AND used_at IS NULL AND revoked_at IS NULL', [new Date(now).toISOString(), linkId, apprenticeId])) === 1;
}

const gone = (code: string, message: string) => new HttpError(410, code, message, { hint: 'Ask the training centre for a new link.' });
const day = (iso: string) => iso.slice(0, 10);

/**
 * The link a token opens, if it may still be used: each refusal says why (unknown or forged,
 * expired, already used, revoked, for another centre's apprentice).
 */
export async function usableLink(db: Queryable, token: string, now: number, apprenticeCentre: (apprenticeId: string) => Promise<string | undefined>): Promise<ValidationLinkRow> {
  const row = /^rv_[A-Za-z0-9_-]{43}$/.test(token) ? await db.get<ValidationLinkRow & Record<string, unknown>>('SELECT * FROM validation_links WHERE token_hash = ?', [sha256(token)]) : undefined;
  if (!row) throw new HttpError(404, 'link-unknown', 'This validation link is not known: it may be mistyped, cut short or forged', { hint: 'Open the link exactly as the training centre sent it, or ask the centre for a new one.' });
  if (row.revoked_at) throw gone('link-revoked', `This validation link was withdrawn by the training centre on ${day(row.revoked_at)}`);
  if (row.used_at) throw gone('link-used', `This validation link was already used on ${day(row.used_at)}: a link can be used only once`);
  if (Date.parse(row.expires_at) <= now) throw gone('link-expired', `This validation link expired on ${day(row.expires_at)}`);
  if ((await apprenticeCentre(row.apprentice_id)) !== row.centre_id) {
    throw new HttpError(403, 'link-other-centre', 'This validation link was issued by another centre than the apprentice’s: it cannot validate their skills', { hint: 'Ask the apprentice’s own training centre for a link.' });
  }
  return row;
}

/** Marks the link used, once: false when another request used (or revoked) it first. */
export async function consumeLink(tx: Queryable, linkId: string, now: number): Promise<boolean> {
  const at = new Date(now).toISOString();
  return (await tx.run('UPDATE validation_links SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?', [at, linkId, at])) === 1;
}
