import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { loadCatalogue } from '../progress/catalogue.ts';
import { resolveServiceConfig } from '../progress/config.ts';
import { rebuildProgress } from '../progress/queries/rebuild.ts';
import { withServiceDatabase } from './service-database.ts';

export const progressHelp = `relais progress rebuild [--db FILE] [--dist DIR]
  Rebuilds progress per apprentice × module from the stored statements and the built
  catalogue (dist/catalogue.json), e.g. after modules were added or renamed. Safe while serving.`;

export async function progressCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, dist: { type: 'string' } } });
  if (action !== 'rebuild') {
    console.error(`relais progress: expected \`rebuild\`\n\n${progressHelp}`);
    return 1;
  }
  const config = resolveServiceConfig(relaisConfig, { dist: values.dist });
  const { catalogue, warning } = loadCatalogue(config.distDir, config.site);
  if (warning) console.error(warning);
  const result = await withServiceDatabase(values.db, (db) => rebuildProgress(db, catalogue, config.site));
  console.log(`Rebuilt progress from ${result.statements} statement(s): ${result.rows} apprentice × module row(s).`);
  return 0;
}
