import { type FormEvent, useState } from 'react';
import { ApiError, tutorApi } from './api.ts';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/** The name the tutor knows the apprentice by (a first name or nickname, never an email or phone). */
export function NicknameForm({ apprenticeId, nickname, onSaved, onSessionEnded }: { apprenticeId: string; nickname: string | null; onSaved: (nickname: string | null) => void; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('nickname') ?? '').trim();
    try {
      const { apprentice } = await tutorApi.renameApprentice(apprenticeId, value || null);
      setMessage({ ok: true, text: t('tutor.nickname.saved') });
      onSaved(apprentice.nickname);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return onSessionEnded();
      setMessage({ ok: false, text: caught instanceof ApiError && caught.status === 400 ? t('tutor.nickname.invalid') : errorText(caught) });
    }
  }

  return (
    <details className="tutor-nickname">
      <summary>{t('tutor.nickname.title')}</summary>
      <form onSubmit={submit} noValidate>
        <p className="tutor-field">
          <label htmlFor="apprentice-nickname">{t('tutor.nickname.label')}</label>
          <input id="apprentice-nickname" name="nickname" defaultValue={nickname ?? ''} maxLength={40} aria-describedby="apprentice-nickname-hint" />
          <span id="apprentice-nickname-hint" className="tutor-hint">{t('tutor.nickname.hint')}</span>
        </p>
        {message && <p className={message.ok ? 'tutor-ok' : 'tutor-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
        <button type="submit" className="button">{t('tutor.nickname.submit')}</button>
      </form>
    </details>
  );
}
