import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; data: T };

/**
 * Loads data for a view and reloads it on demand; a 401 (the session ended elsewhere, e.g. a
 * password change) hands over to `onSessionEnded` instead of showing an error.
 */
export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[], onSessionEnded: () => void): [Loaded<T>, () => void, (data: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // A reload keeps what is shown until the fresh data comes; new keys (another cohort) do not.
  const reloading = useRef(false);
  useEffect(() => {
    let current = true;
    const keep = reloading.current;
    reloading.current = false;
    setLoaded((previous) => (keep && previous.state === 'ready' ? previous : { state: 'loading' }));
    load().then(
      (data) => current && setLoaded({ state: 'ready', data }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) onSessionEnded();
        else setLoaded({ state: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render: the keys say when it means new data.
  }, [...keys, round]);
  const reload = useCallback(() => {
    reloading.current = true;
    setRound((value) => value + 1);
  }, []);
  const replace = useCallback((data: T) => setLoaded({ state: 'ready', data }), []);
  return [loaded, reload, replace];
}
