import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { createCentreKeys } from '../library/keys-fs.ts';

export const keysHelp = `relais keys create [--force] | relais keys trust <centre> <public-key.pem> [--name N]
  create   makes the centre's Ed25519 key pair in data/keys/ (private key mode 0600), used by
           \`relais pack --sign\`; give the public key (.pub.pem) to the centres you share with
  trust    adds a centre's public key to data/trusted-centres.yaml`;

export async function keysCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      name: { type: 'string' },
      data: { type: 'string', default: 'data' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (values.help || !action) {
    console.log(keysHelp);
    return values.help ? 0 : 1;
  }
  if (action === 'create') {
    const made = createCentreKeys(values.data, { force: values.force });
    console.log(`Private key (keep it secret, mode 0600): ${made.privateKey}\nPublic key (share it): ${made.publicKey}\n\n${made.publicPem}`);
    return 0;
  }
  if (action === 'trust') {
    const [centre, keyFile] = rest;
    if (!centre || !keyFile) throw new Error('expected relais keys trust <centre> <public-key.pem>');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(centre)) throw new Error(`Unexpected centre id \`${centre}\`, expected lowercase letters, digits and hyphens`);
    const publicKey = readFileSync(keyFile, 'utf8');
    if (!publicKey.includes('BEGIN PUBLIC KEY')) throw new Error(`${keyFile}: expected a PEM public key (-----BEGIN PUBLIC KEY-----)`);
    const file = path.join(values.data, 'trusted-centres.yaml');
    const doc = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : 'centres: {}\n');
    doc.setIn(['centres', centre], doc.createNode({ ...(values.name ? { name: values.name } : {}), publicKey }));
    mkdirSync(values.data, { recursive: true });
    writeFileSync(file, doc.toString());
    console.log(`Trusted centre \`${centre}\` added to ${file}`);
    return 0;
  }
  throw new Error(`Unexpected action \`${action}\`, expected \`create\` or \`trust\``);
}
