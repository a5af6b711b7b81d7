/**
 * How long a browser may keep a file of the built site, by its URL path: hashed assets
 * (`/_astro/…`) never change; pages, the catalogue and the search index must be revalidated.
 * One rule for every server of dist/ (the progress service, the site-only server).
 */
export function cacheControlFor(pathname: string): string {
  return pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
