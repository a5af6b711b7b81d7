import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { formatReport } from '../content/report.ts';
import { keyFiles } from '../library/keys-fs.ts';
import { packLibrary } from '../library/pack-fs.ts';

export const packHelp = `relais pack [--trade t…] [--status published] [--out FILE] [--sign] [--content DIR]
  Writes the library (or the modules of some trades, or of one status) as one archive (tar.gz):
  modules, their trades, skills, authors, paths, glossary and media, and a manifest with the
  version, centre, licences, authors, provenance and a SHA-256 for every file (docs/sharing.md).
  --sign      sign the manifest with the centre's key (relais keys create)`;

export async function packCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      trade: { type: 'string', multiple: true },
      status: { type: 'string' },
      out: { type: 'string' },
      sign: { type: 'boolean', default: false },
      content: { type: 'string' },
      data: { type: 'string', default: 'data' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(packHelp);
    return 0;
  }
  if (values.status && !['draft', 'reviewed', 'published'].includes(values.status)) throw new Error(`--status ${values.status}: expected \`draft\`, \`reviewed\` or \`published\``);
  let privateKeyPem: string | undefined;
  if (values.sign) {
    const { privateKey } = keyFiles(values.data);
    if (!existsSync(privateKey)) throw new Error(`--sign: ${privateKey} not found; run \`relais keys create\` first`);
    privateKeyPem = readFileSync(privateKey, 'utf8');
  }
  const contentDir = values.content ?? relaisConfig.contentDir;
  const out = values.out ?? 'library.tar.gz';
  const result = await packLibrary({ contentDir, out, trades: values.trade, status: values.status, privateKeyPem });
  if (result.problems.length > 0) {
    console.error(`${formatReport(result.problems)}\nNothing packed: fix these errors first (relais check).`);
    return 1;
  }
  const { manifest } = result;
  console.log(`Packed ${manifest.name} ${manifest.version} (${manifest.centre}): ${manifest.modules.length} modules, ${manifest.files.length} files, ${(result.bytes / 1024).toFixed(1)} KB${privateKeyPem ? ', signed' : ''} → ${out}`);
  return 0;
}
