import { type FormEvent, useState } from 'react';
import { ApiError, tutorApi } from './api.ts';
import { useErrorText } from './ErrorNotice.tsx';
import { useLocale } from './i18n.tsx';

/** Login and password; a wrong pair and too many tries are said plainly. */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useLocale();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get('login') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!login || !password) return setError(t('tutor.login.missing'));
    setBusy(true);
    setError(null);
    try {
      await tutorApi.login(login, password);
      onSignedIn();
    } catch (caught) {
      // 400 here means a login that cannot exist (not an id): same answer as a wrong one.
      setError(caught instanceof ApiError && (caught.status === 401 || caught.status === 400) ? t('tutor.login.wrong') : errorText(caught));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="tutor-login-title" className="tutor-login">
      <h2 id="tutor-login-title">{t('tutor.login.title')}</h2>
      <p>{t('tutor.login.intro')}</p>
      <form onSubmit={submit} noValidate>
        <p className="tutor-field">
          <label htmlFor="tutor-login">{t('tutor.login.login')}</label>
          <input id="tutor-login" name="login" autoComplete="username" autoCapitalize="none" spellCheck={false} required dir="ltr" />
        </p>
        <p className="tutor-field">
          <label htmlFor="tutor-password">{t('tutor.login.password')}</label>
          <input id="tutor-password" name="password" type="password" autoComplete="current-password" required dir="ltr" />
        </p>
        {error && (
          <p className="tutor-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('tutor.login.submit')}
        </button>
      </form>
    </section>
  );
}
