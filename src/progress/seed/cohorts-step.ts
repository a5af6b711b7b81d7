import { createApprentice, enrol } from '../queries/apprentices.ts';
import { addCohortTutor, createCohort } from '../queries/cohorts.ts';
import { nickname } from './random.ts';
import { cohortDates, type SeedStep } from './seed.ts';

/** Cohorts with their dates and tutors, and pseudonymous apprentices enrolled in them. */
export const cohortsStep: SeedStep = {
  name: 'cohorts and apprentices',
  async run(state) {
    const { db, catalogue } = state.context;
    let apprentices = 0;
    for (const centre of state.centres) {
      const taken = new Set<string>();
      for (const definition of centre.programme.cohorts) {
        if (catalogue.paths.length > 0 && !catalogue.path(definition.pathId)) throw new Error(`Path \`${definition.pathId}\` is not in the built catalogue: run \`npm run build\` with the example content first.`);
        const { startsOn, endsOn } = cohortDates(definition, state.today);
        const row = await createCohort(db, { centreId: centre.programme.centreId, name: definition.name, pathId: definition.pathId, startsOn, endsOn, tutorId: centre.tutors[0]!.id, now: state.now });
        for (const tutor of centre.tutors.slice(1)) await addCohortTutor(db, row.id, tutor.id);
        const cohort = { id: row.id, definition, startsOn, endsOn, apprentices: [] as { id: string; nickname: string; engagement: number }[] };
        const joined = Date.parse(`${startsOn}T09:00:00.000Z`);
        for (let index = 0; index < definition.size; index++) {
          const name = nickname(state.random, taken);
          const created = await createApprentice(db, { centreId: centre.programme.centreId, nickname: name, now: joined });
          await enrol(db, row.id, created.row.id, joined + index * 60_000);
          // Most work steadily; a few drop off early.
          const engagement = state.random.next() < 0.15 ? 0.1 + state.random.next() * 0.3 : 0.6 + state.random.next() * 0.4;
          cohort.apprentices.push({ id: created.row.id, nickname: name, engagement });
        }
        apprentices += definition.size;
        centre.cohorts.push(cohort);
      }
    }
    return `${state.centres.reduce((sum, centre) => sum + centre.cohorts.length, 0)} cohorts, ${apprentices} apprentices`;
  },
};
