import { type KeyboardEvent, useRef } from 'react';
import type { CohortView as Cohort } from '../../../schemas/centre-api.ts';
import { localizedUrl } from '../../../i18n/text.ts';
import { cohortTabViews } from './cohort-tabs.tsx';
import { useLocale } from './i18n.tsx';
import type { DashboardPlace, Go } from './url-state.ts';

export interface CohortTabProps {
  cohort: Cohort;
  go: Go;
  onCohortChanged: () => void;
  onSessionEnded: () => void;
}

/** One cohort: its name and tabs (progress grid, weekly activity, and those added later). */
export function CohortView({ cohort, place, go, onCohortChanged, onSessionEnded }: CohortTabProps & { place: DashboardPlace }) {
  const { t, lang } = useLocale();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const active = cohortTabViews.find((view) => view.id === place.tab) ?? cohortTabViews[0]!;

  // Arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation); RTL flips them.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = cohortTabViews.indexOf(active);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -index, End: cohortTabViews.length - 1 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = cohortTabViews[(index + step + cohortTabViews.length) % cohortTabViews.length]!;
    go({ ...place, tab: next.id }, { keepFocus: true });
    tabs.current[cohortTabViews.indexOf(next)]?.focus();
  }

  return (
    <section aria-labelledby="cohort-title" className="tutor-cohort">
      <p>
        <a
          href="./"
          onClick={(event) => {
            event.preventDefault();
            go({ cohortId: null, apprenticeId: null, tab: 'progression' });
          }}
        >
          {t('tutor.cohorts.back')}
        </a>
      </p>
      <h2 id="cohort-title">{cohort.name}</h2>
      {/* Follow-up after placement: its own pages (another part of the dashboard). */}
      <ul className="tutor-links-bar">
        <li><a href={`${localizedUrl(lang, '/suivi/')}?cohorte=${encodeURIComponent(cohort.id)}`}>{t('tutor.followUp')}</a></li>
        <li><a href={`${localizedUrl(lang, '/rapport/')}?cohorte=${encodeURIComponent(cohort.id)}`}>{t('tutor.report')}</a></li>
      </ul>
      <div role="tablist" aria-labelledby="cohort-title" className="tutor-tabs" onKeyDown={onKeyDown}>
        {cohortTabViews.map((view, index) => (
          <button
            key={view.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${view.id}`}
            aria-selected={view === active}
            aria-controls={`panel-${view.id}`}
            tabIndex={view === active ? 0 : -1}
            onClick={() => go({ ...place, tab: view.id }, { keepFocus: true })}
          >
            {t(view.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} className="tutor-panel">
        <active.View cohort={cohort} go={go} onCohortChanged={onCohortChanged} onSessionEnded={onSessionEnded} />
      </div>
    </section>
  );
}
