import { createCentre } from '../queries/centres.ts';
import { createTutor } from '../queries/tutors.ts';
import { examplePrograms } from './programmes.ts';
import type { SeedStep } from './seed.ts';

/** The five programmes as centres, each with its tutors (generated passwords). */
export const centresStep: SeedStep = {
  name: 'centres and tutors',
  async run(state) {
    const { db } = state.context;
    for (const programme of examplePrograms) {
      if (await db.get('SELECT id FROM centres WHERE id = ?', [programme.centreId])) {
        throw new Error(`Centre \`${programme.centreId}\` already exists: this database already holds the example. Use a fresh database (--db other.db).`);
      }
      await createCentre(db, { id: programme.centreId, name: programme.centreName, now: state.now });
      const tutors = [];
      for (const name of programme.tutors) {
        const created = await createTutor(db, { centreId: programme.centreId, name, now: state.now });
        tutors.push({ id: created.tutor.id, name, password: created.password });
      }
      state.centres.push({ programme, tutors, cohorts: [] });
    }
    return `${state.centres.length} centres, ${state.centres.reduce((sum, centre) => sum + centre.tutors.length, 0)} tutors`;
  },
};
