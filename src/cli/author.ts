import { parseArgs } from 'node:util';
import { promoteApprentice } from '../authors/promote.ts';
import { relaisConfig } from '../config/current.ts';
import { loadCatalogue } from '../progress/catalogue.ts';
import { resolveServiceConfig } from '../progress/config.ts';
import { withServiceDatabase } from './service-database.ts';

export const authorHelp = `relais author promote --apprentice <id> --author <new-id> --name "…" --trade <id> [--years n] [--db FILE] [--content DIR] [--dist DIR]
  makes an apprentice who became a professional an author: writes content/authors/<new-id>.yaml
  with learnedFrom = the authors of the modules they completed (service progress × dist/catalogue.json),
  consent.publish false until the person confirms; never overwrites a file`;

export async function authorCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      apprentice: { type: 'string' },
      author: { type: 'string' },
      name: { type: 'string' },
      trade: { type: 'string' },
      years: { type: 'string', default: '0' },
      db: { type: 'string' },
      content: { type: 'string', default: relaisConfig.contentDir ?? 'content' },
      dist: { type: 'string' },
    },
  });
  if (action !== 'promote') {
    console.error(`relais author: expected \`promote\`\n\n${authorHelp}`);
    return 1;
  }
  const missing = (['apprentice', 'author', 'name', 'trade'] as const).filter((key) => !values[key]);
  if (missing.length) throw new Error(`missing ${missing.map((key) => `--${key}`).join(', ')}\n\n${authorHelp}`);
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 0 || years > 80) throw new Error(`--years ${values.years}: expected a whole number of years between 0 and 80`);
  const config = resolveServiceConfig(relaisConfig, { dist: values.dist });
  const { catalogue, warning } = loadCatalogue(config.distDir, config.site);
  if (warning) throw new Error(`${warning} learnedFrom needs the built catalogue's module authors.`);
  const result = await withServiceDatabase(values.db, (db) =>
    promoteApprentice(db, { apprenticeId: values.apprentice!, authorId: values.author!, name: values.name!, trade: values.trade!, years, contentDir: values.content, catalogue, today: new Date().toISOString().slice(0, 10) }),
  );
  console.log(`Wrote ${result.file}: ${result.modules} completed module(s); learned from ${result.author.learnedFrom?.join(', ') || 'no author yet'}.`);
  console.log('consent.publish is false: read the file with the person, let them write their story, then set it to true with the date they agreed.');
  return 0;
}
