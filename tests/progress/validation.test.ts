import { verifyCredential } from '../../src/credentials/verify.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { createValidationLink } from '../../src/progress/queries/validation-links.ts';
import { verifyRecord } from '../../src/progress/signing-fs.ts';
import { gridResponse } from '../../src/schemas/centre-api.ts';
import { competenceRecord, pathsResponse, validationLinkPublicView } from '../../src/schemas/validation-api.ts';
import { relaisConfig } from '../../src/config/current.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';
import { createContext } from '../../src/progress/context.ts';
import { buildApp } from '../../src/progress/http.ts';
import { type CentreFixture, cohortWithApprentice, createCentreFixture, freshDatabase, openTestService, storages, TestClock, type TestService } from '../helpers/progress-service.ts';

/**
 * Paths, practical hours and competence validation through the API, on both storages: a centre
 * tutor validates, a company tutor validates through a single-use link (refused when expired,
 * reused, forged or for another centre's apprentice), records are signed, evidence is checked,
 * and every apprentice and tutor sees only what is theirs.
 */
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe.each(storages)('paths, hours and competence validation on %s', (kind) => {
  let service: TestService;
  let clock: TestClock;
  let centreA: CentreFixture;
  let centreB: CentreFixture;
  let apprentice: Awaited<ReturnType<typeof cohortWithApprentice>>;
  let apprenticeB: Awaited<ReturnType<typeof cohortWithApprentice>>;

  beforeAll(async () => {
    clock = new TestClock(Date.parse('2026-04-10T09:00:00.000Z'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-keys-'));
    createCentreKeys(dataDir);
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), clock, env: { RELAIS_DATA_DIR: dataDir } });
    centreA = await createCentreFixture(service, 'centre-a');
    centreB = await createCentreFixture(service, 'centre-b');
    apprentice = await cohortWithApprentice(service, centreA, 'technicien-fibre-3-mois', 'Sami');
    apprenticeB = await cohortWithApprentice(service, centreB, 'technicien-fibre-3-mois', 'Lina');
  });
  afterAll(() => service?.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, authorization?: string, payload?: unknown) =>
    service.app.inject({ method, url, headers: authorization ? { authorization } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const validate = (authorization: string, apprenticeId: string, payload: object) => call('POST', `/api/apprentices/${apprenticeId}/validations`, authorization, payload);

  it('logs practical hours for a stage, in whole minutes, and counts them in path progress and the grid', async () => {
    const added = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/hours`, centreA.tutor.authorization, { stage: 4, date: '2026-04-09', hours: 7.25, kind: 'internship', note: 'Chantier FTTH' });
    expect(added.statusCode).toBe(201);
    expect(added.json().hours).toMatchObject({ pathId: 'technicien-fibre-3-mois', stage: 4, minutes: 435, hours: 7.3, kind: 'internship' });
    const listed = await call('GET', `/api/apprentices/${apprentice.apprenticeId}/hours`, apprentice.authorization);
    expect(listed.json().hours).toHaveLength(1);

    const paths = pathsResponse.parse((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/paths`, apprentice.authorization)).json());
    expect(paths.paths).toHaveLength(1);
    const [progress] = paths.paths;
    expect(progress!.stages[4]).toMatchObject({ status: 'in-progress', minutesDone: 435, minutesPlanned: 105 * 60 });
    expect(progress!.minutesDone).toBe(435);
    expect(progress!.stageReached).toBe(0);
    expect(progress!.next).toEqual({ kind: 'module', stage: 0, moduleId: 'fibre-optique/securite-fibre-laser-eclats' });

    const grid = gridResponse.parse((await call('GET', `/api/cohorts/${apprentice.cohortId}/grid`, centreA.tutor.authorization)).json());
    expect(grid.rows[0]!.hoursDone).toBe(7.3);
    expect(grid.rows[0]!.stageStatus).toEqual(['not-started', 'not-started', 'not-started', 'not-started', 'in-progress']);
    expect(grid.rows[0]!.stageReached).toBe(0);
  });

  it('refuses hours for a stage the path does not have, in quarter hours only, and deletes an entry', async () => {
    const wrongStage = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/hours`, centreA.tutor.authorization, { stage: 9, date: '2026-04-09', hours: 2, kind: 'workshop' });
    expect(wrongStage.statusCode).toBe(400);
    expect(wrongStage.json().error.message).toMatch(/body\.stage: Unexpected stage 9, expected 0 to 4/);
    const oddHours = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/hours`, centreA.tutor.authorization, { stage: 0, date: '2026-04-09', hours: 0.1, kind: 'workshop' });
    expect(oddHours.statusCode).toBe(400);
    expect(oddHours.json().error.field).toBe('body.hours');
    const added = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/hours`, centreA.tutor.authorization, { stage: 0, date: '2026-04-09', hours: 2, kind: 'workshop' });
    expect((await call('DELETE', `/api/apprentices/${apprentice.apprenticeId}/hours/${added.json().hours.id}`, centreB.tutor.authorization)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/apprentices/${apprentice.apprenticeId}/hours/${added.json().hours.id}`, centreA.tutor.authorization)).statusCode).toBe(204);
    expect((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/hours`, centreA.tutor.authorization)).json().hours).toHaveLength(1);
  });

  it('lets a centre tutor validate a skill: a signed record that verifies, and fails once changed', async () => {
    const response = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'soudure-fibre', level: 2, date: '2026-04-08', comment: 'Soudures propres, pertes < 0,05 dB' });
    expect(response.statusCode).toBe(201);
    const { validation } = response.json();
    expect(validation.record).toMatchObject({ skillId: 'soudure-fibre', level: 2, centreId: 'centre-a', validator: { kind: 'tutor', tutorId: centreA.tutor.id } });
    expect(verifyRecord(validation.record, validation.signature, validation.publicKey)).toBe(true);
    expect(verifyRecord({ ...validation.record, level: 3 }, validation.signature, validation.publicKey)).toBe(false);
    expect(verifyRecord({ ...validation.record, comment: `${validation.record.comment}.` }, validation.signature, validation.publicKey)).toBe(false);

    const record = competenceRecord.parse((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/record`, apprentice.authorization)).json());
    expect(record.validations.map((item) => item.record.skillId)).toEqual(['soudure-fibre']);
    // What the apprentice downloads verifies on its own (key included), key order aside.
    const downloaded = JSON.parse(JSON.stringify(record)) as typeof record;
    const item = downloaded.validations[0]!;
    expect(verifyRecord(Object.fromEntries(Object.entries(item.record).reverse()), item.signature, downloaded.publicKey)).toBe(true);

    // The validated competence earned an Open Badges credential the apprentice can download and check.
    const credentials = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/credentials`, apprentice.authorization)).json().credentials;
    expect(credentials).toMatchObject([{ kind: 'competence', subject: 'soudure-fibre', level: 2, revokedAt: null }]);
    const credential = (await call('GET', `/api/credentials/${credentials[0].id}`)).json();
    expect(await verifyCredential(credential)).toMatchObject({ valid: true });
    expect(credential.validFrom).toBe('2026-04-08T00:00:00.000Z');
  });

  it('refuses an unknown skill, a level outside 1–3, a future date, and a validation by a client (not a person)', async () => {
    const unknown = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'petrissage-lunaire', level: 1, date: '2026-04-08' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-skill', field: 'body.skillId' });
    const level = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'soudure-fibre', level: 4, date: '2026-04-08' });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.field).toBe('body.level');
    const future = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'soudure-fibre', level: 1, date: '2026-05-01' });
    expect(future.statusCode).toBe(400);
    const byClient = await validate(centreA.clientAuthorization, apprentice.apprenticeId, { skillId: 'soudure-fibre', level: 1, date: '2026-04-08' });
    expect(byClient.statusCode).toBe(403);
  });

  it('keeps centres apart: a tutor of centre B cannot validate or read centre A’s apprentice; an apprentice reads only their own', async () => {
    expect((await validate(centreB.tutor.authorization, apprentice.apprenticeId, { skillId: 'soudure-fibre', level: 1, date: '2026-04-08' })).statusCode).toBe(404);
    for (const url of ['validations', 'record', 'paths', 'hours', 'validation-links']) {
      expect((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/${url}`, centreB.tutor.authorization)).statusCode, url).toBe(404);
    }
    for (const url of ['validations', 'record', 'paths', 'hours']) {
      expect((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/${url}`, apprenticeB.authorization)).statusCode, url).toBe(404);
      expect((await call('GET', `/api/apprentices/${apprentice.apprenticeId}/${url}`, apprentice.authorization)).statusCode, url).toBe(200);
    }
    expect((await call('POST', `/api/apprentices/${apprentice.apprenticeId}/validation-links`, centreB.tutor.authorization, { company: 'Fibre Sud' })).statusCode).toBe(404);
    expect((await call('POST', `/api/apprentices/${apprentice.apprenticeId}/hours`, apprentice.authorization, { stage: 0, date: '2026-04-09', hours: 2, kind: 'workshop' })).statusCode).toBe(403);
    const [validation] = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/validations`, centreA.tutor.authorization)).json().validations;
    expect((await call('POST', `/api/validations/${validation.record.id}/void`, centreB.tutor.authorization, { reason: 'erreur de saisie' })).statusCode).toBe(404);
  });

  it('checks evidence: a PNG is kept and served to those who may see the apprentice; too large is 413, wrong bytes 400', async () => {
    const ok = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'installation-cables-fibre', level: 1, date: '2026-04-09', evidence: { contentType: 'image/png', data: png.toString('base64') } });
    expect(ok.statusCode).toBe(201);
    const { validation } = ok.json();
    expect(validation.record.evidenceSha256).toMatch(/^[0-9a-f]{64}$/);
    const photo = await call('GET', validation.evidenceUrl, apprentice.authorization);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.rawPayload, png)).toBe(0);
    expect((await call('GET', validation.evidenceUrl, apprenticeB.authorization)).statusCode).toBe(404);
    expect((await call('GET', validation.evidenceUrl, centreB.tutor.authorization)).statusCode).toBe(404);

    const large = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'installation-cables-fibre', level: 1, date: '2026-04-09', evidence: { contentType: 'image/png', data: large.toString('base64') } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toMatch(/expected at most 5 MB/);
    const notImage = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'installation-cables-fibre', level: 1, date: '2026-04-09', evidence: { contentType: 'image/jpeg', data: Buffer.from('<svg onload=alert(1)>').toString('base64') } });
    expect(notImage.statusCode).toBe(400);
    expect(notImage.json().error.message).toMatch(/expected a JPEG, PNG or WebP photo/);
    const mislabelled = await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'installation-cables-fibre', level: 1, date: '2026-04-09', evidence: { contentType: 'image/jpeg', data: png.toString('base64') } });
    expect(mislabelled.statusCode).toBe(400);
    expect(mislabelled.json().error.field).toBe('body.evidence.contentType');
  });

  it('voids a validation with a reason, keeps it in the history, and stops counting it', async () => {
    const made = (await validate(centreA.tutor.authorization, apprentice.apprenticeId, { skillId: 'mesures-optiques', level: 1, date: '2026-04-09' })).json().validation;
    const voided = await call('POST', `/api/validations/${made.record.id}/void`, centreA.tutor.authorization, { reason: 'Mauvais apprenti' });
    expect(voided.statusCode).toBe(200);
    expect(voided.json().validation.voided).toMatchObject({ by: centreA.tutor.id, reason: 'Mauvais apprenti' });
    expect((await call('POST', `/api/validations/${made.record.id}/void`, centreA.tutor.authorization, { reason: 'encore' })).statusCode).toBe(409);
    const all = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/validations`, apprentice.authorization)).json().validations;
    expect(all.find((item: { record: { id: string } }) => item.record.id === made.record.id).voided).not.toBeNull();
    const record = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/record`, apprentice.authorization)).json();
    expect(record.validations.map((item: { record: { id: string } }) => item.record.id)).not.toContain(made.record.id);
  });

  describe('company links', () => {
    async function issue(days = 14) {
      const response = await call('POST', `/api/apprentices/${apprentice.apprenticeId}/validation-links`, centreA.tutor.authorization, { company: 'Fibre Sud SARL', days });
      expect(response.statusCode).toBe(201);
      const url = response.json().url as string;
      return { url, token: url.split('#')[1]!, link: response.json().link };
    }
    const submission = {
      validator: { name: 'Karim Benali', role: 'Chef d’équipe' },
      skills: [
        { skillId: 'raccordement-abonne', level: 2, comment: 'Raccorde seul une PTO' },
        { skillId: 'mesures-optiques', level: 'not-observed' },
      ],
    };

    it('issues a link in the fragment, shows the company only the nickname, and validates as the company once', async () => {
      const { url, token, link } = await issue();
      expect(url).toMatch(/\/validation\/#rv_[A-Za-z0-9_-]{43}$/);
      expect(link.skills).toEqual(['raccordement-abonne', 'mesures-optiques']);
      const opened = await call('GET', `/api/validation-links/${token}`);
      expect(opened.statusCode).toBe(200);
      const view = validationLinkPublicView.parse(opened.json());
      expect(view).toMatchObject({ apprentice: { nickname: 'Sami' }, centre: { name: 'Centre centre-a' }, company: 'Fibre Sud SARL' });
      expect(view.skills[0]!.levels[3]).toMatch(/\w/);
      expect(JSON.stringify(opened.json())).not.toContain(apprentice.apprenticeId);

      const used = await call('POST', `/api/validation-links/${token}`, undefined, submission);
      expect(used.statusCode).toBe(201);
      expect(used.json()).toEqual({ validations: [{ skillId: 'raccordement-abonne', level: 2 }], notObserved: ['mesures-optiques'] });
      const validations = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/validations`, apprentice.authorization)).json().validations;
      const company = validations.find((item: { record: { validator: { kind: string } } }) => item.record.validator.kind === 'company');
      expect(company.record.validator).toEqual({ kind: 'company', company: 'Fibre Sud SARL', name: 'Karim Benali', role: 'Chef d’équipe', linkId: link.id });
      expect(verifyRecord(company.record, company.signature, company.publicKey)).toBe(true);
      // The observed skill earned a credential crediting the company tutor.
      const credentials = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/credentials`, apprentice.authorization)).json().credentials;
      const earned = credentials.find((item: { subject: string; level: number }) => item.subject === 'raccordement-abonne' && item.level === 2);
      const credential = (await call('GET', `/api/credentials/${earned.id}`)).json();
      expect(JSON.stringify(credential.evidence)).toContain('Karim Benali (Fibre Sud SARL)');

      const again = await call('POST', `/api/validation-links/${token}`, undefined, submission);
      expect(again.statusCode).toBe(410);
      expect(again.json().error).toMatchObject({ code: 'link-used' });
      expect(again.json().error.message).toMatch(/already used on 2026-04-10: a link can be used only once/);
      expect((await call('GET', `/api/validation-links/${token}`)).json().error.code).toBe('link-used');
    });

    it('lets two simultaneous submissions of one link make one set of validations', async () => {
      const { token } = await issue();
      const results = await Promise.all([call('POST', `/api/validation-links/${token}`, undefined, submission), call('POST', `/api/validation-links/${token}`, undefined, submission)]);
      expect(results.map((result) => result.statusCode).sort()).toEqual([201, 410]);
    });

    it('refuses an expired link', async () => {
      const { token } = await issue(2);
      clock.advance(2 * 86_400_000 + 1000);
      const response = await call('POST', `/api/validation-links/${token}`, undefined, submission);
      expect(response.statusCode).toBe(410);
      expect(response.json().error).toMatchObject({ code: 'link-expired', message: 'This validation link expired on 2026-04-12', hint: 'Ask the training centre for a new link.' });
      // The tutor's 12-hour session ended meanwhile: log in again for the next tests.
      const login = await call('POST', '/api/tutor/login', undefined, { login: centreA.tutor.id, password: centreA.tutor.password });
      centreA.tutor.authorization = `Bearer ${login.json().token}`;
    });

    it('refuses a forged or unknown token', async () => {
      const { token } = await issue();
      const forged = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      for (const candidate of [forged, 'rv_short', 'nope']) {
        const response = await call('POST', `/api/validation-links/${candidate}`, undefined, submission);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('link-unknown');
        expect(response.json().error.message).toMatch(/not known: it may be mistyped, cut short or forged/);
      }
    });

    it('refuses a link used against another centre’s apprentice', async () => {
      const { token } = await createValidationLink(service.db, { centreId: 'centre-b', apprenticeId: apprentice.apprenticeId, company: 'Autre', skills: ['raccordement-abonne'], createdBy: centreB.tutor.id, days: 7, now: clock.now() });
      const response = await call('POST', `/api/validation-links/${token}`, undefined, submission);
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: 'link-other-centre' });
      expect(response.json().error.message).toMatch(/issued by another centre than the apprentice’s/);
    });

    it('refuses a revoked link, skills the link does not cover, and bad bodies with the field named', async () => {
      const { token, link } = await issue();
      const outside = await call('POST', `/api/validation-links/${token}`, undefined, { ...submission, skills: [{ skillId: 'soudure-fibre', level: 1 }] });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.field).toBe('body.skills[0].skillId');
      const noName = await call('POST', `/api/validation-links/${token}`, undefined, { ...submission, validator: { name: '', role: 'x' } });
      expect(noName.statusCode).toBe(400);
      expect(noName.json().error.field).toBe('body.validator.name');
      expect((await call('DELETE', `/api/apprentices/${apprentice.apprenticeId}/validation-links/${link.id}`, centreA.tutor.authorization)).statusCode).toBe(204);
      const revoked = await call('GET', `/api/validation-links/${token}`);
      expect(revoked.statusCode).toBe(410);
      expect(revoked.json().error.code).toBe('link-revoked');
      const listed = (await call('GET', `/api/apprentices/${apprentice.apprenticeId}/validation-links`, centreA.tutor.authorization)).json().links;
      expect(listed.find((item: { id: string }) => item.id === link.id).revokedAt).not.toBeNull();
    });
  });
});

