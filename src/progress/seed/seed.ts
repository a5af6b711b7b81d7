import type { ServiceContext } from '../context.ts';
import { addMonths, dayOf } from '../follow-up-schedule.ts';
import type { ExampleCohort, ExampleProgramme } from './programmes.ts';
import { SeededRandom } from './random.ts';

/**
 * `npm run seed:example`: the example programmes, built step by step through the service's own
 * storage functions. Each step reads and extends the shared state; a later step (competence
 * validations, credentials…) is one more entry in `seedSteps` (steps.ts).
 */
export interface SeededApprentice {
  id: string;
  nickname: string;
  /** 0–1: how far and how steadily this apprentice works (drives progress and outcomes). */
  engagement: number;
}

export interface SeededCohort {
  id: string;
  definition: ExampleCohort;
  startsOn: string;
  endsOn: string;
  apprentices: SeededApprentice[];
}

export interface SeededCentre {
  programme: ExampleProgramme;
  tutors: { id: string; name: string; password: string }[];
  cohorts: SeededCohort[];
}

export interface SeedState {
  context: ServiceContext;
  random: SeededRandom;
  /** The day the seed runs (`YYYY-MM-DD`) and its time in milliseconds. */
  today: string;
  now: number;
  centres: SeededCentre[];
  log: (message: string) => void;
}

export interface SeedStep {
  name: string;
  run(state: SeedState): Promise<string>;
}

export function cohortDates(cohort: ExampleCohort, today: string): { startsOn: string; endsOn: string } {
  const startsOn = addMonths(today, -cohort.startsMonthsAgo);
  return { startsOn, endsOn: addMonths(startsOn, cohort.months) };
}

/** Whether the database holds no centre, apprentice or statement (a fresh one). */
export async function isEmptyDatabase(context: ServiceContext): Promise<boolean> {
  for (const table of ['centres', 'apprentices', 'statements']) {
    const row = await context.db.get<{ count: number | string }>(`SELECT COUNT(*) AS count FROM ${table}`);
    if (Number(row?.count ?? 0) > 0) return false;
  }
  return true;
}

export async function runSeed(context: ServiceContext, steps: readonly SeedStep[], options: { seed: number; log: (message: string) => void }): Promise<SeedState> {
  const now = context.clock.now();
  const state: SeedState = { context, random: new SeededRandom(options.seed), today: dayOf(now), now, centres: [], log: options.log };
  for (const step of steps) {
    const started = performance.now();
    const summary = await step.run(state);
    options.log(`  ${step.name}: ${summary} (${Math.round(performance.now() - started)} ms)`);
  }
  return state;
}
