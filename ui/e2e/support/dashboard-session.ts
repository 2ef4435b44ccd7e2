import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { ensureUiBuilt, startCollector, type RunningCollector } from './collector-process';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');

export interface DashboardSession {
  collector: RunningCollector;
  page: Page;
  /** Uncaught errors of the page, for a final `expect(...).toEqual([])`. */
  pageErrors: string[];
  open(path: string): Promise<unknown>;
  /** One screenshot per theme (`NAME-dark.png`, `NAME-light.png`), so both get looked at. */
  shots(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real collector serving the built dashboard, loaded by `load`, and a Chromium page on it (dark
 * theme, 1440×900).
 */
export async function openDashboard(
  load: (baseUrl: string) => Promise<void>,
): Promise<DashboardSession> {
  mkdirSync(artifacts, { recursive: true });
  ensureUiBuilt();
  const collector = await startCollector();
  let browser: Browser | undefined;
  try {
    await load(collector.baseUrl);
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const opened = browser;
    return {
      collector,
      page,
      pageErrors,
      open: (path) => page.goto(`${collector.baseUrl}${path}`),
      shots: async (name) => {
        for (const scheme of ['dark', 'light'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.waitForFunction(
            (theme) => document.documentElement.dataset['theme'] === theme,
            scheme,
          );
          await page.screenshot({ path: join(artifacts, `${name}-${scheme}.png`) });
        }
        await page.emulateMedia({ colorScheme: 'dark' });
      },
      close: async () => {
        await opened.close();
        await collector.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await collector.stop();
    throw error;
  }
}