describe.each(storages)('a service without a signing key, on %s', (kind) => {
  it('refuses to validate (503 saying how to make a key) rather than keep unsigned records', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'relais-nokey-'));
    const service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), env: { RELAIS_DATA_DIR: empty } });
    try {
      const centre = await createCentreFixture(service, 'centre-sans-cle');
      const apprentice = await cohortWithApprentice(service, centre);
      const response = await service.app.inject({ method: 'POST', url: `/api/apprentices/${apprentice.apprenticeId}/validations`, headers: { authorization: centre.tutor.authorization }, payload: { skillId: 'soudure-fibre', level: 1, date: '2026-01-05' } });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({ code: 'no-signing-key' });
      expect(response.json().error.hint).toMatch(/relais keys create/);
      expect((await service.app.inject({ method: 'GET', url: `/api/apprentices/${apprentice.apprenticeId}/validations`, headers: { authorization: centre.tutor.authorization } })).json().validations).toEqual([]);
    } finally {
      await service.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe.each(storages)('request logs on %s', (kind) => {
  it('never write a validation link token', async () => {
    const { db, storage, cleanup } = await freshDatabase(kind, inject('postgresUrl'));
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const config = { ...resolveServiceConfig(relaisConfig, { dist: inject('exampleDist') }, {}), storage, logRequests: true };
    const context = await createContext(config, { db, logger });
    const app = await buildApp(context);
    try {
      const token = `rv_${'A'.repeat(43)}`;
      expect((await app.inject({ method: 'GET', url: `/api/validation-links/${token}` })).statusCode).toBe(404);
      expect(lines.some((line) => line.startsWith('GET /api/validation-links/… 404'))).toBe(true);
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await app.close();
      await context.destroy();
      cleanup();
    }
  });
});
