import type { ClockEntry, EventKind } from '../../collector/src/model/event.js';
import type { StoredEvent } from '../../collector/src/model/stored-event.js';

/** A generated workload: events in a plausible arrival order, with their access count. */
export interface Workload {
  name: string;
  events: StoredEvent[];
  traces: string[];
  accesses: number;
}

const BASE_US = Date.UTC(2026, 0, 1) * 1000;

/** Builds stored events with sequential ids and `seq`, as the pipeline would hand them over. */
class EventFactory {
  readonly events: StoredEvent[] = [];

  add(spec: {
    trace: string;
    thread: string;
    parent?: string | undefined;
    timeUs: number;
    kind: EventKind;
    service?: string;
    instance?: string;
    span?: string;
    upstream?: string;
    clock?: ClockEntry[];
  }): string {
    const seq = this.events.length + 1;
    const id = `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
    this.events.push({
      id,
      trace_id: spec.trace,
      parent_id: spec.parent ?? null,
      timestamp: new Date(Math.floor((BASE_US + spec.timeUs) / 1000)).toISOString(),
      kind: spec.kind,
      metadata: {
        thread_id: spec.thread,
        process_id: 1,
        service_name: spec.service ?? 'bench',
        environment: 'bench',
        tags: {},
        duration_ns: null,
        ...(spec.instance === undefined ? {} : { instance_id: spec.instance }),
        ...(spec.span === undefined ? {} : { distributed_span_id: spec.span }),
        ...(spec.upstream === undefined ? {} : { upstream_span_id: spec.upstream }),
      },
      causality_vector: spec.clock ?? [],
      lock_set: [],
      seq,
      time_us: BASE_US + spec.timeUs,
    });
    return id;
  }
}

const state = (variable: string, type: 'Read' | 'Write', location: string): EventKind => ({
  StateChange: { variable, old_value: 1, new_value: 2, location, access_type: type },
});
const lockKind = (op: 'LockAcquire' | 'LockRelease'): EventKind =>
  op === 'LockAcquire'
    ? { LockAcquire: { lock_id: 'm', lock_type: 'Mutex', location: 'lock.ts:1' } }
    : { LockRelease: { lock_id: 'm', lock_type: 'Mutex', location: 'lock.ts:2' } };

/**
 * One trace, `workers` contexts spawned by a root, each chaining its events; access k goes to
 * `variableOf(k)`, every third one a write, every tenth of a worker under a mutex.
 */
function workersTrace(
  name: string,
  accesses: number,
  workers: number,
  variableOf: (k: number) => string,
): Workload {
  const f = new EventFactory();
  const trace = `${name}-trace`;
  const root = f.add({
    trace,
    thread: 'main',
    timeUs: 0,
    kind: { Custom: { name: 'start', data: null } },
  });
  const last = Array.from({ length: workers }, () => root);
  for (let k = 0; k < accesses; k++) {
    const w = k % workers;
    const thread = `worker-${w}`;
    const locked = Math.floor(k / workers) % 10 === 0;
    const t = 10 + k * 10;
    if (locked)
      last[w] = f.add({
        trace,
        thread,
        parent: last[w],
        timeUs: t - 2,
        kind: lockKind('LockAcquire'),
      });
    last[w] = f.add({
      trace,
      thread,
      parent: last[w],
      timeUs: t,
      kind: state(variableOf(k), k % 3 === 0 ? 'Write' : 'Read', `app.ts:${(w % 2) + 1}`),
    });
    if (locked)
      last[w] = f.add({
        trace,
        thread,
        parent: last[w],
        timeUs: t + 2,
        kind: lockKind('LockRelease'),
      });
  }
  return { name, events: f.events, traces: [trace], accesses };
}

export function hotVariable(accesses: number): Workload {
  return workersTrace('hot-variable', accesses, 8, () => 'balance');
}

export function manyVariables(accesses: number): Workload {
  const variables = Math.max(1, Math.floor(accesses / 10));
  return workersTrace('many-variables', accesses, 8, (k) => `v${k % variables}`);
}

/** One trace, one context per 10 accesses (up to 100k contexts), 64 shared variables. */
export function manyContexts(accesses: number): Workload {
  const f = new EventFactory();
  const trace = 'many-contexts-trace';
  const root = f.add({
    trace,
    thread: 'main',
    timeUs: 0,
    kind: { Custom: { name: 'start', data: null } },
  });
  const contexts = Math.max(1, Math.floor(accesses / 10));
  for (let c = 0; c < contexts; c++) {
    let parent = root;
    for (let j = 0; j < 10; j++) {
      parent = f.add({
        trace,
        thread: `task-${c}`,
        parent,
        timeUs: 10 + c * 3 + j * 50,
        kind: state(`shared-${(c * 7 + j) % 64}`, j % 3 === 0 ? 'Write' : 'Read', `task.ts:${j}`),
      });
    }
  }
  return { name: 'many-contexts', events: f.events, traces: [trace], accesses: contexts * 10 };
}

/**
 * Requests of 10 accesses each, 10 requests per trace: an `api` context calls a `ledger` context
 * (span link and a propagated Python-style clock), which writes; the api merges the response clock
 * and writes again. 100 balances are shared by all traces, whose windows overlap.
 */
export function crossService(accesses: number): Workload {
  const f = new EventFactory();
  const requests = Math.max(1, Math.floor(accesses / 10));
  const traces: string[] = [];
  let apiCounter = 0;
  for (let r = 0; r < requests; r++) {
    const trace = `cross-service-${Math.floor(r / 10)}`;
    if (r % 10 === 0) traces.push(trace);
    const balance = `balance-${r % 100}`;
    const t = r * 100;
    const api = {
      trace,
      thread: `api-${r}`,
      service: 'api',
      instance: 'a1',
      span: `api-span-${r}`,
    };
    const ledger = {
      trace,
      thread: `ledger-${r}`,
      service: 'ledger',
      instance: 'l1',
      span: `ledger-span-${r}`,
      upstream: `api-span-${r}`,
    };
    const apiClock = (): ClockEntry[] => [['api#a1', ++apiCounter]];
    let p = f.add({
      ...api,
      timeUs: t,
      clock: apiClock(),
      kind: { HttpRequest: { method: 'POST', url: '/transfer', headers: {} } },
    });
    p = f.add({
      ...api,
      parent: p,
      timeUs: t + 1,
      clock: apiClock(),
      kind: state(balance, 'Read', 'api.ts:10'),
    });
    p = f.add({
      ...api,
      parent: p,
      timeUs: t + 2,
      clock: apiClock(),
      kind: state('requests', 'Write', 'api.ts:11'),
    });
    const propagated = ++apiCounter;
    let q: string | undefined;
    for (let j = 0; j < 6; j++) {
      q = f.add({
        ...ledger,
        parent: q,
        timeUs: t + 5 + j,
        clock: [
          ['api#a1', propagated],
          ['ledger#l1', j + 1],
        ],
        kind: state(balance, j % 2 === 0 ? 'Read' : 'Write', `ledger.ts:${20 + j}`),
      });
    }
    f.add({
      ...api,
      parent: p,
      timeUs: t + 20,
      clock: [
        ['api#a1', ++apiCounter],
        ['ledger#l1', 6],
      ],
      kind: state(balance, 'Write', 'api.ts:12'),
    });
  }
  return { name: 'cross-service', events: f.events, traces, accesses: requests * 10 };
}

export const WORKLOADS = { hotVariable, manyVariables, manyContexts, crossService };
