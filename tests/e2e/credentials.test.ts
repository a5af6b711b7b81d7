import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { issueCredential } from '../../src/credentials/issue.ts';
import { loadIssuerKeys } from '../../src/credentials/keys-fs.ts';
import { createCentreKeys } from '../../src/library/keys-fs.ts';
import { relaisConfig } from '../../src/config/current.ts';
import { resolveServiceConfig } from '../../src/progress/config.ts';
import { silentLogger } from '../../src/progress/context.ts';
import { createApprentice } from '../../src/progress/queries/apprentices.ts';
import { createCentre } from '../../src/progress/queries/centres.ts';
import { type RunningService, startService } from '../../src/progress/server.ts';
import { launchChromium } from '../helpers/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let service: RunningService;
let data: string;
let browser: Browser;
let credentialId: string;

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-credentials-'));
  createCentreKeys(data);
  const config = resolveServiceConfig(relaisConfig, { port: '0', dist: inject('exampleDist'), db: path.join(data, 'relais.db') }, { RELAIS_DATA_DIR: data });
  service = await startService({ ...config, logRequests: false }, { logger: silentLogger });
  const { db, catalogue } = service.context;
  await createCentre(db, { id: 'centre-nord', name: 'Centre de formation Nord', now: Date.now() });
  const { row } = await createApprentice(db, { centreId: 'centre-nord', nickname: 'Sami', now: Date.now() });
  const issued = await issueCredential(db, loadIssuerKeys(data), { kind: 'competence', skillId: 'soudure-fibre', level: 2, apprenticeId: row.id, catalogue, issuedBy: 'test', now: Date.now(), validator: 'Fibre Services' });
  credentialId = issued.row.id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
  if (data) rmSync(data, { recursive: true, force: true });
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
}

describe('certificates in a real browser', () => {
  it('shows the certificate with its QR code, downloads the JSON, which the verifier finds VALID, then INVALID once altered', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(new URL(`/attestation/?id=${credentialId}`, service.url).href);
    await page.getByRole('heading', { name: /Soudure|soudure|niveau 2/ }).waitFor();
    await expect(page.getByText('Sami').first().isVisible()).resolves.toBe(true);
    const qr = page.getByRole('img', { name: 'Code QR pour vérifier cette attestation' });
    await qr.waitFor();
    expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
    expect(await page.getByText('VALIDE', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Vérifier cette attestation' }).getAttribute('href')).toMatch(new RegExp(`/verifier/\\?id=${credentialId}$`));
    expect(await axeViolations(page)).toEqual([]);
    // Printed: the certificate alone (no buttons, no verdict box), QR code included.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await qr.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le fichier JSON' }).click()]);
    const file = path.join(data, 'downloaded.json');
    await download.saveAs(file);

    const verifier = await context.newPage();
    await verifier.goto(new URL('/verifier/', service.url).href);
    await verifier.getByRole('button', { name: 'Vérifier' }).and(verifier.locator(':enabled')).waitFor();
    await verifier.getByLabel('Ou ouvrez le fichier JSON').setInputFiles(file);
    await verifier.getByText('VALIDE', { exact: true }).waitFor();
    expect(await verifier.getByText('Signée par ce centre.').isVisible()).toBe(true);
    expect(await axeViolations(verifier)).toEqual([]);

    // One character changed (the level in the achievement's name): the signature no longer matches.
    const text = readFileSync(file, 'utf8');
    const altered = text.replace('— niveau 2"', '— niveau 3"');
    expect(altered).not.toBe(text);
    await verifier.getByLabel('Collez le contenu du fichier JSON').fill(altered);
    await verifier.getByRole('button', { name: 'Vérifier' }).click();
    await verifier.getByText('NON VALIDE', { exact: true }).waitFor();
    expect(await verifier.getByText(/La signature ne correspond pas/).isVisible()).toBe(true);
    expect(await axeViolations(verifier)).toEqual([]);

    // Offline: the signature is still checked in the page; only the trust list is out of reach.
    await context.setOffline(true);
    await verifier.getByLabel('Collez le contenu du fichier JSON').fill(text);
    await verifier.getByRole('button', { name: 'Vérifier' }).click();
    await verifier.getByText(/Signature correcte\. Hors ligne/).waitFor();
    expect(await verifier.getByText('VALIDE', { exact: true }).isVisible()).toBe(true);
    await verifier.getByLabel('Collez le contenu du fichier JSON').fill(altered);
    await verifier.getByRole('button', { name: 'Vérifier' }).click();
    await verifier.getByText('NON VALIDE', { exact: true }).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  it('says so when the id is unknown or missing', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/en/attestation/?id=0b7c3c55-1a52-4c1e-9f0e-4b3a3c1d2e7f', service.url).href);
    await page.getByRole('alert').getByText('Certificate not found: check the link.').waitFor();
    await page.goto(new URL('/ar/attestation/', service.url).href);
    await page.getByRole('alert').getByText(/لم تُحدَّد أي شهادة/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The Arabic certificate, right to left, with its QR code.
    await page.goto(new URL(`/ar/attestation/?id=${credentialId}`, service.url).href);
    await page.getByRole('img', { name: 'رمز QR للتحقق من هذه الشهادة' }).waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(new URL('/ar/verifier/', service.url).href);
    await page.getByRole('button', { name: 'تحقّق' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
