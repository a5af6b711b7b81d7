import { createHash, randomUUID, sign, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminAuthorization, openTestService, storages, type TestService, xapiHeaders } from '../helpers/progress-service.ts';

/**
 * The Statements resource against the xAPI 1.0.3 requirements (Data 2 and 4, Communication 1
 * and 2), run against both storages: the same behaviour from SQLite and PostgreSQL.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/xapi-signing');
const completed = 'http://adlnet.gov/expapi/verbs/completed';
const voided = 'http://adlnet.gov/expapi/verbs/voided';

function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actor: { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
    verb: { id: completed, display: { 'en-US': 'completed', 'en-GB': 'completed (GB)', fr: 'a terminé' } },
    object: { objectType: 'Activity', id: 'http://example.org/activities/brasure', definition: { name: { 'en-US': 'Brazing', fr: 'Brasure' } } },
    ...overrides,
  };
}

function multipart(statements: unknown, parts: { contentType: string; body: Buffer; hash?: string; encoding?: string | null }[], firstType = 'application/json') {
  const boundary = 'test-boundary-7f3a';
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: ${firstType}\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const part of parts) {
    const hash = part.hash ?? createHash('sha256').update(part.body).digest('hex');
    const encoding = part.encoding === null ? '' : `Content-Transfer-Encoding: ${part.encoding ?? 'binary'}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: ${part.contentType}\r\n${encoding}X-Experience-API-Hash: ${hash}\r\n\r\n`), part.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}

function attachmentOf(body: Buffer, overrides: Record<string, unknown> = {}) {
  return {
    usageType: 'http://example.org/attachment-usage/photo',
    display: { fr: 'Photo du raccord' },
    contentType: 'text/plain',
    length: body.length,
    sha2: createHash('sha256').update(body).digest('hex'),
    ...overrides,
  };
}

/** A JWS (compact) over a statement, signed with the fixture key, with the certificate in x5c. */
function signStatement(payload: Record<string, unknown>, options: { alg?: string; tamper?: boolean } = {}): Buffer {
  const certificate = new X509Certificate(readFileSync(path.join(fixtures, 'cert.pem')));
  const header = Buffer.from(JSON.stringify({ alg: options.alg ?? 'RS256', x5c: [certificate.raw.toString('base64')] })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  let signature = sign('sha256', Buffer.from(`${header}.${body}`), readFileSync(path.join(fixtures, 'key.pem'))).toString('base64url');
  if (options.tamper) signature = `${signature.slice(0, -4)}AAAA`;
  return Buffer.from(`${header}.${body}.${signature}`);
}

describe.each(storages)('xAPI Statements resource on %s', (kind) => {
  let service: TestService;
  let authorization: string;

  beforeAll(async () => {
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist') });
    authorization = await adminAuthorization(service.db);
  });
  afterAll(() => service?.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { authorization, ...xapiHeaders, ...headers }, payload: payload as object });
  const put = (id: string, payload: unknown) => service.app.inject({ method: 'PUT', url: `/xapi/statements?statementId=${id}`, headers: { authorization, ...xapiHeaders }, payload: payload as object });
  const get = (query: Record<string, string>, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'GET', url: '/xapi/statements', query, headers: { authorization, ...xapiHeaders, ...headers } });

  describe('storing', () => {
    it('stores a POSTed statement and returns its id; GET returns it completed by the LRS', async () => {
      const response = await post(statement());
      expect(response.statusCode).toBe(200);
      const [id] = response.json();
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const stored = await get({ statementId: id });
      expect(stored.statusCode).toBe(200);
      const body = stored.json();
      expect(body).toMatchObject({ id, version: '1.0.0', actor: { mbox: 'mailto:ada@example.org' } });
      expect(body.stored).toMatch(/Z$/);
      expect(body.timestamp).toBe(body.stored);
      expect(body.authority.account.name).toMatch(/^client\//);
      expect(stored.headers['last-modified']).toBeTruthy();
    });

    it('stores a batch in order and returns the ids in the same order', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      const response = await post(ids.map((id) => statement({ id })));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(ids);
    });

    it('PUT stores with the given statementId (204) and refuses a PUT without one (400)', async () => {
      const id = randomUUID();
      expect((await put(id, statement())).statusCode).toBe(204);
      expect((await get({ statementId: id })).json().id).toBe(id);
      const missing = await service.app.inject({ method: 'PUT', url: '/xapi/statements', headers: { authorization, ...xapiHeaders }, payload: statement() });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toMatch(/statementId/);
      expect((await put('not-a-uuid', statement())).statusCode).toBe(400);
      expect((await put(randomUUID(), statement({ id: randomUUID() }))).json().error.message).toMatch(/differs from the statementId/);
    });

    it('accepts the same statement again (204) and refuses different content under a stored id (409) without changing it', async () => {
      const id = randomUUID();
      expect((await put(id, statement())).statusCode).toBe(204);
      expect((await put(id, statement())).statusCode).toBe(204);
      expect((await post(statement({ id }))).statusCode).toBe(204);
      // Equivalent forms are the same statement: UUID case, language tag case, timestamp offset.
      expect((await post(statement({ id: id.toUpperCase() }))).statusCode).toBe(204);
      const changed = await put(id, statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }));
      expect(changed.statusCode).toBe(409);
      expect((await post(statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }))).statusCode).toBe(409);
      expect((await get({ statementId: id })).json().verb.id).toBe(completed);
    });

    it('treats a batch with one new and one known statement as new (200) and stores nothing of a batch with one invalid statement', async () => {
      const known = randomUUID();
      await post(statement({ id: known }));
      const fresh = randomUUID();
      const mixed = await post([statement({ id: known }), statement({ id: fresh })]);
      expect(mixed.statusCode).toBe(200);
      expect(mixed.json()).toEqual([known, fresh]);
      const good = randomUUID();
      const rejected = await post([statement({ id: good }), statement({ id: randomUUID(), verb: { id: 'should fail' } })]);
      expect(rejected.statusCode).toBe(400);
      expect(rejected.json().error.message).toMatch(/^statements\[1\]\.verb\.id: Expected an absolute IRI/);
      expect((await get({ statementId: good })).statusCode).toBe(404);
    });

    it('refuses the same id twice in one batch', async () => {
      const id = randomUUID();
      const response = await post([statement({ id }), statement({ id })]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/appears twice/);
    });

    it('keeps timestamps given by the client and a 1.0.x version', async () => {
      const id = randomUUID();
      await post(statement({ id, timestamp: '2026-02-01T08:30:00.000+01:00', version: '1.0.3' }));
      const body = (await get({ statementId: id })).json();
      expect(body.timestamp).toBe('2026-02-01T08:30:00.000+01:00');
      expect(body.version).toBe('1.0.3');
    });

    it('returns single context activities as lists', async () => {
      const id = randomUUID();
      await post(statement({ id, context: { contextActivities: { parent: { id: 'http://example.org/parent' } } } }));
      expect((await get({ statementId: id })).json().context.contextActivities.parent).toEqual([{ id: 'http://example.org/parent' }]);
    });
  });

  describe('validation (400 with the field and what is expected)', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['no actor', { actor: undefined }, /statement\.actor: Expected a value/],
      ['no verb', { verb: undefined }, /statement\.verb/],
      ['no object', { object: undefined }, /statement\.object/],
      ['a mis-cased key', { Actor: { mbox: 'mailto:a@example.org' } }, /Unexpected property `Actor`/],
      ['an actor with two identifiers', { actor: { mbox: 'mailto:a@example.org', openid: 'http://openid.example.org/a' } }, /exactly one identifier/],
      ['an mbox without mailto', { actor: { mbox: 'a@example.org' } }, /statement\.actor\.mbox: Expected a `mailto:` IRI/],
      ['an anonymous group without members', { actor: { objectType: 'Group' } }, /statement\.actor\.member/],
      ['a verb id that is not an IRI', { verb: { id: 'completed' } }, /statement\.verb\.id: Expected an absolute IRI/],
      ['an invalid language tag', { verb: { id: completed, display: { 'de-419-DE': 'x' } } }, /statement\.verb\.display\.de-419-DE: Expected an RFC 5646 language tag/],
      ['a null value', { result: { success: null } }, /Unexpected `null`/],
      ['a string for a number', { result: { score: { max: '100' } } }, /statement\.result\.score\.max/],
      ['a string for a boolean', { result: { completion: 'false' } }, /statement\.result\.completion/],
      ['a scaled score above 1', { result: { score: { scaled: 1.5 } } }, /statement\.result\.score\.scaled/],
      ['raw above max', { result: { score: { raw: 12, min: 0, max: 10 } } }, /raw/],
      ['a bad duration', { result: { duration: '3 minutes' } }, /ISO 8601 duration/],
      ['a timestamp with -00:00', { timestamp: '2008-09-15T15:53:00.601-00:00' }, /statement\.timestamp/],
      ['a date that is not ISO 8601', { timestamp: '01/011/2015' }, /statement\.timestamp/],
      ['a bad statement id', { id: 'MA97B177-9383-4934-8543-0F91A7A02836' }, /statement\.id: Expected a UUID/],
      ['a bad registration', { context: { registration: 'AA97B177-9383-4934-8543-0F91A7A028368' } }, /statement\.context\.registration/],
      ['context.platform with an Agent object', { object: { objectType: 'Agent', mbox: 'mailto:b@example.org' }, context: { platform: 'phone' } }, /context\.platform/],
      ['an interaction type in the wrong case', { object: { id: 'http://example.org/q', definition: { interactionType: 'choiCe' } } }, /interactionType/],
      ['choices for a true-false interaction', { object: { id: 'http://example.org/q', definition: { interactionType: 'true-false', choices: [{ id: 'a' }] } } }, /Unexpected `choices` for interactionType `true-false`/],
      ['a voided verb without a StatementRef', { verb: { id: voided } }, /StatementRef/],
      ['an unsupported statement version', { version: '2.0.0' }, /statement\.version/],
      ['a SubStatement inside a SubStatement', { object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@example.org' }, verb: { id: completed }, object: { objectType: 'SubStatement' } } }, /statement\.object\.object/],
    ];
    it.each(cases)('refuses %s', async (_name, overrides, message) => {
      const body = statement(overrides);
      for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete body[key];
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(message);
    });

    it('accepts null inside extensions and every interaction type with its own components', async () => {
      const response = await post([
        statement({ result: { extensions: { 'http://example.org/null': null } } }),
        statement({ object: { id: 'http://example.org/q1', definition: { interactionType: 'choice', correctResponsesPattern: ['a'], choices: [{ id: 'a', description: { fr: 'A' } }, { id: 'b' }] } } }),
        statement({ object: { id: 'http://example.org/q2', definition: { interactionType: 'matching', source: [{ id: 's' }], target: [{ id: 't' }] } } }),
        statement({ object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@example.org' }, verb: { id: completed }, object: { id: 'http://example.org/sub' } } }),
        statement({ actor: { objectType: 'Group', name: 'Binôme', member: [{ mbox: 'mailto:a@example.org' }, { account: { homePage: 'http://example.org', name: 'b' } }] } }),
        statement({ timestamp: '20260302T101500Z', result: { duration: 'PT1H30M', score: { raw: 8, min: 0, max: 10, scaled: 0.8 } } }),
      ]);
      expect(response.statusCode, response.body).toBe(200);
    });

    it('refuses a body that is not a statement', async () => {
      expect((await post([])).statusCode).toBe(400);
      expect((await post('"text"', { 'content-type': 'application/json' })).statusCode).toBe(400);
      const broken = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { authorization, ...xapiHeaders, 'content-type': 'application/json' }, payload: '{"actor": ' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json().error.code).toBe('invalid-json');
    });
  });

  describe('headers and authentication', () => {
    it('requires X-Experience-API-Version 1.0.x and always answers with 1.0.3 and Consistent-Through', async () => {
      const missing = await service.app.inject({ method: 'GET', url: '/xapi/statements', headers: { authorization } });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toMatch(/X-Experience-API-Version/);
      expect(missing.headers['x-experience-api-version']).toBe('1.0.3');
      expect(missing.headers['x-experience-api-consistent-through']).toBeTruthy();
      expect((await get({}, { 'X-Experience-API-Version': '0.95' })).statusCode).toBe(400);
      expect((await get({}, { 'X-Experience-API-Version': '1.0.1' })).statusCode).toBe(200);
    });

    it('answers 401 with a Basic challenge without credentials or with a wrong secret', async () => {
      const anonymous = await service.app.inject({ method: 'GET', url: '/xapi/statements', headers: xapiHeaders });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
      const wrong = await service.app.inject({ method: 'GET', url: '/xapi/statements', headers: { ...xapiHeaders, authorization: `Basic ${Buffer.from('rk_nope:secret').toString('base64')}` } });
      expect(wrong.statusCode).toBe(401);
    });

    it('answers a stale apprentice token or cookie with a Bearer challenge (no browser login prompt)', async () => {
      const token = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { ...xapiHeaders, authorization: 'Bearer ra_revoked' }, payload: [] });
      expect(token.statusCode).toBe(401);
      expect(token.headers['www-authenticate']).toMatch(/^Bearer .*invalid_token/);
      const cookie = await service.app.inject({ method: 'GET', url: '/xapi/statements', headers: { ...xapiHeaders, cookie: 'relais_apprentice=ra_revoked' } });
      expect(cookie.statusCode).toBe(401);
      expect(cookie.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('serves /xapi/about without credentials', async () => {
      const about = await service.app.inject({ method: 'GET', url: '/xapi/about' });
      expect(about.statusCode).toBe(200);
      expect(about.json().version).toContain('1.0.3');
      expect(about.headers['x-experience-api-version']).toBe('1.0.3');
    });

    it('answers HEAD like GET without a body', async () => {
      const id = (await post(statement())).json()[0];
      const head = await service.app.inject({ method: 'HEAD', url: `/xapi/statements?statementId=${id}`, headers: { authorization, ...xapiHeaders } });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers['x-experience-api-consistent-through']).toBeTruthy();
      const missing = await service.app.inject({ method: 'HEAD', url: `/xapi/statements?statementId=${randomUUID()}`, headers: { authorization, ...xapiHeaders } });
      expect(missing.statusCode).toBe(404);
    });

    it('Consistent-Through is an ISO 8601 time at or after the latest stored statement', async () => {
      const id = (await post(statement())).json()[0];
      const stored = (await get({ statementId: id })).json().stored;
      const through = (await get({ limit: '1' })).headers['x-experience-api-consistent-through'] as string;
      expect(Number.isNaN(Date.parse(through))).toBe(false);
      expect(Date.parse(through)).toBeGreaterThanOrEqual(Date.parse(stored));
    });
  });

  describe('voiding', () => {
    it('voids a statement: 404 by statementId, 200 by voidedStatementId, gone from queries, the voiding statement listed', async () => {
      const activity = `http://example.org/voiding/${randomUUID()}`;
      const target = (await post(statement({ object: { id: activity } }))).json()[0];
      const voiding = await post(statement({ verb: { id: voided, display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target } }));
      expect(voiding.statusCode).toBe(200);
      expect((await get({ statementId: target })).statusCode).toBe(404);
      const byVoided = await get({ voidedStatementId: target });
      expect(byVoided.statusCode).toBe(200);
      expect(byVoided.json().id).toBe(target);
      const listed = (await get({ activity })).json().statements.map((item: { id: string }) => item.id);
      // The voiding statement targets the voided one, so it matches its activity (StatementRef filter rule).
      expect(listed).toEqual([voiding.json()[0]]);
      expect((await get({ voidedStatementId: voiding.json()[0] })).statusCode).toBe(404);
    });

    it('refuses to void a voiding statement', async () => {
      const target = (await post(statement())).json()[0];
      const voiding = (await post(statement({ verb: { id: voided }, object: { objectType: 'StatementRef', id: target } }))).json()[0];
      const again = await post(statement({ verb: { id: voided }, object: { objectType: 'StatementRef', id: voiding } }));
      expect(again.statusCode).toBe(400);
      expect((await get({ statementId: voiding })).statusCode).toBe(200);
    });

    it('voids a statement that arrives after its voiding statement', async () => {
      const later = randomUUID();
      await post(statement({ verb: { id: voided }, object: { objectType: 'StatementRef', id: later } }));
      await post(statement({ id: later }));
      expect((await get({ statementId: later })).statusCode).toBe(404);
      expect((await get({ voidedStatementId: later })).statusCode).toBe(200);
    });
  });

  describe('queries', () => {
    const run = randomUUID();
    const learner = { mbox: `mailto:learner-${run}@example.org` };
    const instructor = { mbox: `mailto:instructor-${run}@example.org` };
    const activity = `http://example.org/query/${run}`;
    const category = `http://example.org/category/${run}`;
    const registration = randomUUID();
    const ids: string[] = [];
    let firstStored = '';
    let objectAgentId = '';
    let referenceId = '';

    beforeAll(async () => {
      for (let index = 0; index < 7; index++) {
        const response = await post(
          statement({
            actor: learner,
            object: { id: `${activity}/${index}` },
            context: { registration, instructor, contextActivities: { category: [{ id: category, definition: { name: { 'en-US': 'Category', 'en-GB': 'Category (GB)' } } }] } },
          }),
        );
        ids.push(response.json()[0]);
        if (index === 0) firstStored = (await get({ statementId: ids[0]! })).json().stored;
      }
      // Another learner, the object of a statement about the first one, and a reference to one of them.
      await post(statement({ actor: { mbox: `mailto:other-${run}@example.org` }, object: { id: `${activity}/0` } }));
      objectAgentId = (await post(statement({ actor: { mbox: `mailto:tutor-${run}@example.org` }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { objectType: 'Agent', ...learner } }))).json()[0];
      referenceId = (await post(statement({ actor: { mbox: `mailto:tutor-${run}@example.org` }, verb: { id: 'http://example.org/verbs/confirmed' }, object: { objectType: 'StatementRef', id: ids[3] } }))).json()[0];
    });

    it('filters by agent (actor or object, and statements referring to theirs), newest first', async () => {
      const result = (await get({ agent: JSON.stringify(learner) })).json();
      expect(result.statements.map((item: { id: string }) => item.id)).toEqual([referenceId, objectAgentId, ...[...ids].reverse()]);
      expect(result.more).toBe('');
      expect((await get({ agent: JSON.stringify({ objectType: 'Group', ...learner }) })).json().statements).toHaveLength(0);
    });

    it('matches instructors only with related_agents', async () => {
      expect((await get({ agent: JSON.stringify(instructor) })).json().statements).toHaveLength(0);
      expect((await get({ agent: JSON.stringify(instructor), related_agents: 'true' })).json().statements).toHaveLength(7 + 1);
    });

    it('filters by activity, with context activities only through related_activities', async () => {
      const own = (await get({ activity: `${activity}/3` })).json().statements;
      // The statement itself and the one that refers to it (StatementRef filter rule).
      expect(own).toHaveLength(2);
      expect((await get({ activity: category })).json().statements).toHaveLength(0);
      expect((await get({ activity: category, related_activities: 'true' })).json().statements).toHaveLength(8);
    });

    it('filters by verb and registration together (a reference matches through its target)', async () => {
      expect((await get({ registration, verb: completed })).json().statements).toHaveLength(8);
      expect((await get({ verb: 'http://example.org/verbs/confirmed' })).json().statements.map((item: { id: string }) => item.id)).toEqual([referenceId]);
      expect((await get({ registration, verb: 'http://adlnet.gov/expapi/verbs/attempted' })).json().statements).toHaveLength(0);
    });

    it('filters by since (exclusive) and until (inclusive) on stored time', async () => {
      const all = (await get({ registration, ascending: 'true' })).json().statements;
      const storedOf = (index: number) => all[index].stored as string;
      const sinceFirst = (await get({ registration, since: firstStored })).json().statements;
      expect(sinceFirst.map((item: { id: string }) => item.id)).not.toContain(ids[0]);
      const untilThird = (await get({ registration, until: storedOf(2), ascending: 'true' })).json().statements;
      expect(untilThird.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 3));
      expect((await get({ since: 'yesterday' })).statusCode).toBe(400);
    });

    it('pages with an opaque `more` URL until every statement was returned once, in order', async () => {
      const seen: string[] = [];
      let result = (await get({ registration, limit: '3' })).json();
      for (;;) {
        seen.push(...result.statements.map((item: { id: string }) => item.id));
        if (!result.more) break;
        expect(result.more).toMatch(/^\/xapi\/statements\?more=/);
        const more = new URL(result.more, 'http://x').searchParams.get('more')!;
        result = (await get({ more })).json();
      }
      expect(seen).toEqual([referenceId, ...[...ids].reverse()]);
      const ascending: string[] = [];
      result = (await get({ registration, limit: '4', ascending: 'true' })).json();
      ascending.push(...result.statements.map((item: { id: string }) => item.id));
      result = (await get({ more: new URL(result.more, 'http://x').searchParams.get('more')! })).json();
      ascending.push(...result.statements.map((item: { id: string }) => item.id));
      expect(ascending).toEqual([...ids, referenceId]);
      expect((await get({ more: 'garbage' })).statusCode).toBe(400);
    });

    it('formats ids, exact and canonical (one language from Accept-Language)', async () => {
      const ids_ = (await get({ statementId: ids[0]!, format: 'ids' })).json();
      expect(ids_.actor).toEqual(learner);
      expect(ids_.verb).toEqual({ id: completed });
      expect(ids_.object).toEqual({ id: `${activity}/0` });
      const canonical = (await get({ statementId: ids[0]!, format: 'canonical' }, { 'Accept-Language': 'en-GB' })).json();
      expect(canonical.verb.display).toEqual({ 'en-GB': 'completed (GB)' });
      expect(canonical.context.contextActivities.category[0].definition.name).toEqual({ 'en-GB': 'Category (GB)' });
      const exact = (await get({ statementId: ids[0]! }, { 'Accept-Language': 'en-GB' })).json();
      expect(Object.keys(exact.verb.display)).toEqual(['en-US', 'en-GB', 'fr']);
    });

    it('refuses parameters beside statementId other than format and attachments, and unknown parameters', async () => {
      expect((await get({ statementId: ids[0]!, verb: completed })).statusCode).toBe(400);
      expect((await get({ statementId: ids[0]!, format: 'ids', attachments: 'false' })).statusCode).toBe(200);
      expect((await get({ statementId: ids[0]!, voidedStatementId: ids[1]! })).statusCode).toBe(400);
      expect((await get({ colour: 'blue' })).statusCode).toBe(400);
      expect((await get({ agent: '{"name":"no identifier"}' })).statusCode).toBe(400);
      expect((await get({ format: 'pretty' })).statusCode).toBe(400);
    });
  });

  describe('attachments (multipart/mixed, SHA-2)', () => {
    const photo = Buffer.from('raccord brasé, vue de près');

    it('stores an attachment and returns it with attachments=true', async () => {
      const body = multipart(statement({ attachments: [attachmentOf(photo)] }), [{ contentType: 'text/plain', body: photo }]);
      const response = await post(body.payload, { 'content-type': body.contentType });
      expect(response.statusCode, response.body).toBe(200);
      const id = response.json()[0];
      const plain = await get({ statementId: id });
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      const withParts = await get({ statementId: id, attachments: 'true' });
      expect(withParts.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
      expect(withParts.rawPayload.includes(photo)).toBe(true);
      expect(withParts.body).toContain(`X-Experience-API-Hash: ${createHash('sha256').update(photo).digest('hex')}`);
      const listed = await get({ attachments: 'true', limit: '1' });
      expect(listed.headers['content-type']).toMatch(/^multipart\/mixed/);
    });

    it('refuses an attachment without its content, with a wrong hash, or an unreferenced part', async () => {
      expect((await post(statement({ attachments: [attachmentOf(photo)] }))).statusCode).toBe(400);
      const wrongHash = multipart(statement({ attachments: [attachmentOf(photo)] }), [{ contentType: 'text/plain', body: Buffer.from('autre chose'), hash: createHash('sha256').update(photo).digest('hex') }]);
      expect((await post(wrongHash.payload, { 'content-type': wrongHash.contentType })).statusCode).toBe(400);
      const extra = multipart(statement(), [{ contentType: 'text/plain', body: photo }]);
      expect((await post(extra.payload, { 'content-type': extra.contentType })).statusCode).toBe(400);
      const noEncoding = multipart(statement({ attachments: [attachmentOf(photo)] }), [{ contentType: 'text/plain', body: photo, encoding: null }]);
      expect((await post(noEncoding.payload, { 'content-type': noEncoding.contentType })).statusCode).toBe(400);
      const badFirst = multipart(statement({ attachments: [attachmentOf(photo)] }), [{ contentType: 'text/plain', body: photo }], 'text/plain');
      expect((await post(badFirst.payload, { 'content-type': badFirst.contentType })).statusCode).toBe(400);
    });

    it('accepts an attachment that only has a fileUrl as plain JSON', async () => {
      const response = await post(statement({ attachments: [attachmentOf(photo, { fileUrl: 'http://example.org/photo.txt' })] }));
      expect(response.statusCode).toBe(200);
    });
  });

  describe('signed statements (JWS)', () => {
    function signed(options: { alg?: string; tamper?: boolean; contentType?: string; payloadChange?: boolean } = {}) {
      const base = statement({ id: randomUUID() });
      const jws = signStatement(options.payloadChange ? { ...base, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } } : base, options);
      const signature = attachmentOf(jws, { usageType: 'http://adlnet.gov/expapi/attachments/signature', contentType: options.contentType ?? 'application/octet-stream' });
      return multipart({ ...base, attachments: [signature] }, [{ contentType: 'application/octet-stream', body: jws }]);
    }

    it('accepts a statement signed with RS256 and an x5c certificate', async () => {
      const body = signed();
      const response = await post(body.payload, { 'content-type': body.contentType });
      expect(response.statusCode, response.body).toBe(200);
    });

    it.each([
      ['a signature attachment that is not application/octet-stream', { contentType: 'text/plain' }, /octet-stream/],
      ['the HS256 algorithm', { alg: 'HS256' }, /HS256/],
      ['a payload that is another statement', { payloadChange: true }, /not the statement it signs/],
      ['a signature that does not verify', { tamper: true }, /does not verify/],
    ])('refuses %s', async (_name, options, message) => {
      const body = signed(options);
      const response = await post(body.payload, { 'content-type': body.contentType });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(message);
    });
  });

  describe('alternate request syntax', () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

    it('PUTs through POST ?method=PUT with the headers and content as form fields', async () => {
      const id = randomUUID();
      const response = await service.app.inject({
        method: 'POST',
        url: '/xapi/statements?method=PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ statementId: id, content: JSON.stringify(statement()), Authorization: authorization, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }),
      });
      expect(response.statusCode, response.body).toBe(204);
      expect((await get({ statementId: id })).statusCode).toBe(200);
    });

    it('GETs through POST ?method=GET', async () => {
      const response = await service.app.inject({
        method: 'POST',
        url: '/xapi/statements?method=GET',
        headers: { authorization, ...xapiHeaders, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ limit: '1' }),
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toHaveProperty('statements');
      expect(response.json()).toHaveProperty('more');
    });

    it('refuses other query parameters, a non-POST, a missing content and a body that is not a form', async () => {
      const headers = { authorization, ...xapiHeaders, 'content-type': 'application/x-www-form-urlencoded' };
      const id = randomUUID();
      expect((await service.app.inject({ method: 'POST', url: `/xapi/statements?method=PUT&statementId=${id}`, headers, payload: form({ content: JSON.stringify(statement()) }) })).statusCode).toBe(400);
      expect((await service.app.inject({ method: 'GET', url: '/xapi/statements?method=POST', headers })).statusCode).toBe(400);
      expect((await service.app.inject({ method: 'POST', url: '/xapi/statements?method=PUT', headers, payload: form({ statementId: id }) })).statusCode).toBe(400);
      expect((await service.app.inject({ method: 'POST', url: '/xapi/statements?method=PUT', headers, payload: JSON.stringify({ statementId: id, content: statement() }) })).statusCode).toBe(400);
    });
  });
});
