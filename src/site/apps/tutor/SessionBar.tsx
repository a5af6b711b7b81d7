import { type FormEvent, useState } from 'react';
import { ApiError, tutorApi, type TutorSession } from './api.ts';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/** Who is signed in, change password, log out. */
export function SessionBar({ session, onSignedOut, onSessionEnded }: { session: TutorSession; onSignedOut: () => void; onSessionEnded: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);

  async function logout() {
    try {
      await tutorApi.logout();
      onSignedOut();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionEnded();
      else setError(errorText(caught));
    }
  }

  return (
    <div className="tutor-session">
      <p>{t('tutor.session.signedIn', { name: session.tutor.name, centre: session.centre.name })}</p>
      <div className="tutor-actions">
        <details className="tutor-password">
          <summary>{t('tutor.password.title')}</summary>
          <PasswordForm onSessionEnded={onSessionEnded} />
        </details>
        <button type="button" className="button secondary" onClick={logout}>
          {t('tutor.session.logout')}
        </button>
      </div>
      {error && <p className="tutor-error" role="alert">{error}</p>}
    </div>
  );
}

function PasswordForm({ onSessionEnded }: { onSessionEnded: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const current = String(form.get('current') ?? '');
    const password = String(form.get('password') ?? '');
    if (password.length < 10) return setMessage({ ok: false, text: t('tutor.password.tooShort') });
    if (password !== String(form.get('confirm') ?? '')) return setMessage({ ok: false, text: t('tutor.password.mismatch') });
    try {
      await tutorApi.changePassword(current, password);
      formElement.reset();
      setMessage({ ok: true, text: t('tutor.password.changed') });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return onSessionEnded();
      setMessage({ ok: false, text: caught instanceof ApiError && caught.code === 'wrong-password' ? t('tutor.password.wrongCurrent') : errorText(caught) });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="tutor-field">
        <label htmlFor="tutor-current">{t('tutor.password.current')}</label>
        <input id="tutor-current" name="current" type="password" autoComplete="current-password" dir="ltr" />
      </p>
      <p className="tutor-field">
        <label htmlFor="tutor-new">{t('tutor.password.new')}</label>
        <input id="tutor-new" name="password" type="password" autoComplete="new-password" minLength={10} aria-describedby="tutor-new-hint" dir="ltr" />
        <span id="tutor-new-hint" className="tutor-hint">{t('tutor.password.hint')}</span>
      </p>
      <p className="tutor-field">
        <label htmlFor="tutor-confirm">{t('tutor.password.confirm')}</label>
        <input id="tutor-confirm" name="confirm" type="password" autoComplete="new-password" dir="ltr" />
      </p>
      {message && <p className={message.ok ? 'tutor-ok' : 'tutor-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <button type="submit" className="button">{t('tutor.password.submit')}</button>
    </form>
  );
}
