import { createHash } from 'node:crypto';
import type { ValidationRecord, ValidationView } from '../../schemas/validation-api.ts';
import { placeholders, type Queryable } from '../db/database.ts';
import { randomId } from '../secrets.ts';
import type { CentreSigner } from '../signing-fs.ts';

interface ValidationRow {
  id: string;
  record: string;
  signature: string;
  public_key: string;
  evidence_sha256: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

const view = (row: ValidationRow): ValidationView => ({
  record: JSON.parse(row.record) as ValidationRecord,
  signature: row.signature,
  publicKey: row.public_key,
  voided: row.voided_at ? { at: row.voided_at, by: row.voided_by ?? '', reason: row.void_reason ?? '' } : null,
  evidenceUrl: row.evidence_sha256 ? `/api/validations/${row.id}/evidence` : null,
});

export interface ValidationInput {
  centreId: string;
  apprenticeId: string;
  skillId: string;
  level: 1 | 2 | 3;
  date: string;
  comment: string | null;
  validator: ValidationRecord['validator'];
  evidence: { contentType: string; content: Buffer } | null;
  now: number;
}

/**
 * Records one competence validation as a signed record: the centre's Ed25519 key signs the
 * canonical JSON of `record` (validator, skill, level, date, comment, evidence hash), so the
 * apprentice's downloaded record can be checked without the service. The one way validations
 * are made (by a centre tutor or through a company link); credentials hook in after it.
 */
export async function recordValidation(tx: Queryable, signer: CentreSigner, input: ValidationInput): Promise<ValidationView> {
  const recordedAt = new Date(input.now).toISOString();
  let evidenceSha256: string | null = null;
  if (input.evidence) {
    evidenceSha256 = createHash('sha256').update(input.evidence.content).digest('hex');
    await tx.run('INSERT INTO evidence (sha256, content_type, length, content, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING', [
      evidenceSha256,
      input.evidence.contentType,
      input.evidence.content.length,
      input.evidence.content,
      recordedAt,
    ]);
  }
  const record: ValidationRecord = {
    id: randomId('va', 12),
    centreId: input.centreId,
    apprenticeId: input.apprenticeId,
    skillId: input.skillId,
    level: input.level,
    date: input.date,
    comment: input.comment,
    validator: input.validator,
    evidenceSha256,
    recordedAt,
  };
  const signature = signer.sign(record);
  const row: ValidationRow = { id: record.id, record: JSON.stringify(record), signature, public_key: signer.publicKeyPem, evidence_sha256: evidenceSha256, voided_at: null, voided_by: null, void_reason: null };
  await tx.run(
    `INSERT INTO validations (id, centre_id, apprentice_id, skill_id, level, day, validator_kind, tutor_id, link_id, evidence_sha256, recorded_at, record, signature, public_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      record.id,
      record.centreId,
      record.apprenticeId,
      record.skillId,
      record.level,
      record.date,
      record.validator.kind,
      record.validator.kind === 'tutor' ? record.validator.tutorId : null,
      record.validator.kind === 'company' ? record.validator.linkId : null,
      evidenceSha256,
      recordedAt,
      row.record,
      signature,
      signer.publicKeyPem,
    ],
  );
  return view(row);
}

/** An apprentice's validations, oldest first, voided ones included (history) unless `standing`. */
export async function listValidations(db: Queryable, apprenticeId: string, options: { standing?: boolean } = {}): Promise<ValidationView[]> {
  const rows = await db.all<ValidationRow & Record<string, unknown>>(
    `SELECT id, record, signature, public_key, evidence_sha256, voided_at, voided_by, void_reason FROM validations WHERE apprentice_id = ?${options.standing ? ' AND voided_at IS NULL' : ''} ORDER BY recorded_at, id`,
    [apprenticeId],
  );
  return rows.map(view);
}

export async function getValidation(db: Queryable, id: string): Promise<(ValidationView & { apprenticeId: string }) | undefined> {
  const row = await db.get<ValidationRow & { apprentice_id: string } & Record<string, unknown>>(
    'SELECT id, apprentice_id, record, signature, public_key, evidence_sha256, voided_at, voided_by, void_reason FROM validations WHERE id = ?',
    [id],
  );
  return row ? { ...view(row), apprenticeId: row.apprentice_id } : undefined;
}

/** Voids a validation: kept, with when, by whom and why; it no longer counts for stages. */
export async function voidValidation(db: Queryable, id: string, by: string, reason: string, now: number): Promise<boolean> {
  return (await db.run('UPDATE validations SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL', [new Date(now).toISOString(), by, reason, id])) === 1;
}

export async function evidenceOf(db: Queryable, validationId: string): Promise<{ contentType: string; content: Buffer } | undefined> {
  const row = await db.get<{ content_type: string; content: Uint8Array }>(
    'SELECT evidence.content_type, evidence.content FROM validations JOIN evidence ON evidence.sha256 = validations.evidence_sha256 WHERE validations.id = ?',
    [validationId],
  );
  return row ? { contentType: row.content_type, content: Buffer.from(row.content) } : undefined;
}

/** Standing validated skills per apprentice (any level), and by whom: what stage rules need. */
export async function validatedSkills(db: Queryable, apprenticeIds: string[]): Promise<Map<string, Map<string, { byCompany: boolean; byTutor: boolean }>>> {
  const result = new Map<string, Map<string, { byCompany: boolean; byTutor: boolean }>>();
  for (let start = 0; start < apprenticeIds.length; start += 500) {
    const chunk = apprenticeIds.slice(start, start + 500);
    const rows = await db.all<{ apprentice_id: string; skill_id: string; validator_kind: string }>(
      `SELECT DISTINCT apprentice_id, skill_id, validator_kind FROM validations WHERE apprentice_id IN (${placeholders(chunk.length)}) AND voided_at IS NULL`,
      chunk,
    );
    for (const row of rows) {
      const skills = result.get(row.apprentice_id) ?? new Map<string, { byCompany: boolean; byTutor: boolean }>();
      const by = skills.get(row.skill_id) ?? { byCompany: false, byTutor: false };
      if (row.validator_kind === 'company') by.byCompany = true;
      else by.byTutor = true;
      skills.set(row.skill_id, by);
      result.set(row.apprentice_id, skills);
    }
  }
  return result;
}
