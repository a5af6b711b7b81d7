import { localText } from '../../../i18n/text.ts';
import { tutorApi, type Catalogue, type TutorSession } from './api.ts';
import { CreateCohortForm } from './CreateCohortForm.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { formatDate, formatHours } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { JoinCodePanel } from './JoinCodePanel.tsx';
import type { DashboardPlace } from './url-state.ts';
import { useLoad } from './use-load.ts';

/** The tutor's cohorts, each with its join code, and a form to create one. */
export function CohortList({ session, missingCohort, go, onChanged, onSessionEnded }: { session: TutorSession; missingCohort: boolean; go: (place: DashboardPlace) => void; onChanged: () => Promise<void> | void; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const [catalogue] = useLoad(() => tutorApi.catalogue(), [], onSessionEnded);
  const paths = catalogue.state === 'ready' ? catalogue.data.paths : [];
  return (
    <>
      <h2>{t('tutor.cohorts.title')}</h2>
      {missingCohort && <p className="tutor-notice" role="alert">{t('tutor.cohorts.missing')}</p>}
      {catalogue.state === 'failed' && <ErrorNotice error={catalogue.error} />}
      {session.cohorts.length === 0 ? (
        <p>{t('tutor.cohorts.none')}</p>
      ) : (
        <ul className="tutor-cohorts">
          {session.cohorts.map((cohort) => (
            <li key={cohort.id} className="card">
              <h3>
                <a
                  href={`?cohorte=${encodeURIComponent(cohort.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    go({ cohortId: cohort.id, apprenticeId: null, tab: 'progression' });
                  }}
                >
                  {cohort.name}
                </a>
              </h3>
              <CohortFacts cohort={cohort} paths={paths} />
              <JoinCodePanel cohort={cohort} onChanged={onChanged} onSessionEnded={onSessionEnded} />
            </li>
          ))}
        </ul>
      )}
      <CreateCohortForm paths={paths} onCreated={async (id) => { await onChanged(); go({ cohortId: id, apprenticeId: null, tab: 'progression' }); }} onSessionEnded={onSessionEnded} />
    </>
  );
}

function CohortFacts({ cohort, paths }: { cohort: TutorSession['cohorts'][number]; paths: Catalogue['paths'] }) {
  const { t, lang } = useLocale();
  const path = paths.find((item) => item.id === cohort.pathId);
  const title = path ? localText(path.title, lang) : null;
  return (
    <ul className="meta">
      <li>{title ? <span lang={title.lang}>{title.text}</span> : cohort.pathId ?? t('tutor.cohorts.noPath')}{path ? ` · ${t('tutor.hours', { hours: formatHours(path.hours, lang) })}` : ''}</li>
      {(cohort.startsOn || cohort.endsOn) && (
        <li>{t('tutor.cohorts.dates', { start: cohort.startsOn ? formatDate(cohort.startsOn, lang) : '…', end: cohort.endsOn ? formatDate(cohort.endsOn, lang) : '…' })}</li>
      )}
      <li>{t('tutor.cohorts.apprentices', { count: cohort.apprentices })}</li>
    </ul>
  );
}
