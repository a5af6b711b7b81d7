import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminAuthorization, cohortWithApprentice, createCentreFixture, openTestService, type TestService, xapiHeaders } from '../helpers/progress-service.ts';

/** Bad input and the edges: body limits, unknown routes, media types, the served site, CORS, cookies from other sites. */
describe('robustness of the service', () => {
  let service: TestService;
  let admin: string;

  beforeAll(async () => {
    service = await openTestService('sqlite', {
      postgresUrl: inject('postgresUrl'),
      distDir: inject('exampleDist'),
      env: { RELAIS_XAPI_BODY_LIMIT: '200000', RELAIS_CORS_ORIGINS: 'https://site.example' },
    });
    admin = await adminAuthorization(service.db);
  });
  afterAll(() => service?.close());

  it('answers 413 above the body limits (64 KiB for the centre API, the configured limit for xAPI)', async () => {
    const api = await service.app.inject({ method: 'POST', url: '/api/join', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ joinCode: 'x'.repeat(70_000) }) });
    expect(api.statusCode).toBe(413);
    expect(api.json().error).toMatchObject({ code: 'payload-too-large' });
    const statements = Array.from({ length: 2000 }, () => ({ actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.org/a' } }));
    const xapi = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { authorization: admin, ...xapiHeaders }, payload: statements });
    expect(xapi.statusCode).toBe(413);
    expect(xapi.json().error.message).toMatch(/200000 bytes/);
  });

  it('answers JSON 404s under /api and /xapi, and the site 404 page elsewhere', async () => {
    for (const url of ['/api/nothing', '/xapi/activities/state', '/api']) {
      const response = await service.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not-found');
      if (url.startsWith('/xapi')) expect(response.headers['x-experience-api-version']).toBe('1.0.3');
    }
    expect((await service.app.inject({ method: 'DELETE', url: '/api/cohorts' })).json().error.message).toBe('No route DELETE /api/cohorts');
    const page = await service.app.inject({ method: 'GET', url: '/no-such-page/' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toBe(readFileSync(path.join(inject('exampleDist'), '404.html'), 'utf8'));
  });

  it('answers 400 for broken JSON and 415 for an unexpected media type, naming what was expected', async () => {
    const broken = await service.app.inject({ method: 'POST', url: '/api/join', headers: { 'content-type': 'application/json' }, payload: '{"joinCode":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid-json');
    const text = await service.app.inject({ method: 'POST', url: '/api/join', headers: { 'content-type': 'text/plain' }, payload: 'K7Q2M9XD' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toMatch(/expected application\/json/);
    const missing = await service.app.inject({ method: 'POST', url: '/api/join', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'body.joinCode' });
    expect(missing.json().error.message).toMatch(/^body\.joinCode: Expected a value/);
  });

  it('serves the built site like the static server did: pages revalidated, hashed assets immutable, folders redirected', async () => {
    const home = await service.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect(home.headers.etag).toBeTruthy();
    const asset = readdirSync(path.join(inject('exampleDist'), '_astro'))[0]!;
    const cached = await service.app.inject({ method: 'GET', url: `/_astro/${asset}` });
    expect(cached.statusCode).toBe(200);
    expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const folder = await service.app.inject({ method: 'GET', url: '/plomberie' });
    expect(folder.statusCode).toBe(301);
    expect(folder.headers.location).toBe('/plomberie/');
    const catalogue = await service.app.inject({ method: 'GET', url: '/catalogue.json' });
    expect(catalogue.json().modules.length).toBeGreaterThan(0);
    const notModified = await service.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(home.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect((await service.app.inject({ method: 'GET', url: '/..%2f..%2fpackage.json' })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('compresses pages for slow networks, and leaves clients that ask for none alone', async () => {
    const url = '/plomberie/braser-raccord-cuivre/';
    const plain = await service.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip']) {
      const packed = await service.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
      expect(packed.statusCode).toBe(200);
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    }
    // Pagefind's index files are gzip already: sent as they are, never labelled with an encoding.
    const meta = readdirSync(path.join(inject('exampleDist'), 'pagefind')).find((name) => name.endsWith('.pf_meta'))!;
    const index = await service.app.inject({ method: 'GET', url: `/pagefind/${meta}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(index.headers['content-encoding']).toBeUndefined();
    expect(index.rawPayload.equals(readFileSync(path.join(inject('exampleDist'), 'pagefind', meta)))).toBe(true);
  });

  it('allows the configured origin (CORS) and no other', async () => {
    const preflight = await service.app.inject({ method: 'OPTIONS', url: '/xapi/statements', headers: { origin: 'https://site.example', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://site.example');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Experience-API-Version/);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const other = await service.app.inject({ method: 'OPTIONS', url: '/xapi/statements', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("refuses an apprentice's cookie sent from another site's page, accepts it from the site", async () => {
    const centre = await createCentreFixture(service, 'centre-cookies');
    const apprentice = await cohortWithApprentice(service, centre);
    const cookie = `relais_apprentice=${apprentice.token}`;
    const body = { actor: apprentice.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://localhost:4321/plomberie/couper-tube-cuivre/' } };
    const crossSite = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { cookie, origin: 'https://evil.example', ...xapiHeaders }, payload: body });
    expect(crossSite.statusCode).toBe(403);
    const sameSite = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { cookie, origin: 'http://localhost:80', ...xapiHeaders }, payload: body });
    expect(sameSite.statusCode).toBe(200);
    const allowedSite = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { cookie, origin: 'https://site.example', ...xapiHeaders }, payload: body });
    expect(allowedSite.statusCode).toBe(200);
    expect((await service.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await service.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: 'relais_apprentice=ra_forged' } })).statusCode).toBe(401);
  });

  it('never answers API data from a cache', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ status: 'ok', storage: 'sqlite' });
  });
});
