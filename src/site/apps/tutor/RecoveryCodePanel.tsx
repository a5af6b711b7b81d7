import { useState } from 'react';
import { ApiError, tutorApi } from './api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/**
 * A new recovery code for an apprentice who lost theirs: the old one stops working; "lost phone"
 * also signs them out everywhere. The new code is shown once, to hand over in person.
 */
export function RecoveryCodePanel({ apprenticeId, onSessionEnded }: { apprenticeId: string; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [revokeSessions, setRevokeSessions] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function reissue() {
    setError(null);
    try {
      const answer = await tutorApi.reissueRecoveryCode(apprenticeId, revokeSessions);
      setCode(answer.recoveryCode);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionEnded();
      else setError(errorText(caught));
    }
  }

  return (
    <section aria-labelledby="recovery-title" className="tutor-recovery">
      <h3 id="recovery-title">{t('tutor.recovery.title')}</h3>
      <p>{t('tutor.recovery.intro')}</p>
      {code ? (
        <div className="tutor-notice" role="status">
          <p>{t('tutor.recovery.newCode')}</p>
          <p className="tutor-code tutor-code-large" dir="ltr">{code}</p>
          <p>{t('tutor.recovery.handOver')}</p>
          <button type="button" className="button secondary" onClick={() => setCode(null)}>
            {t('tutor.recovery.done')}
          </button>
        </div>
      ) : (
        <ConfirmButton label={t('tutor.recovery.reissue')} question={t('tutor.recovery.question')} confirmLabel={t('tutor.recovery.confirm')} onConfirm={reissue}>
          <p>
            <label>
              <input type="checkbox" checked={revokeSessions} onChange={(event) => setRevokeSessions(event.target.checked)} /> {t('tutor.recovery.revoke')}
            </label>
          </p>
        </ConfirmButton>
      )}
      {error && <p className="tutor-error" role="alert">{error}</p>}
    </section>
  );
}
