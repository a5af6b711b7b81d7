/**
 * `npm start`: builds the library in content/ (or RELAIS_CONTENT_DIR) and serves the site on
 * localhost, printing the URL. PORT (or relais.config.ts) sets the port.
 */
import { build } from 'astro';
import { relaisConfig } from '../src/config/current.ts';
import { closeOnSignals, createSiteServer, listen } from '../src/server/site-server.ts';

try {
  await build({ root: process.cwd(), logLevel: 'warn' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const server = createSiteServer({ distDir: relaisConfig.outDir });
const url = await listen(server, relaisConfig.port);
console.log(`\nRelais is running.\n  Site:   ${url}\n  Search: ${url}recherche/\nPress Ctrl-C to stop.`);
closeOnSignals(server);
