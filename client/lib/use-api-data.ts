/**
 * Loads data from the API for a page, again whenever `key` changes or `reload`
 * is called; answers that arrive after the page moved on are ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from './api';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiRequestError }
  | { readonly status: 'ready'; readonly data: T };

export function asApiError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  return new ApiRequestError(0, 'client', 'Something went wrong in this page. Reload it.');
}

const LOADING = { status: 'loading' } as const;

export function useApiData<T>(key: string, load: () => Promise<T>): [Loaded<T>, () => void] {
  // The key is kept with the answer, so that a page for another key never shows stale data.
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: LOADING });
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `version` are the triggers.
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => current && setState({ key, loaded: { status: 'ready', data } }),
      (error: unknown) =>
        current && setState({ key, loaded: { status: 'error', error: asApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [state.key === key ? state.loaded : LOADING, reload];
}
