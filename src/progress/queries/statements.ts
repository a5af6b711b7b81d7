import type { StatementQuery, XapiStatement } from '../../schemas/xapi.ts';
import type { ServiceContext } from '../context.ts';
import { placeholders, type Queryable, type SqlValue } from '../db/database.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import type { Principal } from '../principal.ts';
import { sameStatement } from '../xapi/compare.ts';
import { apprenticeIdOf, identityKey } from '../xapi/identity.ts';
import { type AttachmentContent, type PreparedStatement, utcTimestamp } from '../xapi/prepare.ts';
import { foldStatement, moduleOfStatement, type ProgressRow, readProgressRows, recomputePairs, writeProgressRows } from './progress.ts';

/** Whose a statement is: the apprentice its actor names (an account on this site) and their centre. */
interface Owner {
  apprenticeId: string | null;
  centreId: string | null;
}

export async function ownersOf(db: Queryable, statements: { statement: Pick<XapiStatement, 'actor'> }[], site: string): Promise<Owner[]> {
  const ids = [...new Set(statements.map(({ statement }) => apprenticeIdOf(statement.actor, site)).filter((id): id is string => id !== null))];
  const centres = new Map<string, string>();
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    for (const row of await db.all<{ id: string; centre_id: string }>(`SELECT id, centre_id FROM apprentices WHERE id IN (${placeholders(chunk.length)})`, chunk)) {
      centres.set(row.id, row.centre_id);
    }
  }
  return statements.map(({ statement }) => {
    const id = apprenticeIdOf(statement.actor, site);
    const centreId = id ? centres.get(id) : undefined;
    return centreId ? { apprenticeId: id, centreId } : { apprenticeId: null, centreId: null };
  });
}

/** Whether a principal may read a statement with this owner. */
export function mayRead(principal: Principal, owner: { apprentice_id: string | null; centre_id: string | null }): boolean {
  switch (principal.kind) {
    case 'admin-client':
      return true;
    case 'centre-client':
      return owner.centre_id === principal.centreId;
    case 'apprentice':
      return owner.apprentice_id === principal.apprenticeId;
    case 'tutor':
      return false;
  }
}

function checkWrite(principal: Principal, owners: Owner[], root: string, many: boolean): void {
  owners.forEach((owner, index) => {
    const where = many ? `${root}[${index}]` : root;
    if (principal.kind === 'apprentice' && owner.apprenticeId !== principal.apprenticeId) {
      throw forbidden(`${where}.actor: an apprentice records only their own statements`, `Use the actor {"objectType":"Agent","account":{"homePage":"<site>","name":"${principal.apprenticeId}"}}.`);
    }
    if (principal.kind === 'centre-client' && owner.centreId !== principal.centreId) {
      throw forbidden(`${where}.actor: this client writes only statements of centre \`${principal.centreId}\`'s apprentices`);
    }
    if (principal.kind === 'tutor') throw forbidden('Tutors use the centre API, not the Statements resource');
  });
}

export interface RecordResult {
  ids: string[];
  /** How many statements were new (0: every one was already stored, identical). */
  created: number;
}

const statementColumns = ['seq', 'id', 'stored', 'timestamp_utc', 'verb_id', 'object_ref', 'is_voiding', 'voided', 'apprentice_id', 'centre_id', 'module_id', 'client_key', 'body'] as const;

/**
 * Stores statements in one transaction (serialised with every other statement write, so that
 * `seq` and `stored` grow in commit order): conflicts (409), voiding rules, the query index,
 * attachments, voiding of earlier targets and derived progress. Nothing is stored when any
 * statement is refused.
 */
