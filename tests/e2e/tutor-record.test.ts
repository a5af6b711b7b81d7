import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
 * The tutor dashboard meets paths, validations and certificates, in Chromium against the real
 * service (SQLite, signing keys on disk): the grid says the stage reached; on the apprentice's
 * page a tutor logs hours, validates a skill with a photo, issues a company link, sees the
 * credential the validation issued and opens its attestation. axe: no violation in fr and ar.
 */
const root = path.resolve(import.meta.dirname, '../..');
const artefacts = path.join(root, 'test-results', 'screenshots');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const password = 'correct horse battery';
const pathId = 'technicien-fibre-3-mois';
// A 1×1 PNG: real image bytes, as the service checks them.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let service: RunningService;
let data: string;
let browser: Browser;
let base: string;
let cohortId: string;
let apprenticeId: string;
let tutorLogin: string;
let recoveryCode: string;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

async function api(method: string, pathname: string, body: unknown, authorization?: string) {
  const response = await fetch(new URL(pathname, base), { method, headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  expect(response.status, `${method} ${pathname}`).toBeLessThan(300);
  return response.json();
}

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-tutor-record-'));
  createCentreKeys(data);
  const config = resolveServiceConfig(relaisConfig, { port: '0', dist: inject('exampleDist'), db: path.join(data, 'relais.db') }, { RELAIS_DATA_DIR: data });
  service = await startService({ ...config, logRequests: false }, { logger: silentLogger });
  base = service.url;
  const db = service.context.db;
  await createCentre(db, { id: 'centre-fibre', name: 'Centre Fibre Est', now: Date.now() });
  const { tutor } = await createTutor(db, { centreId: 'centre-fibre', name: 'Nadia Roux', password, now: Date.now() });
  tutorLogin = tutor.id;
  const login = await api('POST', '/api/tutor/login', { login: tutor.id, password });
  const { cohort } = await api('POST', '/api/cohorts', { name: 'Fibre printemps', pathId }, `Bearer ${login.token}`);
  cohortId = cohort.id;
  const joined = await api('POST', '/api/join', { joinCode: cohort.joinCode, nickname: 'Sami' });
  apprenticeId = joined.apprentice.id;
  recoveryCode = joined.recoveryCode;
  // Sami has completed the first module of the path: stage 1 is in progress.
  const catalogue = JSON.parse(readFileSync(path.join(inject('exampleDist'), 'catalogue.json'), 'utf8')) as { site: string; modules: { id: string; activity: string }[]; paths: { id: string; stages: { modules: string[] }[] }[] };
  const first = catalogue.paths.find((entry) => entry.id === pathId)!.stages[0]!.modules[0]!;
  await api('POST', '/xapi/statements', {
    actor: { objectType: 'Agent', account: { homePage: catalogue.site, name: apprenticeId } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
    object: { objectType: 'Activity', id: catalogue.modules.find((module) => module.id === first)!.activity },
    timestamp: new Date().toISOString(),
  }, `Bearer ${joined.token}`);
  browser = await launchChromium();
  mkdirSync(artefacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('tutor dashboard: paths, hours, competences, company links, certificates', () => {
  let context: BrowserContext;
  let page: Page;
  const detailUrl = (prefix = '') => new URL(`${prefix}/tuteur/?cohorte=${cohortId}&apprenti=${apprenticeId}`, base).href;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    await page.goto(new URL('/tuteur/', base).href);
    await page.getByLabel('Identifiant').fill(tutorLogin);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Fibre printemps' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the grid says in words which stage each apprentice has reached', async () => {
    await page.goto(new URL(`/tuteur/?cohorte=${cohortId}`, base).href);
    const cell = page.locator('.tutor-grid tbody tr').first().locator('td[data-stage]');
    await cell.waitFor();
    expect(await page.getByRole('columnheader', { name: 'Étape atteinte' }).count()).toBe(1);
    expect(await cell.getAttribute('data-stage-status')).toBe('in-progress');
    expect(await cell.textContent()).toMatch(/^Étape 1 · .+En cours$/);
    // Follow-up and report pages are one click away.
    expect(await page.getByRole('link', { name: 'Suivi après placement' }).getAttribute('href')).toBe(`/suivi/?cohorte=${cohortId}`);
    expect(await page.getByRole('link', { name: 'Rapport' }).getAttribute('href')).toBe(`/rapport/?cohorte=${cohortId}`);
  });

  it('shows the path progress and has no axe violation in French', async () => {
    await page.goto(detailUrl());
    await page.getByRole('heading', { name: 'Avancement dans le parcours' }).waitFor();
    const stages = page.locator('.tutor-path tbody tr');
    expect(await stages.first().getAttribute('data-stage-status')).toBe('in-progress');
    expect(await page.locator('.tutor-path-next').textContent()).toMatch(/^Ensuite \(Étape 1\) : terminer le module « .+ »$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs practical hours and deletes them after asking', async () => {
    await page.getByText('Enregistrer des heures', { exact: true }).click();
    await page.getByLabel('Heures', { exact: true }).fill('3.5');
    await page.getByLabel('Type').selectOption('internship');
    await page.getByLabel('Remarque').fill('Tirage en chambre');
    await page.getByRole('button', { name: 'Enregistrer les heures' }).click();
    const row = page.locator('.tutor-hours-list tbody tr');
    await row.first().waitFor();
    expect(await row.first().textContent()).toMatch(/3,5 h.*Stage en entreprise.*Étape 1.*Tirage en chambre/);
    // A bad entry is refused with the service's words, the form stays filled.
    await page.getByLabel('Heures', { exact: true }).fill('30');
    await page.getByLabel('Heures', { exact: true }).evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
    await page.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await expect.poll(() => page.locator('section[aria-labelledby=record-hours] > [role=alert]').textContent()).toMatch(/24 hours/);

    await page.getByLabel('Heures', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Enregistrer les heures' }).click();
    await expect.poll(() => row.count()).toBe(2);
    await row.filter({ hasText: '2 h' }).getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('button', { name: 'Oui, supprimer' }).click();
    await expect.poll(() => row.count()).toBe(1);
  });

  it('validates a skill with the form (level, comment, photo); the credential is listed and opens its attestation', async () => {
    await page.getByText('Valider une compétence', { exact: true }).click();
    const skill = page.getByLabel('Compétence', { exact: true });
    const skillName = (await skill.locator('option:checked').textContent())!;
    await page.getByRole('radio', { name: /^Niveau 2/ }).check();
    await page.getByLabel('Commentaire (facultatif)').fill('Soudures propres');
    await page.getByLabel('Photo du travail (facultatif)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Valider la compétence' }).click();
    await page.getByText(`Compétence validée : ${skillName}. Son certificat est délivré.`).waitFor();

    const validation = page.locator('.tutor-validations tbody tr');
    await validation.first().waitFor();
    expect(await validation.first().textContent()).toMatch(new RegExp(`${skillName}.*Niveau 2.*Nadia Roux.*Soudures propres.*Valide`));
    const thumb = validation.first().locator('img.tutor-thumb');
    await expect.poll(() => thumb.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);

    const certificate = page.locator('.tutor-certificates tbody tr').first();
    await certificate.waitFor();
    expect(await certificate.textContent()).toMatch(/Compétence.*Valide/);

    // The path is not complete: the service's refusal is shown.
    await page.getByRole('button', { name: /^Délivrer le certificat du parcours/ }).click();
    await expect.poll(() => page.locator('section[aria-labelledby=record-certificates] > [role=alert]').textContent()).toMatch(/./);

    const link = certificate.getByRole('link');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/attestation\/\?id=[0-9a-f-]{36}$/);
    await link.click();
    await page.waitForURL(new URL(href, base).href);
    await page.getByRole('link', { name: 'Vérifier cette attestation' }).waitFor();
  });

  it('issues a company link, shows its address once and lists it; revokes it after asking', async () => {
    await page.goto(detailUrl());
    await page.getByText("Émettre un lien pour l'entreprise", { exact: true }).click();
    await page.getByLabel('Entreprise', { exact: true }).fill('Fibre Sud SARL');
    await page.getByLabel('Valable (jours)').fill('7');
    await page.getByRole('button', { name: 'Émettre le lien' }).click();
    const url = page.getByLabel('Adresse du lien');
    await url.waitFor();
    expect(await url.inputValue()).toMatch(/\/validation\/#/);
    const row = page.locator('.tutor-links tbody tr', { hasText: 'Fibre Sud SARL' });
    await row.waitFor();
    expect(await row.getAttribute('data-link-status')).toBe('active');
    expect(await row.textContent()).toMatch(/Ouvert/);
    await page.screenshot({ path: path.join(artefacts, 'tutor-record-360.png'), fullPage: true });

    await row.getByRole('button', { name: 'Révoquer' }).click();
    await page.getByRole('button', { name: 'Oui, révoquer' }).click();
    await expect.poll(() => row.getAttribute('data-link-status')).toBe('revoked');
    // Once the page is reloaded the address is not shown again.
    await page.reload();
    await page.getByRole('heading', { name: "Lien pour l'entreprise" }).waitFor();
    expect(await page.getByLabel('Adresse du lien').count()).toBe(0);
    // Every section filled in (hours, a validation, a certificate, a link): still no axe violation.
    await page.locator('.tutor-certificates').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('voids a validation and revokes a certificate, each with its reason', async () => {
    const validation = page.locator('.tutor-validations tbody tr').first();
    await validation.getByRole('button', { name: 'Annuler la validation' }).click();
    await validation.getByLabel('Raison (au moins 3 caractères)').fill('Saisie en double');
    await validation.getByRole('button', { name: 'Oui, annuler' }).click();
    await expect.poll(() => validation.textContent()).toMatch(/Annulée le .+Saisie en double/);
    expect(await validation.getAttribute('class')).toBe('tutor-voided');

    const certificate = page.locator('.tutor-certificates tbody tr').first();
    await certificate.getByRole('button', { name: 'Révoquer' }).click();
    await certificate.getByLabel('Raison (facultatif)').fill('Validation annulée');
    await certificate.getByRole('button', { name: 'Oui, révoquer' }).click();
    await expect.poll(() => certificate.textContent()).toMatch(/Révoqué le .+Validation annulée/);
    // A second void is refused by the service: the button is gone, so ask the API directly.
    const [first] = (await page.evaluate(async (id) => (await (await fetch(`/api/apprentices/${id}/validations`)).json()).validations, apprenticeId)) as { record: { id: string } }[];
    const again = await page.evaluate(async (id) => (await fetch(`/api/validations/${id}/void`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'encore' }) })).status, first!.record.id);
    expect(again).toBe(409);
  });

  it('"My progress" shows the centre’s figures and certificates online, and its last copy without the service', async () => {
    const apprentice = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const mine = await apprentice.newPage();
    await mine.goto(new URL('/progression/', base).href);
    await mine.getByLabel('Code de secours').fill(recoveryCode);
    await mine.getByRole('button', { name: 'Retrouver' }).click();
    await mine.getByText('Chiffres de votre centre (heures de pratique et compétences validées comprises).').waitFor();
    const pathItem = mine.locator(`.progress-paths li[data-path="${pathId}"]`);
    expect(await pathItem.textContent()).toMatch(/h sur .+ h du parcours.*Ensuite : terminer les modules de Étape 1/);
    const certificate = mine.locator('.progress-certificates a').first();
    await certificate.waitFor();
    expect(await certificate.getAttribute('href')).toMatch(/^\/attestation\/\?id=[0-9a-f-]{36}$/);
    expect(await mine.getByRole('link', { name: 'Mes compétences validées (dossier à télécharger)' }).getAttribute('href')).toBe('/dossier/');
    expect(await axeViolations(mine)).toEqual([]);

    // Without the service the page keeps the last figures and says when they were read.
    await mine.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await mine.reload();
    await mine.getByText(/^Hors ligne : derniers chiffres de votre centre, lus le /).first().waitFor();
    expect(await mine.locator('.progress-certificates a').count()).toBe(1);
    await apprentice.close();
  });

  it('has no axe violation in Arabic, right to left', async () => {
    await page.goto(detailUrl('/ar'));
    await page.getByRole('heading', { name: 'التقدم في المسار' }).waitFor();
    await page.locator('.tutor-certificates').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
  });
});
