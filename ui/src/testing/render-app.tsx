import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../app/query-client';
import { Shell } from '../app/shell';

/** Renders the whole dashboard at `path`, with a fresh query cache and an in-memory router. */
export function renderApp(path: string): RenderResult {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Shell />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