export async function recordStatements(
  context: ServiceContext,
  principal: Principal,
  prepared: PreparedStatement[],
  attachments: AttachmentContent[],
  root: 'statement' | 'statements',
): Promise<RecordResult> {
  const { db, catalogue, config, clock } = context;
  const owners = await ownersOf(db, prepared, config.site);
  checkWrite(principal, owners, root, root === 'statements');
  const clientKey = principal.kind === 'admin-client' || principal.kind === 'centre-client' ? principal.key : null;

  return db.transaction(
    async (tx) => {
      // Conflicts: an id already stored is fine when the statement is the same (nothing changes).
      const ids = prepared.map((statement) => statement.id);
      const existing = new Map<string, { body: string; apprentice_id: string | null; centre_id: string | null }>();
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500);
        for (const row of await tx.all<{ id: string; body: string; apprentice_id: string | null; centre_id: string | null }>(
          `SELECT id, body, apprentice_id, centre_id FROM statements WHERE id IN (${placeholders(chunk.length)})`,
          chunk,
        )) {
          existing.set(row.id, row);
        }
      }
      const fresh: { statement: PreparedStatement; owner: Owner }[] = [];
      prepared.forEach((statement, index) => {
        const found = existing.get(statement.id);
        if (!found) {
          fresh.push({ statement, owner: owners[index]! });
          return;
        }
        if (!mayRead(principal, found) || !sameAsStored(statement, found.body)) {
          throw conflict(`Statement \`${statement.id}\` is already stored with different content`, 'A statement id names one statement for ever: send a new id, or the same statement again.');
        }
      });
      if (fresh.length === 0) return { ids, created: 0 };

      // Voiding (Data 2.3.2): the target may not be a voiding statement, and must be the caller's to void.
      const voiding = fresh.filter(({ statement }) => statement.isVoiding);
      const targets = [...new Set(voiding.map(({ statement }) => statement.objectRef!))];
      if (targets.length > 0) {
        const found = await tx.all<{ id: string; is_voiding: number; apprentice_id: string | null; centre_id: string | null }>(
          `SELECT id, is_voiding, apprentice_id, centre_id FROM statements WHERE id IN (${placeholders(targets.length)})`,
          targets,
        );
        const inBatch = new Map(fresh.map(({ statement }) => [statement.id, statement]));
        for (const target of targets) {
          const stored = found.find((row) => row.id === target);
          if (stored?.is_voiding === 1 || inBatch.get(target)?.isVoiding) {
            throw badRequest('invalid-voiding', `Statement \`${target}\` is a voiding statement: a voiding statement cannot be voided`);
          }
          if (stored && !mayRead(principal, stored)) throw forbidden(`Statement \`${target}\` is not yours to void`);
        }
      }

      // Order: seq and stored grow strictly from one transaction to the next.
      const last = await tx.get<{ seq: number; stored: string }>('SELECT seq, stored FROM statements ORDER BY seq DESC LIMIT 1');
      const storedMs = Math.max(clock.now(), last ? Date.parse(last.stored) + 1 : 0);
      const stored = new Date(storedMs).toISOString();
      let seq = last?.seq ?? 0;

      const rows: SqlValue[][] = [];
      const indexValues: SqlValue[] = [];
      const written: { seq: number; statement: XapiStatement; owner: Owner; moduleId: string | null; timestampUtc: string; isVoiding: boolean; objectRef: string | null; id: string }[] = [];
      for (const { statement: item, owner } of fresh) {
        seq += 1;
        const statement = { ...item.statement, timestamp: item.statement.timestamp ?? stored, stored } as XapiStatement;
        const timestampUtc = utcTimestamp(statement.timestamp);
        const moduleId = owner.apprenticeId && !item.isVoiding ? moduleOfStatement(statement, catalogue) : null;
        rows.push([seq, item.id, stored, timestampUtc, item.verbId, item.objectRef, item.isVoiding ? 1 : 0, 0, owner.apprenticeId, owner.centreId, moduleId, clientKey, JSON.stringify(statement)]);
        for (const row of item.index) indexValues.push(row.kind, row.value, seq, row.related);
        written.push({ seq, statement, owner, moduleId, timestampUtc, isVoiding: item.isVoiding, objectRef: item.objectRef, id: item.id });
      }
      for (let start = 0; start < rows.length; start += 100) {
        const chunk = rows.slice(start, start + 100);
        await tx.run(`INSERT INTO statements (${statementColumns.join(', ')}) VALUES ${chunk.map(() => `(${placeholders(statementColumns.length)})`).join(', ')}`, chunk.flat());
      }
      for (let start = 0; start < indexValues.length; start += 4 * 250) {
        const chunk = indexValues.slice(start, start + 4 * 250);
        await tx.run(`INSERT INTO statement_index (kind, value, seq, related) VALUES ${Array.from({ length: chunk.length / 4 }, () => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`, chunk);
      }
      for (const attachment of attachments) {
        await tx.run('INSERT INTO attachments (sha2, content_type, length, content, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha2) DO NOTHING', [
          attachment.sha2,
          attachment.contentType,
          attachment.content.length,
          attachment.content,
          stored,
        ]);
      }

      // Statements stored earlier that point at the new ones: voiding statements (their targets
      // are voided now) and references (they take the new statements' index rows).
      const pointing = await pointingAt(tx, written.map((item) => item.id), written[0]!.seq);
      await propagateReferences(tx, written, pointing);

      // Voided: targets of the new voiding statements, and new statements an earlier voiding statement targets.
      const toVoid = new Set(targets);
      for (const row of pointing) if (row.is_voiding === 1) toVoid.add(row.object_ref);
      const recompute: { apprenticeId: string; moduleId: string }[] = [];
      if (toVoid.size > 0) {
        const list = [...toVoid];
        const voided = await tx.all<{ apprentice_id: string | null; module_id: string | null }>(
          `SELECT apprentice_id, module_id FROM statements WHERE is_voiding = 0 AND voided = 0 AND id IN (${placeholders(list.length)})`,
          list,
        );
        await tx.run(`UPDATE statements SET voided = 1 WHERE is_voiding = 0 AND id IN (${placeholders(list.length)})`, list);
        for (const row of voided) if (row.apprentice_id && row.module_id) recompute.push({ apprenticeId: row.apprentice_id, moduleId: row.module_id });
      }

      // Derived progress: fold the new statements into their rows; recompute rows that lost a voided statement.
      const progressing = written.filter((item) => item.owner.apprenticeId && item.moduleId && !item.isVoiding && !toVoid.has(item.id));
      if (progressing.length > 0) {
        const apprentices = [...new Set(progressing.map((item) => item.owner.apprenticeId!))];
        const modules = [...new Set(progressing.map((item) => item.moduleId!))];
        const current = new Map<string, ProgressRow>();
        for (const row of await readProgressRows(tx, apprentices, modules)) current.set(`${row.apprentice_id} ${row.module_id}`, row);
        const changed = new Map<string, ProgressRow>();
        for (const item of progressing) {
          const key = `${item.owner.apprenticeId} ${item.moduleId}`;
          const next = foldStatement(changed.get(key) ?? current.get(key), item.statement, item.owner.apprenticeId!, item.moduleId!, item.timestampUtc, catalogue);
          changed.set(key, next);
        }
        await writeProgressRows(tx, [...changed.values()]);
      }
      if (recompute.length > 0) await recomputePairs(tx, recompute, catalogue);
      return { ids, created: written.length };
    },
    { serialise: true },
  );
}

