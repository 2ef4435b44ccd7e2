import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import { getJson } from './http-app-harness.js';

const TRACE_HEX = '5b8efff798038103d269b633813fc60c';
const TRACE_ID = '5b8efff7-9803-8103-d269-b633813fc60c';
const START_NS = BigInt(Date.UTC(2026, 10, 24, 16, 0, 0)) * 1_000_000n;

/** An OTLP/JSON export of one plain span, as the OTel JS HTTP/JSON exporter writes it. */
const EXPORT = {
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }],
      },
      scopeSpans: [
        {
          scope: { name: 'manual' },
          spans: [
            {
              traceId: TRACE_HEX,
              spanId: 'eee19b7ec3c1b174',
              name: 'charge card',
              kind: 1,
              startTimeUnixNano: String(START_NS),
              endTimeUnixNano: String(START_NS + 12_000_000n),
              attributes: [],
              status: {},
            },
          ],
        },
      ],
    },
  ],
};

describe('OTLP/HTTP on the API port and on its own port', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector({ apiKeys: ['k'] });
  });
  afterAll(() => c.close());

  it.each([
    ['the API port', () => c.url],
    ['the OTLP port', () => c.otlpHttpUrl!],
  ])('takes a gzip OTLP/JSON export on %s, behind the API key', async (_where, base) => {
    const post = (headers: Record<string, string>) =>
      fetch(`${base()}/v1/traces`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', ...headers },
        body: gzipSync(JSON.stringify(EXPORT)),
      });
    expect((await post({})).status).toBe(401);
    const res = await post({ Authorization: 'Bearer k' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const trace = await getJson(c.url, `/api/traces/${TRACE_ID}`, { 'X-Raceway-Key': 'k' });
    expect(trace.status).toBe(200);
    expect(trace.body.data.events[0].metadata.service_name).toBe('checkout');
  });
});
