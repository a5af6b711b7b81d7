import { issueCredential } from '../../credentials/issue.ts';
import { centreSigner } from '../signing-fs.ts';
import { pathModules } from '../path-completion.ts';
import { pathProgressFor } from '../queries/path-progress.ts';
import type { SeedStep } from './seed.ts';

/**
 * A path certificate for every apprentice who completed their cohort's path by the stage rules
 * (`pathProgressFor`, the rule `issueCredential` checks again), issued by one of the centre's
 * tutors as POST /api/apprentices/:id/credentials does.
 */
export const certificatesStep: SeedStep = {
  name: 'path certificates',
  async run(state) {
    const { context, random } = state;
    const keys = centreSigner(context.config.dataDir)().issuer;
    let issued = 0;
    for (const centre of state.centres) {
      for (const cohort of centre.cohorts) {
        const learningPath = context.catalogue.path(cohort.definition.pathId);
        if (!learningPath) continue;
        const ids = cohort.apprentices.map((apprentice) => apprentice.id);
        const progress = await pathProgressFor(context.db, context.catalogue, ids, learningPath, undefined, pathModules(learningPath));
        for (const id of ids) {
          if (!progress.get(id)?.complete) continue;
          const result = await issueCredential(context.db, keys, { kind: 'path', pathId: learningPath.id, apprenticeId: id, catalogue: context.catalogue, issuedBy: `tutor:${random.pick(centre.tutors).id}`, now: state.now });
          if (result.created) issued += 1;
        }
      }
    }
    return `${issued} path certificates`;
  },
};
