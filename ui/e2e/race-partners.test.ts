import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../src/testing/event-factory';
import { postEvents } from './support/banking-scenario';
import { openDashboard, type DashboardSession } from './support/dashboard-session';

const WORKERS = 12;

/**
 * A root request spawns twelve workers that each write `hits` once, unsynchronised: one race group of
 * 66 pairs, of which the races API sends only 10 example pairs.
 */
function hotCounter(traceId: string, baseMs: number): Array<Record<string, unknown>> {
  const rootId = randomUUID();
  const event = (id: string, parent: string | null, thread: string, at: number, kind: unknown) => ({
    id,
    trace_id: traceId,
    parent_id: parent,
    timestamp: new Date(baseMs + at).toISOString(),
    kind,
    metadata: {
      thread_id: thread,
      process_id: 1,
      service_name: 'counter-api',
      environment: 'test',
      tags: {},
      duration_ns: null,
    },
    causality_vector: [],
    lock_set: [],
  });
  return [
    event(rootId, null, 'main', 0, {
      FunctionCall: {
        function_name: 'fan_out',
        module: 'counter',
        args: {},
        file: 'c.ts',
        line: 1,
      },
    }),
    ...Array.from({ length: WORKERS }, (_, i) =>
      event(randomUUID(), rootId, `worker-${i}`, 1 + i, write('hits', i, i + 1, 'counter.ts:9')),
    ),
  ];
}

describe('racing partners in the audit trail, against a real collector', () => {
  let session: DashboardSession;
  const trace = randomUUID();
  const batch = hotCounter(trace, Date.now());

  beforeAll(async () => {
    session = await openDashboard((baseUrl) => postEvents(baseUrl, batch));
  });
  afterAll(() => session?.close());

  it('shows every racing partner of the selected access, each opening that access', async () => {
    await session.open(`/traces/${trace}/variables?variable=hits&mode=focus&access=${WORKERS - 1}`);
    const races = session.page.getByTestId('focus-races');
    await races.waitFor();
    expect(await races.locator('li').count()).toBe(WORKERS - 1);
    expect(await races.textContent()).toContain('worker-0');
    await session.shots('34-race-partners');

    await races.getByRole('button', { name: '#3', exact: true }).click();
    await session.page.waitForURL(/access=2(&|$)/);
    expect(await session.page.getByTestId('focus-current').textContent()).toContain('worker-2');
    expect(await races.locator('li').count()).toBe(WORKERS - 1);

    await session.page.getByRole('button', { name: 'Debugger' }).click();
    const line = session.page.getByTestId('audit-current-races');
    await line.waitFor();
    expect(await line.getByRole('button').count()).toBe(WORKERS - 1);
    expect(session.pageErrors).toEqual([]);
  });

  it('names every racing partner of an access selected in the event list', async () => {
    const last = batch[WORKERS]!['id'] as string;
    await session.open(`/traces/${trace}/list?event=${last}`);
    const races = session.page.getByTestId('event-races');
    await races.waitFor();
    expect(await races.textContent()).toContain(`Races with ${WORKERS - 1} other accesses on hits`);
    expect(await races.locator('li a').count()).toBe(WORKERS - 1);
    await session.shots('35-event-race-partners');
    await races.getByRole('link', { name: '#1 Write by worker-0' }).click();
    await session.page.waitForURL(new RegExp(`event=${batch[1]!['id'] as string}`));
    expect(session.pageErrors).toEqual([]);
  });
});
