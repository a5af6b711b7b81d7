import { useId, useRef } from 'react';
import { localText } from '../../../i18n/text.ts';
import type { ValidationView } from '../../../schemas/validation-api.ts';
import { useRecordAction } from './use-record-action.ts';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormError } from './FormError.tsx';
import { formatDate } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { recordApi } from './record-api.ts';
import { ValidateSkillForm } from './ValidateSkillForm.tsx';

/** The apprentice's competence validations (standing and void), voiding one, and validating a skill. */
export function CompetencesSection(props: SectionProps) {
  const { data, changed, onSessionEnded } = props;
  const { t, lang } = useLocale();
  const { error, run } = useRecordAction({ changed, onSessionEnded });
  const skill = (id: string) => data.catalogue?.skills.find((candidate) => candidate.id === id);

  const voidOne = (validation: ValidationView, reason: string) => run(() => recordApi.voidValidation(validation.record.id, reason));

  return (
    <section aria-labelledby="record-competences">
      <h3 id="record-competences">{t('tutor.competences.title')}</h3>
      {data.validations.length === 0 ? (
        <p>{t('tutor.competences.none')}</p>
      ) : (
        <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="record-competences-caption">
          <table className="tutor-table tutor-validations">
            <caption id="record-competences-caption">{t('tutor.competences.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tutor.competences.skill')}</th>
                <th scope="col">{t('tutor.competences.level')}</th>
                <th scope="col">{t('tutor.competences.validator')}</th>
                <th scope="col">{t('tutor.hours.date')}</th>
                <th scope="col">{t('tutor.competences.photo')}</th>
                <th scope="col">{t('tutor.apprentice.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.validations.map((validation) => {
                const { record } = validation;
                const known = skill(record.skillId);
                const label = known ? localText(known.label, lang) : { text: record.skillId, lang: 'en' };
                const validator = record.validator.kind === 'company' ? t('tutor.competences.byCompany', { name: record.validator.name, role: record.validator.role, company: record.validator.company }) : record.validator.name;
                return (
                  <tr key={record.id} data-validation={record.id} className={validation.voided ? 'tutor-voided' : undefined}>
                    <th scope="row" lang={label.lang}>{label.text}</th>
                    <td>
                      {t('tutor.competences.levelValue', { level: record.level })}
                      {known && <span className="tutor-score">{known.levels[record.level]}</span>}
                    </td>
                    <td>{validator}{record.comment && <span className="tutor-score">{record.comment}</span>}</td>
                    <td><time dateTime={record.date}>{formatDate(record.date, lang)}</time></td>
                    <td>
                      {validation.evidenceUrl ? (
                        <a href={validation.evidenceUrl} target="_blank" rel="noopener">
                          <img src={validation.evidenceUrl} alt={t('tutor.competences.photoOf', { skill: label.text })} width={64} height={48} loading="lazy" className="tutor-thumb" />
                        </a>
                      ) : '—'}
                    </td>
                    <td>
                      {validation.voided ? (
                        <>{t('tutor.competences.voided', { date: formatDate(validation.voided.at.slice(0, 10), lang) })}<span className="tutor-score">{validation.voided.reason}</span></>
                      ) : (
                        <>
                          {t('tutor.competences.standing')}
                          <VoidButton onVoid={(reason) => voidOne(validation, reason)} skill={label.text} />
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={error} />
      <ValidateSkillForm {...props} />
    </section>
  );
}

/** "Void" asks for the reason in place; the service refuses one shorter than 3 characters. */
function VoidButton({ onVoid, skill }: { onVoid: (reason: string) => Promise<void>; skill: string }) {
  const { t } = useLocale();
  // Uncontrolled: typing must not re-render the question (which would move the focus).
  const reason = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <ConfirmButton label={t('tutor.competences.void')} question={t('tutor.competences.voidQuestion', { skill })} confirmLabel={t('tutor.competences.voidConfirm')} onConfirm={() => onVoid(reason.current?.value ?? '')}>
      <p className="tutor-field">
        <label htmlFor={id}>{t('tutor.competences.voidReason')}</label>
        <input id={id} ref={reason} minLength={3} maxLength={500} />
      </p>
    </ConfirmButton>
  );
}
