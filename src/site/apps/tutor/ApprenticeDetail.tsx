import { lazy, Suspense } from 'react';
import type { CohortView } from '../../../schemas/centre-api.ts';
import { moduleTitles, tutorApi, type ApprenticeDetail as Detail } from './api.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { formatDate, percent, relativeTime } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { NicknameForm } from './NicknameForm.tsx';
import { RecoveryCodePanel } from './RecoveryCodePanel.tsx';
import type { DashboardPlace } from './url-state.ts';
import { useLoad } from './use-load.ts';

// Loaded when an apprentice is opened: the login page and the grid stay light on a phone.
const ApprenticeRecord = lazy(() => import('./ApprenticeRecord.tsx').then((module) => ({ default: module.ApprenticeRecord })));

const knownVerbs = new Set(['experienced', 'progressed', 'completed', 'passed', 'failed']);

/** One apprentice: progress per module, recent activity, cohorts, nickname and recovery code. */
export function ApprenticeDetail({ apprenticeId, cohort, place, go, onSessionEnded }: { apprenticeId: string; cohort: CohortView | null; place: DashboardPlace; go: (place: DashboardPlace) => void; onSessionEnded: () => void }) {
  const { t, lang } = useLocale();
  const [loaded, reload, replace] = useLoad(
    async () => {
      const [detail, titles] = await Promise.all([
        tutorApi.apprentice(apprenticeId),
        // Titles are a comfort: without the catalogue the module ids still say enough.
        moduleTitles(),
      ]);
      return { detail, titles };
    },
    [apprenticeId],
    onSessionEnded,
  );

  const back = (
    <p>
      <a
        href={cohort ? `./?cohorte=${encodeURIComponent(cohort.id)}` : './'}
        onClick={(event) => {
          event.preventDefault();
          go({ ...place, apprenticeId: null });
        }}
      >
        {cohort ? t('tutor.apprentice.back', { name: cohort.name }) : t('tutor.cohorts.back')}
      </a>
    </p>
  );
  if (loaded.state === 'loading') return <>{back}<p role="status">{t('tutor.loading')}</p></>;
  if (loaded.state === 'failed') return <>{back}<ErrorNotice error={loaded.error} onRetry={reload} /></>;
  const { detail, titles } = loaded.data;
  const title = (moduleId: string | null) => (moduleId ? (titles.get(moduleId) ?? { title: moduleId, language: 'en' }) : { title: '—', language: lang });
  const now = Date.now();
  const setNickname = (nickname: string | null) => replace({ titles, detail: { ...detail, apprentice: { ...detail.apprentice, nickname } } });

  return (
    <section aria-labelledby="apprentice-title" className="tutor-apprentice">
      {back}
      <h2 id="apprentice-title">{detail.apprentice.nickname ?? detail.apprentice.id}</h2>
      <ul className="meta">
        <li dir="ltr">{detail.apprentice.id}</li>
        <li>{t('tutor.apprentice.since', { date: formatDate(detail.apprentice.createdAt.slice(0, 10), lang) })}</li>
        {detail.cohorts.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
      <NicknameForm apprenticeId={detail.apprentice.id} nickname={detail.apprentice.nickname} onSaved={setNickname} onSessionEnded={onSessionEnded} />

      <h3 id="apprentice-progress">{t('tutor.apprentice.progress')}</h3>
      {detail.progress.length === 0 ? (
        <p>{t('tutor.apprentice.noProgress')}</p>
      ) : (
        <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="apprentice-progress">
          <table className="tutor-table">
            <thead>
              <tr>
                <th scope="col">{t('tutor.apprentice.module')}</th>
                <th scope="col">{t('tutor.apprentice.status')}</th>
                <th scope="col">{t('tutor.apprentice.bestScore')}</th>
                <th scope="col">{t('tutor.apprentice.lastScore')}</th>
                <th scope="col">{t('tutor.apprentice.attempts')}</th>
                <th scope="col">{t('tutor.grid.lastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.progress.map((module) => (
                <tr key={module.moduleId}>
                  <th scope="row" lang={title(module.moduleId).language}>{title(module.moduleId).title}</th>
                  <td data-status={module.status}>{module.status === 'completed' ? `✔ ${t('tutor.cell.completed')}` : `◐ ${t('tutor.cell.started')}`}</td>
                  <td>{module.bestScore === null ? '—' : `${percent(module.bestScore)} %`}</td>
                  <td>{module.lastScore === null ? '—' : `${percent(module.lastScore)} %`}</td>
                  <td>{module.attempts}</td>
                  <td><time dateTime={module.lastAt}>{relativeTime(module.lastAt, now, lang)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('tutor.apprentice.recent')}</h3>
      {detail.recent.length === 0 ? (
        <p>{t('tutor.apprentice.noRecent')}</p>
      ) : (
        <ol className="tutor-recent">
          {detail.recent.map((statement) => (
            <RecentItem key={statement.id} statement={statement} title={title(statement.moduleId)} now={now} />
          ))}
        </ol>
      )}

      <Suspense fallback={<p role="status">{t('tutor.loading')}</p>}>
        <ApprenticeRecord apprenticeId={detail.apprentice.id} onSessionEnded={onSessionEnded} />
      </Suspense>

      <RecoveryCodePanel apprenticeId={detail.apprentice.id} onSessionEnded={onSessionEnded} />
    </section>
  );
}

function RecentItem({ statement, title, now }: { statement: Detail['recent'][number]; title: { title: string; language: string }; now: number }) {
  const { t, lang } = useLocale();
  const verb = knownVerbs.has(statement.verb) ? t(`tutor.verb.${statement.verb}` as 'tutor.verb.completed') : statement.verb;
  return (
    <li>
      <time dateTime={statement.timestamp}>{relativeTime(statement.timestamp, now, lang)}</time> · {verb} · <span lang={title.language}>{title.title}</span>
      {statement.score !== null && ` · ${percent(statement.score)} %`}
    </li>
  );
}
