import { parseArgs } from 'node:util';
import { centreCreateRequest } from '../schemas/centre-api.ts';
import { HttpError } from '../progress/errors.ts';
import { createCentre, listCentres } from '../progress/queries/centres.ts';
import { withServiceDatabase } from './service-database.ts';

export const centreHelp = `relais centre create --id ID --name NAME [--db FILE]
relais centre list [--db FILE]
  Training centres of this service (one, or several sharing a PostgreSQL database).`;

export async function centreCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { id: { type: 'string' }, name: { type: 'string' }, db: { type: 'string' } } });
  if (action === 'create') {
    const parsed = centreCreateRequest.safeParse({ id: values.id, name: values.name });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      console.error(`relais centre create: --${String(issue.path[0])}: ${issue.message === 'Invalid input: expected string, received undefined' ? 'required' : issue.message}`);
      return 1;
    }
    try {
      const centre = await withServiceDatabase(values.db, (db) => createCentre(db, { ...parsed.data, now: Date.now() }));
      console.log(`centre: ${centre.id}\nname: ${centre.name}`);
      console.error(`Next: relais tutor create --centre ${centre.id} --name "…"`);
      return 0;
    } catch (error) {
      if (error instanceof HttpError) {
        console.error(`relais centre create: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  if (action === 'list') {
    for (const centre of await withServiceDatabase(values.db, (db) => listCentres(db))) console.log(`${centre.id}  ${centre.name}`);
    return 0;
  }
  console.error(`relais centre: expected \`create\` or \`list\`\n\n${centreHelp}`);
  return 1;
}
