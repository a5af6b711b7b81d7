import { type ReactNode, useState } from 'react';
import { useLocale } from './i18n.tsx';

/** A button that asks before acting: the question and "Yes"/"Cancel" appear in place. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, children }: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<void> | void; children?: ReactNode }) {
  const { t } = useLocale();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="tutor-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      {children}
      <div className="tutor-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          // The question appears where the button was: take the focus there.
          ref={(element) => element?.focus()}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={() => setAsking(false)}>
          {t('tutor.cancel')}
        </button>
      </div>
    </div>
  );
}
