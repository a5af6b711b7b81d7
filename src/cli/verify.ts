import { parseArgs } from 'node:util';
import { formatReport } from '../content/report.ts';
import { verifyLibrary } from '../library/verify-fs.ts';

export const verifyHelp = `relais verify <archive|folder> [--require-signature]
  Checks a library archive before import: archive safety (paths, links, sizes), the manifest,
  SHA-256 of every file, the signature against data/trusted-centres.yaml, the schema of every
  file and the untrusted-MDX policy. Prints path:line:col  severity  message  rule  relais;
  exit code 1 on any error. Nothing is written.`;

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'require-signature': { type: 'boolean', default: false },
      data: { type: 'string', default: 'data' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(verifyHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new Error('expected one archive or folder: relais verify <archive|folder>');
  const verified = await verifyLibrary(positionals[0]!, { trustedCentresFile: `${values.data}/trusted-centres.yaml`, requireSignature: values['require-signature'] });
  try {
    const m = verified.manifest;
    if (verified.files.length > 0) console.log(formatReport(verified.files));
    if (m) console.log(`${m.name} ${m.version} from centre ${m.centre}: ${m.modules.length} modules, ${m.files.length} files, signature ${verified.signature}`);
    console.log(verified.errors > 0 ? 'Verification failed: do not import this library.' : 'Verified.');
    return verified.errors > 0 ? 1 : 0;
  } finally {
    verified.dispose();
  }
}
