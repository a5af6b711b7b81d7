import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedVersionPattern, type StatementQuery, statementQuery, uuid, type XapiActor } from '../../schemas/xapi.ts';
import { badRequest, forbidden, invalidInput, notFound } from '../errors.ts';
import type { Principal } from '../principal.ts';
import {
  attachmentsFor,
  consistentThrough,
  decodeCursor,
  encodeCursor,
  queryStatements,
  recordStatements,
  statementById,
} from '../queries/statements.ts';
import { acceptedLanguages, formatStatement } from '../xapi/format.ts';
import { apprenticeActor } from '../xapi/identity.ts';
import { buildMultipart, type MimePart, parseMultipart } from '../xapi/multipart.ts';
import { prepareStatements } from '../xapi/prepare.ts';
import type { RouteKit } from './route-kit.ts';

/** One Statements-resource request, after the alternate request syntax is unfolded. */
interface XapiRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST';
  headers: { authorization?: string | undefined; cookie?: string | undefined; version?: string | undefined; contentType: string; acceptLanguage?: string | undefined; origin?: string | undefined; ownOrigin: string };
  query: Record<string, string>;
  body: unknown;
}

interface XapiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const challenge = { 'WWW-Authenticate': 'Basic realm="Relais xAPI", charset="UTF-8"' };
/** Form fields the alternate request syntax treats as headers (Communication 1.3). */
const formHeaders = new Set(['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match']);

function singleValues(query: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw badRequest('invalid-query', `Query parameter \`${key}\` is given ${value.length} times, expected once`);
    values[key] = String(value);
  }
  return values;
}

