/**
 * The service worker (built into dist/sw.js by src/integration/offline-fs.ts: esbuild bundles
 * this file, then workbox-build injects the precache list of the built site).
 *
 * - App shell precached at install: CSS/JS, home, search, glossary and offline pages in every
 *   UI language, the web app manifest and icons, the Pagefind index (search works offline).
 * - Pages: network first (4 s timeout on slow networks), then the copy kept when the page was
 *   opened or downloaded, then the offline page of the page's language.
 * - Pictures and search files: cache first.
 * - The progress service (`/api/`, `/xapi/`) always goes to the network and is never cached.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { enable as enableNavigationPreload } from 'workbox-navigation-preload';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import type { PrecacheEntry } from 'workbox-precaching/_types.js';
import { generatedFolder, isServiceApi, offlineCaches, offlinePagePath } from '../lib/offline.ts';

interface WorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  location: Location;
}
const worker = self as unknown as WorkerScope;

void worker.skipWaiting();
clientsClaim();
enableNavigationPreload();
cleanupOutdatedCaches();

const sameOrigin = (url: URL) => url.origin === worker.location.origin;

// First, so that nothing below can ever answer for the service: no cache, no fallback.
registerRoute(({ url }) => sameOrigin(url) && isServiceApi(url.pathname), new NetworkOnly(), 'GET');
registerRoute(({ url }) => sameOrigin(url) && isServiceApi(url.pathname), new NetworkOnly(), 'HEAD');

// workbox-build replaces `self.__WB_MANIFEST` with the precache list of the build.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, {
  // Search filters and Pagefind's `?ts=` cache-buster must not miss the precached file.
  ignoreURLParametersMatching: [/.*/],
  directoryIndex: 'index.html',
  cleanURLs: false,
});

/** Lets a strategy's own cache fall back to what the apprentice downloaded on purpose. */
const alsoDownloads = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }: { request: Request; cachedResponse?: Response }) =>
    cachedResponse ?? (await (await caches.open(offlineCaches.downloads)).match(request, { ignoreSearch: true })) ?? null,
};
const onlyOk = new CacheableResponsePlugin({ statuses: [200] });

const pages = new NetworkFirst({
  cacheName: offlineCaches.pages,
  networkTimeoutSeconds: 4,
  plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 80, purgeOnQuotaError: true }), alsoDownloads],
});

/** `/en/plomberie/` → `/en/hors-ligne/index.html` (if that language has one), else `/hors-ligne/index.html`. */
async function offlinePage(url: URL): Promise<Response | undefined> {
  const first = url.pathname.split('/')[1];
  const candidates = [first ? `/${first}/${offlinePagePath}index.html` : undefined, `/${offlinePagePath}index.html`];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const response = await matchPrecache(candidate);
    if (response) return response;
  }
  return undefined;
}

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && sameOrigin(url),
  async (options) => {
    try {
      const response = await pages.handle(options);
      if (response) return response;
    } catch {
      // offline and never saved: the offline page below
    }
    return (await offlinePage(options.url)) ?? Response.error();
  },
);

registerRoute(
  ({ request, url }) => sameOrigin(url) && request.destination === 'image' && (url.pathname.startsWith('/media/') || url.pathname.startsWith(`${generatedFolder}img/`)),
  new CacheFirst({ cacheName: offlineCaches.media, plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 60, purgeOnQuotaError: true }), alsoDownloads] }),
);

// Search files left out of the precache (the fragments of a large library) and any other build asset.
registerRoute(
  ({ url }) => sameOrigin(url) && (url.pathname.startsWith('/pagefind/') || url.pathname.startsWith('/_astro/')),
  new CacheFirst({ cacheName: offlineCaches.search, plugins: [onlyOk, new ExpirationPlugin({ maxEntries: 400, purgeOnQuotaError: true }), alsoDownloads] }),
);
