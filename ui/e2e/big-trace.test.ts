import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigTrace, postEvents } from './support/banking-scenario';
import { launchChromium } from './support/browser';
import { ensureUiBuilt, startCollector, type RunningCollector } from './support/collector-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts');

describe('a 10k-event trace', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let page: Page;
  const traceId = randomUUID();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    ensureUiBuilt();
    collector = await startCollector();
    const batch = bigTrace(traceId, Date.now() - 60_000, 40, 250);
    for (let i = 0; i < batch.length; i += 1000)
      await postEvents(collector.baseUrl, batch.slice(i, i + 1000));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('opens in the list view with only the visible rows in the DOM, and scrolls to the end', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/list`);
    await page.locator('[data-event-id]').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('trace-title').textContent()).toBe(traceId);
    const rendered = await page.locator('[data-event-id]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    await page.getByTestId('event-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="event-list"]')?.textContent?.includes('worker-') ??
        false,
    );
    await page.screenshot({ path: join(artifacts, '20-big-list.png') });
  });

  it('groups the tree into transactions with only the visible rows in the DOM', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/tree`);
    await page.getByTestId('transaction').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('transaction-count').textContent()).toBe(
      '40 transactions: 0 HTTP requests, 40 other',
    );
    const rendered = await page.getByTestId('event-tree').locator('.vrow').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(200);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    // Collapsed, each of the 40 groups is one row.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="event-tree"] .vrow').length === 40,
    );
    expect(await page.getByTestId('event-tree').locator('.vrow').count()).toBe(40);
    await page.screenshot({ path: join(artifacts, '24-big-tree.png') });
  });

  it('caps the causal graph with a visible notice', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/dag`);
    await page.getByRole('status').filter({ hasText: 'Large graph' }).waitFor({ timeout: 60_000 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(artifacts, '21-big-dag.png') });
  });

  it('opens the races view with a virtualised list of race groups', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/races`);
    await page.getByTestId('race-panel').waitFor({ timeout: 60_000 });
    expect(await page.locator('.race-item').count()).toBeLessThan(60);
    await page.screenshot({ path: join(artifacts, '23-big-races.png') });
  });

  it('windows the audit trail of a hot variable', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/variables?variable=counter.3`);
    await page
      .getByRole('status')
      .filter({ hasText: 'Showing accesses 1–300 of' })
      .waitFor({ timeout: 60_000 });
    await page.keyboard.press('End');
    await page.getByRole('status').filter({ hasText: 'around the current step' }).waitFor();
    expect(await page.getByTestId('audit-table').locator('tbody tr').count()).toBe(300);
  });

  it('renders the timeline lanes virtualised', async () => {
    await page.goto(`${collector.baseUrl}/traces/${traceId}/timeline`);
    await page.locator('.tl-lane').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.tl-lane').count()).toBeLessThan(41);
    await page.screenshot({ path: join(artifacts, '22-big-timeline.png') });
  });
});
