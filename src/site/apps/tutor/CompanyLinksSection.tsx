import { type FormEvent, useState } from 'react';
import { localText } from '../../../i18n/text.ts';
import { useRecordAction } from './use-record-action.ts';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormError } from './FormError.tsx';
import { formatDate } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { recordApi } from './record-api.ts';
import { companySkills, linkStatus, skillsOfPaths } from './record-model.ts';

/**
 * Links a company tutor opens to validate skills seen at work: issue one (the address is shown
 * once, to copy and send), list them with their status, revoke an unused one.
 */
export function CompanyLinksSection({ apprenticeId, data, changed, onSessionEnded }: SectionProps) {
  const { t, lang } = useLocale();
  const [issued, setIssued] = useState<{ url: string; company: string } | null>(null);
  const [copied, setCopied] = useState('');
  const { error, busy, run } = useRecordAction({ changed, onSessionEnded });
  const pathIds = data.paths.map((path) => path.pathId);
  const skills = data.catalogue ? skillsOfPaths(data.catalogue, pathIds) : [];
  const byDefault = new Set(companySkills(data.catalogue, pathIds));
  const label = (id: string) => {
    const skill = data.catalogue?.skills.find((candidate) => candidate.id === id);
    return skill ? localText(skill.label, lang).text : id;
  };
  const now = Date.now();

  async function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const chosen = fields.getAll('skills').map(String);
    setCopied('');
    await run(async () => {
      const answer = await recordApi.issueLink(apprenticeId, { company: String(fields.get('company') ?? ''), days: Number(fields.get('days')), ...(chosen.length > 0 ? { skills: chosen } : {}) });
      setIssued({ url: answer.url, company: answer.link.company });
      form.reset();
    });
  }

  return (
    <section aria-labelledby="record-links">
      <h3 id="record-links">{t('tutor.links.title')}</h3>
      {issued && (
        <div className="tutor-notice" role="status">
          <p>{t('tutor.links.issued', { company: issued.company })}</p>
          <p className="tutor-field">
            <label htmlFor="link-url">{t('tutor.links.url')}</label>
            <input id="link-url" readOnly value={issued.url} dir="ltr" onFocus={(event) => event.currentTarget.select()} />
          </p>
          <div className="tutor-actions">
            <button type="button" className="button" onClick={() => navigator.clipboard?.writeText(issued.url).then(() => setCopied(t('tutor.links.copied')), () => setCopied(t('tutor.links.copyFailed')))}>{t('tutor.links.copy')}</button>
            <button type="button" className="button secondary" onClick={() => setIssued(null)}>{t('tutor.links.done')}</button>
          </div>
          <p className="tutor-ok">{copied}</p>
          <p>{t('tutor.links.instructions')}</p>
        </div>
      )}
      {data.links.length === 0 ? (
        <p>{t('tutor.links.none')}</p>
      ) : (
        <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="record-links-caption">
          <table className="tutor-table tutor-links">
            <caption id="record-links-caption">{t('tutor.links.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tutor.links.company')}</th>
                <th scope="col">{t('tutor.links.skills')}</th>
                <th scope="col">{t('tutor.links.expires')}</th>
                <th scope="col">{t('tutor.apprentice.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((link) => {
                const status = linkStatus(link, now);
                return (
                  <tr key={link.id} data-link-status={status}>
                    <th scope="row">{link.company}</th>
                    <td>{link.skills.map(label).join(', ')}</td>
                    <td><time dateTime={link.expiresAt}>{formatDate(link.expiresAt.slice(0, 10), lang)}</time></td>
                    <td>
                      {t(`tutor.links.status.${status}`)}
                      {status === 'active' && (
                        <ConfirmButton
                          label={t('tutor.links.revoke')}
                          question={t('tutor.links.revokeQuestion', { company: link.company })}
                          confirmLabel={t('tutor.links.revokeConfirm')}
                          onConfirm={() => run(() => recordApi.revokeLink(apprenticeId, link.id))}
                        />
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
      <details>
        <summary>{t('tutor.links.add')}</summary>
        <form onSubmit={issue} className="tutor-form" aria-label={t('tutor.links.add')}>
          <p className="tutor-field">
            <label htmlFor="link-company">{t('tutor.links.company')}</label>
            <input id="link-company" name="company" required maxLength={120} autoComplete="organization" />
          </p>
          {skills.length > 0 && (
            <fieldset className="tutor-levels">
              <legend>{t('tutor.links.skills')}</legend>
              <p className="tutor-hint">{t('tutor.links.skillsHint')}</p>
              {skills.map((skill) => (
                <label key={skill.id}>
                  <input type="checkbox" name="skills" value={skill.id} defaultChecked={byDefault.has(skill.id)} />
                  <span>{label(skill.id)}</span>
                </label>
              ))}
            </fieldset>
          )}
          <p className="tutor-field">
            <label htmlFor="link-days">{t('tutor.links.days')}</label>
            <input id="link-days" name="days" type="number" required min={1} max={90} step={1} defaultValue={14} inputMode="numeric" />
          </p>
          <button type="submit" className="button" disabled={busy}>{t('tutor.links.submit')}</button>
        </form>
      </details>
    </section>
  );
}
