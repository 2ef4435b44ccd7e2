import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerRequest, postEvents } from './support/banking-scenario';
import { openDashboard, type DashboardSession } from './support/dashboard-session';

describe("a service's performance from the collector, against a real collector", () => {
  let session: DashboardSession;
  const ledgerTraces = Array.from({ length: 25 }, () => randomUUID());

  beforeAll(async () => {
    // 25 ledger requests a second apart; the collector reports on every one (n = 0..24).
    const base = Date.now() - 60_000;
    session = await openDashboard(async (baseUrl) => {
      for (const [n, id] of ledgerTraces.entries())
        await postEvents(baseUrl, ledgerRequest(id, base + n * 1_000, n));
    });
  });
  afterAll(() => session?.close());

  it("shows a service's performance over all its traces, from one request", async () => {
    const requests: string[] = [];
    session.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await session.open('/services/ledger-svc/performance');
    const stats = session.page.getByTestId('service-performance-stats');
    await stats.waitFor({ timeout: 30_000 });
    const shownAfter = [...requests];
    const stat = async (label: string) =>
      (await stats
        .locator('.stat', { has: session.page.getByText(label, { exact: true }) })
        .locator('.value')
        .textContent()) ?? '';
    // n = 0..24: HTTP (n+1)·2 ms = 2..50 ms, calls 3 ms each, writes without a duration; 75 events
    // from the first request's start to the last one's write, 24.002 s.
    expect(await stat('Events')).toBe('75');
    expect(await stat('Traces')).toBe('25');
    expect(await stat('Failures')).toBe('0');
    expect(await stat('Avg duration')).toBe('14.5 ms');
    expect(await stat('p50')).toBe('3.00 ms');
    expect(await stat('p95')).toBe('46.0 ms');
    expect(await stat('p99')).toBe('50.0 ms');
    expect(await stat('Events / s')).toBe('3.13');

    const types = session.page.getByRole('region', { name: 'Operations' });
    const row = async (type: string) =>
      (await types.locator('tr').filter({ hasText: type }).locator('td').allTextContents()).slice(
        0,
        4,
      );
    expect(await row('HttpRequest(POST)')).toEqual(['HttpRequest(POST)', '25', '0', '25']);
    // Per operation too: 2..50 ms, nearest rank.
    expect(
      await types
        .locator('tr')
        .filter({ hasText: 'HttpRequest(POST)' })
        .locator('td.num')
        .allTextContents(),
    ).toEqual(['26.0 ms', '26.0 ms', '48.0 ms', '50.0 ms', '50.0 ms']);
    expect(await row('FunctionCall(post_entry)')).toEqual([
      'FunctionCall(post_entry)',
      '25',
      '0',
      '25',
    ]);
    expect(await row('StateChange(ledger.total)')).toEqual([
      'StateChange(ledger.total)',
      '25',
      '0',
      '0',
    ]);
    await session.shots('31-service-performance');

    const slowest = session.page
      .getByRole('region', { name: 'Slowest events' })
      .locator('tbody tr');
    expect(await slowest.count()).toBe(10);
    expect(await slowest.first().locator('td').first().textContent()).toBe('50.0 ms');
    await slowest.first().getByRole('link', { name: 'HttpRequest(POST)' }).click();
    await session.page.getByTestId('event-details').waitFor();
    expect(session.page.url()).toContain(`/traces/${ledgerTraces[24]}/list?event=`);
    // The tab's figures came from one request, not from the service's traces one by one.
    const api = shownAfter.filter((p) => p.startsWith('/api/'));
    expect(api.filter((p) => p === '/api/services/ledger-svc/performance')).toHaveLength(1);
    expect(api.filter((p) => p.includes('/traces'))).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