/** Parses a statement body by its Content-Type: JSON, or multipart/mixed with attachments. */
function readBody(contentType: string, body: unknown): { statements: unknown; parts: MimePart[] | null } {
  if (/^multipart\/mixed\b/i.test(contentType)) {
    let parts: MimePart[];
    try {
      parts = parseMultipart(body as Buffer, contentType);
    } catch (error) {
      throw badRequest('invalid-multipart', `Malformed multipart/mixed body: ${(error as Error).message}`);
    }
    const [first, ...rest] = parts;
    if (!first || !/^application\/json\b/i.test(first.headers['content-type'] ?? '')) {
      throw badRequest('invalid-multipart', `The first part of a multipart/mixed request must be the statements as application/json, got ${first?.headers['content-type'] ? `\`${first.headers['content-type']}\`` : 'no Content-Type'}`);
    }
    try {
      return { statements: JSON.parse(first.body.toString('utf8')), parts: rest };
    } catch (error) {
      throw badRequest('invalid-json', `The statements part is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (body === undefined) throw badRequest('invalid-statement', 'Expected a statement or a list of statements in the body');
  return { statements: body, parts: null };
}

/** Registers `/xapi/about` and the Statements resource `/xapi/statements` (xAPI 1.0.3). */
export function registerXapiRoutes(kit: RouteKit): void {
  const { app, context, auth } = kit;

  app.register(async (xapi) => {
    // Raw bodies for the formats JSON parsing does not cover; the handler reads them.
    xapi.addContentTypeParser('multipart/mixed', { parseAs: 'buffer', bodyLimit: context.config.bodyLimit.xapi }, (_request, body, done) => done(null, body));
    xapi.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: context.config.bodyLimit.xapi }, (_request, body, done) => done(null, body));

    xapi.addHook('onSend', async (request, reply) => {
      // On every answer to a GET (or HEAD) of statements, errors included (Communication 2.1.3).
      if (request.url.startsWith('/xapi/statements') && (request.method === 'GET' || request.method === 'HEAD' || /[?&]method=(?:GET|HEAD)\b/i.test(request.url))) {
        reply.header('X-Experience-API-Consistent-Through', await consistentThrough(context.db, context.clock.now()));
      }
    });

    xapi.get('/xapi/about', async () => ({ version: ['1.0.3', '1.0.2', '1.0.1', '1.0.0'], extensions: {} }));

    const route = async (request: FastifyRequest, reply: FastifyReply) => {
      const response = await handle(unfold(request));
      for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
      reply.code(response.status);
      return response.body === undefined ? reply.send() : reply.send(response.body);
    };
    for (const method of ['GET', 'PUT', 'POST'] as const) {
      xapi.route({ method, url: '/xapi/statements', bodyLimit: context.config.bodyLimit.xapi, handler: route });
    }
  });

  /** The request as the resource sees it; for `POST ?method=…` (alternate syntax), the one it carries. */
  function unfold(request: FastifyRequest): XapiRequest {
    const query = singleValues(request.query);
    const headers = {
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      version: request.headers['x-experience-api-version'] as string | undefined,
      contentType: request.headers['content-type'] ?? '',
      acceptLanguage: request.headers['accept-language'],
      origin: request.headers.origin,
      ownOrigin: `${request.protocol}://${request.host}`,
    };
    if (query.method === undefined) {
      return { method: request.method as XapiRequest['method'], headers, query, body: request.body };
    }
    if (request.method !== 'POST') throw badRequest('invalid-alternate-request', `The alternate request syntax (\`method=${query.method}\`) is for POST requests, got ${request.method}`);
    const method = query.method.toUpperCase();
    if (method !== 'GET' && method !== 'PUT' && method !== 'POST' && method !== 'HEAD') throw badRequest('invalid-alternate-request', `\`method=${query.method}\`: expected GET, HEAD, PUT or POST`);
    const extra = Object.keys(query).filter((key) => key !== 'method');
    if (extra.length > 0) throw badRequest('invalid-alternate-request', `The alternate request syntax allows only \`method\` in the query string, got ${extra.map((key) => `\`${key}\``).join(', ')}: send them as form fields`);
    if (!/^application\/x-www-form-urlencoded\b/i.test(headers.contentType)) {
      throw badRequest('invalid-alternate-request', `The alternate request syntax needs Content-Type application/x-www-form-urlencoded, got ${headers.contentType ? `\`${headers.contentType}\`` : 'none'}`);
    }
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const fields: Record<string, string> = {};
    let content: string | undefined;
    for (const [key, value] of form) {
      const lower = key.toLowerCase();
      if (lower === 'content') content = value;
      else if (formHeaders.has(lower)) {
        if (lower === 'authorization') headers.authorization = value;
        else if (lower === 'x-experience-api-version') headers.version = value;
        else if (lower === 'content-type') headers.contentType = value;
      } else fields[key] = value;
    }
    if (method === 'PUT' || method === 'POST') {
      if (content === undefined) throw badRequest('invalid-alternate-request', 'The alternate request syntax carries the body in the form field `content`, which is missing');
      if (!/^application\/x-www-form-urlencoded\b/i.test(headers.contentType) && !/^application\/json\b/i.test(headers.contentType)) {
        throw badRequest('invalid-alternate-request', `The \`content\` form field must be JSON (Content-Type application/json), got \`${headers.contentType}\``);
      }
      let body: unknown;
      try {
        body = JSON.parse(content);
      } catch (error) {
        throw badRequest('invalid-json', `The \`content\` form field is not valid JSON: ${(error as Error).message}`);
      }
      return { method, headers: { ...headers, contentType: 'application/json' }, query: fields, body };
    }
    return { method, headers, query: fields, body: undefined };
  }

  async function handle(request: XapiRequest): Promise<XapiResponse> {
    const version = request.headers.version;
    if (!version) throw badRequest('missing-version', 'Missing header X-Experience-API-Version, expected `1.0.3`', { hint: 'Send X-Experience-API-Version: 1.0.3 with every xAPI request.' });
    if (!acceptedVersionPattern.test(version)) throw badRequest('unsupported-version', `X-Experience-API-Version \`${version}\` is not supported, expected 1.0.x (\`1.0.3\`)`);
    const principal = await auth.authenticate(request.headers, ['admin-client', 'centre-client', 'apprentice'], challenge);
    const origin = request.headers.origin;
    if (!request.headers.authorization && request.method !== 'GET' && request.method !== 'HEAD' && origin && origin !== request.headers.ownOrigin && !context.config.corsOrigins.includes(origin)) {
      // A cookie reached us from another site's page: refuse (cross-site request forgery).
      throw forbidden(`Requests from origin \`${origin}\` may not use this site's cookies`);
    }
    switch (request.method) {
      case 'GET':
      case 'HEAD':
        return get(request, principal);
      case 'PUT':
        return put(request, principal);
      case 'POST':
        return post(request, principal);
    }
  }

  function authorityOf(principal: Principal): XapiActor {
    if (principal.kind === 'apprentice') return apprenticeActor(context.config.site, principal.apprenticeId);
    if (principal.kind === 'tutor') return apprenticeActor(context.config.site, principal.tutorId);
    return { objectType: 'Agent', name: principal.name, account: { homePage: context.config.site, name: `client/${principal.key}` } };
  }

  async function put(request: XapiRequest, principal: Principal): Promise<XapiResponse> {
    const { statementId, ...others } = request.query;
    if (statementId === undefined) throw badRequest('missing-statement-id', 'PUT /xapi/statements needs the query parameter `statementId`', { hint: 'Use POST to let the service choose ids.' });
    const checked = uuid.safeParse(statementId);
    if (!checked.success) throw invalidInput(checked.error, statementId, 'statementId', 'invalid-query');
    const unexpected = Object.keys(others);
    if (unexpected.length > 0) throw badRequest('invalid-query', `Unexpected query parameter \`${unexpected[0]}\` for PUT, expected only \`statementId\``);
    const { statements, parts } = readBody(request.headers.contentType, request.body);
    if (Array.isArray(statements)) throw badRequest('invalid-statement', 'PUT stores one statement, got a list', { hint: 'POST a list of statements instead.' });
    const prepared = prepareStatements(statements, { authority: authorityOf(principal), parts, statementId });
    await recordStatements(context, principal, prepared.statements, prepared.attachments, 'statement');
    return { status: 204 };
  }

  async function post(request: XapiRequest, principal: Principal): Promise<XapiResponse> {
    const unexpected = Object.keys(request.query);
    if (unexpected.length > 0) throw badRequest('invalid-query', `Unexpected query parameter \`${unexpected[0]}\` for POST`, { hint: 'PUT takes `statementId`; POST takes none.' });
    const { statements, parts } = readBody(request.headers.contentType, request.body);
    const prepared = prepareStatements(statements, { authority: authorityOf(principal), parts });
    const result = await recordStatements(context, principal, prepared.statements, prepared.attachments, Array.isArray(statements) ? 'statements' : 'statement');
    // Every statement was already stored, identical: nothing changed (Communication 2.1.2).
    if (result.created === 0) return { status: 204 };
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(result.ids) };
  }

  async function get(request: XapiRequest, principal: Principal): Promise<XapiResponse> {
    const parsed = statementQuery.safeParse(request.query);
    if (!parsed.success) throw invalidInput(parsed.error, request.query, 'query', 'invalid-query');
    const params = parsed.data;
    const languages = acceptedLanguages(request.headers.acceptLanguage);
    const format = params.format ?? 'exact';
    const single = params.statementId ?? params.voidedStatementId;
    if (single !== undefined) {
      if (params.statementId !== undefined && params.voidedStatementId !== undefined) throw badRequest('invalid-query', 'Use `statementId` or `voidedStatementId`, not both');
      const others = Object.keys(request.query).filter((key) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(key));
      if (others.length > 0) throw badRequest('invalid-query', `With \`${params.statementId ? 'statementId' : 'voidedStatementId'}\`, only \`format\` and \`attachments\` are allowed, got \`${others[0]}\``);
      const statement = await statementById(context.db, principal, single, params.voidedStatementId !== undefined);
      if (!statement) {
        throw notFound(
          params.voidedStatementId !== undefined ? `No voided statement \`${single}\`` : `No statement \`${single}\``,
          params.statementId !== undefined ? 'A voided statement is fetched with voidedStatementId.' : undefined,
        );
      }
      const formatted = formatStatement(statement, format, languages);
      const headers = { 'Last-Modified': new Date(statement.stored).toUTCString() };
      return params.attachments ? multipartResponse(formatted, [statement], headers) : json(formatted, headers);
    }
    let query: Omit<StatementQuery, 'more'> = params;
    let after: number | null = null;
    if (params.more !== undefined) {
      const cursor = decodeCursor(params.more);
      query = cursor.query;
      after = cursor.after;
    }
    const { more: _more, ...rest } = query as StatementQuery;
    const page = await queryStatements(context.db, principal, rest, after);
    const result = {
      statements: page.statements.map((statement) => formatStatement(statement, rest.format ?? 'exact', languages)),
      more: page.next === null ? '' : `/xapi/statements?more=${encodeCursor({ query: rest, after: page.next })}`,
    };
    return rest.attachments ? multipartResponse(result, page.statements) : json(result);
  }

  function json(body: unknown, headers: Record<string, string> = {}): XapiResponse {
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
  }

  async function multipartResponse(body: unknown, statements: Parameters<typeof attachmentsFor>[1], headers: Record<string, string> = {}): Promise<XapiResponse> {
    const attachments = await attachmentsFor(context.db, statements);
    const multipart = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      ...attachments.map((attachment) => ({
        headers: { 'Content-Type': attachment.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': attachment.sha2 },
        body: attachment.content,
      })),
    ]);
    return { status: 200, headers: { 'Content-Type': multipart.contentType, ...headers }, body: multipart.body };
  }
}
