import { useState } from 'react';
import { ApiError, tutorApi } from './api.ts';
import type { CohortView } from '../../../schemas/centre-api.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/** The cohort's join code: copy it, make a new one (the old one stops working), open or close joining. */
export function JoinCodePanel({ cohort, onChanged, onSessionEnded }: { cohort: CohortView; onChanged: () => void; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setStatus({ ok: true, text: done });
      onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionEnded();
      else setStatus({ ok: false, text: errorText(caught) });
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(cohort.joinCode);
      setStatus({ ok: true, text: t('tutor.join.copied') });
    } catch {
      setStatus({ ok: false, text: t('tutor.join.copyFailed') });
    }
  }

  return (
    <div className="tutor-join">
      <p>
        {t('tutor.join.code')}{' '}
        <strong className="tutor-code" dir="ltr">{cohort.joinCode}</strong>{' '}
        <span className="badge">{cohort.joinOpen ? t('tutor.join.open') : t('tutor.join.closed')}</span>
      </p>
      <div className="tutor-actions">
        <button type="button" className="button secondary" onClick={copy} aria-label={t('tutor.join.copyLabel', { name: cohort.name })}>
          {t('tutor.join.copy')}
        </button>
        <ConfirmButton label={t('tutor.join.regenerate')} question={t('tutor.join.regenerateQuestion')} confirmLabel={t('tutor.join.regenerateConfirm')} onConfirm={() => run(() => tutorApi.newJoinCode(cohort.id), t('tutor.join.regenerated'))} />
        <button type="button" className="button secondary" onClick={() => run(() => tutorApi.updateCohort(cohort.id, { joinOpen: !cohort.joinOpen }), cohort.joinOpen ? t('tutor.join.closedNow') : t('tutor.join.openNow'))}>
          {cohort.joinOpen ? t('tutor.join.close') : t('tutor.join.reopen')}
        </button>
      </div>
      <p role="status" className={status && !status.ok ? 'tutor-error' : 'tutor-ok'}>{status?.text}</p>
    </div>
  );
}
