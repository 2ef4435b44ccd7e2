/**
 * Native `POST /events` batches for spec §9 S4/S6: one trace, two request threads reading alice.balance
 * (1000) and writing it back without a common lock. Locations differ per thread so that a screen shows
 * which side is which: req-1 at bank.ts:41/47, req-2 at bank.ts:141/147.
 */
export const BANKING_TRACE = 'b0a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

interface Step {
  n: number;
  thread: string;
  ms: number;
  parent: number | null;
  kind: Record<string, unknown>;
}

function id(n: number, traceSeed = 0): string {
  return `e0000000-0000-4000-8000-${String(traceSeed * 1000 + n).padStart(12, '0')}`;
}

function event(traceId: string, step: Step, seed: number, baseMs: number): Record<string, unknown> {
  return {
    id: id(step.n, seed),
    trace_id: traceId,
    parent_id: step.parent === null ? null : id(step.parent, seed),
    timestamp: new Date(baseMs + step.ms).toISOString(),
    kind: step.kind,
    metadata: {
      thread_id: step.thread,
      process_id: 4242,
      service_name: 'banking-api',
      environment: 'test',
      tags: {},
      duration_ns: 'HttpRequest' in step.kind ? 25_000_000 : null,
    },
    causality_vector: [],
    lock_set: [],
  };
}

const stateChange = (
  access: 'Read' | 'Write',
  location: string,
  newValue: number,
  oldValue: number | null = null,
): Record<string, unknown> => ({
  StateChange: {
    variable: 'alice.balance',
    old_value: oldValue,
    new_value: newValue,
    location,
    access_type: access,
  },
});

/** The banking race trace as one native batch (`{"events":[…]}`). */
export function bankingRaceBatch(
  traceId = BANKING_TRACE,
  seed = 0,
  baseMs = Date.now() - 60_000,
): { events: Array<Record<string, unknown>> } {
  const steps: Step[] = [
    {
      n: 1,
      thread: 'req-1',
      ms: 0,
      parent: null,
      kind: { HttpRequest: { method: 'POST', url: '/transfer/bob', headers: {} } },
    },
    {
      n: 2,
      thread: 'req-2',
      ms: 1,
      parent: null,
      kind: { HttpRequest: { method: 'POST', url: '/transfer/carol', headers: {} } },
    },
    { n: 3, thread: 'req-1', ms: 5, parent: 1, kind: stateChange('Read', 'bank.ts:41', 1000) },
    { n: 4, thread: 'req-2', ms: 6, parent: 2, kind: stateChange('Read', 'bank.ts:141', 1000) },
    {
      n: 5,
      thread: 'req-1',
      ms: 10,
      parent: 3,
      kind: stateChange('Write', 'bank.ts:47', 900, 1000),
    },
    {
      n: 6,
      thread: 'req-2',
      ms: 12,
      parent: 4,
      kind: stateChange('Write', 'bank.ts:147', 800, 1000),
    },
    {
      n: 7,
      thread: 'req-1',
      ms: 20,
      parent: 5,
      kind: { HttpResponse: { status: 200, headers: {}, duration_ms: 20 } },
    },
    {
      n: 8,
      thread: 'req-2',
      ms: 22,
      parent: 6,
      kind: { HttpResponse: { status: 200, headers: {}, duration_ms: 21 } },
    },
  ];
  return { events: steps.map((s) => event(traceId, s, seed, baseMs)) };
}

/** A small race-free trace (one thread), e.g. to see a new trace arrive live. */
export function quietTraceBatch(
  traceId: string,
  seed: number,
): { events: Array<Record<string, unknown>> } {
  const base = Date.now();
  return {
    events: [
      event(
        traceId,
        {
          n: 1,
          thread: 'main',
          ms: 0,
          parent: null,
          kind: {
            FunctionCall: {
              function_name: 'audit',
              module: 'bank',
              args: null,
              file: 'audit.ts',
              line: 3,
            },
          },
        },
        seed,
        base,
      ),
      event(
        traceId,
        { n: 2, thread: 'main', ms: 2, parent: 1, kind: stateChange('Read', 'audit.ts:9', 800) },
        seed,
        base,
      ),
    ],
  };
}

/** Posts a batch to a collector and fails loudly on anything but 200. */
export async function postEvents(
  url: string,
  batch: { events: Array<Record<string, unknown>> },
  apiKey?: string,
): Promise<void> {
  const response = await fetch(`${url}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify(batch),
  });
  if (response.status !== 200)
    throw new Error(`POST /events: ${response.status} ${await response.text()}`);
}

/** Waits until the collector reports `count` events for the trace (ingest is asynchronous). */
export async function waitForTrace(
  url: string,
  traceId: string,
  count: number,
  apiKey?: string,
): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${url}/api/traces/${traceId}`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    });
    if (response.ok) {
      const body = (await response.json()) as { data: { events: unknown[] } };
      if (body.data.events.length >= count) return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`trace ${traceId} never reached ${count} events`);
}
