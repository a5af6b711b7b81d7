import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueCredential } from '../../src/credentials/issue.ts';
import { loadIssuerKeys } from '../../src/credentials/keys-fs.ts';
import { verifyCredential } from '../../src/credentials/verify.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { finishFibreModules, validateFibreSkills } from '../helpers/fibre-path.ts';
import { type CentreFixture, cohortWithApprentice, createCentreFixture, openTestService, storages, TestClock, type TestService } from '../helpers/progress-service.ts';

/** Credentials through the centre API, on both storages: issue, earn check, isolation, download, revoke. */
describe.each(storages)('credentials API on %s', (kind) => {
  let service: TestService;
  let centre: CentreFixture;
  let other: CentreFixture;
  let apprentice: Awaited<ReturnType<typeof cohortWithApprentice>>;
  let dataDir: string;
  let clock: TestClock;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'relais-keys-'));
    createCentreKeys(dataDir);
    service = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), clock: (clock = new TestClock()), env: { RELAIS_DATA_DIR: dataDir } });
    centre = await createCentreFixture(service, 'centre-nord');
    other = await createCentreFixture(service, 'centre-sud');
    apprentice = await cohortWithApprentice(service, centre);
  });
  afterAll(() => service?.close());

  const call = (method: 'GET' | 'POST', url: string, authorization?: string, payload?: unknown) =>
    service.app.inject({ method, url, headers: authorization ? { authorization } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const issueUrl = () => `/api/apprentices/${apprentice.apprenticeId}/credentials`;

  it('refuses a path until every stage is complete (modules, quizzes, validations, hours), then issues a credential that verifies', async () => {
    const refused = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/not completed yet: stage 1: 2 modules to finish; stage 2: 3 modules to finish; stage 2: tutor validation of `soudure-fibre`;.* stage 5: company validation of `raccordement-abonne`, `mesures-optiques`/);
    const person = { authorization: apprentice.authorization, actor: apprentice.actor };
    // Every module done is no longer enough: quizzes, validations and hours are missing.
    await finishFibreModules(service, person, { quizzes: false });
    const modulesOnly = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(modulesOnly.statusCode).toBe(409);
    expect(modulesOnly.json().error.message).toBe(
      'Path `technicien-fibre-3-mois` is not completed yet: stage 1: a passed quiz in every module; stage 2: tutor validation of `soudure-fibre`; stage 5: company validation of `raccordement-abonne`, `mesures-optiques`',
    );
    expect(modulesOnly.json().error.hint).toMatch(/every stage of the path is complete/);
    await finishFibreModules(service, person, { quizzes: true });
    const fixture = { id: apprentice.apprenticeId, centreId: centre.centreId };
    await validateFibreSkills(service, fixture, dataDir, { tutor: true, company: false, hours: false });
    const noCompany = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(noCompany.json().error.message).toBe('Path `technicien-fibre-3-mois` is not completed yet: stage 5: company validation of `raccordement-abonne`, `mesures-optiques`');
    await validateFibreSkills(service, fixture, dataDir, { tutor: false, company: true, hours: false });
    const issued = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(issued.statusCode).toBe(201);
    const view = issued.json().credential;
    expect(view).toMatchObject({ apprenticeId: apprentice.apprenticeId, kind: 'path', subject: 'technicien-fibre-3-mois', name: 'Technicien fibre optique en 3 mois', revokedAt: null });

    const download = await call('GET', `/api/credentials/${view.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="attestation-${view.id}.json"`);
    const credential = download.json();
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.name).toBe('Centre centre-nord');
    expect(credential.credentialSubject.identifier[0].identityHash).toBe(apprentice.apprenticeId);
    expect(credential.credentialSubject.achievement.alignment.map((item: { targetCode: string }) => item.targetCode)).toContain('I1311');
    const issuers = (await call('GET', '/api/credential-issuers')).json().keys;
    expect(await verifyCredential(download.body, { trusted: issuers })).toMatchObject({ valid: true, issuerTrust: 'own' });

    // Issuing again returns the same credential.
    const again = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(again.statusCode).toBe(200);
    expect(again.json().credential.id).toBe(view.id);
  });

  it('issues a competence at a level (as the validation code calls it) and lists it for the apprentice and the tutor', async () => {
    clock.advance(60_000);
    const { row, created } = await issueCredential(service.db, loadIssuerKeys(dataDir), { kind: 'competence', skillId: 'soudure-fibre', level: 2, apprenticeId: apprentice.apprenticeId, catalogue: service.context.catalogue, issuedBy: 'validation:v1', now: service.context.clock.now(), validator: 'Fibre Services SARL', achievedAt: '2026-03-01T10:00:00.000Z' });
    expect(created).toBe(true);
    const credential = JSON.parse(row.body);
    expect(credential.validFrom).toBe('2026-03-01T10:00:00.000Z');
    expect(credential.credentialSubject.achievement.achievementType).toBe('Competency');
    expect(credential.evidence[0].description).toMatch(/Fibre Services SARL le 2026-03-01/);
    for (const authorization of [apprentice.authorization, centre.tutor.authorization]) {
      const list = await call('GET', issueUrl(), authorization);
      expect(list.statusCode).toBe(200);
      expect(list.json().credentials.map((item: { name: string }) => item.name)).toEqual(['Technicien fibre optique en 3 mois', expect.stringMatching(/— niveau 2$/)]);
    }
  });

  it("keeps another centre's tutor out: cannot issue, list or revoke", async () => {
    expect((await call('POST', issueUrl(), other.tutor.authorization, { kind: 'competence', skillId: 'soudure-fibre', level: 3 })).statusCode).toBe(404);
    expect((await call('GET', issueUrl(), other.tutor.authorization)).statusCode).toBe(404);
    const [first] = (await call('GET', issueUrl(), centre.tutor.authorization)).json().credentials;
    const revoke = await call('POST', `/api/credentials/${first.id}/revoke`, other.tutor.authorization, {});
    expect(revoke.statusCode).toBe(404);
    expect(revoke.json().error.message).toBe(`No credential \`${first.id}\``);
    expect((await call('GET', `/api/credentials/${first.id}/status`)).json().revoked).toBe(false);
  });

  it('refuses bad input with a clear message', async () => {
    const unknownSkill = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'competence', skillId: 'jonglage', level: 2 });
    expect(unknownSkill.statusCode).toBe(404);
    expect(unknownSkill.json().error.message).toMatch(/No skill `jonglage`/);
    const badLevel = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'competence', skillId: 'soudure-fibre', level: 4 });
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().error.field).toBe('body.level');
    expect((await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'diploma' })).statusCode).toBe(400);
    const badId = await call('GET', '/api/credentials/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/not a credential id/);
    expect((await call('GET', '/api/credentials/0b7c3c55-1a52-4c1e-9f0e-4b3a3c1d2e7f')).statusCode).toBe(404);
  });

  it('revokes: kept, marked revoked, shown by the status; a new one can then be issued', async () => {
    const first = (await call('GET', issueUrl(), centre.tutor.authorization)).json().credentials.find((item: { kind: string }) => item.kind === 'path');
    const revoked = await call('POST', `/api/credentials/${first.id}/revoke`, centre.tutor.authorization, { reason: 'Erreur de parcours' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().credential).toMatchObject({ id: first.id, revokedReason: 'Erreur de parcours', revokedAt: expect.any(String) });
    expect((await call('POST', `/api/credentials/${first.id}/revoke`, centre.tutor.authorization, {})).statusCode).toBe(409);
    const status = (await call('GET', `/api/credentials/${first.id}/status`)).json();
    expect(status).toMatchObject({ id: first.id, revoked: true });
    expect((await call('GET', `/api/credentials/${first.id}`)).statusCode).toBe(200);
    const reissued = await call('POST', issueUrl(), centre.tutor.authorization, { kind: 'path', pathId: 'technicien-fibre-3-mois' });
    expect(reissued.statusCode).toBe(201);
    expect(reissued.json().credential.id).not.toBe(first.id);
  });

  it('answers 503 with what to do when the centre has no signing key', async () => {
    const bare = await openTestService(kind, { postgresUrl: inject('postgresUrl'), distDir: inject('exampleDist'), env: { RELAIS_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'relais-nokeys-')) } });
    try {
      const fixture = await createCentreFixture(bare, 'centre-vide');
      const learner = await cohortWithApprentice(bare, fixture);
      const response = await bare.app.inject({ method: 'POST', url: `/api/apprentices/${learner.apprenticeId}/credentials`, headers: { authorization: fixture.tutor.authorization }, payload: { kind: 'competence', skillId: 'soudure-fibre', level: 1 } });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.message).toMatch(/relais keys create/);
    } finally {
      await bare.close();
    }
  });
});
