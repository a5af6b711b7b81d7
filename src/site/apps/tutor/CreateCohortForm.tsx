import { type FormEvent, useState } from 'react';
import { localText } from '../../../i18n/text.ts';
import { ApiError, tutorApi, type Catalogue } from './api.ts';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/** A new cohort: name, path from the catalogue, dates. The service gives it a join code. */
export function CreateCohortForm({ paths, onCreated, onSessionEnded }: { paths: Catalogue['paths']; onCreated: (cohortId: string) => void; onSessionEnded: () => void }) {
  const { t, lang } = useLocale();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const body = { name: text('name') ?? '', pathId: text('pathId'), startsOn: text('startsOn'), endsOn: text('endsOn') };
    if (!body.name) return setError(t('tutor.create.nameMissing'));
    if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) return setError(t('tutor.create.datesOrder'));
    try {
      const { cohort } = await tutorApi.createCohort(body);
      onCreated(cohort.id);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionEnded();
      else setError(errorText(caught));
    }
  }

  return (
    <details className="tutor-create">
      <summary>{t('tutor.create.title')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="tutor-field">
          <label htmlFor="cohort-name">{t('tutor.create.name')}</label>
          <input id="cohort-name" name="name" maxLength={120} required />
        </p>
        <p className="tutor-field">
          <label htmlFor="cohort-path">{t('tutor.create.path')}</label>
          <select id="cohort-path" name="pathId" defaultValue="">
            <option value="">{t('tutor.create.noPath')}</option>
            {paths.map((path) => {
              const title = localText(path.title, lang);
              return (
                <option key={path.id} value={path.id} lang={title.lang}>
                  {title.text}
                </option>
              );
            })}
          </select>
        </p>
        <div className="tutor-dates">
          <p className="tutor-field">
            <label htmlFor="cohort-start">{t('tutor.create.startsOn')}</label>
            <input id="cohort-start" name="startsOn" type="date" />
          </p>
          <p className="tutor-field">
            <label htmlFor="cohort-end">{t('tutor.create.endsOn')}</label>
            <input id="cohort-end" name="endsOn" type="date" />
          </p>
        </div>
        {error && <p className="tutor-error" role="alert">{error}</p>}
        <button type="submit" className="button">{t('tutor.create.submit')}</button>
      </form>
    </details>
  );
}
