import type { CohortView } from '../schemas/centre-api.ts';
import type { ServiceContext } from './context.ts';
import { forbidden, notFound } from './errors.ts';
import type { Principal } from './principal.ts';
import { type ApprenticeRow, getApprentice, tutorSeesApprentice } from './queries/apprentices.ts';
import { cohortViews, getCohort, isTutorOfCohort } from './queries/cohorts.ts';

/**
 * Isolation (DESIGN.md, "Progress"): an apprentice sees only their own records, a tutor only
 * their cohorts (and the apprentices in them), a centre (client) only its own people; an
 * administrator client everything. What belongs to another centre answers 404, as if absent.
 */
export function mayManageCentre(principal: Principal, centreId: string): boolean {
  return principal.kind === 'admin-client' || (principal.kind === 'centre-client' && principal.centreId === centreId);
}

export function seesCentre(principal: Principal, centreId: string): boolean {
  return principal.kind === 'admin-client' || principal.centreId === centreId;
}

/** A cohort the caller (tutor of it, its centre's client, an administrator) may see and manage. */
export async function visibleCohort(context: ServiceContext, principal: Principal, cohortId: string): Promise<CohortView> {
  const row = await getCohort(context.db, cohortId);
  const missing = notFound(`No cohort \`${cohortId}\``);
  if (!row) throw missing;
  if (principal.kind === 'apprentice') throw missing;
  if (principal.kind === 'centre-client' && principal.centreId !== row.centre_id) throw missing;
  if (principal.kind === 'tutor') {
    if (principal.centreId !== row.centre_id) throw missing;
    if (!(await isTutorOfCohort(context.db, principal.tutorId, row.id))) throw forbidden(`Cohort \`${cohortId}\` is not one of your cohorts`, 'A tutor of the cohort can add you to it.');
  }
  return (await cohortViews(context.db, [row]))[0]!;
}

/** An apprentice the caller may see: themselves, a tutor's cohort member, their centre's client, an administrator. */
export async function visibleApprentice(context: ServiceContext, principal: Principal, apprenticeId: string, options: { self?: boolean } = {}): Promise<ApprenticeRow> {
  const row = await getApprentice(context.db, apprenticeId);
  const missing = notFound(`No apprentice \`${apprenticeId}\``);
  if (!row) throw missing;
  switch (principal.kind) {
    case 'admin-client':
      return row;
    case 'centre-client':
      if (principal.centreId !== row.centre_id) throw missing;
      return row;
    case 'tutor':
      if (principal.centreId !== row.centre_id) throw missing;
      if (!(await tutorSeesApprentice(context.db, principal.tutorId, row.id))) throw forbidden(`Apprentice \`${apprenticeId}\` is in none of your cohorts`);
      return row;
    case 'apprentice':
      if (!options.self || principal.apprenticeId !== row.id) throw missing;
      return row;
  }
}
