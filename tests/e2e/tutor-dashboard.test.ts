import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSiteServer, listen } from '../../src/server/site-server.ts';
import { createTutor } from '../../src/progress/queries/tutors.ts';
import { launchChromium } from '../helpers/browser.ts';
import { cohortWithApprentice, createCentreFixture, openTestService, xapiHeaders, type CentreFixture, type TestService } from '../helpers/progress-service.ts';

/**
 * Issue 6, item 3: the tutor dashboard (/tuteur/) in a real Chromium, against the real service
 * (SQLite) serving the built example site on one origin, with statements sent through the API.
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'screenshots');
const phone = { width: 360, height: 740 };
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const day = 86_400_000;
const password = 'correct horse battery';

let service: TestService;
let origin: string;
let browser: Browser;
let centre: CentreFixture;
let cohort: Awaited<ReturnType<typeof cohortWithApprentice>>;
const apprentices: Record<string, { id: string; authorization: string; recoveryCode: string }> = {};

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

const catalogue = () => JSON.parse(readFileSync(path.join(inject('exampleDist'), 'catalogue.json'), 'utf8')) as { site: string; modules: { id: string; activity: string }[] };
const activityOf = (moduleId: string) => catalogue().modules.find((module) => module.id === moduleId)!.activity;

/** A statement sent by the apprentice themself, as the site's islands do. */
async function record(who: string, verb: 'completed' | 'passed' | 'experienced', moduleId: string, when: number, score?: number, part = '') {
  const actor = { objectType: 'Agent', account: { homePage: catalogue().site, name: apprentices[who]!.id } };
  const statement = {
    actor,
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { en: verb } },
    object: { objectType: 'Activity', id: `${activityOf(moduleId)}${part}` },
    timestamp: new Date(when).toISOString(),
    ...(score === undefined ? {} : { result: { score: { scaled: score }, success: true, completion: true } }),
    ...(part ? { context: { contextActivities: { parent: [{ id: activityOf(moduleId) }] } } } : {}),
  };
  const response = await service.app.inject({ method: 'POST', url: '/xapi/statements', headers: { ...xapiHeaders, authorization: apprentices[who]!.authorization }, payload: statement });
  expect(response.statusCode, response.body).toBe(200);
}

const safety = 'fibre-optique/securite-fibre-laser-eclats';
const connectors = 'fibre-optique/inspect-clean-connectors';

