import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** One URL query parameter as state (view state lives in the URL so every view has a deep link). */
export function useSearchParam(
  name: string,
): [string | null, (value: string | null, options?: { push?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null, options?: { push?: boolean }) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: !options?.push },
      );
    },
    [name, setParams],
  );
  return [params.get(name), set];
}
