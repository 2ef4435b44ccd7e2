/**
 * The banking race scenarios the browser tests load into a real collector (spec §9 S4 and S6), plus a
 * lock-protected trace for the locks view and a trace whose names and values carry HTML payloads.
 */
import { randomUUID } from 'node:crypto';
import { read, write } from '../../src/testing/event-factory';

type WireEvent = Record<string, unknown>;

interface Step {
  spanId?: string;
  upstreamSpanId?: string;
  thread: string;
  offsetMs: number;
  parent?: number;
  kind: Record<string, unknown>;
  durationMs?: number;
  service?: string;
}

function events(
  traceId: string,
  baseMs: number,
  steps: Step[],
  service = 'banking-api',
): WireEvent[] {
  const ids = steps.map(() => randomUUID());
  return steps.map((step, i) => ({
    id: ids[i],
    trace_id: traceId,
    parent_id: step.parent === undefined ? null : ids[step.parent],
    timestamp: new Date(baseMs + step.offsetMs).toISOString(),
    kind: step.kind,
    metadata: {
      thread_id: step.thread,
      process_id: 1,
      service_name: step.service ?? service,
      environment: 'test',
      tags: { sdk_language: 'typescript' },
      duration_ns: step.durationMs === undefined ? null : step.durationMs * 1_000_000,
      ...(step.spanId ? { distributed_span_id: step.spanId } : {}),
      ...(step.upstreamSpanId ? { upstream_span_id: step.upstreamSpanId } : {}),
    },
    causality_vector: [],
    lock_set: [],
  }));
}

const http = (url: string) => ({ HttpRequest: { method: 'POST', url, headers: {}, body: null } });
const call = (name: string, file: string, line: number) => ({
  FunctionCall: { function_name: name, module: 'bank', args: {}, file, line },
});
const lock = (kind: 'LockAcquire' | 'LockRelease', id: string) => ({
  [kind]: { lock_id: id, lock_type: 'Mutex', location: 'bank/ledger.ts:30' },
});

/**
 * S6: one request per trace, Read then Write of `alice.balance`, overlapping in time. A gateway service
 * calls the banking API (span ids link the two), so the services graph has an edge.
 */
export function transferRequest(
  traceId: string,
  baseMs: number,
  thread: string,
  newBalance: number,
): WireEvent[] {
  const gatewaySpan = randomUUID().replace(/-/g, '').slice(0, 16);
  const bankSpan = randomUUID().replace(/-/g, '').slice(0, 16);
  const bank = { spanId: bankSpan, upstreamSpanId: gatewaySpan };
  return events(traceId, baseMs, [
    {
      thread: `gw-${thread}`,
      offsetMs: 0,
      kind: http('/api/transfer'),
      durationMs: 14,
      service: 'gateway',
      spanId: gatewaySpan,
    },
    { thread, offsetMs: 1, kind: http('/transfer'), durationMs: 12, ...bank },
    {
      thread,
      offsetMs: 2,
      parent: 1,
      kind: read('alice.balance', 1000, 'bank/transfer.ts:41'),
      ...bank,
    },
    {
      thread,
      offsetMs: 6,
      parent: 2,
      kind: write('alice.balance', 1000, newBalance, 'bank/transfer.ts:47'),
      ...bank,
    },
  ]);
}

