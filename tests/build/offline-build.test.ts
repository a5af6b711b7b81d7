import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { OfflineReport } from '../../src/integration/offline-fs.ts';
import { smallImageBytes } from '../../src/integration/offline-fs.ts';
import type { OfflinePack } from '../../src/site/lib/offline.ts';
import { readUiLanguages } from '../../src/i18n/languages-fs.ts';

/** What the build writes for offline use and installation (issue 9), read from the built example library. */
const dist = inject('exampleDist');
const read = (relative: string) => readFileSync(path.join(dist, relative), 'utf8');
const languages = readUiLanguages().map((language) => language.code);
const prefixes = languages.map((code, index) => (index === 0 ? '' : `${code}/`));

/** The precache list workbox-build injected into sw.js. */
function precachedUrls(): string[] {
  return [...read('sw.js').matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
}

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('the service worker of the built site', () => {
  const urls = precachedUrls();

  it('precaches the app shell in every UI language', () => {
    for (const prefix of prefixes) {
      for (const page of ['index.html', 'recherche/index.html', 'glossaire/index.html', 'hors-ligne/index.html', 'manifest.webmanifest']) {
        expect(urls, `${prefix}${page}`).toContain(`${prefix}${page}`);
      }
    }
    expect(urls).toContain('_relais/icons/icon-192.png');
    // Every script and stylesheet the pages load.
    for (const asset of urls.filter((url) => url.startsWith('_astro/'))) expect(existsSync(path.join(dist, asset)), asset).toBe(true);
    const html = read('plomberie/braser-raccord-cuivre/index.html');
    for (const match of html.matchAll(/src="\/(_astro\/[^"]+\.js)"/g)) expect(urls).toContain(match[1]);
  });

  it('precaches the whole search index, so search works offline', () => {
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-worker.js', 'pagefind/pagefind-entry.json']) expect(urls).toContain(file);
    expect(urls.some((url) => /^pagefind\/wasm\.\w+\.pagefind$/.test(url))).toBe(true);
    expect(urls.some((url) => url.endsWith('.pf_meta'))).toBe(true);
    for (const folder of ['index', 'filter', 'fragment']) {
      const files = urls.filter((url) => url.startsWith(`pagefind/${folder}/`));
      expect(files.length, folder).toBeGreaterThan(0);
    }
    // Not the UI bundles the site does not use.
    expect(urls.filter((url) => /pagefind-(component-)?ui|modular-ui|highlight/.test(url))).toEqual([]);
  });

  it('never caches the progress service, and leaves module pages to the downloads', () => {
    expect(urls.filter((url) => /(^|\/)x?api\//.test(url))).toEqual([]);
    expect(urls).not.toContain('plomberie/braser-raccord-cuivre/index.html');
    // The worker sends /api/ and /xapi/ to the network before any other route.
    const source = read('sw.js');
    expect(source).toMatch(/x\?api/);
  });
});

describe('the web app manifest and icons', () => {
  it.each(languages)('%s manifest makes the site installable', (code) => {
    const prefix = prefixes[languages.indexOf(code)]!;
    const manifest = JSON.parse(read(`${prefix}manifest.webmanifest`)) as {
      name: string; start_url: string; display: string; lang: string; dir: string; scope: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Relais', start_url: `/${prefix}`, display: 'standalone', lang: code, scope: '/' });
    expect(manifest.dir).toBe(code === 'ar' ? 'rtl' : 'ltr');
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((candidate) => candidate.sizes === `${size}x${size}` && candidate.purpose === 'any');
      expect(icon, `${size} px icon`).toBeDefined();
      expect(pngSize(path.join(dist, icon!.src))).toEqual({ width: size, height: size });
    }
    const maskable = manifest.icons.find((icon) => icon.purpose === 'maskable');
    expect(maskable && existsSync(path.join(dist, maskable.src))).toBe(true);
  });

  it('links the manifest, the touch icon and the theme colour from every page', () => {
    const page = read('ar/index.html');
    expect(page).toContain('<link rel="manifest" href="/ar/manifest.webmanifest">');
    expect(page).toContain('<link rel="apple-touch-icon" href="/_relais/icons/apple-touch-icon.png">');
    expect(pngSize(path.join(dist, '_relais/icons/apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
    expect(read('index.html')).toContain('<meta name="theme-color" content="#0b5d7a">');
  });
});

describe('"download for offline use" lists', () => {
  const catalogue = JSON.parse(read('catalogue.json')) as { modules: { id: string; trade: string }[]; paths: { id: string; stages: { modules: string[] }[] }[] };
  const report = JSON.parse(read('_relais/offline.json')) as OfflineReport;

  it.each(catalogue.paths.map((entry) => entry.id))('path %s: every module page, its small pictures, and the right size', (id) => {
    const pack = JSON.parse(read(`_relais/packs/path-${id}.json`)) as OfflinePack;
    const expected = [...new Set(catalogue.paths.find((entry) => entry.id === id)!.stages.flatMap((stage) => stage.modules))];
    expect(pack.modules).toBe(expected.length);
    for (const moduleId of expected) expect(pack.files.map((file) => file.url)).toContain(`/${moduleId}/`);
    for (const file of pack.files) {
      const onDisk = path.join(dist, file.url.endsWith('/') ? `${file.url}index.html` : file.url);
      expect(statSync(onDisk).size, file.url).toBe(file.bytes);
      if (file.url.startsWith('/media/')) {
        expect(file.bytes).toBeLessThanOrEqual(smallImageBytes);
        expect(file.url).toMatch(/\.(svg|png|jpe?g|webp|gif)$/);
      }
    }
    expect(pack.bytes).toBe(pack.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(report.packs.find((entry) => entry.id === `path:${id}`)).toMatchObject({ modules: pack.modules, bytes: pack.bytes });
  });

  it('takes the glossary pictures a module shows', () => {
    const pack = JSON.parse(read('_relais/packs/path-hope-plomberie.json')) as OfflinePack;
    expect(pack.files.map((file) => file.url)).toContain('/media/glossaire/coupe-tube.svg');
  });

  it('has a list for each trade', () => {
    for (const trade of new Set(catalogue.modules.map((module) => module.trade))) {
      const pack = JSON.parse(read(`_relais/packs/trade-${trade}.json`)) as OfflinePack;
      expect(pack.modules).toBe(catalogue.modules.filter((module) => module.trade === trade).length);
    }
    expect(report.precache.files).toBeGreaterThan(20);
    expect(report.warnings).toEqual([]);
  });
});
