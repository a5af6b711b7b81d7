import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { readInstalledLibraries } from '../library/import-fs.ts';

export const librariesHelp = `relais libraries [--content DIR] [--json]
  Lists the libraries imported into content/: name, centre, version, modules, date.`;

export async function librariesCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(librariesHelp);
    return 0;
  }
  const libraries = readInstalledLibraries(values.content ?? relaisConfig.contentDir);
  const rows = libraries.map((library) => ({ name: library.name, centre: library.centre, version: library.version, modules: Object.keys(library.modules).length, importedAt: library.importedAt, ...(library.prefix ? { prefix: library.prefix } : {}) }));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else if (rows.length === 0) console.log('No library imported yet (relais import <archive>).');
  else for (const row of rows) console.log(`${row.name}  ${row.version}  ${row.centre}  ${row.modules} modules  imported ${row.importedAt.slice(0, 10)}${row.prefix ? `  prefix ${row.prefix}` : ''}`);
  return 0;
}
