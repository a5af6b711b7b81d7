import { submitCompanyValidation } from '../../src/progress/company-validation.ts';
import { createValidationLink } from '../../src/progress/queries/validation-links.ts';
import { addPracticalHours } from '../../src/progress/queries/practical-hours.ts';
import { recordValidation } from '../../src/progress/queries/validations.ts';
import { centreSigner } from '../../src/progress/signing-fs.ts';
import { type TestService, xapiHeaders } from './progress-service.ts';

/**
 * The fibre path (content/paths/technicien-fibre-3-mois.yaml) by its stage rules: stage 1 a quiz
 * stage, stage 2 the tutor's `soudure-fibre`, stage 5 the company's `raccordement-abonne` and
 * `mesures-optiques` plus 105 practical hours. Each part on its own, so a test can leave one out.
 */
export const fibrePath = 'technicien-fibre-3-mois';

export async function finishFibreModules(service: TestService, person: { authorization: string; actor: object }, options: { quizzes: boolean }): Promise<void> {
  const learningPath = service.context.catalogue.path(fibrePath)!;
  for (const [index, stage] of learningPath.stages.entries()) {
    for (const moduleId of stage.modules) {
      // `passed` on the module both completes it and passes its quiz; `completed` only completes it.
      const verb = options.quizzes && index === 0 ? 'passed' : 'completed';
      const response = await service.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { authorization: person.authorization, ...xapiHeaders },
        payload: { actor: person.actor, verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` }, object: { id: service.context.catalogue.module(moduleId)!.activity }, timestamp: '2026-02-01T10:00:00.000Z' },
      });
      if (response.statusCode !== 200) throw new Error(`statement refused: ${response.body}`);
    }
  }
}

/** The fibre path's validations asked for (signed with the key in `dataDir`) and, if asked, placement hours (the fibre path does not need them: its last stage has skills). */
export async function validateFibreSkills(service: TestService, apprentice: { id: string; centreId: string }, dataDir: string, options: { tutor: boolean; company: boolean; hours: boolean }): Promise<void> {
  const signer = centreSigner(dataDir)();
  const now = service.context.clock.now();
  const base = { centreId: apprentice.centreId, apprenticeId: apprentice.id, level: 3 as const, date: '2026-02-20', comment: null, evidence: null, now };
  if (options.tutor) await recordValidation(service.db, signer, { ...base, skillId: 'soudure-fibre', validator: { kind: 'tutor', tutorId: 'tu-test', name: 'Tuteur' } });
  if (options.company) {
    // Through a real single-use link, submitted as the company's route submits it.
    const { token } = await createValidationLink(service.db, { centreId: apprentice.centreId, apprenticeId: apprentice.id, company: 'Fibre Nord', skills: ['raccordement-abonne', 'mesures-optiques'], createdBy: 'tu-test', days: 30, now });
    await submitCompanyValidation(service.context, signer, token, { validator: { name: 'Chef de chantier', role: 'Tuteur entreprise' }, date: '2026-02-20', skills: [{ skillId: 'raccordement-abonne', level: 2 }, { skillId: 'mesures-optiques', level: 3 }] });
  }
  if (options.hours) await addPracticalHours(service.db, { apprenticeId: apprentice.id, pathId: fibrePath, stage: 4, date: '2026-02-25', minutes: 105 * 60, kind: 'internship', note: null, recordedBy: 'tu-test', now });
}
