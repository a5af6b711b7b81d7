import type { APIRoute } from 'astro';
import { relaisConfig } from '../../config/current.ts';
import { buildCatalogue } from '../lib/catalogue.ts';
import { siteData } from '../lib/site-data.ts';

/** dist/catalogue.json: the progress service's only view of the content (DESIGN.md, "Build → service"). */
export const GET: APIRoute = async () => {
  const catalogue = buildCatalogue(await siteData(), relaisConfig.site);
  return new Response(JSON.stringify(catalogue), { headers: { 'Content-Type': 'application/json' } });
};
