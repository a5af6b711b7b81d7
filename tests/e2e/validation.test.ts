import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
 * A company tutor, who has no account, opens a validation link in Chromium and validates two
 * skills; the apprentice (joined in their own browser) sees them on /dossier/. Both pages have
 * no axe violation.
 */
const root = path.resolve(import.meta.dirname, '../..');
const artefacts = path.join(root, 'test-results', 'screenshots');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let service: RunningService;
let data: string;
let browser: Browser;
let base: string;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-validation-'));
  createCentreKeys(data);
  const config = resolveServiceConfig(relaisConfig, { port: '0', dist: inject('exampleDist'), db: path.join(data, 'relais.db') }, { RELAIS_DATA_DIR: data });
  service = await startService({ ...config, logRequests: false }, { logger: silentLogger });
  base = service.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (data) rmSync(data, { recursive: true, force: true });
});

describe('competence validation by a company, in a real browser', () => {
  it('a company tutor validates two skills through a link; the apprentice sees them on /dossier/', async () => {
    const db = service.context.db;
    await createCentre(db, { id: 'centre-fibre', name: 'Centre Fibre Est', now: Date.now() });
    const { tutor } = await createTutor(db, { centreId: 'centre-fibre', name: 'Nadia Roux', password: 'correct horse battery', now: Date.now() });
    const api = async (method: string, pathname: string, body: unknown, authorization?: string) => {
      const response = await fetch(new URL(pathname, base), { method, headers: { 'Content-Type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
      expect(response.status, `${method} ${pathname}`).toBeLessThan(300);
      return response.json();
    };
    const login = await api('POST', '/api/tutor/login', { login: tutor.id, password: 'correct horse battery' });
    const bearer = `Bearer ${login.token}`;
    const { cohort } = await api('POST', '/api/cohorts', { name: 'Fibre printemps', pathId: 'technicien-fibre-3-mois' }, bearer);

    // The apprentice joins in their own browser: the service sets the HttpOnly cookie there.
    const apprenticeContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const apprenticePage = await apprenticeContext.newPage();
    await apprenticePage.goto(new URL('/', base).href);
    const joined = await apprenticePage.evaluate(async (joinCode) => {
      const response = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ joinCode, nickname: 'Sami' }) });
      return { status: response.status, body: (await response.json()) as { apprentice: { id: string } } };
    }, cohort.joinCode as string);
    expect(joined.status).toBe(201);

    const { url } = await api('POST', `/api/apprentices/${joined.body.apprentice.id}/validation-links`, { company: 'Fibre Sud SARL', days: 14 }, bearer);
    const linkUrl = new URL(url);
    const companyPage = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await companyPage.goto(new URL(`/validation/${linkUrl.hash}`, base).href);
    await companyPage.getByText('Fibre Sud SARL accueille Sami en stage').waitFor();
    expect(await axeViolations(companyPage)).toEqual([]);
    mkdirSync(artefacts, { recursive: true });
    await companyPage.screenshot({ path: path.join(artefacts, 'validation-360.png'), fullPage: true });

    await companyPage.locator('input[name="level-raccordement-abonne"][value="2"]').check();
    await companyPage.locator('input[name="level-mesures-optiques"][value="3"]').check();
    await companyPage.locator('textarea[name="comment-mesures-optiques"]').fill('Mesures propres, rapport clair');
    await companyPage.getByLabel('Votre nom').fill('Karim Benali');
    await companyPage.getByLabel('Votre fonction').fill('Chef d’équipe');
    await companyPage.getByRole('button', { name: 'Envoyer la validation' }).click();
    await companyPage.getByText('Compétences validées : 2.').waitFor();

    // The link is spent: opening it again says so.
    const again = await (await browser.newContext()).newPage();
    await again.goto(new URL(`/validation/${linkUrl.hash}`, base).href);
    await again.getByText(/already used on/).waitFor();

    await apprenticePage.goto(new URL('/dossier/', base).href);
    await apprenticePage.locator('.record-item').nth(1).waitFor();
    const items = await apprenticePage.locator('.record-item').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.join('\n')).toMatch(/Niveau 2/);
    expect(items.join('\n')).toMatch(/Validé par Karim Benali \(Chef d’équipe\), Fibre Sud SARL/);
    expect(items.join('\n')).toMatch(/Mesures propres, rapport clair/);
    await apprenticePage.getByRole('heading', { name: 'Mon parcours' }).waitFor();
    expect(await axeViolations(apprenticePage)).toEqual([]);
    await apprenticePage.screenshot({ path: path.join(artefacts, 'dossier-360.png'), fullPage: true });

    // Print: no site header or buttons on the A4 page.
    await apprenticePage.emulateMedia({ media: 'print' });
    expect(await apprenticePage.locator('.site-header').isVisible()).toBe(false);
    expect(await apprenticePage.locator('.record-actions').isVisible()).toBe(false);
    await apprenticeContext.close();
  });

  it('shows on the path page the skills whose validation completes a stage', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/parcours/technicien-fibre-3-mois/', base).href);
    const stage = page.locator('.stages > li').nth(4);
    expect(await stage.textContent()).toMatch(/Compétences à valider :/);
    expect(await stage.locator('a[href="/competences/raccordement-abonne/"]').count()).toBe(1);
    await page.close();
  });
});
