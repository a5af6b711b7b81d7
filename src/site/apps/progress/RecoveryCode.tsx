import { useEffect, useRef, useState } from 'react';

/**
 * The recovery code, shown once right after joining: big, with plain words to write it down,
 * copy and print. Nothing keeps it: once dismissed it is gone from this device.
 */
export function RecoveryCode({ code, t, onDone }: { code: string; t: (key: string) => string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard (plain-http address): select the code so a long press copies it.
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('recovery-code')!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  };
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title" tabIndex={-1} ref={heading}>{t('progress.recovery.title')}</h2>
      <p className="recovery-code" id="recovery-code" dir="ltr" translate="no">{code}</p>
      <p><strong>{t('progress.recovery.write')}</strong></p>
      <p className="actions">
        <button type="button" className="button secondary" onClick={() => void copy()}>{t('progress.recovery.copy')}</button>
        <button type="button" className="button secondary" onClick={() => window.print()}>{t('progress.recovery.print')}</button>
        <button type="button" className="button" onClick={onDone}>{t('progress.recovery.written')}</button>
      </p>
      <p role="status">{copied ? t('progress.recovery.copied') : ''}</p>
    </section>
  );
}
