import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { imageSize } from '../../src/site/lib/image-size-fs.ts';
import type { OfflinePack } from '../../src/site/lib/offline.ts';
import { createSiteServer, listen } from '../../src/server/site-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { spokenSoFar, stubSpeech } from '../helpers/speech-stub.ts';

/**
 * Issue 9, inclusion: offline use, read-aloud, plain help, right-to-left languages, in a real
 * Chromium against the built example library (and a tiny Arabic fixture library).
 */
const root = path.resolve(import.meta.dirname, '../..');
const screenshots = path.join(root, 'test-results', 'screenshots');
const phone = { width: 360, height: 740 };
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createSiteServer({ distDir: inject('exampleDist') });
  base = await listen(server, 0);
  browser = await launchChromium();
  mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const at = (origin: string, pathname: string) => new URL(pathname, origin).href;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

/** Every URL held in any Cache Storage cache of the page's origin. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });

async function completeModule(page: Page) {
  for (const checklist of await page.locator('relais-checklist').all()) {
    for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
    await expect.poll(() => checklist.locator('.checklist-done').isVisible()).toBe(true);
  }
  for (const quiz of await page.locator('relais-quiz').all()) {
    const answer = ((await quiz.getAttribute('data-answer')) ?? '').split(',').filter(Boolean);
    for (const index of answer) await quiz.locator(`input[value="${index}"]`).check();
    await quiz.locator('button[type=submit]').click();
    await expect.poll(() => quiz.locator('.quiz-feedback').textContent()).toBe('Bonne réponse !');
  }
}

describe('offline after the first visit', () => {
  let offlineServer: Server;
  let origin: string;
  let context: BrowserContext;

  beforeAll(async () => {
    // Its own server: going offline closes it, so nothing can come from the network any more.
    offlineServer = createSiteServer({ distDir: inject('exampleDist') });
    origin = await listen(offlineServer, 0);
    context = await browser.newContext({ viewport: phone });
  });

  afterAll(async () => {
    await context?.close();
    offlineServer?.close();
  });

  it('downloads a path, goes offline, then opens its modules, searches and completes one', async () => {
    const page = await context.newPage();
    await page.goto(at(origin, '/'));
    // The service worker installs (precaching the app shell and the search index) and takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    expect(await page.locator('.connection').isHidden()).toBe(true);

    // A page opened online is kept.
    await page.goto(at(origin, '/competences/brasage-cuivre/'));
    // The API is never answered from, nor put in, a cache.
    const statuses = await page.evaluate(() => Promise.all(['/api/progress', '/xapi/statements?limit=1'].map((url) => fetch(url).then((response) => response.status))));
    expect(statuses.every((status) => status > 0)).toBe(true);

    // "Download this path for offline use", with its size first and progress while it runs.
    await page.goto(at(origin, '/parcours/hope-plomberie/'));
    const box = page.locator('relais-offline-pack');
    await expect.poll(() => box.locator('.offline-pack-size').textContent()).toMatch(/^8 modules · \d+\s?ko à télécharger$/);
    const pack = JSON.parse(readFileSync(path.join(inject('exampleDist'), '_relais/packs/path-hope-plomberie.json'), 'utf8')) as OfflinePack;
    expect(await box.locator('.offline-pack-size').textContent()).toMatch(new RegExp(`\\b${Math.round(pack.bytes / 1000)}\\s?ko\\b`));
    const progressSeen = page.evaluate(
      () => new Promise<string>((resolve) => {
        const status = document.querySelector('.offline-pack-status')!;
        new MutationObserver(() => { if (/Téléchargement/.test(status.textContent ?? '')) resolve(status.textContent ?? ''); }).observe(status, { childList: true, characterData: true, subtree: true });
      }),
    );
    await box.getByRole('button', { name: /Télécharger ce parcours/ }).click();
    expect(await progressSeen).toMatch(/^Téléchargement : \d+\s?ko sur \d+\s?ko$/);
    await expect.poll(() => box.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await box.locator('.offline-pack-status').textContent()).toBe('Disponible hors ligne sur cet appareil.');
    const saved = await cachedUrls(page);
    for (const file of pack.files) expect(saved, file.url).toContain(file.url);

    // Offline: the browser says so, and the server is gone.
    await context.setOffline(true);
    offlineServer.close();
    offlineServer.closeAllConnections();

    // A module of the path, never opened before.
    await page.goto(at(origin, '/plomberie/sertir-raccord-multicouche/'));
    expect(await page.locator('h1').textContent()).toBe('Sertir un raccord sur un tube multicouche');
    await expect.poll(() => page.locator('.connection').isVisible()).toBe(true);
    expect(await page.locator('.connection').textContent()).toContain('Hors ligne');
    await completeModule(page);

    // The page opened online is still there.
    await page.goto(at(origin, '/competences/brasage-cuivre/'));
    expect(await page.locator('h1').textContent()).toBe('Braser le cuivre');

    // Search works from the cached index.
    await page.goto(at(origin, '/recherche/'));
    await page.fill('input[type=search]', 'multicouche');
    await page.waitForFunction(() => /\d+ résultats?|1 résultat/.test(document.querySelector('.search-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const results = await page.$$eval('.results a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(results).toContain('/plomberie/sertir-raccord-multicouche/');

    // A page never saved: the offline page, listing what can be opened.
    await page.goto(at(origin, '/boulangerie/peser-et-doser/'));
    expect(await page.locator('h1').textContent()).toBe('Vous êtes hors ligne');
    await expect.poll(() => page.locator('.saved-pages').textContent()).toContain('Sertir un raccord sur un tube multicouche');

    // The service's answers were never cached and are not served offline.
    expect((await cachedUrls(page)).filter((url) => /^\/x?api\//.test(url))).toEqual([]);
    const offlineApi = await page.evaluate(() => fetch('/xapi/about').then(() => 'answered', () => 'failed'));
    expect(offlineApi).toBe('failed');
    await page.close();
  });
});

describe('read-aloud', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: phone });
    await stubSpeech(context, [{ name: 'Test français', lang: 'fr-FR' }, { name: 'Test English', lang: 'en-GB' }]);
  });
  afterAll(() => context?.close());

  it('reads the whole module in its language, steps and safety notes included, and nothing hidden', async () => {
    const page = await context.newPage();
    await page.goto(at(base, '/plomberie/braser-raccord-cuivre/'));
    const controls = page.locator('relais-read-aloud');
    await expect.poll(() => controls.isVisible()).toBe(true);
    await page.evaluate(() => { (window as unknown as { __speechDelay: number }).__speechDelay = 2; });
    await controls.getByRole('button', { name: 'Écouter' }).click();
    await expect.poll(() => controls.getAttribute('data-state'), { timeout: 30_000 }).toBe('idle');
    const spoken = await spokenSoFar(page);
    const texts = spoken.map((utterance) => utterance.text);
    expect(texts[0]).toBe('Braser un raccord cuivre');
    expect(spoken.every((utterance) => utterance.lang === 'fr-FR' && utterance.voice === 'Test français')).toBe(true);
    // A step's key point and reason, a safety note, a checklist item, a quiz question.
    expect(texts).toContain('Point clé : écran thermique derrière le raccord, extincteur à côté, rien qui brûle autour.');
    expect(texts).toContain('Pourquoi : la flamme chauffe aussi tout ce qui est derrière le tuyau.');
    expect(texts).toContain('Le chalumeau est une flamme nue.');
    expect(texts).toContain('Le décapant qui reste est essuyé');
    expect(texts).toContain('Avec la flamme, que faut-il chauffer ?');
    // Never the hidden answer, popover definitions or the controls.
    expect(texts.join(' ')).not.toContain('Voir la réponse');
    expect(texts.join(' ')).not.toContain('Voir le glossaire');
    expect(texts.join(' ')).not.toContain('Vitesse');
    // One utterance a sentence.
    expect(texts.every((text) => text.length < 300)).toBe(true);
    await page.close();
  });

  it('highlights the sentence, pauses, resumes where it was and changes speed', async () => {
    const page = await context.newPage();
    await page.goto(at(base, '/plomberie/couper-tube-cuivre/'));
    const controls = page.locator('relais-read-aloud');
    await expect.poll(() => controls.isVisible()).toBe(true);
    await page.evaluate(() => { (window as unknown as { __speechDelay: number }).__speechDelay = 250; });
    await controls.getByRole('button', { name: 'Écouter' }).click();
    await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('relais-read-aloud'))).toBe(true);
    expect(await page.locator('.reading').count()).toBe(1);

    // Slow the stub down so the reading cannot end before the Pause click lands on a loaded machine
    // (a finished reading turns the button back into "Écouter", and the click would start it again).
    await page.evaluate(() => { (window as unknown as { __speechDelay: number }).__speechDelay = 60_000; });
    await controls.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => controls.getAttribute('data-state')).toBe('paused');
    const atPause = await spokenSoFar(page);
    await page.waitForTimeout(800);
    expect((await spokenSoFar(page)).length).toBe(atPause.length);

    await page.evaluate(() => { (window as unknown as { __speechDelay: number }).__speechDelay = 250; });
    await controls.locator('select[name=rate]').selectOption('0.6');
    await controls.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThan(atPause.length + 1);
    const resumed = (await spokenSoFar(page)).slice(atPause.length);
    // It starts again at the sentence it was reading, at the new speed.
    expect(resumed[0]!.text).toBe(atPause.at(-1)!.text);
    expect(resumed.every((utterance) => utterance.rate === 0.6)).toBe(true);

    await controls.getByRole('button', { name: 'Arrêter' }).click();
    await expect.poll(() => controls.getAttribute('data-state')).toBe('idle');
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('relais-read-aloud'))).toBe(false);
    // The speed is remembered.
    await page.reload();
    await expect.poll(() => page.locator('relais-read-aloud select[name=rate]').inputValue()).toBe('0.6');
    await page.close();
  });

  it('reads an English module with an English voice', async () => {
    const page = await context.newPage();
    await page.goto(at(base, '/fibre-optique/inspect-clean-connectors/'));
    const controls = page.locator('relais-read-aloud');
    await expect.poll(() => controls.isVisible()).toBe(true);
    await controls.getByRole('button', { name: 'Listen' }).click();
    await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThan(0);
    expect((await spokenSoFar(page))[0]).toMatchObject({ lang: 'en-GB', voice: 'Test English' });
    await page.close();
  });

  it('stays hidden when the browser has no voice for the module language', async () => {
    const voiceless = await browser.newContext({ viewport: phone });
    await stubSpeech(voiceless, [{ name: 'Test English', lang: 'en-US' }]);
    const page = await voiceless.newPage();
    await page.goto(at(base, '/plomberie/braser-raccord-cuivre/'));
    await page.waitForLoadState('load');
    await page.waitForTimeout(200);
    expect(await page.locator('relais-read-aloud').isHidden()).toBe(true);
    await voiceless.close();
  });
});

describe('plain help', () => {
  it('shows the definition and picture of a glossary word on tap, and the module glossary at the end', async () => {
    const page = await browser.newPage({ viewport: phone });
    await page.goto(at(base, '/plomberie/couper-tube-cuivre/'));
    await page.locator('.term > button', { hasText: 'coupe-tube' }).first().click();
    const popover = page.locator('.term-popup:popover-open');
    await expect.poll(() => popover.count()).toBe(1);
    const picture = popover.locator('img[alt="coupe-tube"]');
    await expect.poll(() => picture.evaluate((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0)).toBe(true);
    expect(await picture.getAttribute('loading')).toBe('lazy');
    const words = await page.locator('.module-glossary dt a').allTextContents();
    expect(words).toEqual(expect.arrayContaining(['coupe-tube', 'bavure', 'ébavureur']));
    await page.close();
  });

  it('shows translation hints in the chosen help language, kept on the device', async () => {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(at(base, '/plomberie/couper-tube-cuivre/'));
    const gloss = page.locator('.term .gloss[data-gloss=uk]').first();
    expect(await gloss.isHidden()).toBe(true);
    await page.locator('relais-help-language select').selectOption('uk');
    expect(await gloss.isVisible()).toBe(true);
    expect(await page.locator('.term .gloss[data-gloss=ar]').first().isHidden()).toBe(true);
    await page.reload();
    expect(await page.locator('.term .gloss[data-gloss=uk]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('takes the Arabic interface as the default help language for French modules', async () => {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(at(base, '/ar/'));
    await page.goto(at(base, '/plomberie/couper-tube-cuivre/'));
    const gloss = page.locator('.term .gloss[data-gloss=ar]').first();
    expect(await gloss.isVisible()).toBe(true);
    expect(await gloss.locator('span').getAttribute('dir')).toBe('rtl');
    expect(await gloss.textContent()).toContain('قاطعة أنابيب');
    expect(await page.locator('relais-help-language select').inputValue()).toBe('ar');
    await context.close();
  });
});

describe('right-to-left', () => {
  let work: string;
  let rtlServer: Server;
  let rtlBase: string;

  beforeAll(async () => {
    // Inside the project: Astro shares <cwd>/.astro/ between builds whose output is outside it.
    work = mkdtempSync(path.join(root, 'test-results', 'rtl-site-'));
    const dist = path.join(work, 'dist');
    const result = await buildSite({ contentDir: path.join(root, 'tests/fixtures/rtl-library'), outDir: dist, cacheDir: path.join(work, 'cache') });
    expect(result.code, result.output).toBe(0);
    rtlServer = createSiteServer({ distDir: dist });
    rtlBase = await listen(rtlServer, 0);
  });

  afterAll(() => {
    rtlServer?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('lays the Arabic home page out right to left', async () => {
    const page = await browser.newPage({ viewport: phone });
    await page.goto(at(base, '/ar/'));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('h1').textContent()).toBe('تعلّم مهنة مع من يمارسونها');
    // The brand starts the bar, on the right.
    const brand = (await page.locator('.brand').boundingBox())!;
    const nav = (await page.locator('.site-nav').boundingBox())!;
    expect(brand.x).toBeGreaterThan(nav.x);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(screenshots, 'rtl-home.png') });
    await page.close();
  });

  it('lays an Arabic module out right to left, with its steps, notes and French glosses', async () => {
    const context = await browser.newContext({ viewport: phone });
    await stubSpeech(context, [{ name: 'Test عربي', lang: 'ar-SA' }]);
    const page = await context.newPage();
    await page.goto(at(rtlBase, '/fibre-optique/securite-fibre-ar/'));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.locator('.steps h2').textContent()).toBe('الخطوات');
    expect(await page.locator('.step-key > b').first().textContent()).toBe('النقطة الأساسية:');
    expect(await page.locator('.step-why > b').first().textContent()).toBe('لماذا:');
    // Logical properties: the coloured edge of a note sits on the right in Arabic.
    const edges = await page.locator('.knowhow.safety').evaluate((element) => {
      const style = getComputedStyle(element);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(edges).toEqual({ right: '6px', left: '0px' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // French glosses of the Arabic trade words, left to right inside the Arabic text.
    await page.locator('relais-help-language select').selectOption('fr');
    const gloss = page.locator('.term .gloss[data-gloss=fr]').first();
    expect(await gloss.isVisible()).toBe(true);
    expect(await gloss.locator('span').getAttribute('dir')).toBe('ltr');
    await page.screenshot({ path: path.join(screenshots, 'rtl-module.png') });
    await page.screenshot({ path: path.join(screenshots, 'rtl-module-full.png'), fullPage: true });
    // Read aloud in Arabic.
    const controls = page.locator('relais-read-aloud');
    await expect.poll(() => controls.isVisible()).toBe(true);
    await controls.getByRole('button', { name: 'استمع' }).click();
    await expect.poll(async () => (await spokenSoFar(page)).length).toBeGreaterThan(1);
    expect((await spokenSoFar(page))[0]).toMatchObject({ text: 'العمل بأمان: الليزر وشظايا الألياف', lang: 'ar-SA' });
    await context.close();
  });

  it('gives a photo smaller copies, lazy, and the phone takes a small one', async () => {
    const page = await browser.newPage({ viewport: phone, deviceScaleFactor: 1 });
    await page.goto(at(rtlBase, '/fibre-optique/securite-fibre-ar/'));
    const picture = page.locator('.module-glossary img');
    expect(await picture.getAttribute('loading')).toBe('lazy');
    expect(await picture.getAttribute('width')).toBe('800');
    expect(await picture.getAttribute('srcset')).toBe('/_relais/img/320/pto-photo.webp 320w, /_relais/img/640/pto-photo.webp 640w, /media/pto-photo.png 800w');
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((image) => (image as HTMLImageElement).currentSrc)).toMatch(/\/_relais\/img\/320\/pto-photo\.webp$/);
    // The copy is a real 320 px WebP.
    expect(imageSize(path.join(work, 'dist', '_relais/img/320/pto-photo.webp'))).toEqual({ width: 320, height: 200 });
    expect(imageSize(path.join(work, 'dist', '_relais/img/640/pto-photo.webp'))).toEqual({ width: 640, height: 400 });
    // A download takes every copy, so the picture shows offline whatever the screen.
    const pack = JSON.parse(readFileSync(path.join(work, 'dist', '_relais/packs/path-decouvrir-la-fibre.json'), 'utf8')) as OfflinePack;
    expect(pack.files.map((file) => file.url)).toEqual(expect.arrayContaining(['/_relais/img/320/pto-photo.webp', '/_relais/img/640/pto-photo.webp', '/media/pto-photo.png']));
    await page.close();
  });

  it.each(['/fibre-optique/securite-fibre-ar/', '/ar/parcours/decouvrir-la-fibre/', '/ar/fibre-optique/', '/ar/glossaire/', '/ar/hors-ligne/'])('%s (Arabic fixture) has no axe violation', async (pathname) => {
    const page = await browser.newPage({ viewport: phone });
    await page.goto(at(rtlBase, pathname));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
