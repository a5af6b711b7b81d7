import { centresStep } from './centres-step.ts';
import { certificatesStep } from './certificates-step.ts';
import { cohortsStep } from './cohorts-step.ts';
import { exitsStep } from './exits-step.ts';
import type { SeedStep } from './seed.ts';
import { statementsStep } from './statements-step.ts';
import { validationsStep } from './validations-step.ts';

/** The example's steps, in order: people, their learning, what tutors and companies record, outcomes. */
export const seedSteps: SeedStep[] = [centresStep, cohortsStep, statementsStep, validationsStep, certificatesStep, exitsStep];
