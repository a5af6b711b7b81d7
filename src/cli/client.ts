import { parseArgs } from 'node:util';
import { createClient, listClients, revokeClient } from '../progress/queries/clients.ts';
import { withServiceDatabase } from './service-database.ts';

export const clientHelp = `relais client create --name NAME [--centre ID] [--db FILE]
relais client list [--db FILE]
relais client revoke --key KEY [--db FILE]
  Integration clients of the xAPI and centre APIs (HTTP Basic). Without --centre a client reads
  and writes every statement (an LRS administrator's key); with --centre only that centre's
  people. create prints \`key: …\` and \`secret: …\` once; the secret is stored hashed (scrypt).`;

export async function clientCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, centre: { type: 'string' }, key: { type: 'string' }, db: { type: 'string' } } });
  if (action === 'create') {
    if (!values.name) {
      console.error('relais client create: --name is required (what the client is, e.g. --name "LMS of the centre")');
      return 1;
    }
    const created = await withServiceDatabase(values.db, (db) => createClient(db, { name: values.name!, centreId: values.centre ?? null, now: Date.now() }));
    console.log(`key: ${created.key}\nsecret: ${created.secret}`);
    console.error(`Client "${values.name}" ${values.centre ? `limited to centre ${values.centre}` : 'with access to every statement'}. Keep the secret: it is not shown again.`);
    return 0;
  }
  if (action === 'list') {
    const clients = await withServiceDatabase(values.db, (db) => listClients(db));
    for (const client of clients) console.log(`${client.key}  ${client.centre_id ?? '(all centres)'}  ${client.revoked_at ? 'revoked' : 'active'}  ${client.name}`);
    if (clients.length === 0) console.error('No clients yet: relais client create --name …');
    return 0;
  }
  if (action === 'revoke') {
    if (!values.key) {
      console.error('relais client revoke: --key is required');
      return 1;
    }
    const revoked = await withServiceDatabase(values.db, (db) => revokeClient(db, values.key!, Date.now()));
    if (!revoked) {
      console.error(`relais client revoke: no active client \`${values.key}\` (relais client list)`);
      return 1;
    }
    console.log(`Revoked ${values.key} (a running service stops accepting it within a minute).`);
    return 0;
  }
  console.error(`relais client: expected \`create\`, \`list\` or \`revoke\`\n\n${clientHelp}`);
  return 1;
}