/** S4: one trace, two threads doing read-modify-write on `account_balance`. */
export function twoThreadTransfer(traceId: string, baseMs: number): WireEvent[] {
  return events(traceId, baseMs, [
    {
      thread: 'thread-1',
      offsetMs: 0,
      kind: call('transfer_money', 'bank/transfer.ts', 10),
      durationMs: 30,
    },
    {
      thread: 'thread-1',
      offsetMs: 10,
      parent: 0,
      kind: read('account_balance', 1000, 'bank/transfer.ts:12'),
    },
    {
      thread: 'thread-2',
      offsetMs: 5,
      kind: call('transfer_money', 'bank/transfer.ts', 10),
      durationMs: 27,
    },
    {
      thread: 'thread-2',
      offsetMs: 15,
      parent: 2,
      kind: read('account_balance', 1000, 'bank/transfer.ts:12'),
    },
    {
      thread: 'thread-1',
      offsetMs: 20,
      parent: 0,
      kind: write('account_balance', 1000, 900, 'bank/transfer.ts:18'),
    },
    {
      thread: 'thread-2',
      offsetMs: 22,
      parent: 2,
      kind: write('account_balance', 1000, 950, 'bank/transfer.ts:18'),
    },
    {
      thread: 'thread-1',
      offsetMs: 30,
      parent: 0,
      kind: { DatabaseQuery: { query: 'COMMIT', database: 'bank', duration_ms: 0 } },
    },
    {
      thread: 'thread-2',
      offsetMs: 32,
      parent: 2,
      kind: { DatabaseQuery: { query: 'COMMIT', database: 'bank', duration_ms: 0 } },
    },
  ]);
}

/** Two workers serialised by one mutex (no race), the second waits for the first. */
export function lockedLedger(traceId: string, baseMs: number): WireEvent[] {
  return events(traceId, baseMs, [
    { thread: 'main', offsetMs: 0, kind: call('post_ledger', 'bank/ledger.ts', 5), durationMs: 20 },
    { thread: 'worker-a', offsetMs: 1, parent: 0, kind: lock('LockAcquire', 'ledger-lock') },
    { thread: 'worker-b', offsetMs: 2, parent: 0, kind: lock('LockAcquire', 'ledger-lock') },
    {
      thread: 'worker-a',
      offsetMs: 3,
      parent: 1,
      kind: write('ledger.total', 0, 10, 'bank/ledger.ts:33'),
    },
    { thread: 'worker-a', offsetMs: 6, parent: 3, kind: lock('LockRelease', 'ledger-lock') },
    {
      thread: 'worker-b',
      offsetMs: 7,
      parent: 2,
      kind: write('ledger.total', 10, 20, 'bank/ledger.ts:33'),
    },
    { thread: 'worker-b', offsetMs: 9, parent: 5, kind: lock('LockRelease', 'ledger-lock') },
  ]);
}

export const XSS_SCRIPT = '<script>window.__xss = "script"</script>';
export const XSS_IMG = '<img src=x onerror="window.__xss = \'img\'">';

/** A racing trace whose service, thread, variable, location and values are HTML payloads. */
export function hostileTrace(traceId: string, baseMs: number): WireEvent[] {
  const service = XSS_IMG;
  return events(
    traceId,
    baseMs,
    [
      {
        thread: XSS_SCRIPT,
        offsetMs: 0,
        kind: call(XSS_SCRIPT, XSS_IMG, 1),
        durationMs: 5,
        service,
      },
      {
        thread: 'w1',
        offsetMs: 1,
        parent: 0,
        kind: write(XSS_SCRIPT, XSS_IMG, { html: XSS_SCRIPT }, XSS_IMG),
        service,
      },
      {
        thread: 'w2',
        offsetMs: 2,
        parent: 0,
        kind: write(XSS_SCRIPT, XSS_SCRIPT, XSS_IMG, XSS_SCRIPT),
        service,
      },
      { thread: 'w2', offsetMs: 3, parent: 2, kind: lock('LockAcquire', XSS_IMG), service },
    ],
    service,
  );
}

