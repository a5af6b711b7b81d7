import type { ComponentType } from 'react';
import type { StringKey } from '../../../i18n/strings.ts';
import { ActivityChart } from './ActivityChart.tsx';
import type { CohortTabProps } from './CohortView.tsx';
import { ProgressGrid } from './ProgressGrid.tsx';
import type { CohortTab } from './url-state.ts';

/**
 * The tabs of a cohort, in order. A new view (competence validation, follow-up after placement)
 * is one entry here, its id in `cohortTabs` (url-state.ts, the `vue=` value) and its label key.
 */
export const cohortTabViews: { id: CohortTab; label: StringKey; View: ComponentType<CohortTabProps> }[] = [
  { id: 'progression', label: 'tutor.tab.progress', View: ProgressGrid },
  { id: 'activite', label: 'tutor.tab.activity', View: ActivityChart },
];
