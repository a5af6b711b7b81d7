import { parseArgs } from 'node:util';
import { cohortCreateRequest } from '../schemas/centre-api.ts';
import { addCohortTutor, cohortViews, createCohort, listCohorts } from '../progress/queries/cohorts.ts';
import { getCentre } from '../progress/queries/centres.ts';
import { findTutor } from '../progress/queries/tutors.ts';
import { withServiceDatabase } from './service-database.ts';

export const cohortHelp = `relais cohort create --centre ID --name NAME [--path PATH] [--starts YYYY-MM-DD] [--ends YYYY-MM-DD] [--tutor LOGIN] [--db FILE]
relais cohort list [--centre ID] [--db FILE]
  Cohorts (also made by tutors in the dashboard). create prints the cohort id and its join code,
  which apprentices type on the site to join.`;

export async function cohortCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { centre: { type: 'string' }, name: { type: 'string' }, path: { type: 'string' }, starts: { type: 'string' }, ends: { type: 'string' }, tutor: { type: 'string', multiple: true }, db: { type: 'string' } },
  });
  if (action === 'create') {
    const parsed = cohortCreateRequest.safeParse({ centreId: values.centre, name: values.name, pathId: values.path, startsOn: values.starts, endsOn: values.ends });
    if (!parsed.success || !values.centre) {
      const issue = parsed.error?.issues[0];
      const flag = { centreId: 'centre', name: 'name', pathId: 'path', startsOn: 'starts', endsOn: 'ends' }[String(issue?.path[0] ?? 'centreId')] ?? 'centre';
      console.error(`relais cohort create: --${flag}: ${issue && values[flag as 'name'] !== undefined ? issue.message : 'required'}`);
      return 1;
    }
    const result = await withServiceDatabase(values.db, async (db) => {
      if (!(await getCentre(db, values.centre!))) return `no centre \`${values.centre}\` (relais centre list)`;
      for (const login of values.tutor ?? []) {
        const tutor = await findTutor(db, login);
        if (!tutor || tutor.centre_id !== values.centre) return `no tutor \`${login}\` in centre ${values.centre}`;
      }
      const row = await createCohort(db, { centreId: values.centre!, name: parsed.data.name, pathId: parsed.data.pathId ?? null, startsOn: parsed.data.startsOn ?? null, endsOn: parsed.data.endsOn ?? null, tutorId: null, now: Date.now() });
      for (const login of values.tutor ?? []) await addCohortTutor(db, row.id, login);
      return (await cohortViews(db, [row]))[0]!;
    });
    if (typeof result === 'string') {
      console.error(`relais cohort create: ${result}`);
      return 1;
    }
    console.log(`cohort: ${result.id}\njoin code: ${result.joinCode}`);
    return 0;
  }
  if (action === 'list') {
    const cohorts = await withServiceDatabase(values.db, async (db) => cohortViews(db, await listCohorts(db, { centreId: values.centre })));
    for (const cohort of cohorts) console.log(`${cohort.id}  ${cohort.centreId}  ${cohort.joinCode}  ${cohort.startsOn ?? '…'} → ${cohort.endsOn ?? '…'}  ${cohort.apprentices} apprentice(s)  ${cohort.name}`);
    return 0;
  }
  console.error(`relais cohort: expected \`create\` or \`list\`\n\n${cohortHelp}`);
  return 1;
}