function sameAsStored(statement: PreparedStatement, body: string): boolean {
  return sameStatement(statement.statement as Record<string, unknown>, JSON.parse(body) as Record<string, unknown>);
}

interface PointingRow {
  seq: number;
  id: string;
  object_ref: string;
  is_voiding: number;
}

async function pointingAt(tx: Queryable, ids: string[], beforeSeq: number): Promise<PointingRow[]> {
  const rows: PointingRow[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    rows.push(...(await tx.all<PointingRow>(`SELECT seq, id, object_ref, is_voiding FROM statements WHERE seq < ? AND object_ref IN (${placeholders(chunk.length)})`, [beforeSeq, ...chunk])));
  }
  return rows;
}

/**
 * Statement references (Communication 2.1.3, "filter conditions for StatementRefs"): a statement
 * whose object is a StatementRef matches the filters its target matches, recursively. Its index
 * rows get the target's; statements stored earlier that point at a new statement get its rows.
 */
async function propagateReferences(tx: Queryable, written: { seq: number; id: string; objectRef: string | null }[], pointing: PointingRow[]): Promise<void> {
  const copy = (seq: number, targetId: string) =>
    tx.run('INSERT INTO statement_index (kind, value, seq, related) SELECT kind, value, ?, related FROM statement_index WHERE seq = (SELECT seq FROM statements WHERE id = ?) ON CONFLICT DO NOTHING', [seq, targetId]);
  const referring = written.filter((item) => item.objectRef);
  // Targets in the same request may refer on: repeat until nothing changes (chains are short).
  for (let round = 0; round < 8 && referring.length > 0; round++) {
    let changes = 0;
    for (const item of referring) changes += await copy(item.seq, item.objectRef!);
    if (changes === 0) break;
  }
  // Earlier statements that refer to the new ones, and those that refer to them, and so on.
  let frontier = pointing;
  const firstSeq = written[0]?.seq ?? 0;
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const row of frontier) if ((await copy(row.seq, row.object_ref)) > 0) next.push(row.id);
    frontier = next.length > 0 ? await pointingAt(tx, next, firstSeq) : [];
  }
}

// ── reading ───────────────────────────────────────────────────────────────────────────────

interface StoredRow {
  seq: number;
  body: string;
  voided: number;
  apprentice_id: string | null;
  centre_id: string | null;
}

