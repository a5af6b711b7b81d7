import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { type Author, authorSchema } from '../schemas/author.ts';
import { idPattern } from '../schemas/common.ts';
import type { ContentCatalogue } from '../progress/catalogue.ts';
import type { Queryable } from '../progress/db/database.ts';
import { getApprentice } from '../progress/queries/apprentices.ts';

export interface PromoteOptions {
  apprenticeId: string;
  authorId: string;
  name: string;
  trade: string;
  years: number;
  contentDir: string;
  catalogue: ContentCatalogue;
  today: string;
}

/**
 * From apprentice to author (issue 7, item 5): the seniors an apprentice learned from are the
 * authors of the modules they completed (derived progress × dist/catalogue.json), most modules
 * first. The file is written with `consent.publish: false`: the person confirms it themself.
 */
export async function learnedFromOf(db: Queryable, catalogue: ContentCatalogue, apprenticeId: string): Promise<{ authors: string[]; modules: number }> {
  const rows = await db.all<{ module_id: string }>("SELECT module_id FROM progress WHERE apprentice_id = ? AND status = 'completed' ORDER BY module_id", [apprenticeId]);
  const counts = new Map<string, number>();
  for (const row of rows) for (const author of catalogue.module(row.module_id)?.authors ?? []) counts.set(author, (counts.get(author) ?? 0) + 1);
  const authors = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([author]) => author);
  return { authors, modules: rows.length };
}

export async function promoteApprentice(db: Queryable, options: PromoteOptions): Promise<{ file: string; author: Author; modules: number }> {
  if (!idPattern.test(options.authorId)) throw new Error(`--author \`${options.authorId}\`: expected an id of lowercase letters, digits and hyphens (the file name content/authors/<id>.yaml)`);
  if (!existsSync(path.join(options.contentDir, 'trades', `${options.trade}.yaml`))) throw new Error(`--trade \`${options.trade}\`: no ${path.join(options.contentDir, 'trades', `${options.trade}.yaml`)}`);
  const file = path.join(options.contentDir, 'authors', `${options.authorId}.yaml`);
  if (existsSync(file)) throw new Error(`${file} already exists: nothing written. Choose another --author id, or edit that file by hand.`);
  if (!(await getApprentice(db, options.apprenticeId))) throw new Error(`--apprentice \`${options.apprenticeId}\`: no such apprentice in this database (see the tutor dashboard or \`relais cohort\`)`);
  const { authors, modules } = await learnedFromOf(db, options.catalogue, options.apprenticeId);
  const learnedFrom = authors.filter((author) => author !== options.authorId);
  const author: Author = authorSchema.parse({
    name: options.name,
    trades: [options.trade],
    years: options.years,
    story: `A appris le métier avec Relais (${modules} module${modules > 1 ? 's' : ''} terminé${modules > 1 ? 's' : ''}) avant de transmettre à son tour.`,
    consent: { publish: false, date: options.today },
    ...(learnedFrom.length ? { learnedFrom } : {}),
  });
  const header = [
    `# Apprentice ${options.apprenticeId} turned author (relais author promote, ${options.today}).`,
    '# learnedFrom: the authors of the modules they completed. Read this file with the person: they write',
    '# their story, and only once they agree does consent.publish become true (with the date they agreed).',
  ].join('\n');
  writeFileSync(file, `${header}\n${stringify(author, { flowCollectionPadding: true })}`, { flag: 'wx' });
  return { file, author, modules };
}
