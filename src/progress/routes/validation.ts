import {
  companyValidationRequest,
  practicalHoursRequest,
  validationLinkCreateRequest,
  validationRequest,
  voidValidationRequest,
  type CompetenceRecord,
  type ValidationView,
} from '../../schemas/validation-api.ts';
import { visibleApprentice } from '../access.ts';
import type { CataloguePath } from '../catalogue.ts';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../errors.ts';
import { evidenceBodyLimit, readEvidence } from '../evidence.ts';
import { hoursToMinutes } from '../path-progress.ts';
import type { Principal } from '../principal.ts';
import { cohortsOfApprentice, getApprentice } from '../queries/apprentices.ts';
import { getCentre } from '../queries/centres.ts';
import { pathProgressFor } from '../queries/path-progress.ts';
import { addPracticalHours, deletePracticalHours, listPracticalHours } from '../queries/practical-hours.ts';
import { createValidationLink, linkUrl, linkView, listValidationLinks, revokeValidationLink } from '../queries/validation-links.ts';
import { evidenceOf, getValidation, listValidations, recordValidation, voidValidation } from '../queries/validations.ts';
import { centreSigner } from '../signing-fs.ts';
import { creditValidations, openLink, submitCompanyValidation } from '../company-validation.ts';
import { checkOrigin, parse, type RouteKit } from './route-kit.ts';

const managers = ['admin-client', 'centre-client', 'tutor'] as const;
const readers = ['admin-client', 'centre-client', 'tutor', 'apprentice'] as const;

const who = (principal: Principal) => (principal.kind === 'tutor' ? principal.tutorId : principal.kind === 'apprentice' ? principal.apprenticeId : `client:${principal.name}`);

