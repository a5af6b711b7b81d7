import { useRef } from 'react';
import { localizedUrl } from '../../../i18n/text.ts';
import type { CredentialView } from '../../../schemas/credential.ts';
import { useRecordAction } from './use-record-action.ts';
import type { SectionProps } from './ApprenticeRecord.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormError } from './FormError.tsx';
import { formatDate, stageTitleText } from './grid-model.ts';
import { useLocale } from './i18n.tsx';
import { recordApi } from './record-api.ts';

/**
 * The apprentice's Open Badges certificates: each links to its attestation page; a tutor revokes
 * one with a reason, and issues the path certificate (the service says why when it is not earned).
 */
export function CertificatesSection({ apprenticeId, data, changed, onSessionEnded }: SectionProps) {
  const { t, lang } = useLocale();
  const { error, busy, run } = useRecordAction({ changed, onSessionEnded });
  const attestation = (id: string) => `${localizedUrl(lang, '/attestation/')}?id=${encodeURIComponent(id)}`;

  const issuePath = (pathId: string) => run(() => recordApi.issuePathCredential(apprenticeId, pathId));

  return (
    <section aria-labelledby="record-certificates">
      <h3 id="record-certificates">{t('tutor.certificates.title')}</h3>
      {data.credentials.length === 0 ? (
        <p>{t('tutor.certificates.none')}</p>
      ) : (
        <div className="tutor-scroll" tabIndex={0} role="region" aria-labelledby="record-certificates-caption">
          <table className="tutor-table tutor-certificates">
            <caption id="record-certificates-caption">{t('tutor.certificates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tutor.certificates.name')}</th>
                <th scope="col">{t('tutor.certificates.issued')}</th>
                <th scope="col">{t('tutor.apprentice.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.credentials.map((credential) => (
                <tr key={credential.id} data-credential={credential.id}>
                  <th scope="row">
                    <a href={attestation(credential.id)}>{credential.name}</a>
                    <span className="tutor-score">{t(credential.kind === 'path' ? 'tutor.certificates.kindPath' : 'tutor.certificates.kindCompetence')}</span>
                  </th>
                  <td><time dateTime={credential.issuedAt}>{formatDate(credential.issuedAt.slice(0, 10), lang)}</time></td>
                  <td>
                    {credential.revokedAt ? (
                      <>{t('tutor.certificates.revoked', { date: formatDate(credential.revokedAt.slice(0, 10), lang) })}{credential.revokedReason && <span className="tutor-score">{credential.revokedReason}</span>}</>
                    ) : (
                      <>{t('tutor.certificates.valid')}<RevokeButton credential={credential} onRevoke={(reason) => run(() => recordApi.revokeCredential(credential.id, reason))} /></>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.paths.map((path) => (
        <p key={path.pathId} className="tutor-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void issuePath(path.pathId)}>
            {t('tutor.certificates.issuePath', { path: stageTitleText(path.title, lang).text })}
          </button>
          {!path.complete && <span className="tutor-hint">{t('tutor.certificates.notComplete')}</span>}
        </p>
      ))}
      <FormError error={error} />
    </section>
  );
}

function RevokeButton({ credential, onRevoke }: { credential: CredentialView; onRevoke: (reason: string) => Promise<void> }) {
  const { t } = useLocale();
  // Uncontrolled: typing must not re-render the question (which would move the focus).
  const reason = useRef<HTMLInputElement>(null);
  const id = `revoke-${credential.id}`;
  return (
    <ConfirmButton label={t('tutor.certificates.revoke')} question={t('tutor.certificates.revokeQuestion', { name: credential.name })} confirmLabel={t('tutor.certificates.revokeConfirm')} onConfirm={() => onRevoke(reason.current?.value.trim() ?? '')}>
      <p className="tutor-field">
        <label htmlFor={id}>{t('tutor.certificates.revokeReason')}</label>
        <input id={id} ref={reason} maxLength={500} />
      </p>
    </ConfirmButton>
  );
}
