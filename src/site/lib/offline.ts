/**
 * Names shared by the service worker (src/site/sw/service-worker.ts), the page scripts that fill
 * its caches, and the build that writes the download lists (src/integration/offline-fs.ts).
 */
export const offlineCaches = {
  /** Pages and pictures the apprentice downloaded on purpose ("Download this path"): never expire. */
  downloads: 'relais-downloads',
  /** Pages opened while online: the most recent ones are kept. */
  pages: 'relais-pages',
  /** Pictures shown while online. */
  media: 'relais-media',
  /** Search index files not in the precache (large libraries). */
  search: 'relais-search',
} as const;

/** URL folder of the build's own files (icons, download lists): `_` cannot start a trade id. */
export const generatedFolder = '/_relais/';

/** The offline page of a UI language (`/hors-ligne/`, `/en/hors-ligne/`…). */
export const offlinePagePath = 'hors-ligne/';

/** The progress service's APIs: never cached, never answered from a cache. */
export const isServiceApi = (pathname: string): boolean => /^\/x?api(?:\/|$)/.test(pathname);

/** A download list written by the build: what one button saves for offline use. */
export interface OfflinePack {
  /** `path:<id>` or `trade:<id>`. */
  id: string;
  modules: number;
  /** Total bytes of `files` (pages and small pictures), uncompressed: what it takes on the device. */
  bytes: number;
  files: { url: string; bytes: number }[];
}

export const packUrl = (kind: 'path' | 'trade', id: string) => `${generatedFolder}packs/${kind}-${id}.json`;