beforeAll(async () => {
  service = await openTestService('sqlite', { postgresUrl: '', distDir: inject('exampleDist') });
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const address = service.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  centre = await createCentreFixture(service, 'centre-nord');
  cohort = await cohortWithApprentice(service, centre, 'technicien-fibre-3-mois', 'Sami');
  apprentices.Sami = { id: cohort.apprenticeId, authorization: cohort.authorization, recoveryCode: cohort.recoveryCode };
  for (const nickname of ['Lina', 'Omar']) {
    const joined = await service.app.inject({ method: 'POST', url: '/api/join', payload: { joinCode: cohort.joinCode, nickname } });
    expect(joined.statusCode, joined.body).toBe(201);
    apprentices[nickname] = { id: joined.json().apprentice.id, authorization: `Bearer ${joined.json().token}`, recoveryCode: joined.json().recoveryCode };
  }
  const now = Date.now();
  // Sami: the safety module done yesterday with its quiz at 90 %, the connectors module opened.
  await record('Sami', 'completed', safety, now - day);
  await record('Sami', 'passed', safety, now - day, 0.9, '#quiz-1');
  await record('Sami', 'experienced', connectors, now - day + 60_000);
  // Lina: the whole first stage, three weeks ago, then nothing: the grid must flag her.
  await record('Lina', 'completed', safety, now - 20 * day);
  await record('Lina', 'passed', connectors, now - 20 * day, 0.6, '#quiz-1');
  await record('Lina', 'completed', connectors, now - 20 * day);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** Row headers of the grid, in the order shown. */
const rowNames = (page: Page) => page.locator('.tutor-grid tbody th[scope=row] a').allTextContents();
const rowOf = (page: Page, name: string) => page.locator('.tutor-grid tbody tr', { has: page.locator(`th a:text-is("${name}")`) });
const cellOf = (page: Page, name: string, moduleIndex: number) => rowOf(page, name).locator('td.tutor-cell').nth(moduleIndex);

describe('tutor dashboard', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: phone, acceptDownloads: true });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('refuses a wrong password plainly, and the login view has no axe violation in fr, en and ar', async () => {
    for (const [prefix, heading] of [['', 'Connexion'], ['/en', 'Log in'], ['/ar', 'تسجيل الدخول']] as const) {
      await page.goto(`${origin}${prefix}/tuteur/`);
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await axeViolations(page), prefix || '/').toEqual([]);
    }
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    await page.goto(`${origin}/tuteur/`);
    await page.getByLabel('Identifiant').fill(centre.tutor.id);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Identifiant ou mot de passe incorrect. Vérifiez les majuscules et réessayez.');
  });

  it('logs in, lists the cohort with its join code, and shows the grid with the right cells and hours', async () => {
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const card = page.locator('.tutor-cohorts li', { hasText: `Cohorte centre-nord` });
    await card.waitFor();
    expect(await card.locator('.tutor-code').textContent()).toBe(cohort.joinCode);
    // The path's title comes from the catalogue, fetched beside the session.
    await expect.poll(() => card.textContent()).toContain('Technicien fibre optique en 3 mois · 420 h');
    expect(await card.textContent()).toContain('Apprentis : 3');

    await card.getByRole('link', { name: 'Cohorte centre-nord' }).click();
    await page.locator('.tutor-grid').waitFor();
    expect(new URL(page.url()).searchParams.get('cohorte')).toBe(cohort.cohortId);
    // Column groups: the path's stages with modules, with their planned hours.
    const stages = await page.locator('.tutor-grid th[scope=colgroup]').allTextContents();
    expect(stages[0]).toBe('Sécurité et bases de la fibre · 35 h');
    expect(stages).toHaveLength(4);
    expect(await rowNames(page)).toEqual(['Lina', 'Omar', 'Sami']);

    expect(await cellOf(page, 'Sami', 0).getAttribute('data-status')).toBe('completed');
    expect(await cellOf(page, 'Sami', 0).textContent()).toBe('✔Terminé90 %');
    expect(await cellOf(page, 'Sami', 1).getAttribute('data-status')).toBe('started');
    expect(await cellOf(page, 'Sami', 2).getAttribute('data-status')).toBe('notStarted');
    expect(await cellOf(page, 'Lina', 1).textContent()).toBe('✔Terminé60 %');
    // Hours are the completed modules' minutes (20 min each), not a share of the stage plan (ADR 0011).
    expect(await rowOf(page, 'Sami').locator('.tutor-hours').textContent()).toBe('0,3 / 420 h');
    expect(await rowOf(page, 'Lina').locator('.tutor-hours').textContent()).toBe('0,7 / 420 h');
    // The stage reached, in words.
    expect(await rowOf(page, 'Lina').locator('td[data-stage]').textContent()).toMatch(/^Étape 1 · .+En cours$/);
    expect(await rowOf(page, 'Omar').locator('.tutor-hours').textContent()).toBe('0 / 420 h');
    expect(await rowOf(page, 'Sami').locator('time').textContent()).toBe('hier');
    // Inactive for 14+ days: said in words, not only by colour.
    expect(await rowOf(page, 'Lina').locator('.tutor-flag').textContent()).toBe('Inactif depuis 20 jours');
    expect(await rowOf(page, 'Sami').locator('.tutor-flag').count()).toBe(0);

    await page.screenshot({ path: path.join(screenshots, 'tutor-grid-360.png'), fullPage: true });
    // Only the table scrolls sideways, never the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    // The first column stays in view when the table scrolls sideways.
    const scroller = page.locator('.tutor-scroll').first();
    expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await scroller.evaluate((element) => element.scrollBy(400, 0));
    const nameBox = await rowOf(page, 'Sami').locator('th').boundingBox();
    expect(nameBox!.x).toBeGreaterThanOrEqual(0);
    expect(nameBox!.x).toBeLessThan(40);
  });

  it('sorts by progress and by last activity, and filters by name', async () => {
    await page.getByRole('button', { name: /^Heures/ }).click();
    expect(await rowNames(page)).toEqual(['Lina', 'Sami', 'Omar']);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: /^Heures/ }).click();
    expect(await rowNames(page)).toEqual(['Omar', 'Sami', 'Lina']);
    await page.getByRole('button', { name: /^Dernière activité/ }).click();
    expect(await rowNames(page)).toEqual(['Sami', 'Lina', 'Omar']);
    await page.getByLabel('Chercher un apprenti').fill('li');
    expect(await rowNames(page)).toEqual(['Lina']);
    expect(await page.locator('p[role=status].tutor-hint').textContent()).toBe('1 apprentis affichés sur 3');
    await page.getByLabel('Chercher un apprenti').fill('');
  });

  it('has no axe violation on the grid in fr, en and ar', async () => {
    expect(await axeViolations(page)).toEqual([]);
    for (const prefix of ['/en', '/ar']) {
      await page.goto(`${origin}${prefix}/tuteur/?cohorte=${cohort.cohortId}`);
      await page.locator('.tutor-grid').waitFor();
      expect(await axeViolations(page), prefix).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), prefix).toBeLessThanOrEqual(phone.width);
    }
    await page.screenshot({ path: path.join(screenshots, 'tutor-grid-360-ar.png'), fullPage: true });
  });

  it('downloads the grid as CSV with the session cookie', async () => {
    await page.goto(`${origin}/tuteur/?cohorte=${cohort.cohortId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^apprentice,nickname,joined_at,last_activity_at,modules_completed,modules_total,hours_done,hours_planned,average_score,fibre-optique\/securite-fibre-laser-eclats,fibre-optique\/securite-fibre-laser-eclats score,/);
    expect(lines).toHaveLength(4);
    const sami = lines.find((line) => line.startsWith(`${apprentices.Sami!.id},Sami,`))!;
    expect(sami.split(',').slice(4, 12)).toEqual(['1', '7', '0.3', '420', '90', 'completed', '90', 'started']);
  });

  it('shows the weekly activity as a chart and, for screen readers, as a table of the same numbers', async () => {
    // Tabs follow the WAI-ARIA pattern: arrow keys move and select, the focus stays on the tabs.
    await page.getByRole('tab', { name: 'Progression' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Activité' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Activité');
    expect(new URL(page.url()).searchParams.get('vue')).toBe('activite');
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Activité de la cohorte' }) });
    await table.waitFor({ state: 'attached' });
    const api = await service.app.inject({ method: 'GET', url: `/api/cohorts/${cohort.cohortId}/activity?weeks=12`, headers: { authorization: centre.tutor.authorization } });
    const weeks = api.json().weeks as { weekStart: string; statements: number; activeApprentices: number; completions: number }[];
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    expect(rows).toEqual(weeks.map((week) => [week.activeApprentices, week.completions, week.statements]));
    expect(weeks.reduce((sum, week) => sum + week.statements, 0)).toBe(6);
    // The bars are labelled with the same numbers (active apprentices shown first).
    expect(await page.locator('.tutor-chart-value').allTextContents()).toEqual(weeks.map((week) => String(week.activeApprentices)));
    await page.screenshot({ path: path.join(screenshots, 'tutor-activity-360.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await page.getByLabel('Actions enregistrées').check();
    expect(await page.locator('.tutor-chart-value').allTextContents()).toEqual(weeks.map((week) => String(week.statements)));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens an apprentice, reissues their recovery code (lost phone), and back/forward and reload keep the view', async () => {
    await page.getByRole('tab', { name: 'Progression' }).click();
    await rowOf(page, 'Sami').getByRole('link', { name: 'Sami' }).click();
    await page.getByRole('heading', { name: 'Sami', level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('apprenti')).toBe(apprentices.Sami!.id);
    // The focus moves to the new view, where a screen reader goes on reading.
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('tutor-view');
    const progress = page.locator('[aria-labelledby="apprentice-progress"] tbody tr');
    expect(await progress.count()).toBe(2);
    expect(await progress.filter({ hasText: 'Terminé' }).locator('td').allTextContents()).toEqual(['✔ Terminé', '90 %', '90 %', '1', 'hier']);
    expect(await page.locator('.tutor-recent li').count()).toBe(3);

    await page.reload();
    await page.getByRole('heading', { name: 'Sami', level: 2 }).waitFor();

    await page.getByRole('button', { name: 'Donner un nouveau code' }).click();
    await page.getByLabel(/Téléphone perdu/).check();
    await page.getByRole('button', { name: 'Oui, créer le code' }).click();
    const code = (await page.locator('.tutor-code-large').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.locator('.tutor-recovery').textContent()).toContain('en personne');
    await page.screenshot({ path: path.join(screenshots, 'tutor-apprentice-360.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);

    const old = await service.app.inject({ method: 'POST', url: '/api/recover', payload: { recoveryCode: apprentices.Sami!.recoveryCode } });
    expect(old.statusCode).toBe(404);
    const fresh = await service.app.inject({ method: 'POST', url: '/api/recover', payload: { recoveryCode: code } });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().apprentice.id).toBe(apprentices.Sami!.id);
    // "Lost phone": the old phone's token no longer works.
    const lostPhone = await service.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: apprentices.Sami!.authorization } });
    expect(lostPhone.statusCode).toBe(401);

    await page.goBack();
    await page.locator('.tutor-grid').waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Sami', level: 2 }).waitFor();
  });

  it('creates a cohort, renews its join code and closes joining, and changes the password', async () => {
    await page.getByRole('link', { name: '← Sami' }).or(page.getByRole('link', { name: '← Cohorte centre-nord' })).first().click();
    await page.getByRole('link', { name: '← Mes cohortes' }).click();
    await page.getByText('Créer une cohorte').click();
    await page.getByLabel('Nom de la cohorte').fill('Fibre automne');
    await page.getByLabel('Parcours').selectOption('technicien-fibre-3-mois');
    await page.getByLabel('Début').fill('2026-09-01');
    await page.getByLabel('Fin', { exact: true }).fill('2026-08-01');
    await page.getByRole('button', { name: 'Créer la cohorte' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('La fin doit être après le début.');
    await page.getByLabel('Fin', { exact: true }).fill('2026-11-30');
    await page.getByRole('button', { name: 'Créer la cohorte' }).click();
    await page.getByRole('heading', { name: 'Fibre automne', level: 2 }).waitFor();
    const created = new URL(page.url()).searchParams.get('cohorte')!;
    const stored = (await service.app.inject({ method: 'GET', url: `/api/cohorts/${created}`, headers: { authorization: centre.tutor.authorization } })).json().cohort;
    expect(stored).toMatchObject({ name: 'Fibre automne', pathId: 'technicien-fibre-3-mois', startsOn: '2026-09-01', endsOn: '2026-11-30', joinOpen: true });
    await expect.poll(() => page.locator('.tutor-panel').textContent()).toContain(`Donnez le code ${stored.joinCode} aux apprentis.`);

    await page.getByRole('link', { name: '← Mes cohortes' }).click();
    const card = page.locator('.tutor-cohorts li', { hasText: 'Fibre automne' });
    await card.getByRole('button', { name: 'Nouveau code' }).click();
    await card.getByRole('button', { name: 'Oui, nouveau code' }).click();
    await expect.poll(() => card.locator('.tutor-code').textContent()).not.toBe(stored.joinCode);
    const renewed = (await card.locator('.tutor-code').textContent())!;
    const join = (code: string) => service.app.inject({ method: 'POST', url: '/api/join', payload: { joinCode: code } });
    expect((await join(stored.joinCode)).statusCode).toBe(404);

    await card.getByRole('button', { name: 'Fermer les inscriptions' }).click();
    await expect.poll(() => card.locator('.badge').textContent()).toBe('fermé');
    expect((await join(renewed)).statusCode).toBe(404);
    await card.getByRole('button', { name: 'Rouvrir les inscriptions' }).waitFor();

    await page.getByText('Changer de mot de passe').click();
    await page.getByLabel('Mot de passe actuel').fill('not my password');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('a brand new password');
    await page.getByLabel('Nouveau mot de passe, encore une fois').fill('a brand new password');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.locator('.tutor-password [role=alert]').textContent()).toBe("Le mot de passe actuel n'est pas le bon.");
    await page.getByLabel('Mot de passe actuel').fill(password);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.locator('.tutor-password [role=status]').textContent()).toBe('Mot de passe changé. Vos autres sessions sont fermées.');
    // This session goes on (the service set a new cookie).
    expect(await page.evaluate(() => fetch('/api/tutor/me').then((response) => response.status))).toBe(200);
  });

  it('logs out: the session ends and the login form comes back', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.evaluate(() => fetch('/api/tutor/me').then((response) => response.status))).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    // The new password is the one that works now.
    await page.getByLabel('Identifiant').fill(centre.tutor.id);
    await page.getByLabel('Mot de passe').fill('a brand new password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Mes cohortes' }).waitFor();
  });
});

describe('too many wrong passwords', () => {
  it('says how long to wait', async () => {
    const other = await createTutor(service.db, { centreId: 'centre-nord', name: 'Autre Tuteur', password: 'another good password', now: Date.now() });
    const page = await browser.newPage();
    await page.goto(`${origin}/tuteur/`);
    await page.getByLabel('Identifiant').fill(other.tutor.id);
    const messages: string[] = [];
    for (let attempt = 0; attempt < 7 && !messages.at(-1)?.startsWith('Trop'); attempt += 1) {
      await page.getByLabel('Mot de passe').fill(`wrong ${attempt}`);
      const answered = page.waitForResponse('**/api/tutor/login');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await answered;
      await expect.poll(() => page.getByRole('button', { name: 'Se connecter' }).isEnabled()).toBe(true);
      messages.push((await page.getByRole('alert').textContent())!);
    }
    expect(messages[0]).toBe('Identifiant ou mot de passe incorrect. Vérifiez les majuscules et réessayez.');
    expect(messages.at(-1)).toMatch(/^Trop d'essais\. Attendez \d+ min avant de réessayer\.$/);
    await page.close();
  });
});

describe('weight', () => {
  // Measured: 113.6 KiB (React and react-dom 69 KiB, the app with zod and the strings 47 KiB).
  it('loads at most 120 KiB of JavaScript (gzip), React included', async () => {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(`${origin}/tuteur/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    const bytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
    console.log(`/tuteur/ login view: ${(bytes / 1024).toFixed(1)} KiB of JavaScript (gzip)`);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(120 * 1024);
    await page.close();
  });
});

describe('without the service', () => {
  let server: Server;
  afterAll(() => server?.close());

  it('says the service is unreachable when the site comes from a static host', async () => {
    server = createSiteServer({ distDir: inject('exampleDist') });
    const staticOrigin = await listen(server, 0);
    const page = await browser.newPage();
    await page.goto(new URL('/tuteur/', staticOrigin).href);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Le service de suivi ne répond pas\./);
    await page.close();
  });
});
