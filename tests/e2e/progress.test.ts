import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { relaisConfig } from '../../src/config/current.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';
import { silentLogger } from '../../src/progress/context.ts';
import { createCentre } from '../../src/progress/queries/centres.ts';
import { createClient } from '../../src/progress/queries/clients.ts';
import { type RunningService, startService } from '../../src/progress/server.ts';
import { launchChromium } from '../helpers/browser.ts';

/**
 * Issue 6, the apprentice side: progress recorded in the browser (offline, no account), joining
 * a cohort, the queue reaching the real service once and only once, retries, recovery on a new
 * phone, and "My progress" in every UI language. Real service (`relais serve`) over a built site.
 */
const root = path.resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
const phone = { width: 360, height: 740 };
const screenshots = path.join(root, 'test-results', 'screenshots');
const modulePath = '/boulangerie/faconner-baguette/';
const otherModulePath = '/plomberie/braser-raccord-cuivre/';

let service: RunningService;
let data: string;
let browser: Browser;
let base: string;
let admin: string;

interface StoredStatement { id: string; actor: { account: { homePage: string; name: string } }; verb: { id: string }; object: { id: string } }
interface LocalRecord { id: string; state: string; statement: StoredStatement }

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-progress-'));
  const config = resolveServiceConfig(relaisConfig, { port: '0', dist: inject('exampleDist'), db: path.join(data, 'relais.db') });
  service = await startService({ ...config, logRequests: false }, { logger: silentLogger });
  base = service.url;
  const now = Date.now();
  await createCentre(service.context.db, { id: 'centre-nord', name: 'Centre Nord', now });
  const client = await createClient(service.context.db, { name: 'e2e admin', centreId: null, now });
  admin = `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (data) rmSync(data, { recursive: true, force: true });
});

/** The machine is shared: give the page time (hydration, IndexedDB, the service) before failing. */
const poll = <T>(check: () => T | Promise<T>, options: { timeout?: number } = {}) => expect.poll(check, { timeout: 30_000, ...options });

const at = (pathname: string) => new URL(pathname, base).href;

async function api(method: string, pathname: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(at(pathname), {
    method,
    headers: { authorization: admin, 'X-Experience-API-Version': '1.0.3', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

async function newCohort(name: string): Promise<{ id: string; joinCode: string }> {
  const created = await api('POST', '/api/cohorts', { name, centreId: 'centre-nord' });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.cohort;
}

/** Every statement the service holds for an actor (admin view), following `more`. */
async function serviceStatements(actor: StoredStatement['actor']): Promise<StoredStatement[]> {
  const statements: StoredStatement[] = [];
  let next: string | null = `/xapi/statements?agent=${encodeURIComponent(JSON.stringify({ objectType: 'Agent', account: actor.account }))}&limit=100`;
  while (next) {
    const page = await api('GET', next);
    expect(page.status).toBe(200);
    statements.push(...page.json.statements);
    next = page.json.more || null;
  }
  return statements;
}

/** The local record, read straight from IndexedDB. */
const localRecords = (page: Page) =>
  page.evaluate(() => new Promise<LocalRecord[]>((resolve, reject) => {
    const open = indexedDB.open('relais-progress');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('statements').objectStore('statements').getAll();
      read.onsuccess = () => resolve(read.result as LocalRecord[]);
      read.onerror = () => reject(read.error);
    };
  }));

/** Answers every quiz of the page rightly, ticks every checklist. */
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

async function pressDidIt(page: Page) {
  const button = page.locator('relais-did-it button');
  await poll(() => button.isVisible()).toBe(true);
  await button.click();
  await poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

describe('progress on the device, then synced to the service', () => {
  let recoveryCode = '';
  let joinedActor: StoredStatement['actor'];
  let cohortName = '';

  it('records a module offline, keeps it across reloads, shows it, then joins and sends it exactly once', async () => {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    // First visit online: the service worker installs and keeps the page.
    await page.goto(at(modulePath));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    await page.reload();

    await context.setOffline(true);
    await page.reload();
    await poll(() => page.locator('.connection').isVisible()).toBe(true);
    await doModule(page);
    await pressDidIt(page);
    expect(await page.locator('relais-did-it button').textContent()).toMatch(/^Fait ✓ le \d+ \S+ \d{4}$/);

    // The queue is IndexedDB: a reload (still offline) keeps everything.
    await page.reload();
    await poll(() => page.locator('relais-did-it button').getAttribute('aria-pressed')).toBe('true');
    const local = await localRecords(page);
    const quizzes = await page.locator('relais-quiz input:first-of-type').evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
    const checklists = await page.locator('relais-checklist').evaluateAll((lists) => lists.map((list) => (list as HTMLElement).dataset.key!));
    expect(quizzes.length).toBeGreaterThan(0);
    expect(checklists.length).toBeGreaterThan(0);
    const activity = `${relaisConfig.site.replace(/\/$/, '')}${modulePath}`;
    // One `experienced` (not one per reload), each quiz passed, each checklist and the module completed.
    const expected = [
      `experienced ${activity}`,
      `completed ${activity}`,
      ...quizzes.map((quiz) => `passed ${activity}#${quiz}`),
      ...checklists.map((key) => `completed ${activity}#${key}`),
    ].sort();
    expect(local.map((record) => `${record.statement.verb.id.split('/').pop()} ${record.statement.object.id}`).sort()).toEqual(expected);
    expect(local.every((record) => record.state === 'queued' && record.statement.actor.account.name.startsWith('local-'))).toBe(true);

    // "My progress", offline, from the local record.
    await page.goto(at('/progression/'));
    const done = page.locator(`[data-module="boulangerie/faconner-baguette"]`);
    await poll(() => done.textContent(), { timeout: 20_000 }).toMatch(/Fait le/);
    expect(await done.textContent()).toMatch(/Quiz : meilleur 100 %/);
    expect(await page.locator('.sync-status').textContent()).toBe(`Gardés sur cet appareil seulement : ${local.length}. Rejoignez un groupe pour les envoyer à votre centre.`);
    expect(await page.locator('.progress-trades').textContent()).toMatch(/Boulangerie.*Modules faits : 1 sur \d+/);

    // Joining needs the network, and says so.
    const cohort = await newCohort('Boulangers de mars');
    cohortName = 'Boulangers de mars';
    await page.getByLabel('Code du groupe').fill(cohort.joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toMatch(/Il faut une connexion/);

    // Online: join with the code; the recovery code shows once; the queue drains.
    await context.setOffline(false);
    await page.getByLabel('Surnom (facultatif)').fill('Sami');
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    const code = page.locator('.recovery-code');
    await poll(() => code.textContent(), { timeout: 20_000 }).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    recoveryCode = (await code.textContent())!;
    expect(await page.locator('.recovery').textContent()).toContain('Écrivez ce code sur un papier');
    await poll(() => page.locator('.sync-status').textContent(), { timeout: 30_000 }).toMatch(/^Tout est envoyé \(à \d\d:\d\d\)\.$/);
    await page.getByRole('button', { name: "J'ai écrit le code" }).click();
    expect(await page.locator('.recovery-code').count()).toBe(0);
    expect(await page.locator('.progress-cohorts').textContent()).toBe(cohortName);

    const after = await localRecords(page);
    expect(after.every((record) => record.state === 'synced')).toBe(true);
    joinedActor = after[0]!.statement.actor;
    expect(joinedActor.account.name).toMatch(/^ap-/);
    const stored = await serviceStatements(joinedActor);
    expect(stored.map((statement) => statement.id).sort()).toEqual(local.map((record) => record.id).sort());
    expect(new Set(stored.map((statement) => statement.id)).size).toBe(stored.length);
    for (const statement of stored) expect(statement.actor.account).toEqual(joinedActor.account);

    // Undo "I did it" after it was sent: a `voided` statement reaches the service.
    await page.goto(at(modulePath));
    const button = page.locator('relais-did-it button');
    await poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    await poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await page.evaluate(() => dispatchEvent(new Event('online')));
    const completedId = local.find((record) => record.statement.verb.id.endsWith('/completed') && record.statement.object.id === activity)!.id;
    await poll(async () => (await api('GET', `/xapi/statements?voidedStatementId=${completedId}`)).status, { timeout: 30_000 }).toBe(200);
    await context.close();
  });

  it('retries after the service answers 503, and two tabs never send the same statement twice', async () => {
    const context = await browser.newContext({ viewport: phone, serviceWorkers: 'block' });
    const forwarded: string[] = [];
    let refusals = 0;
    await context.route('**/xapi/statements', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (refusals < 1) {
        refusals += 1;
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down for a moment"}}' });
      }
      forwarded.push(...(JSON.parse(route.request().postData() ?? '[]') as { id: string }[]).map((statement) => statement.id));
      return route.continue();
    });
    const first = await context.newPage();
    await first.goto(at(modulePath));
    await pressDidIt(first);
    const second = await context.newPage();
    await second.goto(at(otherModulePath));
    await pressDidIt(second);

    const progress = await context.newPage();
    await progress.goto(at('/progression/'));
    const cohort = await newCohort('Plombiers');
    await progress.getByLabel('Code du groupe').fill(cohort.joinCode);
    await progress.getByRole('button', { name: 'Rejoindre' }).click();
    await poll(() => progress.locator('.recovery-code').count(), { timeout: 20_000 }).toBe(1);
    // The first send met the 503: the records wait, and go at the retry (backoff timer, no event needed).
    await poll(() => refusals).toBe(1);
    await poll(() => progress.locator('.sync-status').textContent()).toMatch(/^Tout est envoyé/);

    // Both module tabs take "I did it" back (voided statements), and every tab tries to send at
    // once, as when the phone comes back online: one sends, the others find nothing left.
    for (const page of [first, second]) {
      await page.locator('relais-did-it button').click();
      await poll(() => page.locator('relais-did-it button').getAttribute('aria-pressed')).toBe('false');
    }
    await Promise.all([first, second, progress].map((page) => page.evaluate(() => dispatchEvent(new Event('online')))));
    await poll(async () => (await localRecords(progress)).filter((record) => record.state === 'synced').length).toBe(6);
    const local = await localRecords(progress);
    expect(local.length).toBe(6);
    expect(local.every((record) => record.state === 'synced')).toBe(true);
    expect(forwarded.sort()).toEqual(local.map((record) => record.id).sort());
    // The service lists voided statements only by voidedStatementId: the four others, plus the two voids.
    const stored = await serviceStatements(local[0]!.statement.actor);
    const voids = local.filter((record) => record.statement.verb.id.endsWith('/voided'));
    expect(voids.length).toBe(2);
    expect(stored.map((statement) => statement.id).sort()).toEqual(local.filter((record) => !voids.some((v) => v.statement.object.id === record.id)).map((record) => record.id).sort());
    await context.close();
  });

  it('gets the progress back on a new phone with the recovery code', async () => {
    expect(recoveryCode).not.toBe('');
    const context = await browser.newContext({ viewport: phone, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(at('/progression/'));
    await page.getByLabel('Code de secours').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Retrouver' }).click();
    await poll(() => page.getByRole('alert').last().textContent()).toMatch(/Aucun apprenti n'a ce code/);
    await page.getByLabel('Code de secours').fill('abc');
    await page.getByRole('button', { name: 'Retrouver' }).click();
    await poll(() => page.getByRole('alert').last().textContent()).toMatch(/16 lettres et chiffres/);

    await page.getByLabel('Code de secours').fill(recoveryCode.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Retrouver' }).click();
    await poll(() => page.locator('.progress-cohorts').textContent(), { timeout: 20_000 }).toBe(cohortName);
    await poll(() => page.locator('.progress-notice').textContent()).toBe('Progression retrouvée.');

    // What this phone records now goes to the same apprentice.
    await page.goto(at(otherModulePath));
    await pressDidIt(page);
    await poll(async () => (await localRecords(page)).every((record) => record.state === 'synced')).toBe(true);
    const sent = (await localRecords(page)).map((record) => record.statement);
    expect(sent.map((statement) => statement.verb.id.split('/').pop()).sort()).toEqual(['completed', 'experienced']);
    const onService = await serviceStatements(joinedActor);
    for (const statement of sent) expect(onService.map((stored) => stored.id)).toContain(statement.id);

    // The tutor gives a new recovery code and ends every session: this phone is asked for it.
    const reissued = await api('POST', `/api/apprentices/${joinedActor.account.name}/recovery-code`, { revokeSessions: true });
    expect(reissued.status, JSON.stringify(reissued.json)).toBe(200);
    await page.locator('relais-did-it button').click();
    await poll(() => page.locator('relais-did-it button').getAttribute('aria-pressed')).toBe('false');
    await page.goto(at('/progression/'));
    await poll(() => page.locator('.sync-status').textContent()).toBe('Votre centre ne reconnaît plus cet appareil. Entrez votre code de secours plus bas.');
    expect((await localRecords(page)).filter((record) => record.state === 'queued').length).toBe(1);
    await page.getByLabel('Code de secours').fill(reissued.json.recoveryCode);
    await page.getByRole('button', { name: 'Retrouver' }).click();
    await poll(() => page.locator('.sync-status').textContent()).toMatch(/^Tout est envoyé/);
    const undo = (await localRecords(page)).find((record) => record.statement.verb.id.endsWith('/voided'))!;
    expect(undo.state).toBe('synced');
    expect((await api('GET', `/xapi/statements?statementId=${undo.id}`)).status).toBe(200);

    // Log out on this device: the identity goes, the record stays.
    await page.goto(at('/progression/'));
    await page.getByRole('button', { name: 'Se déconnecter sur cet appareil' }).click();
    await poll(() => page.getByRole('heading', { name: 'Rejoindre un groupe' }).count()).toBe(1);
    expect((await localRecords(page)).length).toBeGreaterThan(0);
    await context.close();
  });

  it.each(['/progression/', '/en/progression/', '/ar/progression/'])('%s has no axe violation (join and recovery forms shown)', async (pathname) => {
    const context = await browser.newContext({ viewport: phone, serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(at(pathname));
    await poll(() => page.locator('form').count()).toBe(2);
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // Nothing wider than a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, `progress${pathname.replace(/\/$/, '').replace(/\//g, '-')}.png`), fullPage: true });
    await context.close();
  });
});
