import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error';

/** Server data lives here. No retry on client errors (401 prompts for a key, 404 is final). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}