/** Posts a batch to the native ingest route; throws unless every event was accepted. */
export async function postEvents(baseUrl: string, batch: WireEvent[]): Promise<void> {
  const response = await fetch(`${baseUrl}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: batch }),
  });
  const body = (await response.json()) as { success: boolean; error: unknown };
  if (!response.ok || !body.success || body.error) {
    throw new Error(`ingest failed: ${response.status} ${JSON.stringify(body)}`);
  }
}

/** A large trace: `contexts` workers each doing `perContext` read/write pairs on shared counters. */
export function bigTrace(
  traceId: string,
  baseMs: number,
  contexts: number,
  perContext: number,
): WireEvent[] {
  const steps: Step[] = [];
  for (let c = 0; c < contexts; c++) {
    const first = steps.length;
    steps.push({
      thread: `worker-${c}`,
      offsetMs: c,
      kind: call('batch_job', 'jobs/batch.ts', 3),
      durationMs: perContext,
    });
    for (let i = 0; i < perContext; i++) {
      const variable = `counter.${i % 20}`;
      const parent = steps.length - 1;
      steps.push({
        thread: `worker-${c}`,
        offsetMs: c + i * 0.5,
        parent: i === 0 ? first : parent,
        kind:
          i % 2
            ? write(variable, i, i + 1, `jobs/batch.ts:${40 + (i % 7)}`)
            : read(variable, i, 'jobs/batch.ts:38'),
      });
    }
  }
  return events(traceId, baseMs, steps, 'batch-service');
}

const response = (status: number) => ({
  HttpResponse: { status, headers: {}, body: null, duration_ms: 0 },
});

/**
 * Spec §6.3 "Tree": two HTTP requests of the banking API (a transfer under a lock, a balance read), each
 * with its response, and a parentless background sweep that is not HTTP.
 */
export function transactionsTrace(traceId: string, baseMs: number): WireEvent[] {
  return events(traceId, baseMs, [
    { thread: 'req-1', offsetMs: 0, kind: http('/transfer'), durationMs: 12 },
    {
      thread: 'req-1',
      offsetMs: 1,
      parent: 0,
      kind: call('transfer_money', 'bank/transfer.ts', 10),
    },
    { thread: 'req-1', offsetMs: 2, parent: 1, kind: lock('LockAcquire', 'ledger-lock') },
    {
      thread: 'req-1',
      offsetMs: 3,
      parent: 2,
      kind: read('alice.balance', 1000, 'bank/transfer.ts:41'),
    },
    {
      thread: 'req-1',
      offsetMs: 5,
      parent: 3,
      kind: write('alice.balance', 1000, 900, 'bank/transfer.ts:47'),
    },
    { thread: 'req-1', offsetMs: 6, parent: 4, kind: lock('LockRelease', 'ledger-lock') },
    { thread: 'req-1', offsetMs: 9, parent: 0, kind: response(200) },
    {
      thread: 'req-2',
      offsetMs: 20,
      kind: { HttpRequest: { method: 'GET', url: '/balance', headers: {}, body: null } },
    },
    {
      thread: 'req-2',
      offsetMs: 22,
      parent: 7,
      kind: read('alice.balance', 900, 'bank/balance.ts:8'),
    },
    { thread: 'req-2', offsetMs: 27, parent: 7, kind: response(404) },
    { thread: 'cron', offsetMs: 30, kind: call('audit_sweep', 'bank/audit.ts', 3) },
    {
      thread: 'cron',
      offsetMs: 34,
      parent: 10,
      kind: read('alice.balance', 900, 'bank/audit.ts:9'),
    },
  ]);
}

/**
 * Spec §6.2 "Performance": request `n` of the ledger service behind the gateway. Its HTTP request takes
 * (n + 1)·2 ms, a ledger call 3 ms, and its write has no duration; the gateway's 50 ms are not its own.
 */
export function ledgerRequest(traceId: string, baseMs: number, n: number): WireEvent[] {
  return events(
    traceId,
    baseMs,
    [
      {
        thread: `gw-${n}`,
        offsetMs: 0,
        kind: http('/api/pay'),
        durationMs: 50,
        service: 'gateway',
      },
      { thread: `pay-${n}`, offsetMs: 1, kind: http('/pay'), durationMs: (n + 1) * 2 },
      {
        thread: `pay-${n}`,
        offsetMs: 2,
        parent: 1,
        kind: call('post_entry', 'ledger/post.ts', 12),
        durationMs: 3,
      },
      {
        thread: `pay-${n}`,
        offsetMs: 3,
        parent: 2,
        kind: write('ledger.total', n, n + 1, 'ledger/post.ts:20'),
      },
    ],
    'ledger-svc',
  );
}
