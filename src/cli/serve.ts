import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { resolveServiceConfig } from '../progress/config.ts';
import { closeOnSignals, type RunningService, startService } from '../progress/server.ts';

export const serveHelp = `relais serve [--port N] [--host H] [--db FILE] [--dist DIR]
  Runs the progress service: the built site (default dist/), the xAPI Statements resource
  (/xapi/) and the centre API (/api/) on one port. Storage: --db FILE (SQLite, default
  data/relais.db) or DATABASE_URL (PostgreSQL). Stops gracefully on SIGTERM / Ctrl-C.`;

/** The URLs a person needs, printed when the service starts. */
export function serviceBanner(service: RunningService): string {
  const { url } = service;
  const distDir = service.context.config.distDir;
  // The dashboard is a page of the built site; name it only once the site has it.
  const hasDashboard = distDir !== null && existsSync(path.join(distDir, 'tuteur', 'index.html'));
  return [
    `Relais is running (${service.context.db.description}).`,
    `  Site:             ${url}`,
    `  Search:           ${url}recherche/`,
    `  xAPI endpoint:    ${url}xapi/`,
    ...(hasDashboard ? [`  Tutor dashboard:  ${url}tuteur/`] : []),
    `  Centre API:       ${url}api/`,
  ].join('\n');
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, dist: { type: 'string' } },
  });
  const config = resolveServiceConfig(relaisConfig, values);
  const service = await startService(config);
  console.log(`${serviceBanner(service)}\nPress Ctrl-C to stop.`);
  closeOnSignals(service);
  return new Promise(() => {});
}
