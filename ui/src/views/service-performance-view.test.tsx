import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ServicePerformanceResponse } from '../api/types';
import { fakeApi } from '../testing/fake-api';
import ledger from '../testing/fixtures/ledger-performance.json';
import { renderApp } from '../testing/render-app';

/** What the collector answered for three ledger requests, the last of which failed. */
const performance = ledger as ServicePerformanceResponse;

describe('the service performance tab', () => {
  it('shows the collector’s figures for the service from one request', async () => {
    const { calls } = fakeApi({ '/api/services/ledger-svc/performance': performance });
    renderApp('/services/ledger-svc/performance');
    const stats = await screen.findByTestId('service-performance-stats');
    const stat = (label: string) =>
      within(stats).getByText(label).parentElement?.querySelector('.value')?.textContent;
    expect(stat('Events')).toBe('9');
    expect(stat('Traces')).toBe('3');
    expect(stat('Failures')).toBe('1');
    expect(stat('p50')).toBe('3.00 ms');
    expect(stat('p95')).toBe('6.00 ms');
    expect(stat('Events / s')).toBe('4.50');

    const operations = screen.getByRole('region', { name: 'Operations' });
    const row = (name: string) =>
      Array.from(
        within(operations).getByText(name).closest('tr')!.querySelectorAll('td'),
        (td) => td.textContent,
      );
    expect(row('HttpRequest(POST)')).toEqual([
      'HttpRequest(POST)',
      '3',
      '0',
      '3',
      '4.00 ms',
      '4.00 ms',
      '6.00 ms',
      '6.00 ms',
      '6.00 ms',
    ]);
    expect(row('Error(LedgerClosed)')).toEqual([
      'Error(LedgerClosed)',
      '1',
      '1',
      '0',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);

    const slowest = within(screen.getByRole('region', { name: 'Slowest events' })).getAllByRole(
      'row',
    );
    expect(slowest[1]!.textContent).toContain('6.00 ms');
    const perfCalls = calls.filter((c) => c.url.includes('/performance'));
    expect(perfCalls.map((c) => c.url)).toEqual(['/api/services/ledger-svc/performance']);
    expect(calls.some((c) => c.url.startsWith('/api/traces/'))).toBe(false);
  });

  it('says so when the collector knows no event of the service', async () => {
    fakeApi({});
    renderApp('/services/nobody/performance');
    expect((await screen.findByRole('alert')).textContent).toBe('service performance not found.');
  });

  it('says how many operations there are when the collector lists only the most frequent', async () => {
    fakeApi({
      '/api/services/ledger-svc/performance': { ...performance, operation_count: 250 },
    });
    renderApp('/services/ledger-svc/performance');
    const operations = await screen.findByRole('region', { name: 'Operations' });
    expect(operations.textContent).toContain('Operations: the 4 most frequent of 250');
  });
});
