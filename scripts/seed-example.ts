/**
 * `npm run seed:example [-- --db FILE | postgres://…] [--force] [--seed N]`: the five example
 * programmes (DESIGN.md) in a fresh service database: centres, tutors, paths' cohorts,
 * synthetic apprentices, statements, exits and follow-ups. Needs the built site (npm run build)
 * for the paths and modules.
 */
import { parseArgs } from 'node:util';
import { relaisConfig } from '../src/config/current.ts';
import { resolveServiceConfig } from '../src/progress/config.ts';
import { silentLogger } from '../src/progress/context.ts';
import { formatLogins, SeedRefused, seedExample } from '../src/progress/seed/example.ts';

let values: { db?: string | undefined; force?: boolean | undefined; seed?: string | undefined; dist?: string | undefined };
try {
  ({ values } = parseArgs({ options: { db: { type: 'string' }, force: { type: 'boolean' }, seed: { type: 'string' }, dist: { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: npm run seed:example -- [--db FILE] [--force] [--seed N] [--dist DIR]`);
  process.exit(2);
}
const seed = values.seed === undefined ? 7 : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed ${values.seed}: expected a whole number`);
  process.exit(2);
}
try {
  const config = resolveServiceConfig(relaisConfig, { db: values.db, dist: values.dist });
  const result = await seedExample(config, { seed, force: values.force ?? false, logger: silentLogger });
  console.log(`\n${formatLogins(result)}`);
} catch (error) {
  console.error(error instanceof SeedRefused ? `Not seeded: ${error.message}` : `Seeding failed: ${(error as Error).stack}`);
  process.exit(1);
}
