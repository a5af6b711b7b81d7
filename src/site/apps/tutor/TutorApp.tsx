import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, tutorApi, type TutorSession } from './api.ts';
import { ApprenticeDetail } from './ApprenticeDetail.tsx';
import { CohortList } from './CohortList.tsx';
import { CohortView } from './CohortView.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { LocaleContext, translatorOf } from './i18n.tsx';
import { LoginForm } from './LoginForm.tsx';
import { SessionBar } from './SessionBar.tsx';
import { type DashboardPlace, type Go, placeSearch, readPlace } from './url-state.ts';

type SessionState = { state: 'loading' } | { state: 'anonymous' } | { state: 'failed'; error: unknown } | { state: 'signed-in'; session: TutorSession };

/** The tutor dashboard: who is signed in, then the view the URL names. */
export function TutorApp({ lang, strings }: { lang: string; strings: Record<string, string> }) {
  const locale = useMemo(() => ({ lang, t: translatorOf(strings) }), [lang, strings]);
  const [session, setSession] = useState<SessionState>({ state: 'loading' });
  const [place, setPlace] = useState<DashboardPlace>(() => readPlace(typeof location === 'undefined' ? '' : location.search));

  // After a move (a link, back, forward), focus goes to the new view so a screen reader starts
  // there; not on the first load, where the page's own heading comes first.
  const view = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) view.current?.focus({ preventScroll: true });
    moved.current = false;
  }, [place]);

  const loadSession = useCallback(async () => {
    setSession({ state: 'loading' });
    try {
      setSession({ state: 'signed-in', session: await tutorApi.me() });
    } catch (error) {
      setSession(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'failed', error });
    }
  }, []);

  /** After a change (a new cohort, joining closed): the same view, fresh data, no loading flash. */
  const refreshSession = useCallback(async () => {
    try {
      setSession({ state: 'signed-in', session: await tutorApi.me() });
    } catch (error) {
      setSession(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void loadSession();
    const onPop = () => {
      moved.current = true;
      setPlace(readPlace(location.search));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [loadSession]);

  const go: Go = useCallback((next, options = {}) => {
    history.pushState(null, '', `${location.pathname}${placeSearch(next)}`);
    moved.current = !options.keepFocus;
    setPlace(next);
    if (!options.keepFocus) scrollTo({ top: 0 });
  }, []);

  /** A view whose session ended (401) sends the tutor back to the login form. */
  const onSessionEnded = useCallback(() => setSession({ state: 'anonymous' }), []);

  let content;
  if (session.state === 'loading') content = <p role="status">{locale.t('tutor.loading')}</p>;
  else if (session.state === 'failed') content = <ErrorNotice error={session.error} onRetry={loadSession} />;
  else if (session.state === 'anonymous') content = <LoginForm onSignedIn={loadSession} />;
  else {
    const { cohorts } = session.session;
    const cohort = cohorts.find((item) => item.id === place.cohortId) ?? null;
    content = (
      <>
        <SessionBar session={session.session} onSignedOut={() => setSession({ state: 'anonymous' })} onSessionEnded={onSessionEnded} />
        <div ref={view} tabIndex={-1} className="tutor-view">
          {place.apprenticeId ? (
            <ApprenticeDetail apprenticeId={place.apprenticeId} cohort={cohort} go={go} place={place} onSessionEnded={onSessionEnded} />
          ) : cohort ? (
            <CohortView cohort={cohort} place={place} go={go} onCohortChanged={refreshSession} onSessionEnded={onSessionEnded} />
          ) : (
            <CohortList session={session.session} missingCohort={place.cohortId !== null} go={go} onChanged={refreshSession} onSessionEnded={onSessionEnded} />
          )}
        </div>
      </>
    );
  }
  return (
    <LocaleContext.Provider value={locale}>
      <div className="tutor-app">{content}</div>
    </LocaleContext.Provider>
  );
}
