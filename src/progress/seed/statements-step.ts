import { verbs } from '../../schemas/xapi.ts';
import type { Principal } from '../principal.ts';
import { recordStatements } from '../queries/statements.ts';
import { apprenticeActor } from '../xapi/identity.ts';
import { prepareStatements } from '../xapi/prepare.ts';
import type { SeedStep } from './seed.ts';

const seedPrincipal: Principal = { kind: 'admin-client', key: 'example-seed', name: 'Relais example seed' };

/**
 * xAPI statements over the cohorts' past months, stored the way the Statements resource stores
 * them (prepareStatements → recordStatements), so derived progress is written as in real use.
 * An apprentice works through the path's modules in order, as far as their engagement and the
 * time elapsed allow: experienced, then completed, with a scored quiz on some.
 */
export const statementsStep: SeedStep = {
  name: 'xAPI statements',
  async run(state) {
    const { context, random } = state;
    const site = context.config.site;
    const authority = { objectType: 'Agent' as const, name: seedPrincipal.kind === 'admin-client' ? seedPrincipal.name : '', account: { homePage: site, name: 'client/example-seed' } };
    let count = 0;
    for (const centre of state.centres) {
      for (const cohort of centre.cohorts) {
        const learningPath = context.catalogue.path(cohort.definition.pathId);
        const modules = [...new Set(learningPath?.stages.flatMap((stage) => stage.modules) ?? [])].map((id) => context.catalogue.module(id)).filter((module) => module !== undefined);
        if (modules.length === 0) continue;
        // A `quiz` stage is complete only with each module's quiz passed: those are always taken,
        // and retaken until passed (as a tutor would ask); elsewhere about one module in two.
        const quizModules = new Set(learningPath!.stages.filter((stage) => stage.validation === 'quiz').flatMap((stage) => stage.modules));
        const start = Date.parse(`${cohort.startsOn}T08:00:00.000Z`);
        const end = Math.min(Date.parse(`${cohort.endsOn}T17:00:00.000Z`), state.now - 3_600_000);
        if (end <= start) continue;
        const elapsed = Math.min(1, (state.now - start) / (Date.parse(`${cohort.endsOn}T17:00:00.000Z`) - start));
        for (const apprentice of cohort.apprentices) {
          const reach = Math.min(1, apprentice.engagement * 1.4 * elapsed);
          const done = Math.floor(reach * modules.length + 1e-9);
          const statements: object[] = [];
          const actor = apprenticeActor(site, apprentice.id);
          const at = (time: number) => new Date(Math.min(time, state.now - 60_000)).toISOString();
          modules.slice(0, Math.min(modules.length, done + 1)).forEach((module, index) => {
            const time = start + ((index + 0.3 + random.next() * 0.5) / modules.length) * (end - start);
            statements.push({ actor, verb: { id: verbs.experienced }, object: { id: module.activity }, timestamp: at(time) });
            if (index >= done) return;
            const mustPass = quizModules.has(module.id);
            if (mustPass || random.next() < 0.5) {
              const quiz = (scaled: number, offset: number) =>
                statements.push({ actor, verb: { id: scaled >= 0.7 ? verbs.passed : verbs.failed }, object: { id: `${module.activity}#quiz-1` }, context: { contextActivities: { parent: [{ id: module.activity }] } }, result: { success: scaled >= 0.7, score: { scaled } }, timestamp: at(time + module.duration * offset) });
              const scaled = Math.round((0.55 + random.next() * 0.45) * 100) / 100;
              quiz(scaled, 30_000);
              if (mustPass && scaled < 0.7) quiz(Math.round((0.7 + random.next() * 0.3) * 100) / 100, 45_000);
            }
            statements.push({ actor, verb: { id: verbs.completed }, object: { id: module.activity }, timestamp: at(time + module.duration * 60_000) });
          });
          if (statements.length === 0) continue;
          const prepared = prepareStatements(statements, { authority, parts: null });
          await recordStatements(context, seedPrincipal, prepared.statements, prepared.attachments, 'statements');
          count += statements.length;
        }
      }
    }
    return `${count} statements`;
  },
};
