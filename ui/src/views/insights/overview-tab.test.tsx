import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServicesList, TracesList } from '../../api/types';
import { fakeApi } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const traces: TracesList = {
  total_traces: 1,
  page: 1,
  page_size: 5,
  total_pages: 1,
  traces: [
    {
      trace_id: 'aaaaaaaa-0000-4000-8000-000000000001',
      event_count: 1,
      first_timestamp: '2024-01-01T12:00:00Z',
      last_timestamp: '2024-01-01T12:00:00Z',
      service_count: 1,
      services: ['bank'],
      has_races: false,
      race_count: 0,
    },
  ],
};

const services: ServicesList = {
  total_services: 2,
  services: [
    { name: 'bank', event_count: 1, trace_count: 1, last_activity: '2024-01-01T12:00:00Z' },
    { name: 'ledger', event_count: 4, trace_count: 2, last_activity: '2024-01-01T12:00:00Z' },
  ],
};

describe('the System insights overview', () => {
  it('counts one event and one trace in the singular, more in the plural', async () => {
    fakeApi({ '/api/traces': traces, '/api/services': services });
    renderApp('/insights');
    const panel = await screen.findByRole('region', { name: 'Service breakdown' });
    const bank = (await within(panel).findByText('bank')).closest('tr') as HTMLElement;
    expect(within(bank).getByText('1 trace')).toBeTruthy();
    expect(within(bank).getByText('1 event')).toBeTruthy();
    const ledger = within(panel).getByText('ledger').closest('tr') as HTMLElement;
    expect(within(ledger).getByText('2 traces')).toBeTruthy();
    expect(within(ledger).getByText('4 events')).toBeTruthy();
    const recent = screen.getByRole('region', { name: 'Recent traces' });
    expect(await within(recent).findByText('1 event')).toBeTruthy();
  });
});
