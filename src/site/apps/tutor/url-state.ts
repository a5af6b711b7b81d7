/**
 * The dashboard's place lives in the URL (`/tuteur/?cohorte=co-…&vue=activite&apprenti=ap-…`), so
 * back/forward, reload and a shared link all land on the same view.
 */
export const cohortTabs = ['progression', 'activite'] as const;
export type CohortTab = (typeof cohortTabs)[number];

export interface DashboardPlace {
  cohortId: string | null;
  apprenticeId: string | null;
  tab: CohortTab;
}

export function readPlace(search: string): DashboardPlace {
  const params = new URLSearchParams(search);
  const tab = params.get('vue');
  return {
    cohortId: params.get('cohorte') || null,
    apprenticeId: params.get('apprenti') || null,
    tab: cohortTabs.includes(tab as CohortTab) ? (tab as CohortTab) : 'progression',
  };
}

export function placeSearch(place: DashboardPlace): string {
  const params = new URLSearchParams();
  if (place.cohortId) params.set('cohorte', place.cohortId);
  if (place.cohortId && place.tab !== 'progression') params.set('vue', place.tab);
  if (place.apprenticeId) params.set('apprenti', place.apprenticeId);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Moves to another place (a new history entry); tabs keep the focus on themselves. */
export type Go = (place: DashboardPlace, options?: { keepFocus?: boolean }) => void;
