import { useId, useState, type SubmitEvent, type ReactNode } from 'react';

/** A form that sends one code (join or recovery) and shows what went wrong in words. */
export function CodeForm({ title, intro, codeLabel, codeHint, submit, children, onSubmit }: {
  title: string; intro: string; codeLabel: string; codeHint: string; submit: string; children?: ReactNode;
  onSubmit: (form: FormData) => Promise<string | null>;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(await onSubmit(new FormData(event.currentTarget)));
    setBusy(false);
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p>{intro}</p>
      <form onSubmit={(event) => void send(event)} noValidate>
        <p className="field">
          <label htmlFor={`${id}-code`}>{codeLabel}</label>
          <input id={`${id}-code`} name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} dir="ltr" required aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? true : undefined} />
          <small id={`${id}-hint`}>{codeHint}</small>
        </p>
        {children}
        <p><button type="submit" className="button" disabled={busy}>{submit}</button></p>
        <p id={`${id}-error`} className="form-error" role="alert">{error ?? ''}</p>
      </form>
    </section>
  );
}
