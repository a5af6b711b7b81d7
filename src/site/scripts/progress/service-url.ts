/**
 * Where the progress service answers. By default the site and the service share one origin
 * (`relais serve`), so paths stay relative. A site hosted elsewhere names the service in
 * relais.config.ts (`service`); the layout writes it in `<meta name="relais-service">` and the
 * apprentice's calls go there, with their Bearer token (browsers keep cookies to their own site).
 */
export function serviceUrlFrom(base: string | null | undefined, path: string): string {
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
}

export function serviceUrl(path: string): string {
  const base = typeof document === 'undefined' ? null : document.querySelector('meta[name="relais-service"]')?.getAttribute('content');
  return serviceUrlFrom(base, path);
}
