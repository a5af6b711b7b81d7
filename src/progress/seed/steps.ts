import { centresStep } from './centres-step.ts';
import { cohortsStep } from './cohorts-step.ts';
import { exitsStep } from './exits-step.ts';
import type { SeedStep } from './seed.ts';
import { statementsStep } from './statements-step.ts';

/** The example's steps, in order. Later parts (competence validations, credentials) add theirs here. */
export const seedSteps: SeedStep[] = [centresStep, cohortsStep, statementsStep, exitsStep];