/** Path progress, practical hours, competence validations (by a centre tutor or through a company link), the signed record. */
export function registerValidationRoutes({ app, context, auth }: RouteKit): void {
  const { db, clock, config, catalogue } = context;

  const signer = centreSigner(config.dataDir);
  const credit = (validations: ValidationView[]) => creditValidations(context, signer().issuer, validations);
  const today = () => new Date(clock.now()).toISOString().slice(0, 10);

  /** The paths of the apprentice's cohorts that the catalogue knows, each once, with a cohort following it. */
  async function pathsOf(apprenticeId: string): Promise<{ cohortId: string; path: CataloguePath }[]> {
    const seen = new Set<string>();
    const result: { cohortId: string; path: CataloguePath }[] = [];
    for (const cohort of await cohortsOfApprentice(db, apprenticeId)) {
      const learningPath = cohort.path_id ? catalogue.path(cohort.path_id) : undefined;
      if (!learningPath || seen.has(learningPath.id)) continue;
      seen.add(learningPath.id);
      result.push({ cohortId: cohort.id, path: learningPath });
    }
    return result;
  }

  function checkSkill(skillId: string, field: string): void {
    if (!catalogue.skill(skillId)) {
      const known = catalogue.skills.map((skill) => `\`${skill.id}\``).slice(0, 12).join(', ');
      throw badRequest('unknown-skill', `${field}: Unexpected skill \`${skillId}\`, expected one of ${known || '(none: build the site so that dist/catalogue.json lists skills)'}`, { field });
    }
  }

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/paths', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, readers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    const paths = [];
    for (const { cohortId, path: learningPath } of await pathsOf(apprentice.id)) {
      const progress = (await pathProgressFor(db, catalogue, [apprentice.id], learningPath)).get(apprentice.id)!;
      paths.push({ cohortId, ...progress });
    }
    reply.header('Cache-Control', 'no-store');
    return { paths };
  });

  // ── practical hours ────────────────────────────────────────────────────────────────────

  app.post<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/hours', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    const body = parse(practicalHoursRequest, request.body, 'body');
    const paths = await pathsOf(apprentice.id);
    let learningPath: CataloguePath | undefined;
    if (body.pathId) {
      learningPath = paths.find((candidate) => candidate.path.id === body.pathId)?.path;
      if (!learningPath) throw badRequest('unknown-path', `body.pathId: Unexpected path \`${body.pathId}\`, expected one of the apprentice's paths: ${paths.map((candidate) => `\`${candidate.path.id}\``).join(', ') || '(none)'}`, { field: 'body.pathId' });
    } else if (paths.length === 1) {
      learningPath = paths[0]!.path;
    } else {
      throw badRequest('invalid-request', paths.length === 0 ? 'The apprentice is in no cohort with a path: practical hours count towards a path stage' : `body.pathId: Expected the path the hours count towards, one of ${paths.map((candidate) => `\`${candidate.path.id}\``).join(', ')}`, {
        field: 'body.pathId',
        hint: paths.length === 0 ? 'Give the apprentice’s cohort a path first.' : undefined,
      });
    }
    if (body.stage >= learningPath.stages.length) {
      throw badRequest('invalid-request', `body.stage: Unexpected stage ${body.stage}, expected 0 to ${learningPath.stages.length - 1} (path \`${learningPath.id}\` has ${learningPath.stages.length} stages)`, { field: 'body.stage' });
    }
    const entry = await addPracticalHours(db, {
      apprenticeId: apprentice.id,
      pathId: learningPath.id,
      stage: body.stage,
      date: body.date,
      minutes: hoursToMinutes(body.hours),
      kind: body.kind,
      note: body.note || null,
      recordedBy: who(principal),
      now: clock.now(),
    });
    reply.code(201);
    return { hours: entry };
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/hours', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, readers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    reply.header('Cache-Control', 'no-store');
    return { hours: await listPracticalHours(db, apprentice.id) };
  });

  app.delete<{ Params: { apprenticeId: string; hoursId: string } }>('/api/apprentices/:apprenticeId/hours/:hoursId', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    if (!(await deletePracticalHours(db, apprentice.id, request.params.hoursId))) throw notFound(`No practical hours \`${request.params.hoursId}\` for apprentice \`${apprentice.id}\``);
    return reply.code(204).send();
  });

  // ── validation by a centre tutor ───────────────────────────────────────────────────────

  app.post<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/validations', { bodyLimit: evidenceBodyLimit }, async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    if (principal.kind !== 'tutor') throw forbidden('Only a tutor validates competences: a validation names the person who observed the apprentice', 'Log in as a tutor of the centre.');
    const body = parse(validationRequest, request.body, 'body');
    checkSkill(body.skillId, 'body.skillId');
    if (body.date > today()) throw badRequest('invalid-request', `body.date: Unexpected date ${body.date} in the future, expected the day the skill was observed`, { field: 'body.date' });
    const evidence = body.evidence ? readEvidence(body.evidence, 'body.evidence') : null;
    const validation = await db.transaction((tx) =>
      recordValidation(tx, signer(), {
        centreId: apprentice.centre_id,
        apprenticeId: apprentice.id,
        skillId: body.skillId,
        level: body.level,
        date: body.date,
        comment: body.comment || null,
        validator: { kind: 'tutor', tutorId: principal.tutorId, name: principal.name },
        evidence,
        now: clock.now(),
      }),
    );
    await credit([validation]);
    reply.code(201);
    return { validation };
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/validations', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, readers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    reply.header('Cache-Control', 'no-store');
    return { validations: await listValidations(db, apprentice.id) };
  });

  /** A validation the caller may see (through its apprentice); 404 otherwise, as if absent. */
  async function visibleValidation(principal: Principal, validationId: string): Promise<ValidationView & { apprenticeId: string }> {
    const validation = await getValidation(db, validationId);
    if (!validation) throw notFound(`No validation \`${validationId}\``);
    try {
      await visibleApprentice(context, principal, validation.apprenticeId, { self: true });
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) throw notFound(`No validation \`${validationId}\``);
      throw error;
    }
    return validation;
  }

  app.post<{ Params: { validationId: string } }>('/api/validations/:validationId/void', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const validation = await visibleValidation(principal, request.params.validationId);
    const body = parse(voidValidationRequest, request.body, 'body');
    if (!(await voidValidation(db, validation.record.id, who(principal), body.reason, clock.now()))) throw conflict(`Validation \`${validation.record.id}\` is already void`);
    reply.header('Cache-Control', 'no-store');
    return { validation: (await getValidation(db, validation.record.id))! };
  });

  app.get<{ Params: { validationId: string } }>('/api/validations/:validationId/evidence', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, readers);
    const validation = await visibleValidation(principal, request.params.validationId);
    const evidence = await evidenceOf(db, validation.record.id);
    if (!evidence) throw notFound(`Validation \`${validation.record.id}\` has no photo`);
    reply.header('Content-Type', evidence.contentType).header('Cache-Control', 'private, no-store').header('X-Content-Type-Options', 'nosniff').header('Content-Disposition', 'inline');
    return reply.send(evidence.content);
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/record', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, readers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId, { self: true });
    const centre = await getCentre(db, apprentice.centre_id);
    const validations = await listValidations(db, apprentice.id, { standing: true });
    let publicKey = validations[0]?.publicKey ?? '';
    try {
      publicKey = signer().publicKeyPem;
    } catch {
      // No key on this server yet: each validation still carries the key that signed it.
    }
    const record: CompetenceRecord = {
      apprentice: { id: apprentice.id, nickname: apprentice.nickname },
      centre: { id: apprentice.centre_id, name: centre?.name ?? apprentice.centre_id },
      publicKey,
      validations,
    };
    reply.header('Cache-Control', 'no-store');
    if ((request.query as { download?: string }).download === '1') reply.header('Content-Disposition', `attachment; filename="competences-${apprentice.id}.json"`);
    return record;
  });

  // ── company links ──────────────────────────────────────────────────────────────────────

  app.post<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/validation-links', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    if (principal.kind !== 'tutor') throw forbidden('Only a tutor issues validation links', 'Log in as a tutor of the centre.');
    const body = parse(validationLinkCreateRequest, request.body, 'body');
    let skills = body.skills;
    if (!skills) {
      skills = [...new Set((await pathsOf(apprentice.id)).flatMap(({ path: learningPath }) => learningPath.stages.filter((stage) => stage.validation === 'company').flatMap((stage) => stage.skills)))];
      if (skills.length === 0) throw badRequest('invalid-request', 'body.skills: Expected the skills the company may validate (the apprentice’s paths have no company stage with skills)', { field: 'body.skills' });
    }
    skills.forEach((skillId, index) => checkSkill(skillId, `body.skills[${index}]`));
    const { token, link } = await createValidationLink(db, { centreId: apprentice.centre_id, apprenticeId: apprentice.id, company: body.company, skills: [...new Set(skills)], createdBy: principal.tutorId, days: body.days, now: clock.now() });
    reply.code(201).header('Cache-Control', 'no-store');
    return { link, url: linkUrl(config.site, token) };
  });

  app.get<{ Params: { apprenticeId: string } }>('/api/apprentices/:apprenticeId/validation-links', async (request, reply) => {
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    reply.header('Cache-Control', 'no-store');
    return { links: await listValidationLinks(db, apprentice.id) };
  });

  app.delete<{ Params: { apprenticeId: string; linkId: string } }>('/api/apprentices/:apprenticeId/validation-links/:linkId', async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    const principal = await auth.authenticate(request.headers, managers);
    const apprentice = await visibleApprentice(context, principal, request.params.apprenticeId);
    if (!(await revokeValidationLink(db, apprentice.id, request.params.linkId, clock.now()))) throw notFound(`No unused validation link \`${request.params.linkId}\` for apprentice \`${apprentice.id}\``);
    return reply.code(204).send();
  });

  // ── the company tutor's side: public, the token is the only credential ─────────────────

  app.get<{ Params: { token: string } }>('/api/validation-links/:token', async (request, reply) => {
    const row = await openLink(context, request.params.token);
    const apprentice = (await getApprentice(db, row.apprentice_id))!;
    const centre = await getCentre(db, row.centre_id);
    const link = linkView(row);
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    return {
      apprentice: { nickname: apprentice.nickname },
      centre: { name: centre?.name ?? row.centre_id },
      company: link.company,
      expiresAt: link.expiresAt,
      skills: link.skills.map((skillId) => {
        const skill = catalogue.skill(skillId);
        return { id: skillId, label: skill?.label ?? skillId, levels: skill?.levels ?? { 1: '', 2: '', 3: '' } };
      }),
    };
  });

  app.post<{ Params: { token: string } }>('/api/validation-links/:token', { bodyLimit: evidenceBodyLimit }, async (request, reply) => {
    checkOrigin(request, config.corsOrigins);
    await openLink(context, request.params.token); // a used or unknown link says so before any body check
    const body = parse(companyValidationRequest, request.body, 'body');
    const { validations, notObserved } = await submitCompanyValidation(context, signer(), request.params.token, body);
    await credit(validations);
    reply.code(201).header('Cache-Control', 'no-store');
    return { validations: validations.map((validation) => ({ skillId: validation.record.skillId, level: validation.record.level })), notObserved };
  });
}
