import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './http-app-harness.js';
import { json, startHttpApp } from './http-app-harness.js';

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';
const ASSET = 'console.log("raceway")';

describe('dashboard', () => {
  let h: Harness;
  let uiDir: string;
  beforeAll(() => {
    uiDir = mkdtempSync(join(tmpdir(), 'raceway-ui-'));
    mkdirSync(join(uiDir, 'assets'));
    writeFileSync(join(uiDir, 'index.html'), INDEX);
    writeFileSync(join(uiDir, 'assets', 'index-Bq3xZ9aK.js'), ASSET);
    writeFileSync(join(uiDir, 'favicon.svg'), '<svg/>');
  });
  afterAll(() => rmSync(uiDir, { recursive: true, force: true }));
  afterEach(() => h.close());

  it('serves index.html at / and for client-side routes, not cached', async () => {
    h = await startHttpApp({ api: { uiDir, apiKeys: ['k'] } });
    for (const path of ['/', '/traces/8d6a94fa-c976-46a1-b3ec-70917dca9b60', '/system/insights']) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets as immutable', async () => {
    h = await startHttpApp({ api: { uiDir } });
    const res = await fetch(`${h.url}/assets/index-Bq3xZ9aK.js`);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(ASSET);
    const icon = await fetch(`${h.url}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset and an unknown API path with a JSON 404, not the page', async () => {
    h = await startHttpApp({ api: { uiDir } });
    for (const path of ['/assets/gone-12345678.js', '/api/unknown', '/v1/metrics']) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status).toBe(404);
      expect(await json(res)).toMatchObject({ success: false, data: null });
    }
  });

  it('never serves files outside the dashboard folder', async () => {
    mkdirSync(join(uiDir, 'site'));
    writeFileSync(join(uiDir, 'site', 'index.html'), INDEX);
    writeFileSync(join(uiDir, 'secret.txt'), 'TOP-SECRET-CONTENT');
    h = await startHttpApp({ api: { uiDir: join(uiDir, 'site') } });
    for (const path of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/x/..%2f..%2fsecret.txt']) {
      const res = await fetch(`${h.url}${path}`);
      expect(await res.text()).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  it('explains how to build the UI when it is not built', async () => {
    h = await startHttpApp({ api: { uiDir: join(uiDir, 'missing') } });
    const res = await fetch(`${h.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/npm run build/);
    expect((await fetch(`${h.url}/traces`)).status).toBe(404);
  });
});
