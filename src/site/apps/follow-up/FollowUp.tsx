import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { CohortView } from '../../../schemas/centre-api.ts';
import { contractTypes, type DueItem, type DueListResponse, followUpStatuses } from '../../../schemas/followup-api.ts';
import { type AppStrings, format } from '../app-strings.ts';
import { callApi, NotLoggedIn } from '../centre-api-call.ts';

interface Props {
  lang: string;
  strings: AppStrings;
  loginUrl: string;
}

const whenKeys = { overdue: 'followup.when.overdue', 'this-week': 'followup.when.thisWeek', upcoming: 'followup.when.upcoming' } as const;

/** Values of a form as strings, without the empty ones (optional fields are left out). */
function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value).trim()]).filter(([, value]) => value !== ''));
}

/** The tutor's follow-up page: what is due (and overdue), recording a follow-up, recording a departure. */
export default function FollowUp({ lang, strings, loginUrl }: Props) {
  const t = (key: string, values?: Record<string, string | number>) => format(strings[key] ?? key, values);
  const [due, setDue] = useState<DueListResponse | null>(null);
  const [state, setState] = useState<'loading' | 'login' | 'error' | 'ready'>('loading');
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const fail = (error: Error) => {
    if (error instanceof NotLoggedIn) setState('login');
    else setNotice(t('followup.error', { message: error.message }));
  };
  const load = useCallback(() => {
    callApi<DueListResponse>('/api/follow-ups/due').then(
      (data) => {
        setDue(data);
        setState('ready');
      },
      (error: Error) => {
        setState(error instanceof NotLoggedIn ? 'login' : 'error');
        setMessage(error.message);
      },
    );
  }, []);
  useEffect(load, [load]);

  if (state === 'loading') return <p role="status">{t('followup.loading')}</p>;
  if (state === 'login') return <p>{t('followup.login')} <a href={loginUrl}>{t('followup.loginLink')}</a></p>;
  if (state === 'error' || !due) return <p role="alert">{t('followup.error', { message })}</p>;

  const date = (value: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  const key = (item: DueItem) => `${item.exitId}-${item.milestone}`;

  async function saveFollowUp(event: FormEvent<HTMLFormElement>, item: DueItem) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    if (values.status !== 'employed') {
      delete values.contract;
      delete values.employer;
    }
    try {
      await callApi(`/api/exits/${item.exitId}/follow-ups/${item.milestone}`, { method: 'PUT', body: values });
      setOpen(null);
      setNotice(t('followup.saved'));
      load();
    } catch (error) {
      fail(error as Error);
    }
  }

  return (
    <div className="follow-up">
      <p aria-live="polite" className="follow-up-notice">{notice}</p>
      <section>
        <h2>{t('followup.due')}</h2>
        <p><a href="/api/follow-ups/due.csv" download>{t('followup.csv')}</a></p>
        {due.items.length === 0 ? <p>{t('followup.none')}</p> : null}
        {(['overdue', 'this-week', 'upcoming'] as const).map((when) => {
          const items = due.items.filter((item) => item.when === when);
          if (items.length === 0) return null;
          return (
            <section key={when} className={`due-${when}`}>
              <h3>{t(whenKeys[when])} ({due.counts[when]})</h3>
              <ul className="due-list">
                {items.map((item) => (
                  <li key={key(item)}>
                    <p>
                      <strong>{item.apprentice.nickname ?? item.apprentice.id}</strong> · {item.cohort.name} · {t('followup.milestone', { months: item.milestone })} · {t('followup.dueOn')} {date(item.dueOn)} · {t('followup.leftOn')} {date(item.leftOn)}
                    </p>
                    {open === key(item) ? (
                      <FollowUpForm t={t} today={due.today} onSubmit={(event) => saveFollowUp(event, item)} />
                    ) : (
                      <button type="button" onClick={() => setOpen(key(item))}>{t('followup.record')}</button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>
      <ExitForm t={t} today={due.today} onSaved={() => { setNotice(t('followup.saved')); load(); }} onError={fail} />
    </div>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function ContractFields({ t }: { t: Translate }) {
  return (
    <>
      <label>
        {t('followup.contract')}
        <select name="contract" defaultValue="">
          <option value="">{t('followup.exit.choose')}</option>
          {contractTypes.map((type) => <option key={type} value={type}>{t(`followup.contract.${type}`)}</option>)}
        </select>
      </label>
      <label>
        {t('followup.employer')}
        <input name="employer" maxLength={120} />
      </label>
    </>
  );
}

function FollowUpForm({ t, today, onSubmit }: { t: Translate; today: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  const [status, setStatus] = useState('');
  return (
    <form className="follow-up-form" onSubmit={onSubmit}>
      <label>
        {t('followup.doneOn')}
        <input type="date" name="doneOn" defaultValue={today} max={today} required />
      </label>
      <fieldset>
        <legend>{t('followup.status')}</legend>
        {followUpStatuses.map((value) => (
          <label key={value}>
            <input type="radio" name="status" value={value} required onChange={() => setStatus(value)} /> {t(`followup.status.${value}`)}
          </label>
        ))}
      </fieldset>
      {status === 'employed' ? <ContractFields t={t} /> : null}
      <label>
        {t('followup.note')}
        <textarea name="note" maxLength={1000} rows={2} />
      </label>
      <button type="submit">{t('followup.save')}</button>
    </form>
  );
}

function ExitForm({ t, today, onSaved, onError }: { t: Translate; today: string; onSaved: () => void; onError: (error: Error) => void }) {
  const [cohorts, setCohorts] = useState<CohortView[]>([]);
  const [cohortId, setCohortId] = useState('');
  const [apprentices, setApprentices] = useState<{ id: string; nickname: string | null }[]>([]);
  const [outcome, setOutcome] = useState('');
  // The parent's handler changes every render; the loads below must not re-run for that.
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    callApi<{ cohorts: CohortView[] }>('/api/cohorts').then((data) => setCohorts(data.cohorts), (error: Error) => reportError.current(error));
  }, []);
  useEffect(() => {
    if (!cohortId) return setApprentices([]);
    callApi<{ apprentices: { id: string; nickname: string | null }[] }>(`/api/cohorts/${cohortId}/apprentices`).then((data) => setApprentices(data.apprentices), (error: Error) => reportError.current(error));
  }, [cohortId]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { cohort, apprentice, ...values } = formValues(form);
    if (values.outcome !== 'job') {
      delete values.contract;
      delete values.employer;
    }
    try {
      await callApi(`/api/cohorts/${cohort}/apprentices/${apprentice}/exit`, { method: 'PUT', body: values });
      form.reset();
      setOutcome('');
      onSaved();
    } catch (error) {
      onError(error as Error);
    }
  }

  return (
    <section>
      <h2>{t('followup.exit.title')}</h2>
      <form className="follow-up-form" onSubmit={save}>
        <label>
          {t('followup.cohort')}
          <select name="cohort" required value={cohortId} onChange={(event) => setCohortId(event.target.value)}>
            <option value="">{t('followup.exit.choose')}</option>
            {cohorts.map((cohort) => <option key={cohort.id} value={cohort.id}>{cohort.name}</option>)}
          </select>
        </label>
        <label>
          {t('followup.apprentice')}
          <select name="apprentice" required defaultValue="">
            <option value="">{t('followup.exit.choose')}</option>
            {apprentices.map((apprentice) => <option key={apprentice.id} value={apprentice.id}>{apprentice.nickname ?? apprentice.id}</option>)}
          </select>
        </label>
        <label>
          {t('followup.leftOn')}
          <input type="date" name="leftOn" defaultValue={today} max={today} required />
        </label>
        <fieldset>
          <legend>{t('followup.exit.outcome')}</legend>
          {(['job', 'training', 'other'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="outcome" value={value} required onChange={() => setOutcome(value)} /> {t(`followup.exit.${value}`)}
            </label>
          ))}
        </fieldset>
        {outcome === 'job' ? <ContractFields t={t} /> : null}
        <label>
          {t('followup.note')}
          <textarea name="note" maxLength={1000} rows={2} />
        </label>
        <button type="submit">{t('followup.save')}</button>
      </form>
    </section>
  );
}
