import { creditValidations, submitCompanyValidation } from '../company-validation.ts';
import { addDays, dayOf } from '../follow-up-schedule.ts';
import { hoursToMinutes } from '../path-progress.ts';
import { addPracticalHours } from '../queries/practical-hours.ts';
import { readProgressRows } from '../queries/progress.ts';
import { createValidationLink } from '../queries/validation-links.ts';
import { recordValidation } from '../queries/validations.ts';
import { centreSigner } from '../signing-fs.ts';
import type { SeedStep } from './seed.ts';

/**
 * What tutors record once an apprentice has worked through a stage: practical hours (workshop at
 * the centre, internship for a company stage), then the stage's skills validated — by a centre
 * tutor (`recordValidation`, as POST /api/apprentices/:id/validations does), or by the host
 * company through a real single-use link (created, then submitted with
 * `submitCompanyValidation`, as the company's page does). Each validation earns its competence
 * credential (`creditValidations`), as in the routes.
 *
 * A stage counts as worked through when every module of it and of the stages before is completed
 * (the statements step decides how far each apprentice went); a stage without modules (hours of
 * French class, a placement) when the apprentice's reach covers it. The stage the apprentice is
 * in gets part of its hours. A few validations are not done yet, so the dashboard has gaps.
 */
export const validationsStep: SeedStep = {
  name: 'practical hours and validations',
  async run(state) {
    const { context, random } = state;
    const signer = centreSigner(context.config.dataDir)();
    const counts = { minutes: 0, tutor: 0, company: 0 };
    for (const centre of state.centres) {
      const tutors = centre.tutors;
      for (const cohort of centre.cohorts) {
        const learningPath = context.catalogue.path(cohort.definition.pathId);
        if (!learningPath) continue;
        const rows = await readProgressRows(context.db, cohort.apprentices.map((apprentice) => apprentice.id));
        const completed = new Set(rows.filter((row) => row.status === 'completed').map((row) => `${row.apprentice_id} ${row.module_id}`));
        const start = Date.parse(`${cohort.startsOn}T08:00:00.000Z`);
        const span = Date.parse(`${cohort.endsOn}T17:00:00.000Z`) - start;
        const elapsed = Math.min(1, (state.now - start) / span);
        const stageCount = learningPath.stages.length;
        for (const apprentice of cohort.apprentices) {
          const reach = Math.min(1, apprentice.engagement * 1.4 * elapsed);
          const tutor = random.pick(tutors);
          let before = true;
          for (const [index, stage] of learningPath.stages.entries()) {
            const modulesDone = stage.modules.every((module) => completed.has(`${apprentice.id} ${module}`));
            const done: boolean = before && (stage.modules.length > 0 ? modulesDone : reach >= (index + 1) / stageCount - 1e-9);
            // The stage's last day, as planned, and never after today.
            const day = [dayOf(start + ((index + 1) / stageCount) * span - 86_400_000), state.today].sort()[0]!;
            const moduleMinutes = stage.modules.reduce((sum, module) => sum + (context.catalogue.module(module)?.duration ?? 0), 0);
            const practical = Math.max(0, hoursToMinutes(stage.hours) - moduleMinutes);
            const kind = stage.validation === 'company' ? 'internship' : 'workshop';
            const share = done ? 1 : before ? Math.round(random.next() * 6) / 10 : 0;
            const minutes = Math.round((practical * share) / 30) * 30;
            if (minutes > 0) {
              // In two entries, as a workshop week and the next are logged.
              const first = Math.round(minutes / 60) * 30;
              for (const [part, amount] of [[1, first], [0, minutes - first]] as const) {
                if (amount <= 0) continue;
                await addPracticalHours(context.db, { apprenticeId: apprentice.id, pathId: learningPath.id, stage: index, date: [addDays(day, -7 * part), state.today].sort()[0]!, minutes: amount, kind, note: null, recordedBy: tutor.id, now: state.now });
              }
              counts.minutes += minutes;
            }
            const skills = stage.validation === 'tutor' || stage.validation === 'company' ? (stage.skills ?? []).filter((skill) => context.catalogue.skill(skill)) : [];
            if (done && skills.length > 0 && random.next() < 0.9) {
              const level = (): 2 | 3 => (random.next() < 0.65 ? 3 : 2);
              if (stage.validation === 'company') {
                const company = random.pick(['Entreprise Martin', 'Réseaux Nord', 'Artisan du quartier', 'Boulangerie Dupain']);
                const { token } = await createValidationLink(context.db, { centreId: centre.programme.centreId, apprenticeId: apprentice.id, company, skills, createdBy: tutor.id, days: 30, now: state.now });
                const submitted = await submitCompanyValidation(context, signer, token, {
                  validator: { name: random.pick(['Chef d’équipe', 'Maître d’apprentissage', 'Responsable de chantier']), role: 'Tuteur en entreprise' },
                  date: day,
                  skills: skills.map((skillId) => ({ skillId, level: level() })),
                });
                await creditValidations(context, signer.issuer, submitted.validations);
                counts.company += submitted.validations.length;
              } else {
                for (const skillId of skills) {
                  const validation = await context.db.transaction((tx) =>
                    recordValidation(tx, signer, { centreId: centre.programme.centreId, apprenticeId: apprentice.id, skillId, level: level(), date: day, comment: null, validator: { kind: 'tutor', tutorId: tutor.id, name: tutor.name }, evidence: null, now: state.now }),
                  );
                  await creditValidations(context, signer.issuer, [validation]);
                  counts.tutor += 1;
                }
              }
            }
            before = done;
          }
        }
      }
    }
    return `${Math.round(counts.minutes / 60)} practical hours, ${counts.tutor} validations by centre tutors, ${counts.company} by companies (each with its credential)`;
  },
};
