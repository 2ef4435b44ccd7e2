import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACE_VIEWS } from '../src/views/trace-views';
import {
  hostileTrace,
  lockedLedger,
  postEvents,
  transferRequest,
  twoThreadTransfer,
  XSS_SCRIPT,
} from './support/banking-scenario';
import { launchChromium } from './support/browser';
import { ensureUiBuilt, startCollector, type RunningCollector } from './support/collector-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts');

describe('the dashboard served by a real collector loaded with the banking race', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const base = Date.now() - 10_000;
  const request1 = randomUUID();
  const request2 = randomUUID();
  const threads = randomUUID();
  const ledger = randomUUID();
  const hostile = randomUUID();

  const open = async (path: string) => {
    await page.goto(`${collector.baseUrl}${path}`);
  };
  const shot = (name: string) =>
    page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    ensureUiBuilt();
    collector = await startCollector();
    await postEvents(collector.baseUrl, [
      ...transferRequest(request1, base, 'req-1', 900),
      ...transferRequest(request2, base + 1, 'req-2', 800),
    ]);
    await postEvents(collector.baseUrl, twoThreadTransfer(threads, base + 100));
    await postEvents(collector.baseUrl, lockedLedger(ledger, base + 200));
    await postEvents(collector.baseUrl, hostileTrace(hostile, base + 300));
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'dark',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('lists every posted trace', async () => {
    await open('/traces');
    for (const id of [request1, request2, threads, ledger]) {
      await page.locator(`[data-trace-id="${id}"]`).waitFor();
    }
    await shot('01-trace-list');
    expect(await page.getByTestId('trace-total').textContent()).toBe('5 traces');
  });

  it('filters the list to traces with races through the URL', async () => {
    await open('/traces?has_races=true');
    await page.locator(`[data-trace-id="${threads}"]`).waitFor();
    expect(await page.locator(`[data-trace-id="${ledger}"]`).count()).toBe(0);
  });

  it('shows a race with both accesses side by side and why nothing orders them', async () => {
    await open(`/traces/${threads}/races`);
    await page.getByTestId('race-panel').waitFor();
    expect(await page.getByTestId('race-variable').textContent()).toBe('account_balance');
    const locations = await page.getByTestId('race-location').allTextContents();
    expect(locations).toHaveLength(2);
    expect(new Set(locations)).toEqual(new Set(['bank/transfer.ts:12', 'bank/transfer.ts:18']));
    await page.getByText('No happens-before path').waitFor();
    expect(await page.getByTestId('race-reasons').textContent()).toContain(
      'No common lock guards them',
    );
    await shot('02-race-panel');
  });

  it.each(TRACE_VIEWS.map((v) => v.id))(
    'renders the %s view of the two-thread trace without errors',
    async (view) => {
      await open(`/traces/${threads}/${view}`);
      await page.getByTestId('trace-title').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      expect(await page.locator('.tabs a.active').textContent()).toContain(
        TRACE_VIEWS.find((v) => v.id === view)?.label,
      );
      await shot(`03-view-${view}`);
    },
  );

  it('draws the causal graph with the race pairs', async () => {
    await open(`/traces/${threads}/dag`);
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(8);
    expect(await page.locator('.react-flow__node.race-node').count()).toBeGreaterThan(0);
  });

  it('shows lock holds and the contention of the ledger lock', async () => {
    await open(`/traces/${ledger}/locks`);
    await page.getByTestId('locks-view').waitFor();
    expect(await page.getByTestId('locks-view').textContent()).toContain('Contentions');
    await shot('04-locks');
  });

  it('opens an event in the sidebar from the list and keeps it in the URL', async () => {
    await open(`/traces/${threads}/list`);
    await page.locator('[data-event-id]').nth(1).click();
    await page.getByTestId('event-details').waitFor();
    expect(page.url()).toContain('?event=');
    await shot('05-event-details');
  });

  it.each(['overview', 'races', 'hotspots', 'performance', 'health', 'dependency-graph'])(
    'renders the %s insights tab',
    async (tab) => {
      await open(`/insights/${tab}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[role="alert"]').count()).toBe(0);
      await shot(`06-insights-${tab}`);
    },
  );

  it('reports the cross-trace race on alice.balance and opens it on the cross-trace audit view', async () => {
    await open('/insights/races');
    const races = page.getByTestId('global-races');
    await races.getByText('alice.balance').waitFor();
    await races.locator('a[href*="mode=cross-trace"]').first().click();
    await page.getByRole('region', { name: 'Cross-trace races' }).waitFor();
    expect(new URL(page.url()).searchParams.get('mode')).toBe('cross-trace');
    await page.getByText('Cross-trace races on alice.balance').waitFor();
  });

  it('renders the services page and a service page', async () => {
    await open('/services');
    await page.getByTestId('services-table').getByText('banking-api').waitFor();
    await page.getByTestId('services-table').getByText('gateway').waitFor();
    await page.locator('.react-flow__edge').first().waitFor();
    await shot('07-services');
    await open('/services/banking-api');
    await page.getByText('Called by (upstream)').waitFor();
    await shot('08-service');
  });

  it('toggles the theme and remembers the choice', async () => {
    await open('/traces');
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    expect(await theme()).toBe('dark');
    await page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('light');
    await page.reload();
    await page.getByTestId('trace-list').waitFor();
    expect(await theme()).toBe('light');
    await shot('09-light-theme');
  });

  it('lists the keyboard shortcuts on ?', async () => {
    await open('/traces');
    await page.getByTestId('trace-list').waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot('10-shortcuts');
    await page.keyboard.press('Escape');
  });

  it('shows a newly posted trace live, without a reload', async () => {
    await open('/traces');
    await page.getByTestId('live-status').getByText('Live').waitFor();
    const fresh = randomUUID();
    await postEvents(collector.baseUrl, transferRequest(fresh, Date.now(), 'req-3', 700));
    await page.locator(`[data-trace-id="${fresh}"]`).waitFor();
  });

  it('deletes a trace after a second click and returns to the list', async () => {
    const doomed = randomUUID();
    await postEvents(collector.baseUrl, transferRequest(doomed, Date.now(), 'req-9', 600));
    await open(`/traces/${doomed}/overview`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.waitForURL(`${collector.baseUrl}/traces`);
    await page.getByTestId('trace-list').waitFor();
    expect(await page.locator(`[data-trace-id="${doomed}"]`).count()).toBe(0);
    expect((await fetch(`${collector.baseUrl}/api/traces/${doomed}`)).status).toBe(404);
  });

  it('renders HTML payloads in names and values as text and never runs them', async () => {
    const views = [
      'overview',
      'list',
      'tree',
      'timeline',
      'dag',
      'locks',
      'races',
      'variables',
      'debugger',
    ];
    for (const view of views) {
      await open(`/traces/${hostile}/${view}`);
      await page.getByTestId('trace-title').waitFor();
      await page.waitForLoadState('networkidle');
    }
    await open(`/traces/${hostile}/races`);
    await page.getByTestId('race-variable').waitFor();
    expect(await page.getByTestId('race-variable').textContent()).toBe(XSS_SCRIPT);
    await shot('11-hostile-races');
    for (const path of ['/traces', '/services', '/insights/hotspots', '/insights/races']) {
      await open(path);
      await page.waitForLoadState('networkidle');
    }
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
