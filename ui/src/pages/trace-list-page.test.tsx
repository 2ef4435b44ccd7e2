import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TracesList } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { filtersFromParams } from './trace-list-page';

describe('filtersFromParams', () => {
  it('reads every list filter from the URL and ignores defaults', () => {
    expect(
      filtersFromParams(
        new URLSearchParams(
          'service=api&variable=alice.balance&has_races=true&min_events=5&q=ab12',
        ),
      ),
    ).toEqual({
      service: 'api',
      variable: 'alice.balance',
      hasRaces: true,
      minEvents: 5,
      q: 'ab12',
    });
    expect(filtersFromParams(new URLSearchParams('min_events=1&has_races=false'))).toEqual({});
  });
});

describe('the trace list', () => {
  it('passes the URL filters to the API and shows the matching traces', async () => {
    const api = fakeApi({
      '/api/traces': {
        total_traces: 1,
        page: 1,
        page_size: 200,
        total_pages: 1,
        traces: [
          {
            trace_id: 'aaaaaaaa-0000-4000-8000-000000000001',
            event_count: 6,
            first_timestamp: '2024-01-01T12:00:00Z',
            last_timestamp: '2024-01-01T12:00:00.012Z',
            service_count: 1,
            services: ['<b>bank</b>'],
            has_races: true,
            race_count: 1,
          },
        ],
      } satisfies TracesList,
      '/api/services': { total_services: 0, services: [] },
    });
    renderApp('/traces?has_races=true&variable=alice.balance');
    await screen.findByText('aaaaaaaa-0000-4000-8000-000000000001');
    expect(screen.getByText('<b>bank</b>')).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByTitle('racing pairs').textContent).toBe('1 race');
    expect(screen.getByTestId('trace-total').textContent).toBe('1 trace');
    const listCall = api.calls.find((c) => c.url.startsWith('/api/traces'));
    expect(listCall?.url).toContain('has_races=true');
    expect(listCall?.url).toContain('variable=alice.balance');
  });
});
