import type { z } from 'zod';
import { issueCredential } from '../credentials/issue.ts';
import type { IssuerKeys } from '../credentials/keys-fs.ts';
import type { companyValidationRequest, ValidationView } from '../schemas/validation-api.ts';
import type { ServiceContext } from './context.ts';
import { badRequest, HttpError } from './errors.ts';
import { readEvidence } from './evidence.ts';
import { getApprentice } from './queries/apprentices.ts';
import { consumeLink, linkView, usableLink } from './queries/validation-links.ts';
import { recordValidation } from './queries/validations.ts';
import type { CentreSigner } from './signing-fs.ts';

/**
 * The two steps every competence validation goes through, shared by the routes and the example
 * seed so both make validations the same way: a company tutor's submission through a link, and
 * the credentials validations earn.
 */

/** The link a token opens, if it may still be used (each refusal an HttpError saying why). */
export const openLink = (context: Pick<ServiceContext, 'db' | 'clock'>, token: string) =>
  usableLink(context.db, token, context.clock.now(), async (apprenticeId) => (await getApprentice(context.db, apprenticeId))?.centre_id);

/**
 * A company tutor's validations through a single-use link: checks the body against the link
 * (its skills, each once, no future date), then consumes the link and records the signed
 * validations in one transaction, so two submissions cannot both succeed.
 */
export async function submitCompanyValidation(
  context: Pick<ServiceContext, 'db' | 'clock'>,
  signer: CentreSigner,
  token: string,
  body: z.infer<typeof companyValidationRequest>,
): Promise<{ validations: ValidationView[]; notObserved: string[] }> {
  const { db, clock } = context;
  const row = await openLink(context, token);
  const link = linkView(row);
  body.skills.forEach((entry, index) => {
    if (!link.skills.includes(entry.skillId)) throw badRequest('invalid-request', `body.skills[${index}].skillId: Unexpected skill \`${entry.skillId}\`, expected one of this link's: ${link.skills.map((id) => `\`${id}\``).join(', ')}`, { field: `body.skills[${index}].skillId` });
  });
  if (new Set(body.skills.map((entry) => entry.skillId)).size !== body.skills.length) throw badRequest('invalid-request', 'body.skills: Unexpected skill given twice, expected each skill once', { field: 'body.skills' });
  const today = new Date(clock.now()).toISOString().slice(0, 10);
  const date = body.date ?? today;
  if (date > today) throw badRequest('invalid-request', `body.date: Unexpected date ${date} in the future, expected the day the skills were observed`, { field: 'body.date' });
  const evidence = body.evidence ? readEvidence(body.evidence, 'body.evidence') : null;
  const validations = await db.transaction(async (tx) => {
    if (!(await consumeLink(tx, row.id, clock.now()))) throw new HttpError(410, 'link-used', 'This validation link was already used: a link can be used only once', { hint: 'Ask the training centre for a new link.' });
    const made: ValidationView[] = [];
    for (const entry of body.skills) {
      if (entry.level === 'not-observed') continue;
      made.push(
        await recordValidation(tx, signer, {
          centreId: row.centre_id,
          apprenticeId: row.apprentice_id,
          skillId: entry.skillId,
          level: entry.level,
          date,
          comment: entry.comment || null,
          validator: { kind: 'company', company: row.company, name: body.validator.name, role: body.validator.role, linkId: row.id },
          evidence,
          now: clock.now(),
        }),
      );
    }
    return made;
  });
  return { validations, notObserved: body.skills.filter((entry) => entry.level === 'not-observed').map((entry) => entry.skillId) };
}

/**
 * A validated competence earns an Open Badges credential the apprentice keeps (issue 7). The
 * validation is the signed record of what was seen; the credential is issued after it commits,
 * idempotently, so a failure here never loses the validation (the tutor can issue it again).
 */
export async function creditValidations(context: Pick<ServiceContext, 'db' | 'clock' | 'catalogue'>, keys: IssuerKeys, validations: readonly ValidationView[]): Promise<void> {
  for (const { record } of validations) {
    const validator = record.validator.kind === 'company' ? `${record.validator.name} (${record.validator.company})` : record.validator.name;
    await issueCredential(context.db, keys, {
      kind: 'competence',
      skillId: record.skillId,
      level: record.level as 1 | 2 | 3,
      apprenticeId: record.apprenticeId,
      catalogue: context.catalogue,
      issuedBy: `validation:${record.id}`,
      now: context.clock.now(),
      validator,
      achievedAt: record.date,
    });
  }
}
