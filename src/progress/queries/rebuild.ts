import type { XapiStatement } from '../../schemas/xapi.ts';
import type { ContentCatalogue } from '../catalogue.ts';
import type { Database } from '../db/database.ts';
import { ownersOf } from './statements.ts';
import { foldStatement, type ProgressRow, writeProgressRows } from './progress.ts';
import { moduleOfStatement } from './progress.ts';

/**
 * Rebuilds derived data from the statements alone (Kolibri-style): whose each statement is
 * (apprentice, centre), which module it is about (with the current catalogue), and every
 * progress row. Safe to run while the service is up: it holds the statement-write lock.
 */
export async function rebuildProgress(db: Database, catalogue: ContentCatalogue, site: string): Promise<{ statements: number; rows: number }> {
  return db.transaction(
    async (tx) => {
      await tx.run('DELETE FROM progress');
      const rows = new Map<string, ProgressRow>();
      let after = 0;
      let count = 0;
      for (;;) {
        const page = await tx.all<{ seq: number; body: string; timestamp_utc: string; is_voiding: number; voided: number; apprentice_id: string | null; centre_id: string | null; module_id: string | null }>(
          'SELECT seq, body, timestamp_utc, is_voiding, voided, apprentice_id, centre_id, module_id FROM statements WHERE seq > ? ORDER BY seq LIMIT 1000',
          [after],
        );
        if (page.length === 0) break;
        const statements = page.map((row) => ({ statement: JSON.parse(row.body) as XapiStatement }));
        const owners = await ownersOf(tx, statements, site);
        for (const [index, row] of page.entries()) {
          const statement = statements[index]!.statement;
          const owner = owners[index]!;
          const moduleId = owner.apprenticeId && row.is_voiding === 0 ? moduleOfStatement(statement, catalogue) : null;
          if (owner.apprenticeId !== row.apprentice_id || owner.centreId !== row.centre_id || moduleId !== row.module_id) {
            await tx.run('UPDATE statements SET apprentice_id = ?, centre_id = ?, module_id = ? WHERE seq = ?', [owner.apprenticeId, owner.centreId, moduleId, row.seq]);
          }
          if (owner.apprenticeId && moduleId && row.is_voiding === 0 && row.voided === 0) {
            const key = `${owner.apprenticeId} ${moduleId}`;
            rows.set(key, foldStatement(rows.get(key), statement, owner.apprenticeId, moduleId, row.timestamp_utc, catalogue));
          }
        }
        count += page.length;
        after = page.at(-1)!.seq;
      }
      await writeProgressRows(tx, [...rows.values()]);
      return { statements: count, rows: rows.size };
    },
    { serialise: true },
  );
}
