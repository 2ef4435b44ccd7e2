import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { ensureUiBuilt, startCollector, type RunningCollector } from './support/collector-process';

describe('a collector that requires an API key', () => {
  let collector: RunningCollector;
  let browser: Browser;

  beforeAll(async () => {
    ensureUiBuilt();
    collector = await startCollector(['--api-key', 'e2e-secret']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('prompts for the key, then sends it as a header and never in a page URL', async () => {
    const page = await browser.newPage();
    const urls: string[] = [];
    const headers: string[] = [];
    page.on('request', (request) => {
      urls.push(request.url());
      const auth = request.headers()['authorization'];
      if (auth) headers.push(auth);
    });
    await page.goto(`${collector.baseUrl}/traces`);
    await page.getByLabel('API key', { exact: true }).fill('e2e-secret');
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByText(/No traces yet/).waitFor();
    await page.getByTestId('live-status').getByText('Live').waitFor();
    expect(headers).toContain('Bearer e2e-secret');
    // Only the EventSource stream, which cannot set headers, carries the key in its query.
    expect(
      urls
        .filter((u) => u.includes('e2e-secret'))
        .every((u) => new URL(u).pathname === '/api/stream'),
    ).toBe(true);
    expect(page.url()).not.toContain('e2e-secret');
  });
});
