/**
 * `npm start`: builds the library in content/ (or RELAIS_CONTENT_DIR), then starts the progress
 * service — the site, the xAPI endpoint and the centre API on one port — and prints the URLs.
 * PORT (or relais.config.ts) sets the port; DATABASE_URL or RELAIS_DB the database.
 */
import { build } from 'astro';
import { serviceBanner } from '../src/cli/serve.ts';
import { relaisConfig } from '../src/config/current.ts';
import { resolveServiceConfig } from '../src/progress/config.ts';
import { closeOnSignals, startService } from '../src/progress/server.ts';

try {
  await build({ root: process.cwd(), logLevel: 'warn' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
try {
  const service = await startService(resolveServiceConfig(relaisConfig));
  console.log(`\n${serviceBanner(service)}\nPress Ctrl-C to stop.`);
  closeOnSignals(service);
} catch (error) {
  console.error(`The service did not start: ${(error as Error).message}`);
  process.exit(1);
}
