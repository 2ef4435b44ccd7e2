import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents, transactionsTrace, twoThreadTransfer } from './support/banking-scenario';
import { openDashboard, type DashboardSession } from './support/dashboard-session';

describe('the audit trail focus and graph sub-views, against a real collector', () => {
  let session: DashboardSession;
  const transactions = randomUUID();
  const threads = randomUUID();

  beforeAll(async () => {
    const base = Date.now() - 60_000;
    session = await openDashboard(async (baseUrl) => {
      await postEvents(baseUrl, transactionsTrace(transactions, base));
      await postEvents(baseUrl, twoThreadTransfer(threads, base + 500));
    });
  });
  afterAll(() => session?.close());

  it('focuses an access between its neighbours and steps with the keyboard', async () => {
    await session.open(`/traces/${threads}/variables?variable=account_balance&mode=focus&access=2`);
    const focus = session.page.getByTestId('audit-focus');
    await focus.waitFor();
    expect(await focus.getByTestId('focus-current').textContent()).toContain('thread-1');
    expect(await focus.getByTestId('focus-previous').textContent()).toContain('thread-2');
    expect(await focus.getByTestId('focus-link-previous').textContent()).toContain('RACE');
    expect(await focus.getByTestId('focus-link-next').textContent()).toContain('RACE');
    expect(await focus.getByTestId('focus-races').locator('li').count()).toBe(2);
    await session.shots('32-audit-focus');

    await session.page.keyboard.press('Home');
    await focus.getByText('First access').waitFor();
    expect(await focus.getByTestId('focus-link-next').textContent()).toContain(
      'concurrent, no race',
    );
    await session.page.keyboard.press('End');
    await focus.getByText('Last access').waitFor();
    expect(session.page.url()).toContain('access=3');

    await session.open(
      `/traces/${transactions}/variables?variable=alice.balance&mode=focus&access=1`,
    );
    await focus.waitFor();
    expect(await focus.getByTestId('focus-link-previous').textContent()).toContain(
      'happens-before',
    );
  });

  it('draws the access graph with causal links and race pairs', async () => {
    await session.open(`/traces/${threads}/variables?variable=account_balance&mode=graph&access=2`);
    const graph = session.page.getByTestId('audit-graph');
    await graph.locator('.react-flow__node').first().waitFor();
    expect(await graph.locator('.react-flow__node').count()).toBe(4);
    expect(await graph.locator('.react-flow__node.race-node').count()).toBe(2);
    const edge = (id: string) => graph.getByTestId(`rf__edge-${id}`);
    // R1 → R2 unordered reads; R2 → W1 and W1 → W2 races; R1–W2 the non-adjacent race pair.
    for (const id of ['unordered-0', 'race-1', 'race-2', 'racepair-0'])
      expect(await edge(id).count()).toBe(1);
    expect(await graph.locator('.react-flow__edge').count()).toBe(4);
    await session.shots('33-audit-graph');

    await graph.locator('.react-flow__node').filter({ hasText: '#4' }).click();
    await session.page.waitForURL(/access=3/);
    await session.page.getByRole('button', { name: 'Debugger' }).click();
    await session.page.getByTestId('audit-table').waitFor();
    await session.page.getByRole('button', { name: 'Cross-trace' }).click();
    await session.page.getByRole('region', { name: 'Cross-trace races' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
