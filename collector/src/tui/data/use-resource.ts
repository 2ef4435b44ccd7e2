import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Loads again, keeping the current data on screen until the new one arrives. */
  reload(): void;
}

/**
 * Loads `load()` when `key` changes and on `reload()`. Answers that arrive after a newer request started are
 * dropped, so a slow old response never overwrites a newer one.
 */
export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean; key: string }>({
    loading: true,
    key,
  });
  const generation = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    latestLoad.current().then(
      (data) => {
        if (mine === generation.current) setState({ data, loading: false, key });
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        const error = err instanceof Error ? err : new Error(String(err));
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
  }, [key]);

  useEffect(() => {
    setState((s) => (s.key === key ? s : { loading: true, key }));
    run();
  }, [run, key]);

  const sameKey = state.key === key;
  return {
    data: sameKey ? state.data : undefined,
    error: sameKey ? state.error : undefined,
    loading: state.loading || !sameKey,
    reload: run,
  };
}
