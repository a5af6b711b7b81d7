import { parseArgs } from 'node:util';
import { relaisConfig } from '../config/current.ts';
import { loadCatalogue } from '../progress/catalogue.ts';
import { cohortsOfApprentice, getApprentice } from '../progress/queries/apprentices.ts';
import { createValidationLink, linkUrl } from '../progress/queries/validation-links.ts';
import { validationLinkCreateRequest } from '../schemas/validation-api.ts';
import { serviceSite, withServiceDatabase } from './service-database.ts';

export const validationLinkHelp = `relais validation-link create --apprentice ID --company NAME [--skills a,b] [--days 14] [--db FILE] [--dist DIR]
  A single-use link for a company tutor (who has no account) to validate an apprentice's skills.
  Prints the URL to send them: <site>/validation/#<token>. Skills default to those of the
  company stages of the apprentice's paths; skills are checked against the built site's
  catalogue (dist/catalogue.json, or --dist). Only the token's hash is stored: print it once.`;

export async function validationLinkCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'create') {
    console.error(`relais validation-link: expected \`create\`\n\n${validationLinkHelp}`);
    return 1;
  }
  const { values } = parseArgs({ args: rest, options: { apprentice: { type: 'string' }, company: { type: 'string' }, skills: { type: 'string' }, days: { type: 'string' }, db: { type: 'string' }, dist: { type: 'string' } } });
  if (!values.apprentice) {
    console.error('relais validation-link create: --apprentice: required (an id such as `ap-k7q2m9xd3f4h`)');
    return 1;
  }
  const parsed = validationLinkCreateRequest.safeParse({
    company: values.company,
    skills: values.skills?.split(',').map((skill) => skill.trim()).filter(Boolean),
    days: values.days === undefined ? undefined : Number(values.days),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = String(issue.path[0] ?? 'company');
    console.error(`relais validation-link create: --${flag}: ${values[flag as 'company'] === undefined ? 'required' : issue.message}`);
    return 1;
  }
  const dist = values.dist ?? relaisConfig.outDir;
  const { catalogue } = loadCatalogue(dist, serviceSite());
  // The company tutor's page shows each skill's level descriptions from the catalogue: without it
  // the link could name skills that do not exist.
  if (catalogue.skills.length === 0) {
    console.error(`relais validation-link create: ${dist}/catalogue.json: no skills (the site is not built); run \`npm run build\` or pass --dist DIR`);
    return 1;
  }
  const result = await withServiceDatabase(values.db, async (db) => {
    const apprentice = await getApprentice(db, values.apprentice!);
    if (!apprentice) return `--apprentice: no apprentice \`${values.apprentice}\``;
    let skills = parsed.data.skills;
    if (!skills) {
      const paths = (await cohortsOfApprentice(db, apprentice.id)).map((cohort) => (cohort.path_id ? catalogue.path(cohort.path_id) : undefined));
      skills = [...new Set(paths.flatMap((learningPath) => learningPath?.stages.filter((stage) => stage.validation === 'company').flatMap((stage) => stage.skills) ?? []))];
      if (skills.length === 0) return '--skills: required (the apprentice’s paths have no company stage with skills)';
    }
    const unknown = skills.find((skill) => !catalogue.skill(skill));
    if (unknown) return `--skills: unknown skill \`${unknown}\` (see content/skills/)`;
    const { token, link } = await createValidationLink(db, { centreId: apprentice.centre_id, apprenticeId: apprentice.id, company: parsed.data.company, skills, createdBy: 'cli', days: parsed.data.days, now: Date.now() });
    return { url: linkUrl(serviceSite(), token), link };
  });
  if (typeof result === 'string') {
    console.error(`relais validation-link create: ${result}`);
    return 1;
  }
  console.log(`${result.url}\nskills: ${result.link.skills.join(', ')}\nexpires: ${result.link.expiresAt}`);
  return 0;
}
