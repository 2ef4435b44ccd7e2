import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRefresh, SYSTEM_REFRESH_MS, TRACE_REFRESH_MS, streamUrl } from './live-stream';
import type { PendingRefresh } from './live-stream';

describe('streamUrl', () => {
  it('puts the key in the query only because EventSource cannot send headers', () => {
    expect(streamUrl(null)).toBe('/api/stream');
    expect(streamUrl('a&b')).toBe('/api/stream?api_key=a%26b');
  });
});

describe('LiveRefresh', () => {
  let applied: PendingRefresh[];
  let refresh: LiveRefresh;
  beforeEach(() => {
    vi.useFakeTimers();
    applied = [];
    refresh = new LiveRefresh(
      (r) => applied.push(r),
      () => Date.now(),
    );
  });
  afterEach(() => {
    refresh.stop();
    vi.useRealTimers();
  });

  it('coalesces a burst of messages into one refresh of lists, traces and cross-trace views', () => {
    refresh.note('trace', 'a');
    refresh.note('race', 'b');
    refresh.note('trace', 'a');
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(TRACE_REFRESH_MS);
    expect(applied).toEqual([{ list: true, system: true, traces: ['a', 'b'] }]);
  });

  it('refreshes cross-trace views at most once per interval under steady ingest, and owes none', () => {
    for (let t = 0; t < 3 * SYSTEM_REFRESH_MS; t += 100) {
      refresh.note('trace', `t${t}`);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(SYSTEM_REFRESH_MS);
    const systemRefreshes = applied.filter((r) => r.system).length;
    expect(systemRefreshes).toBe(4); // at 0.5 s, 5.5 s, 10.5 s, and the one owed after the last message
    expect(applied.filter((r) => r.list).length).toBeGreaterThan(20);
    expect(applied.at(-1)).toMatchObject({ system: true });
  });

  it('refreshes an open trace on an anomaly without touching the trace list', () => {
    refresh.note('anomaly', 'x');
    vi.advanceTimersByTime(TRACE_REFRESH_MS);
    expect(applied).toEqual([{ list: false, system: true, traces: ['x'] }]);
  });
});
