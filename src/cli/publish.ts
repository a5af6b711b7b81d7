import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publishCatalogue } from '../library/catalogue-fs.ts';

export const publishHelp = `relais publish <dir>
  Writes <dir>/index.json, a catalogue of the library archives in <dir> (name, centre, version,
  size, licence, SHA-256), for any static web host or shared folder. Other centres import with
  relais import <url-or-dir> <library>.`;

export async function publishCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(publishHelp);
    return 0;
  }
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new Error('expected one folder: relais publish <dir>');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such folder; put the archives from relais pack in it`);
  const catalogue = await publishCatalogue(dir);
  for (const entry of catalogue.libraries) console.log(`${entry.file}  ${entry.name} ${entry.version}  ${entry.centre}  ${entry.modules} modules  ${entry.licence}${entry.signed ? '  signed' : ''}`);
  console.log(`Wrote ${dir}/index.json: ${catalogue.libraries.length} librar${catalogue.libraries.length === 1 ? 'y' : 'ies'}.`);
  return 0;
}
