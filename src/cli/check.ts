import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { loadLibrary } from '../content/read-library-fs.ts';
import { formatReport } from '../content/report.ts';

export const checkHelp = `relais check [--content DIR]
  Checks every content file (schemas, ids and references) and prints
  path:line:col  severity  message  rule  relais, then a summary. Exit code 1 on any error.`;

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string' } } });
  const { library, errors } = loadLibrary(values.content ?? relaisConfig.contentDir);
  console.log(formatReport(library.files.filter((file) => file.messages.length > 0)));
  return errors > 0 ? 1 : 0;
}
