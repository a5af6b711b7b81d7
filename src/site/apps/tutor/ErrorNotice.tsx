import { ApiError } from './api.ts';
import { useLocale } from './i18n.tsx';

/** A failed call said plainly: no service, session over, too many tries, or the service's own message. */
export function useErrorText() {
  const { t } = useLocale();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('tutor.error.unexpected', { message: String((error as Error)?.message ?? error) });
    if (error.kind === 'unreachable') return navigator.onLine === false ? t('tutor.error.offline') : t('tutor.error.unreachable');
    if (error.kind === 'unexpected') return t('tutor.error.unexpected', { message: error.message });
    if (error.status === 401) return t('tutor.error.session');
    if (error.status === 429) return t('tutor.error.tooMany', { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
    if (error.status === 403 || error.status === 404) return t('tutor.error.notYours');
    return t('tutor.error.refused', { message: error.message });
  };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLocale();
  const text = useErrorText();
  return (
    <div className="tutor-notice tutor-error" role="alert">
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('tutor.retry')}
        </button>
      )}
    </div>
  );
}
