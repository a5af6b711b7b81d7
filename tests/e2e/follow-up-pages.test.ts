import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { relaisConfig } from '../../src/config/current.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';
import { silentLogger } from '../../src/progress/context.ts';
import { seedExample, type SeedExampleResult } from '../../src/progress/seed/example.ts';
import { type RunningService, startService } from '../../src/progress/server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { freshDatabase } from '../helpers/progress-service.ts';

const axeSource = readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

/** /rapport/ and /suivi/ in Chromium against the real service, over the seeded example. */
describe('follow-up and report pages', () => {
  let service: RunningService;
  let browser: Browser;
  let seeded: SeedExampleResult;
  let cleanup = () => {};

  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite', inject('postgresUrl'));
    cleanup = fresh.cleanup;
    await fresh.db.close();
    const config = { ...resolveServiceConfig(relaisConfig, { dist: inject('exampleDist'), port: '0' }, {}), storage: fresh.storage, logRequests: false };
    seeded = await seedExample(config, { logger: silentLogger, log: () => {} });
    service = await startService(config, { logger: silentLogger });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    cleanup();
  });

  async function loggedIn(centre: string) {
    // A phone's width: the pages are built mobile-first.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const login = seeded.logins.find((item) => item.centre === centre)!;
    const response = await context.request.post(new URL('api/tutor/login', service.url).href, { data: { login: login.tutor, password: login.password } });
    expect(response.status()).toBe(200);
    return context;
  }

  it('shows the outcome report with its headline, tables and definitions; prints on A4', async () => {
    const context = await loggedIn('exemple-hope');
    const page = await context.newPage();
    await page.goto(new URL('rapport/', service.url).href);
    await expect.poll(() => page.locator('.report-headline strong').textContent()).toMatch(/^\d+\s%\sen emploi à 6 mois$/);
    expect(await page.locator('.report-table').count()).toBe(4);
    expect(await page.getByText('Par cohorte').count()).toBe(1);
    expect(await page.getByRole('row', { name: /HOPE plomberie — promotion 2025/ }).count()).toBe(1);
    expect(await page.getByText('Les injoignables et les suivis pas encore notés restent dans le total', { exact: false }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // A cohort's name opens the report of that cohort alone.
    await page.getByRole('link', { name: 'HOPE plomberie — promotion 2025' }).click();
    await expect.poll(() => page.url()).toMatch(/\/rapport\/\?cohort=co-/);
    await expect.poll(() => page.locator('.report-table').count()).toBe(4);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-actions').isVisible()).toBe(false);
    await context.close();
  });

  it('in Arabic, right to left', async () => {
    const context = await loggedIn('exemple-hope');
    const page = await context.newPage();
    await page.goto(new URL('ar/rapport/', service.url).href);
    await expect.poll(() => page.locator('.report-headline strong').textContent()).toMatch(/يعملون بعد 6 أشهر/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await context.close();
  });

  it('without a session, points to the tutor login', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(new URL('suivi/', service.url).href);
    await expect.poll(() => page.getByRole('link', { name: 'Connexion tuteur' }).getAttribute('href')).toBe('/tuteur/');
    await context.close();
  });

  it('lists the follow-ups due and records one', async () => {
    const context = await loggedIn('exemple-chance');
    const page = await context.newPage();
    await page.goto(new URL('suivi/', service.url).href);
    const items = page.locator('.due-list > li');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const dueBefore = ((await (await context.request.get(new URL('api/follow-ups/due', service.url).href)).json()) as { items: unknown[] }).items.length;
    await items.first().getByRole('button', { name: 'Noter le suivi' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await items.first().getByLabel('En emploi').check();
    await items.first().getByLabel('Contrat').selectOption('cdi');
    await items.first().getByLabel('Note').fill('Appel du jour');
    await items.first().getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.locator('.follow-up-notice').textContent()).toBe('Enregistré.');
    const dueAfter = ((await (await context.request.get(new URL('api/follow-ups/due', service.url).href)).json()) as { items: unknown[] }).items.length;
    expect(dueAfter).toBe(dueBefore - 1);
    await context.close();
  });
});
