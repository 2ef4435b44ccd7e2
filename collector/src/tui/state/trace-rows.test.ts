import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../api/response-shapes.js';
import { mergeTracePage, traceRow } from './trace-rows.js';

const summary = (id: string, last: string): TraceSummary => ({
  trace_id: id,
  event_count: 12,
  first_timestamp: last,
  last_timestamp: last,
  service_count: 2,
  services: ['api', 'ledger'],
});

describe('trace rows', () => {
  it('shows the race mark, short id, events, last activity and services', () => {
    expect(traceRow(summary('7f3a9c2e-0000', '2026-11-26T12:34:56.789Z'), true)).toBe(
      '! 7f3a9c2e    12 ev  12:34:56  api,ledger',
    );
    expect(traceRow(summary('7f3a9c2e-0000', '2026-11-26T12:34:56.789Z'), false)).toMatch(
      /^ {2}7f3a9c2e/,
    );
  });

  it('puts a fresh first page above the older rows already loaded, without duplicates', () => {
    const loaded = [summary('b', '2'), summary('c', '1')];
    const fresh = [summary('a', '3'), summary('b', '2')];
    expect(mergeTracePage(loaded, fresh).map((t) => t.trace_id)).toEqual(['a', 'b', 'c']);
  });
});
