import { parseArgs } from 'node:util';
import { tutorCreateRequest } from '../schemas/centre-api.ts';
import { createTutor, findTutor, listTutors, setTutorPassword, endAllTutorSessions } from '../progress/queries/tutors.ts';
import { newPassword } from '../progress/secrets.ts';
import { withServiceDatabase } from './service-database.ts';

export const tutorHelp = `relais tutor create --centre ID --name NAME [--password P] [--db FILE]
relais tutor list --centre ID [--db FILE]
relais tutor password --login LOGIN [--password P] [--db FILE]
  Tutors log in to the dashboard (/tuteur/) with their login (printed by create) and password.
  Without --password a password is generated and printed once; passwords are stored hashed (scrypt).`;

export async function tutorCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { centre: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, login: { type: 'string' }, db: { type: 'string' } } });
  if (action === 'create') {
    if (!values.centre) {
      console.error('relais tutor create: --centre is required (relais centre list)');
      return 1;
    }
    const parsed = tutorCreateRequest.safeParse({ name: values.name, password: values.password });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      console.error(`relais tutor create: --${String(issue.path[0])}: ${values[issue.path[0] as 'name'] === undefined ? 'required' : issue.message}`);
      return 1;
    }
    const created = await withServiceDatabase(values.db, (db) => createTutor(db, { centreId: values.centre!, name: parsed.data.name, password: parsed.data.password, now: Date.now() }));
    console.log(`login: ${created.tutor.id}`);
    if (created.generated) console.log(`password: ${created.password}`);
    console.error(`Tutor ${created.tutor.name} of centre ${created.tutor.centreId}.${created.generated ? ' Give them the password; it is not shown again.' : ''}`);
    return 0;
  }
  if (action === 'list') {
    if (!values.centre) {
      console.error('relais tutor list: --centre is required');
      return 1;
    }
    for (const tutor of await withServiceDatabase(values.db, (db) => listTutors(db, values.centre!))) console.log(`${tutor.id}  ${tutor.name}`);
    return 0;
  }
  if (action === 'password') {
    if (!values.login) {
      console.error('relais tutor password: --login is required');
      return 1;
    }
    const password = values.password ?? newPassword();
    if (password.length < 10) {
      console.error('relais tutor password: --password: Expected a password of at least 10 characters');
      return 1;
    }
    const found = await withServiceDatabase(values.db, async (db) => {
      const tutor = await findTutor(db, values.login!);
      if (!tutor) return false;
      await setTutorPassword(db, tutor.id, password);
      await endAllTutorSessions(db, tutor.id);
      return true;
    });
    if (!found) {
      console.error(`relais tutor password: no tutor \`${values.login}\` (relais tutor list --centre …)`);
      return 1;
    }
    if (!values.password) console.log(`password: ${password}`);
    console.error(`New password set for ${values.login}; their open sessions have ended.`);
    return 0;
  }
  console.error(`relais tutor: expected \`create\`, \`list\` or \`password\`\n\n${tutorHelp}`);
  return 1;
}
