/**
 * `npm start`: builds the library in content/ (or RELAIS_CONTENT_DIR), then starts the progress
 * service — the site, the xAPI endpoint and the centre API on one port — and prints the URLs.
 * PORT (or relais.config.ts) sets the port; DATABASE_URL or RELAIS_DB the database.
 *
 * First run: when the SQLite database does not exist yet, the example programmes are seeded
 * into it (npm run seed:example) so that the dashboard and the outcome report have something
 * to show; RELAIS_NO_EXAMPLE=1 starts empty instead. A PostgreSQL database is never seeded here.
 */
import { existsSync } from 'node:fs';
import { build } from 'astro';
import { serviceBanner } from '../src/cli/serve.ts';
import { relaisConfig } from '../src/config/current.ts';
import { resolveServiceConfig } from '../src/progress/config.ts';
import { silentLogger } from '../src/progress/context.ts';
import { formatLogins, seedExample } from '../src/progress/seed/example.ts';
import { closeOnSignals, startService } from '../src/progress/server.ts';

try {
  await build({ root: process.cwd(), logLevel: 'warn' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
try {
  const config = resolveServiceConfig(relaisConfig);
  let logins = '';
  if (config.storage.kind === 'sqlite') {
    const file = config.storage.file;
    if (!existsSync(file) && process.env.RELAIS_NO_EXAMPLE !== '1') {
      logins = formatLogins(await seedExample(config, { logger: silentLogger }));
    } else if (existsSync(`${file}.logins.txt`)) {
      logins = `Example tutors' logins: ${file}.logins.txt`;
    }
  }
  const service = await startService(config);
  console.log(`\n${serviceBanner(service)}\n  Follow-up:        ${service.url}suivi/\n  Outcome report:   ${service.url}rapport/\n${logins ? `\n${logins}\n` : ''}Press Ctrl-C to stop.`);
  closeOnSignals(service);
} catch (error) {
  console.error(`The service did not start: ${(error as Error).message}`);
  process.exit(1);
}
