import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { formatReport } from '../content/report.ts';
import { fetchFromCatalogue, isCatalogue } from '../library/catalogue-fs.ts';
import { importLibrary, type ImportChange, type ImportResult } from '../library/import-fs.ts';

export const importHelp = `relais import <archive|folder> [--dry-run] [--prefix id] [--content DIR]
relais import <catalogue-url-or-path> <library> [--dry-run] [--prefix id]
  Verifies a shared library (as relais verify), then merges it into content/ in one step:
  new modules get \`imported: {from, version, centre}\`; local modules are never overwritten
  (an id already used here is a conflict: import with --prefix id); taxonomy differences are
  reported; a newer version of an installed library updates the modules not edited here and
  reports the others three ways (base, yours, theirs). Any failure leaves content/ unchanged.
  --dry-run   show exactly what would change, write nothing
  --prefix    add theirs as <trade>/<id>-<slug> where the id is taken here`;

const labels: Record<ImportChange['kind'], string> = {
  add: 'add',
  update: 'update',
  merge: 'merge',
  unchanged: 'unchanged',
  'kept-ours': 'kept yours',
  conflict: 'conflict',
  'removed-upstream': 'removed upstream',
};

export function formatImportReport(result: ImportResult, dryRun: boolean): string {
  const lines: string[] = [];
  const m = result.manifest;
  if (result.problems.length > 0) lines.push(formatReport(result.problems));
  if (m) lines.push(`${m.name} ${m.version} from centre ${m.centre} (signature ${result.signature})${result.previousVersion ? `, installed here: ${result.previousVersion}` : ''}`);
  const shown = result.changes.filter((change) => change.kind !== 'unchanged');
  const width = Math.max(0, ...shown.map((change) => labels[change.kind].length));
  for (const change of shown) lines.push(`  ${labels[change.kind].padEnd(width)}  ${change.path}  ${change.detail}`);
  const count = (kind: ImportChange['kind']) => result.changes.filter((change) => change.kind === kind).length;
  if (m) lines.push(`${count('add')} added, ${count('update')} updated, ${count('merge')} merged, ${count('unchanged')} unchanged, ${count('kept-ours')} kept yours, ${count('conflict')} conflicts, ${count('removed-upstream')} removed upstream`);
  if (result.refused) lines.push(`Nothing imported: ${result.refused}.`);
  else if (dryRun) lines.push('Dry run: nothing written.');
  else if (result.written) lines.push('Imported.');
  return lines.join('\n');
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      prefix: { type: 'string' },
      content: { type: 'string' },
      data: { type: 'string', default: 'data' },
      'require-signature': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(importHelp);
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) throw new Error('expected relais import <archive|folder> or relais import <catalogue> <library>');
  let source = positionals[0]!;
  let dispose = () => undefined as void;
  if (positionals.length === 2 || isCatalogue(source)) {
    if (!positionals[1]) throw new Error(`${source} is a catalogue: name the library to import (relais import ${source} <library>)`);
    const fetched = await fetchFromCatalogue(source, positionals[1]);
    source = fetched.archive;
    dispose = fetched.dispose;
  }
  try {
    const result = await importLibrary(source, {
      contentDir: values.content ?? relaisConfig.contentDir,
      trustedCentresFile: `${values.data}/trusted-centres.yaml`,
      prefix: values.prefix,
      dryRun: values['dry-run'],
      requireSignature: values['require-signature'],
    });
    console.log(formatImportReport(result, values['dry-run']));
    return result.refused ? 1 : 0;
  } finally {
    dispose();
  }
}
