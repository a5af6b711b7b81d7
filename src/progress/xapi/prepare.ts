import { createHash, randomUUID } from 'node:crypto';
import { type XapiActor, type XapiAttachment, type XapiStatement, type XapiStatementInput, parseTimestamp, signatureUsageType, statement as statementSchema, verbs } from '../../schemas/xapi.ts';
import { badRequest, invalidInput } from '../errors.ts';
import { type IndexRow, indexRows } from './identity.ts';
import type { MimePart } from './multipart.ts';
import { checkSignature } from './signature.ts';

/** A statement validated and completed, ready to store (stored time comes in the transaction). */
export interface PreparedStatement {
  id: string;
  /** As received (parsed JSON), for comparisons with a stored statement of the same id. */
  received: Record<string, unknown>;
  /** The statement as stored, without `stored` (and `timestamp` when the client sent none). */
  statement: Omit<XapiStatement, 'stored' | 'timestamp'> & { timestamp?: string };
  verbId: string;
  objectRef: string | null;
  isVoiding: boolean;
  index: IndexRow[];
}

export interface AttachmentContent {
  sha2: string;
  contentType: string;
  content: Buffer;
}

function attachmentsOf(statement: XapiStatementInput): XapiAttachment[] {
  return [...(statement.attachments ?? []), ...(statement.object.objectType === 'SubStatement' ? (statement.object.attachments ?? []) : [])];
}

function hashOf(content: Buffer, declared: string): string {
  const algorithm = declared.length === 128 ? 'sha512' : declared.length === 96 ? 'sha384' : 'sha256';
  return createHash(algorithm).update(content).digest('hex');
}

/**
 * Validates statements (one or a list) and the attachment parts that came with them, checks
 * signatures, and completes each statement: id (lower case, generated when absent), authority
 * (the credentials'), version (1.0.0 when absent). Throws a 400 HttpError saying what is wrong.
 */
export function prepareStatements(
  body: unknown,
  options: { authority: XapiActor; parts: MimePart[] | null; statementId?: string },
): { statements: PreparedStatement[]; attachments: AttachmentContent[] } {
  const list = Array.isArray(body) ? body : [body];
  const root = Array.isArray(body) ? 'statements' : 'statement';
  if (list.length === 0) throw badRequest('invalid-statement', 'statements: Expected at least one statement, got an empty list');
  if (body === null || typeof body !== 'object') throw badRequest('invalid-statement', 'Expected a statement (a JSON object) or a list of statements');
  const parsed: { input: Record<string, unknown>; statement: XapiStatementInput; path: string }[] = [];
  list.forEach((input, index) => {
    const path = Array.isArray(body) ? `${root}[${index}]` : root;
    const result = statementSchema.safeParse(input);
    if (!result.success) throw invalidInput(result.error, input, path, 'invalid-statement');
    parsed.push({ input: input as Record<string, unknown>, statement: result.data, path });
  });

  if (options.statementId !== undefined) {
    const only = parsed[0]!;
    if (parsed.length !== 1) throw badRequest('invalid-statement', 'PUT stores one statement, got a list');
    if (only.statement.id !== undefined && only.statement.id.toLowerCase() !== options.statementId.toLowerCase()) {
      throw badRequest('invalid-statement', `statement.id \`${only.statement.id}\` differs from the statementId parameter \`${options.statementId}\``, { field: 'statement.id' });
    }
  }

  // Attachments: every declared one without fileUrl needs its part; every part a declaration.
  const parts = new Map<string, MimePart>();
  for (const [index, part] of (options.parts ?? []).entries()) {
    const hash = part.headers['x-experience-api-hash'];
    if (!hash) throw badRequest('invalid-attachment', `Attachment part ${index + 2} has no X-Experience-API-Hash header`, { hint: 'Each part after the statements carries the SHA-2 of its content in X-Experience-API-Hash.' });
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding?.toLowerCase() !== 'binary') throw badRequest('invalid-attachment', `Attachment part ${index + 2}: Expected Content-Transfer-Encoding: binary, got ${encoding ? `\`${encoding}\`` : 'none'}`);
    if (hashOf(part.body, hash) !== hash.toLowerCase()) throw badRequest('invalid-attachment', `Attachment part ${index + 2}: its content does not match its X-Experience-API-Hash \`${hash}\``);
    parts.set(hash.toLowerCase(), part);
  }
  const used = new Set<string>();
  const attachments = new Map<string, AttachmentContent>();
  for (const { statement, path } of parsed) {
    for (const attachment of attachmentsOf(statement)) {
      const sha2 = attachment.sha2.toLowerCase();
      const part = parts.get(sha2);
      if (!part) {
        if (attachment.fileUrl !== undefined && attachment.usageType !== signatureUsageType) continue;
        throw badRequest(
          'invalid-attachment',
          options.parts === null
            ? `${path}: attachment \`${attachment.sha2}\` has no fileUrl, so its content must come in a multipart/mixed request`
            : `${path}: no part carries attachment \`${attachment.sha2}\` (X-Experience-API-Hash)`,
          { hint: 'Send statements with attachment content as multipart/mixed: the statements as the first part (application/json), then one part per attachment.' },
        );
      }
      used.add(sha2);
      attachments.set(sha2, { sha2, contentType: attachment.contentType, content: part.body });
    }
  }
  for (const hash of parts.keys()) {
    if (!used.has(hash)) throw badRequest('invalid-attachment', `Attachment part with X-Experience-API-Hash \`${hash}\` matches no attachment of the statements`);
  }

  // Signatures (Data 2.6).
  for (const { statement, input, path } of parsed) {
    for (const attachment of statement.attachments ?? []) {
      if (attachment.usageType !== signatureUsageType) continue;
      if (attachment.contentType !== 'application/octet-stream') {
        throw badRequest('invalid-signature', `${path}: signature attachment: Expected contentType \`application/octet-stream\`, got \`${attachment.contentType}\``);
      }
      const problem = checkSignature(parts.get(attachment.sha2.toLowerCase())!.body.toString('utf8'), input);
      if (problem) throw badRequest('invalid-signature', `${path}: ${problem}`);
    }
  }

  const seen = new Set<string>();
  const statements = parsed.map(({ input, statement }, index): PreparedStatement => {
    const id = (statement.id ?? options.statementId ?? randomUUID()).toLowerCase();
    if (seen.has(id)) throw badRequest('invalid-statement', `${root}[${index}]: id \`${id}\` appears twice in one request`, { field: `${root}[${index}].id` });
    seen.add(id);
    const { id: _id, stored: _stored, authority: _authority, version, ...rest } = statement;
    const completed = { id, ...rest, authority: options.authority, version: version ?? '1.0.0' } as PreparedStatement['statement'];
    const objectRef = statement.object.objectType === 'StatementRef' ? statement.object.id.toLowerCase() : null;
    return {
      id,
      received: input,
      statement: completed,
      verbId: statement.verb.id,
      objectRef,
      isVoiding: statement.verb.id === verbs.voided,
      index: indexRows({ ...completed, timestamp: '', stored: '' } as XapiStatement),
    };
  });
  return { statements, attachments: [...attachments.values()] };
}

/** ISO UTC with milliseconds of a statement timestamp. */
export function utcTimestamp(value: string): string {
  return new Date(parseTimestamp(value)!).toISOString();
}
