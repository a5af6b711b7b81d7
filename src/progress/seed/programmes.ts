/**
 * The five programmes of DESIGN.md ("The programmes the system must serve"), as example
 * centres: their paths (content/paths/), cohorts and sizes. Cohort dates are relative to the
 * day the seed runs, in months (negative: in the past), so the example always looks current.
 */
export interface ExampleCohort {
  name: string;
  pathId: string;
  size: number;
  startsMonthsAgo: number;
  /** Length in months; cohorts that have ended get exits and follow-ups. */
  months: number;
}

export interface ExampleProgramme {
  centreId: string;
  centreName: string;
  tutors: string[];
  cohorts: ExampleCohort[];
  /** How exits turn out, in weights (job, training, other). */
  exits: { job: number; training: number; other: number };
}

export const examplePrograms: ExampleProgramme[] = [
  {
    centreId: 'exemple-centre-espoir',
    centreName: "Centre d'espoir (exemple) : les anciens transmettent",
    tutors: ['Gérard (boulanger retraité)', 'Monique (coordinatrice)'],
    cohorts: [
      { name: 'Boulangerie — groupe de printemps', pathId: 'centre-espoir-boulangerie', size: 12, startsMonthsAgo: 11, months: 4 },
      { name: 'Boulangerie — groupe d’automne', pathId: 'centre-espoir-boulangerie', size: 10, startsMonthsAgo: 3, months: 4 },
    ],
    exits: { job: 50, training: 30, other: 20 },
  },
  {
    centreId: 'exemple-hope',
    centreName: 'Programme HOPE (exemple) : réfugiés vers la plomberie',
    tutors: ['Nadia (formatrice FLE)', 'Patrick (formateur plomberie)'],
    cohorts: [{ name: 'HOPE plomberie — promotion 2025', pathId: 'hope-plomberie', size: 20, startsMonthsAgo: 20, months: 12 }],
    exits: { job: 72, training: 12, other: 16 },
  },
  {
    centreId: 'exemple-chance',
    centreName: 'Chance (exemple) : orientation pour demandeurs d’emploi',
    tutors: ['Sophie (conseillère)', 'Malik (conseiller)', 'Claire (conseillère)'],
    cohorts: [
      { name: 'Chance — session précédente', pathId: 'chance-orientation-3-mois', size: 60, startsMonthsAgo: 9, months: 3 },
      { name: 'Chance — session en cours', pathId: 'chance-orientation-3-mois', size: 100, startsMonthsAgo: 2, months: 3 },
    ],
    exits: { job: 35, training: 40, other: 25 },
  },
  {
    centreId: 'exemple-e2c',
    centreName: 'École de la 2e chance (exemple)',
    tutors: ['Julien (formateur)', 'Awa (chargée des relations entreprises)'],
    cohorts: [{ name: 'E2C plomberie — alternance', pathId: 'e2c-plomberie-stages', size: 16, startsMonthsAgo: 10, months: 7 }],
    exits: { job: 45, training: 35, other: 20 },
  },
  {
    centreId: 'exemple-plombiers-numerique',
    centreName: 'Plombiers du numérique (exemple) : techniciens fibre',
    tutors: ['Karim (technicien fibre)', 'Élodie (responsable pédagogique)'],
    cohorts: [
      { name: 'Fibre — cohorte de janvier', pathId: 'technicien-fibre-3-mois', size: 14, startsMonthsAgo: 10, months: 3 },
      { name: 'Fibre — cohorte de septembre', pathId: 'technicien-fibre-3-mois', size: 14, startsMonthsAgo: 1, months: 3 },
    ],
    exits: { job: 70, training: 10, other: 20 },
  },
];
