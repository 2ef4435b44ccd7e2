import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { fetchApi } from '../api/fetch-api';
import { keys } from '../api/queries';

/** `DELETE /api/traces/:id`, behind a second click (no browser dialog). */
export function DeleteTraceButton({ traceId }: { traceId: string }) {
  const [armed, setArmed] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      fetchApi<unknown>(`/api/traces/${encodeURIComponent(traceId)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: keys.trace(traceId) });
      await client.invalidateQueries({ queryKey: keys.traces });
      void navigate('/traces');
    },
  });
  if (remove.isError)
    return <span className="danger-text small">Delete failed: {remove.error.message}</span>;
  return armed ? (
    <span className="row">
      <button
        className="primary"
        style={{ background: 'var(--danger)', borderColor: 'var(--danger)' }}
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        Confirm delete
      </button>
      <button onClick={() => setArmed(false)}>Cancel</button>
    </span>
  ) : (
    <button onClick={() => setArmed(true)} title="Delete this trace from the collector">
      Delete
    </button>
  );
}
