import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { relaisConfig } from '../../src/config/current.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';
import { silentLogger } from '../../src/progress/context.ts';
import { createCentre } from '../../src/progress/queries/centres.ts';
import { createTutor } from '../../src/progress/queries/tutors.ts';
import { type RunningService, startService } from '../../src/progress/server.ts';
import { launchChromium } from '../helpers/browser.ts';

/**
 * Issue 6, "Tests": the whole journey in Chromium against one real service (SQLite) serving the
 * built example site. An apprentice does a module offline (quiz, "I did it"), comes back online
 * and joins the cohort with its code on /progression/, and the queue syncs; the tutor logs in on
 * /tuteur/ and sees the completed cell and its score; a company tutor validates two skills
 * through a link the tutor made; the apprentice sees them on /dossier/, the tutor through the
 * API the dashboard calls with its session.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'screenshots');
const phone = { width: 360, height: 740 };
const password = 'correct horse battery';
const safetyModule = '/fibre-optique/securite-fibre-laser-eclats/';

let service: RunningService;
let data: string;
let browser: Browser;
let base: string;
let tutorId: string;

/** The machine is shared: give the pages time (hydration, IndexedDB, the service) before failing. */
const poll = <T>(check: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(check, { timeout: 30_000, ...options });
const at = (pathname: string) => new URL(pathname, base).href;

async function api(method: string, pathname: string, authorization: string, body?: unknown): Promise<any> {
  const response = await fetch(at(pathname), { method, headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => null);
  expect(response.status, `${method} ${pathname}: ${JSON.stringify(json)}`).toBeLessThan(300);
  return json;
}

/** Answers every quiz of the page rightly (the answer the island was built with), ticks every checklist. */
async function doModule(page: Page) {
  for (const checklist of await page.locator('relais-checklist').all()) {
    for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
  }
  for (const quiz of await page.locator('relais-quiz').all()) {
    const answer = ((await quiz.getAttribute('data-answer')) ?? '').split(',').filter(Boolean);
    for (const index of answer) await quiz.locator(`input[value="${index}"]`).check();
    await quiz.locator('button[type=submit]').click();
  }
}

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-journey-'));
  createCentreKeys(data);
  const config = resolveServiceConfig(relaisConfig, { port: '0', dist: inject('exampleDist'), db: path.join(data, 'relais.db') }, { RELAIS_DATA_DIR: data });
  service = await startService({ ...config, logRequests: false }, { logger: silentLogger });
  base = service.url;
  await createCentre(service.context.db, { id: 'centre-fibre', name: 'Centre Fibre Est', now: Date.now() });
  tutorId = (await createTutor(service.context.db, { centreId: 'centre-fibre', name: 'Nadia Roux', password, now: Date.now() })).tutor.id;
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('the journey of issue 6: offline module, join, tutor grid, company validation, record', () => {
  it('goes from an offline module to validated skills the apprentice and the tutor see', async () => {
    const bearer = `Bearer ${(await api('POST', '/api/tutor/login', '', { login: tutorId, password })).token}`;
    const { cohort } = await api('POST', '/api/cohorts', bearer, { name: 'Fibre printemps', pathId: 'technicien-fibre-3-mois' });

    // ── The apprentice, offline: the quiz, then "I did it".
    const apprentice = await browser.newContext({ viewport: phone });
    const page = await apprentice.newPage();
    await page.goto(at(safetyModule));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await page.reload();
    await apprentice.setOffline(true);
    await page.reload();
    await poll(() => page.locator('.connection').isVisible()).toBe(true);
    await doModule(page);
    const didIt = page.locator('relais-did-it button');
    await poll(() => didIt.isVisible()).toBe(true);
    await didIt.click();
    await poll(() => didIt.getAttribute('aria-pressed')).toBe('true');

    // ── Back online: join the cohort with its code on /progression/; the queue drains.
    await apprentice.setOffline(false);
    await page.goto(at('/progression/'));
    await page.getByLabel('Code du groupe').fill(cohort.joinCode);
    await page.getByLabel('Surnom (facultatif)').fill('Inès');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await poll(() => page.locator('.recovery-code').count(), { timeout: 20_000 }).toBe(1);
    await poll(() => page.locator('.sync-status').textContent()).toMatch(/^Tout est envoyé \(à \d\d:\d\d\)\.$/);
    await page.getByRole('button', { name: "J'ai écrit le code" }).click();
    expect(await page.locator('.progress-cohorts').textContent()).toBe('Fibre printemps');

    // ── The tutor logs in on /tuteur/ and finds Inès's completed module and score in the grid.
    const tutor = await browser.newContext({ viewport: phone });
    const dashboard = await tutor.newPage();
    await dashboard.goto(at('/tuteur/'));
    await dashboard.getByLabel('Identifiant').fill(tutorId);
    await dashboard.getByLabel('Mot de passe').fill(password);
    await dashboard.getByRole('button', { name: 'Se connecter' }).click();
    const card = dashboard.locator('.tutor-cohorts li', { hasText: 'Fibre printemps' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Apprentis : 1');
    await card.getByRole('link', { name: 'Fibre printemps' }).click();
    await dashboard.locator('.tutor-grid').waitFor();
    const row = dashboard.locator('.tutor-grid tbody tr', { has: dashboard.locator('th a:text-is("Inès")') });
    const safetyCell = row.locator('td.tutor-cell').nth(0);
    expect(await safetyCell.getAttribute('data-status')).toBe('completed');
    expect(await safetyCell.textContent()).toBe('✔Terminé100 %');
    expect(await row.locator('td.tutor-cell').nth(1).getAttribute('data-status')).toBe('notStarted');
    await dashboard.screenshot({ path: path.join(screenshots, 'journey-grid-360.png'), fullPage: true });

    // ── A company validation link, made by the tutor through the API, opened in a third browser.
    await row.getByRole('link', { name: 'Inès' }).click();
    await dashboard.getByRole('heading', { name: 'Inès' }).waitFor();
    const apprenticeId = new URL(dashboard.url()).searchParams.get('apprenti') ?? (await dashboard.locator('.tutor-apprentice .meta li[dir=ltr]').textContent())!;
    expect(apprenticeId).toMatch(/^ap-/);
    const { url } = await api('POST', `/api/apprentices/${apprenticeId}/validation-links`, bearer, { company: 'Fibre Sud SARL', days: 14 });
    const company = await browser.newContext({ viewport: phone });
    const companyPage = await company.newPage();
    await companyPage.goto(at(`/validation/${new URL(url).hash}`));
    await companyPage.getByText('Fibre Sud SARL accueille Inès en stage').waitFor();
    await companyPage.locator('input[name="level-raccordement-abonne"][value="2"]').check();
    await companyPage.locator('input[name="level-mesures-optiques"][value="3"]').check();
    await companyPage.getByLabel('Votre nom').fill('Karim Benali');
    await companyPage.getByLabel('Votre fonction').fill('Chef d’équipe');
    await companyPage.getByRole('button', { name: 'Envoyer la validation' }).click();
    await companyPage.getByText('Compétences validées : 2.').waitFor();
    await company.close();

    // ── The apprentice sees both on /dossier/.
    await page.goto(at('/dossier/'));
    await page.locator('.record-item').nth(1).waitFor();
    const items = (await page.locator('.record-item').allTextContents()).join('\n');
    expect(items).toMatch(/Niveau 2/);
    expect(items).toMatch(/Niveau 3/);
    expect(items).toMatch(/Validé par Karim Benali \(Chef d’équipe\), Fibre Sud SARL/);

    // ── The tutor, with the dashboard's own session (its cookie), reads them where the
    // dashboard does: the apprentice's validations, and the placement stage now validated.
    const seen = await dashboard.evaluate(async (id) => {
      const read = async (url: string) => (await fetch(url, { credentials: 'same-origin' })).json();
      return { validations: await read(`/api/apprentices/${id}/validations`), paths: await read(`/api/apprentices/${id}/paths`), credentials: await read(`/api/apprentices/${id}/credentials`) };
    }, apprenticeId);
    expect(seen.validations.validations.map((validation: { record: { skillId: string; level: number; validator: { kind: string; company: string } } }) => [validation.record.skillId, validation.record.level, validation.record.validator.kind, validation.record.validator.company])).toEqual([
      ['raccordement-abonne', 2, 'company', 'Fibre Sud SARL'],
      ['mesures-optiques', 3, 'company', 'Fibre Sud SARL'],
    ]);
    const placement = seen.paths.paths[0].stages[4];
    expect(placement.skillsValidated).toEqual(['raccordement-abonne', 'mesures-optiques']);
    expect(placement.status).toBe('complete');
    expect(seen.paths.paths[0].stages[0].status).toBe('in-progress');
    // Each validation earned its credential.
    expect(seen.credentials.credentials.map((credential: { kind: string; subject: string; level: number }) => `${credential.kind} ${credential.subject} ${credential.level}`).sort()).toEqual(['competence mesures-optiques 3', 'competence raccordement-abonne 2']);
    // …and sees them on the apprentice's page of the dashboard, credited to the company tutor.
    await dashboard.reload();
    const competences = dashboard.locator('section[aria-labelledby="record-competences"] tbody tr');
    await expect.poll(() => competences.count(), { timeout: 30_000 }).toBe(2);
    const shown = (await competences.allTextContents()).join('\n');
    expect(shown).toMatch(/Karim Benali/);
    expect(shown).toMatch(/Fibre Sud SARL/);
    await tutor.close();
    await apprentice.close();
  });
});
