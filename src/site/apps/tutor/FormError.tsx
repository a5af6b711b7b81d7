import { useErrorText } from './ErrorNotice.tsx';

/** A failed save said next to its form (the form stays filled so it can be corrected). */
export function FormError({ error }: { error: unknown }) {
  const text = useErrorText();
  return <p className="tutor-error" role="alert">{error === null ? '' : text(error)}</p>;
}
