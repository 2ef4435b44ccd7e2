import { describe, expect, it } from 'vitest';
import type { ApiEvent, EventKind } from '../api/types';
import { makeEvent, write } from '../testing/event-factory';
import { visibleRows } from './trace-tree';
import { transactions } from './transaction-tree';

const at = (ms: number) => `2024-01-01T12:00:00.${String(ms).padStart(3, '0')}Z`;
const http = (method: string, url: string): EventKind => ({
  HttpRequest: { method, url, headers: {} },
});
const call = (name: string): EventKind => ({
  FunctionCall: { function_name: name, module: 'm', args: {}, file: 'f.ts', line: 1 },
});
function event(
  id: string,
  ms: number,
  kind: EventKind,
  parent?: string,
  service = 'api',
): ApiEvent {
  return makeEvent({
    id,
    timestamp: at(ms),
    kind,
    parent_id: parent ?? null,
    metadata: { thread_id: 't', process_id: 1, service_name: service, environment: 'e', tags: {} },
  });
}

describe('transactions', () => {
  it('roots a group at each outermost HTTP request, titled METHOD url, with its duration', () => {
    const groups = transactions([
      event('req', 10, http('POST', '/transfer')),
      event('fn', 12, call('transfer'), 'req'),
      event('inner', 14, http('GET', '/rates'), 'fn'),
      event('w', 16, write('balance', 1, 2, 'a.ts:1'), 'inner'),
      event('resp', 25, { HttpResponse: { status: 200, headers: {}, duration_ms: 15 } }, 'req'),
    ]);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({
      title: 'POST /transfer',
      http: true,
      service: 'api',
      eventCount: 5,
      durationMs: 15,
    });
    expect(visibleRows([group!.root], new Set()).map((n) => [n.event.id, n.depth])).toEqual([
      ['req', 0],
      ['fn', 1],
      ['inner', 2],
      ['w', 3],
      ['resp', 1],
    ]);
  });

  it('splits an HTTP request out of a non-HTTP parent and keeps parentless events as groups', () => {
    const groups = transactions([
      event('job', 0, call('nightly_job'), undefined, 'worker'),
      event('step', 3, call('load'), 'job', 'worker'),
      event('req', 5, http('GET', '/accounts'), 'job', 'worker'),
      event(
        'q',
        9,
        { DatabaseQuery: { query: 'SELECT 1', database: 'db', duration_ms: 1 } },
        'req',
      ),
      event('orphan', 20, call('cleanup'), 'missing-parent'),
    ]);
    expect(groups.map((g) => [g.title, g.http, g.eventCount, g.durationMs])).toEqual([
      ['nightly_job()', false, 2, 3],
      ['GET /accounts', true, 2, 4],
      ['cleanup()', false, 1, 0],
    ]);
    expect(groups[1]!.root.children.map((c) => [c.event.id, c.depth])).toEqual([['q', 1]]);
  });

  it('orders groups by their first event and places every event exactly once', () => {
    const events = [
      event('late', 50, http('GET', '/b')),
      event('early', 1, http('GET', '/a')),
      event('child', 60, call('x'), 'late'),
    ];
    const groups = transactions(events);
    expect(groups.map((g) => g.title)).toEqual(['GET /a', 'GET /b']);
    const placed = groups.flatMap((g) => visibleRows([g.root], new Set()).map((n) => n.event.id));
    expect(placed.sort()).toEqual(['child', 'early', 'late']);
  });

  it('handles a 10k-deep parent chain without recursion', () => {
    const events = [event('e0', 0, http('GET', '/deep'))];
    for (let i = 1; i < 10_000; i++) events.push(event(`e${i}`, 0, call('f'), `e${i - 1}`));
    const [group] = transactions(events);
    expect(group!.eventCount).toBe(10_000);
  });
});
