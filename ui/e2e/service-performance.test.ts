import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerRequest, postEvents } from './support/banking-scenario';
import { openDashboard, type DashboardSession } from './support/dashboard-session';

describe("a service's performance computed in the browser, against a real collector", () => {
  let session: DashboardSession;
  const ledgerTraces = Array.from({ length: 25 }, () => randomUUID());

  beforeAll(async () => {
    // 25 ledger requests a second apart: the performance view reads the 20 newest (n = 5..24).
    const base = Date.now() - 60_000;
    session = await openDashboard(async (baseUrl) => {
      for (const [n, id] of ledgerTraces.entries())
        await postEvents(baseUrl, ledgerRequest(id, base + n * 1_000, n));
    });
  });
  afterAll(() => session?.close());

  it("computes a service's performance from its 20 most recent traces", async () => {
    await session.open('/services/ledger-svc/performance');
    const stats = session.page.getByTestId('service-performance-stats');
    await stats.waitFor({ timeout: 30_000 });
    const stat = async (label: string) =>
      (await stats
        .locator('.stat', { has: session.page.getByText(label, { exact: true }) })
        .locator('.value')
        .textContent()) ?? '';
    // n = 5..24: HTTP (n+1)·2 ms = 12..50 ms, calls 3 ms each, writes without a duration.
    expect(await stat('Events')).toBe('60');
    expect(await stat('Traces')).toBe('20');
    expect(await stat('Avg duration')).toBe('17.0 ms');
    expect(await stat('p50')).toBe('12.0 ms');
    expect(await stat('p95')).toBe('46.0 ms');
    expect(await stat('p99')).toBe('50.0 ms');
    expect(await stat('Events / s')).toBe('3.16');

    const types = session.page.getByRole('region', { name: 'Event types' });
    const row = async (type: string) =>
      (await types.locator('tr').filter({ hasText: type }).locator('td').allTextContents()).slice(
        0,
        4,
      );
    expect(await row('HttpRequest')).toEqual(['HttpRequest', '20', '20', '31.0 ms']);
    expect(await row('FunctionCall')).toEqual(['FunctionCall', '20', '20', '3.00 ms']);
    expect(await row('StateChange')).toEqual(['StateChange', '20', '0', '—']);
    await session.shots('31-service-performance');

    const slowest = session.page
      .getByRole('region', { name: 'Slowest events' })
      .locator('tbody tr');
    expect(await slowest.count()).toBe(10);
    expect(await slowest.first().locator('td').first().textContent()).toBe('50.0 ms');
    await slowest.first().getByRole('link', { name: 'POST /pay' }).click();
    await session.page.getByTestId('event-details').waitFor();
    expect(session.page.url()).toContain(`/traces/${ledgerTraces[24]}/list?event=`);
    expect(session.pageErrors).toEqual([]);
  });
});
