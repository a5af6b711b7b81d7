import { useState } from 'react';
import { ApiError } from './api.ts';

/**
 * What every change on an apprentice's page does around its call to the service: clear the last
 * error, mark the section busy (its buttons wait), refresh the record once it is stored, and on
 * a 401 hand over to the login; any other refusal is shown next to the form (FormError).
 */
export function useRecordAction({ changed, onSessionEnded }: { changed: () => void; onSessionEnded: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<unknown>): Promise<void> {
    setError(null);
    setBusy(true);
    try {
      await work();
      changed();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionEnded();
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}
