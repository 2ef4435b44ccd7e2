import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-error';

/** Loading and error states of a query, so each view only renders data. */
export function QueryState<T>({
  query,
  children,
  label,
}: {
  query: UseQueryResult<T>;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) {
    const error = query.error;
    const text =
      error instanceof ApiError && error.notFound
        ? `${label} not found.`
        : `Could not load ${label}: ${error.message}`;
    return (
      <div className="error-box" role="alert">
        {text}
      </div>
    );
  }
  return <div className="empty">Loading {label}…</div>;
}
