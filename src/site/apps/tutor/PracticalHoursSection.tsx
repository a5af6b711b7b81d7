import type { FormEvent } from 'react';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormError } from './FormError.tsx';
import { formatDate, formatHours, stageTitleText } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { useRecordAction } from './use-record-action.ts';
import { recordApi } from './record-api.ts';
import { localDay } from './record-model.ts';

const kinds = ['workshop', 'internship', 'other'] as const;

/** Practical hours (workshop, internship…) logged for a path stage: list, add, delete. */
export function PracticalHoursSection({ apprenticeId, data, changed, onSessionEnded }: SectionProps) {
  const { t, lang } = useLocale();
  const { error, busy, run } = useRecordAction({ changed, onSessionEnded });
  const stageName = (pathId: string, stage: number) => {
    const path = data.paths.find((candidate) => candidate.pathId === pathId);
    const title = path?.stages[stage] ? stageTitleText(path.stages[stage].title, lang).text : '';
    return `${t('tutor.stage.number', { number: stage + 1 })}${title ? ` · ${title}` : ''}`;
  };

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const [pathId, stage] = String(fields.get('stage')).split('|');
    const note = String(fields.get('note') ?? '').trim();
    await run(async () => {
      await recordApi.addHours(apprenticeId, { pathId, stage: Number(stage), date: String(fields.get('date')), hours: Number(fields.get('hours')), kind: String(fields.get('kind')) as (typeof kinds)[number], ...(note ? { note } : {}) });
      form.reset();
    });
  }

  return (
    <section aria-labelledby="record-hours">
      <h3 id="record-hours">{t('tutor.hours.title')}</h3>
      {data.hours.length === 0 ? (
        <p>{t('tutor.hours.none')}</p>
      ) : (
        <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="record-hours-caption">
          <table className="tutor-table tutor-hours-list">
            <caption id="record-hours-caption">{t('tutor.hours.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tutor.hours.date')}</th>
                <th scope="col">{t('tutor.hours.hours')}</th>
                <th scope="col">{t('tutor.hours.kind')}</th>
                <th scope="col">{t('tutor.path.stage')}</th>
                <th scope="col">{t('tutor.hours.note')}</th>
                <th scope="col"><span className="visually-hidden">{t('tutor.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.hours.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row"><time dateTime={entry.date}>{formatDate(entry.date, lang)}</time></th>
                  <td>{t('tutor.hours', { hours: formatHours(entry.hours, lang) })}</td>
                  <td>{t(`tutor.hours.kind.${entry.kind}`)}</td>
                  <td>{stageName(entry.pathId, entry.stage)}</td>
                  <td>{entry.note ?? ''}</td>
                  <td>
                    <ConfirmButton
                      label={t('tutor.hours.delete')}
                      question={t('tutor.hours.deleteQuestion', { hours: formatHours(entry.hours, lang), date: formatDate(entry.date, lang) })}
                      confirmLabel={t('tutor.hours.deleteConfirm')}
                      onConfirm={() => run(() => recordApi.deleteHours(apprenticeId, entry.id))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.paths.length > 0 && (
        <details>
          <summary>{t('tutor.hours.add')}</summary>
          <form onSubmit={add} className="tutor-form">
            <p className="tutor-field">
              <label htmlFor="hours-date">{t('tutor.hours.date')}</label>
              <input id="hours-date" name="date" type="date" required defaultValue={localDay(new Date())} max={localDay(new Date())} />
            </p>
            <p className="tutor-field">
              <label htmlFor="hours-hours">{t('tutor.hours.hours')}</label>
              <input id="hours-hours" name="hours" type="number" required min={0.25} max={24} step={0.25} inputMode="decimal" aria-describedby="hours-hours-hint" />
              <small id="hours-hours-hint" className="tutor-hint">{t('tutor.hours.hoursHint')}</small>
            </p>
            <p className="tutor-field">
              <label htmlFor="hours-kind">{t('tutor.hours.kind')}</label>
              <select id="hours-kind" name="kind" defaultValue="workshop">
                {kinds.map((kind) => <option key={kind} value={kind}>{t(`tutor.hours.kind.${kind}`)}</option>)}
              </select>
            </p>
            <p className="tutor-field">
              <label htmlFor="hours-stage">{t('tutor.path.stage')}</label>
              <select id="hours-stage" name="stage" defaultValue={`${data.paths[0]!.pathId}|${data.paths[0]!.stageReached ?? 0}`}>
                {data.paths.map((path) => (
                  <optgroup key={path.pathId} label={stageTitleText(path.title, lang).text}>
                    {path.stages.map((stage) => <option key={stage.index} value={`${path.pathId}|${stage.index}`}>{stageName(path.pathId, stage.index)}</option>)}
                  </optgroup>
                ))}
              </select>
            </p>
            <p className="tutor-field">
              <label htmlFor="hours-note">{t('tutor.hours.note')}</label>
              <input id="hours-note" name="note" maxLength={1000} />
            </p>
            <button type="submit" className="button" disabled={busy}>{t('tutor.hours.save')}</button>
          </form>
        </details>
      )}
      <FormError error={error} />
    </section>
  );
}