/** One statement by id; voided ones only through `voided` (voidedStatementId). Null when absent or not the caller's. */
export async function statementById(db: Queryable, principal: Principal, id: string, voided: boolean): Promise<XapiStatement | null> {
  const row = await db.get<StoredRow & { is_voiding: number }>('SELECT seq, body, voided, is_voiding, apprentice_id, centre_id FROM statements WHERE id = ?', [id.toLowerCase()]);
  if (!row || !mayRead(principal, row) || (row.voided === 1) !== voided) return null;
  return JSON.parse(row.body) as XapiStatement;
}

export const maxPageSize = 500;
export const defaultPageSize = 100;

/** The opaque `more` cursor: the query, and where the next page starts. */
interface Cursor {
  query: Omit<StatementQuery, 'more'>;
  /** The next page has seq below (descending) or above (ascending) this. */
  after: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.after !== 'number' || typeof cursor.query !== 'object' || cursor.query === null) throw new Error('shape');
    return cursor;
  } catch {
    throw badRequest('invalid-more', '`more`: Expected a cursor from a previous StatementResult\'s `more` URL');
  }
}

/**
 * A page of statements for a query (Communication 2.1.3): not voided, visible to the caller,
 * matching every filter (each through the query index), in stored order.
 */
export async function queryStatements(db: Queryable, principal: Principal, query: Omit<StatementQuery, 'more'>, after: number | null): Promise<{ statements: XapiStatement[]; next: number | null }> {
  const where: string[] = ['s.voided = 0'];
  const params: SqlValue[] = [];
  if (principal.kind === 'centre-client') {
    where.push('s.centre_id = ?');
    params.push(principal.centreId);
  } else if (principal.kind === 'apprentice') {
    where.push('s.apprentice_id = ?');
    params.push(principal.apprenticeId);
  } else if (principal.kind === 'tutor') {
    throw forbidden('Tutors use the centre API, not the Statements resource');
  }
  const filter = (kind: string, value: string, related: boolean) => {
    where.push('s.seq IN (SELECT i.seq FROM statement_index i WHERE i.kind = ? AND i.value = ? AND i.related <= ?)');
    params.push(kind, value, related ? 1 : 0);
  };
  if (query.agent) filter('a', identityKey(query.agent)!, query.related_agents ?? false);
  if (query.verb) filter('v', query.verb, false);
  if (query.activity) filter('c', query.activity, query.related_activities ?? false);
  if (query.registration) filter('r', query.registration.toLowerCase(), false);
  if (query.since) {
    where.push('s.stored > ?');
    params.push(utcTimestamp(query.since));
  }
  if (query.until) {
    where.push('s.stored <= ?');
    params.push(utcTimestamp(query.until));
  }
  const ascending = query.ascending ?? false;
  if (after !== null) {
    where.push(ascending ? 's.seq > ?' : 's.seq < ?');
    params.push(after);
  }
  const limit = !query.limit ? defaultPageSize : Math.min(query.limit, maxPageSize);
  const rows = await db.all<{ seq: number; body: string }>(
    `SELECT s.seq, s.body FROM statements s WHERE ${where.join(' AND ')} ORDER BY s.seq ${ascending ? 'ASC' : 'DESC'} LIMIT ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  return { statements: page.map((row) => JSON.parse(row.body) as XapiStatement), next: rows.length > limit ? page.at(-1)!.seq : null };
}

/**
 * X-Experience-API-Consistent-Through: the `stored` time of the latest visible statement. Writes
 * are serialised and `stored` grows strictly between transactions, so every statement stored at
 * or before it is visible; with no statement yet, now.
 */
export async function consistentThrough(db: Queryable, now: number): Promise<string> {
  const row = await db.get<{ stored: string }>('SELECT stored FROM statements ORDER BY seq DESC LIMIT 1');
  return row?.stored ?? new Date(now).toISOString();
}

export async function attachmentsFor(db: Queryable, statements: XapiStatement[]): Promise<{ sha2: string; contentType: string; content: Buffer }[]> {
  const hashes = new Set<string>();
  for (const statement of statements) {
    for (const attachment of [...(statement.attachments ?? []), ...(statement.object.objectType === 'SubStatement' ? (statement.object.attachments ?? []) : [])]) {
      hashes.add(attachment.sha2.toLowerCase());
    }
  }
  if (hashes.size === 0) return [];
  const list = [...hashes];
  const rows = await db.all<{ sha2: string; content_type: string; content: Uint8Array }>(`SELECT sha2, content_type, content FROM attachments WHERE sha2 IN (${placeholders(list.length)})`, list);
  return rows.map((row) => ({ sha2: row.sha2, contentType: row.content_type, content: Buffer.from(row.content) }));
}
