import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents, transactionsTrace } from './support/banking-scenario';
import { openDashboard, type DashboardSession } from './support/dashboard-session';

describe('the events tree as transactions, against a real collector', () => {
  let session: DashboardSession;
  const transactions = randomUUID();

  beforeAll(async () => {
    session = await openDashboard((baseUrl) =>
      postEvents(baseUrl, transactionsTrace(transactions, Date.now() - 60_000)),
    );
  });
  afterAll(() => session?.close());

  it('groups the events tree into transactions rooted at HTTP requests', async () => {
    await session.open(`/traces/${transactions}/tree`);
    const tree = session.page.getByTestId('event-tree');
    await tree.getByTestId('transaction').first().waitFor();
    expect(await session.page.getByTestId('transaction-count').textContent()).toBe(
      '3 transactions: 2 HTTP requests, 1 other',
    );
    const groups = tree.getByTestId('transaction');
    expect(await groups.getByTestId('transaction-title').allTextContents()).toEqual([
      'POST /transfer',
      'GET /balance',
      'audit_sweep()',
    ]);
    expect(await groups.getByTestId('transaction-duration').allTextContents()).toEqual([
      '9.00 ms',
      '7.00 ms',
      '4.00 ms',
    ]);
    expect(await groups.first().textContent()).toContain('7 events');
    const text = (await tree.textContent()) ?? '';
    for (const label of [
      'transfer_money()',
      'acquire Mutex ledger-lock',
      'Read alice.balance',
      'Write alice.balance',
      'release Mutex ledger-lock',
      'HTTP 200',
      'HTTP 404',
    ])
      expect(text).toContain(label);
    await session.shots('30-tree-transactions');

    const rows = () => tree.locator('.vrow').count();
    expect(await rows()).toBe(12);
    await groups.first().getByRole('button', { name: 'Collapse' }).click();
    expect(await rows()).toBe(6);
    expect(await tree.textContent()).not.toContain('transfer_money()');
    await groups.first().getByRole('button', { name: 'Expand' }).click();
    expect(await rows()).toBe(12);
    expect(session.pageErrors).toEqual([]);
  });
});
