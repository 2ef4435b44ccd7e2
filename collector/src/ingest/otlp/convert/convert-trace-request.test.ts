import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { decodeTraceRequest, parseTraceRequestJson } from '@raceway/proto';
import { describe, expect, it } from 'vitest';
import type { RacewayEvent } from '../../../model/event.js';
import {
  RecordingService,
  at,
  toJson,
  toProtobuf,
} from '../../../../test/otlp/support/recorded-spans.js';
import { convertTraceRequest } from './convert-trace-request.js';
import { traceUuidOf } from './otel-ids.js';

const RESOURCE = {
  'service.name': 'accounts',
  'service.instance.id': 'acc-1',
  'process.pid': 4242,
  'deployment.environment.name': 'staging',
  'telemetry.sdk.language': 'nodejs',
};

function convert(service: RecordingService) {
  return convertTraceRequest(decodeTraceRequest(toProtobuf(service.spans())));
}

function kindOf(event: RacewayEvent): string {
  return Object.keys(event.kind)[0]!;
}

describe('convertTraceRequest', () => {
  it('turns a plain span into a FunctionCall with its duration, ids and resource metadata', () => {
    const svc = new RecordingService(RESOURCE);
    const span = svc.start('computeInterest', 0, {
      attributes: {
        'code.function.name': 'computeInterest',
        'code.file.path': 'src/interest.ts',
        'code.line.number': 12,
      },
    });
    span.end(at(25));
    const { events, rejected } = convert(svc);
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(1);
    const [event] = events as [RacewayEvent];
    const ctx = span.spanContext();
    expect(event.trace_id).toBe(traceUuidOf(ctx.traceId));
    expect(event.trace_id.replaceAll('-', '')).toBe(ctx.traceId);
    expect(event.timestamp).toBe('2026-11-26T12:00:00.000000000Z');
    expect(event.kind).toEqual({
      FunctionCall: {
        function_name: 'computeInterest',
        module: 'raceway-test',
        args: {
          'code.function.name': 'computeInterest',
          'code.file.path': 'src/interest.ts',
          'code.line.number': 12,
        },
        file: 'src/interest.ts',
        line: 12,
      },
    });
    expect(event.metadata).toMatchObject({
      thread_id: ctx.spanId,
      process_id: 4242,
      service_name: 'accounts',
      environment: 'staging',
      instance_id: 'acc-1',
      duration_ns: 25_000_000,
      distributed_span_id: ctx.spanId,
    });
    expect(event.metadata.tags).toMatchObject({
      sdk_language: 'nodejs',
      'otel.span_kind': 'internal',
    });
    expect(event.parent_id).toBeNull();
  });

  it.each([
    [
      'stable',
      {
        'http.request.method': 'POST',
        'url.full': 'http://b/api/transfer',
        'http.response.status_code': 201,
      },
    ],
    [
      'deprecated',
      { 'http.method': 'POST', 'http.url': 'http://b/api/transfer', 'http.status_code': 201 },
    ],
  ])(
    'maps an HTTP span with %s semconv names to HttpRequest and HttpResponse',
    (_name, attributes) => {
      const svc = new RecordingService({
        'service.name': 'gateway',
        'deployment.environment': 'prod',
      });
      svc.start('POST', 0, { kind: SpanKind.CLIENT, attributes }).end(at(40));
      const { events } = convert(svc);
      expect(events.map((e) => e.kind)).toEqual([
        { HttpRequest: { method: 'POST', url: 'http://b/api/transfer', headers: {} } },
        { HttpResponse: { status: 201, headers: {}, duration_ms: 40 } },
      ]);
      expect(events[0]!.metadata.duration_ns).toBe(40_000_000);
      expect(events[1]!.metadata.duration_ns).toBeUndefined();
      expect(events[1]!.timestamp).toBe('2026-11-26T12:00:00.040000000Z');
      expect(events[1]!.parent_id).toBe(events[0]!.id);
      expect(events[0]!.metadata.environment).toBe('prod');
    },
  );

  it.each([
    [
      'stable',
      { 'db.system.name': 'postgresql', 'db.namespace': 'bank', 'db.query.text': 'SELECT 1' },
    ],
    ['deprecated', { 'db.system': 'postgresql', 'db.name': 'bank', 'db.statement': 'SELECT 1' }],
  ])('maps a %s db span to DatabaseQuery', (_name, attributes) => {
    const svc = new RecordingService(RESOURCE);
    svc.start('SELECT bank', 0, { kind: SpanKind.CLIENT, attributes }).end(at(3));
    expect(convert(svc).events[0]!.kind).toEqual({
      DatabaseQuery: { query: 'SELECT 1', database: 'bank', duration_ms: 3 },
    });
  });

  it('turns an exception span event into an Error and surfaces dropped counts and status as tags', () => {
    const svc = new RecordingService(RESOURCE);
    const span = svc.start('transfer', 0);
    span.recordException(
      Object.assign(new Error('insufficient funds'), {
        stack: 'Error: insufficient funds\n    at transfer (a.ts:3:9)',
      }),
      at(5),
    );
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    span.end(at(10));
    const { events } = convert(svc);
    expect(events[1]!.kind).toEqual({
      Error: {
        error_type: 'Error',
        message: 'insufficient funds',
        stack_trace: ['Error: insufficient funds', '    at transfer (a.ts:3:9)'],
      },
    });
    expect(events[0]!.metadata.tags).toMatchObject({
      'otel.status_code': 'ERROR',
      'otel.status_message': 'boom',
    });
  });

  it('converts every raceway.* span event with the attributes of the convention', () => {
    const svc = new RecordingService(RESOURCE);
    const span = svc.start('transfer', 0, {
      attributes: { 'code.file.path': 'src/bank.ts', 'code.line.number': 7 },
    });
    span.addEvent(
      'raceway.lock.acquire',
      { 'raceway.lock.id': 'alice', 'raceway.lock.type': 'rwlock.write' },
      at(1),
    );
    span.addEvent(
      'raceway.state_change',
      {
        'raceway.variable.name': 'alice.balance',
        'raceway.access.type': 'write',
        'raceway.value.old': '1000',
        'raceway.value.new': '{"amount":900}',
        'code.file.path': 'src/bank.ts',
        'code.line.number': 9,
      },
      at(2),
    );
    span.addEvent(
      'raceway.lock.release',
      { 'raceway.lock.id': 'alice', 'raceway.lock.type': 'RwLock-Write' },
      at(3),
    );
    span.addEvent('raceway.async.spawn', { 'raceway.async.task.id': 'task-1' }, at(4));
    span.addEvent('raceway.async.await', { 'raceway.async.task.id': 'task-1' }, at(5));
    span.addEvent('raceway.memory_fence', { 'raceway.fence.ordering': 'acq_rel' }, at(6));
    span.addEvent(
      'raceway.custom',
      { 'raceway.custom.name': 'audit', 'raceway.custom.data': '{"ok":true}' },
      at(7),
    );
    span.addEvent('checkpoint', { step: 2 }, at(8));
    span.end(at(9));
    const { events, rejected } = convert(svc);
    expect(rejected).toEqual([]);
    const spanId = span.spanContext().spanId;
    expect(events.slice(1).map((e) => e.kind)).toEqual([
      { LockAcquire: { lock_id: 'alice', lock_type: 'RwLock-Write', location: 'src/bank.ts:7' } },
      {
        StateChange: {
          variable: 'alice.balance',
          old_value: 1000,
          new_value: { amount: 900 },
          location: 'src/bank.ts:9',
          access_type: 'Write',
        },
      },
      { LockRelease: { lock_id: 'alice', lock_type: 'RwLock-Write', location: 'src/bank.ts:7' } },
      { AsyncSpawn: { task_id: 'task-1', spawned_by: spanId } },
      { AsyncAwait: { future_id: 'task-1', awaited_at: 'src/bank.ts:7' } },
      { MemoryFence: { ordering: 'AcqRel', location: 'src/bank.ts:7' } },
      { Custom: { name: 'audit', data: { ok: true } } },
      { Custom: { name: 'checkpoint', data: { step: 2 } } },
    ]);
    // One context, chained in time order.
    events.forEach((e, i) => {
      expect(e.metadata.thread_id).toBe(spanId);
      expect(e.parent_id).toBe(i === 0 ? null : events[i - 1]!.id);
    });
  });

  it('accepts the short aliases raceway.event.kind, raceway.variable, raceway.access and raceway.location', () => {
    const svc = new RecordingService(RESOURCE);
    const span = svc.start('job', 0);
    span.addEvent(
      'balance read',
      {
        'raceway.event.kind': 'state_change',
        'raceway.variable': 'counter',
        'raceway.access': 'atomic_rmw',
        'raceway.location': 'worker.py:12',
        'raceway.thread.id': 'worker-2',
        'raceway.clock': '[["svc#1",3]]',
      },
      at(1),
    );
    span.end(at(2));
    const ev = convert(svc).events[1]!;
    expect(ev.kind).toEqual({
      StateChange: {
        variable: 'counter',
        new_value: null,
        location: 'worker.py:12',
        access_type: 'AtomicRMW',
      },
    });
    expect(ev.metadata.thread_id).toBe('worker-2');
    expect(ev.causality_vector).toEqual([['svc#1', 3]]);
  });

  it('turns raceway.variable on a span itself into a StateChange in that span', () => {
    const svc = new RecordingService(RESOURCE);
    svc
      .start('debit', 0, {
        attributes: {
          'raceway.variable': 'balance',
          'raceway.access': 'write',
          'raceway.value.new': '5',
        },
      })
      .end(at(4));
    const { events } = convert(svc);
    expect(events.map(kindOf)).toEqual(['FunctionCall', 'StateChange']);
    expect(events[1]!.kind).toMatchObject({
      StateChange: { variable: 'balance', access_type: 'Write', new_value: 5 },
    });
  });

  it('rejects only the span whose raceway event lacks a required attribute, with the reason', () => {
    const svc = new RecordingService(RESOURCE);
    const bad = svc.start('bad', 0);
    bad.addEvent('raceway.lock.acquire', {}, at(1));
    bad.end(at(2));
    svc.start('good', 0).end(at(2));
    const { events, rejected } = convert(svc);
    expect(events.map((e) => e.metadata.tags['otel.span_name'])).toEqual(['good']);
    expect(rejected).toEqual([
      {
        traceId: bad.spanContext().traceId,
        spanId: bad.spanContext().spanId,
        reason: 'span event 0 (raceway.lock.acquire): raceway.lock.id is missing',
      },
    ]);
  });

  it('links an in-process child to the parent event just before its start, and a remote parent as upstream', () => {
    const svc = new RecordingService(RESOURCE);
    const root = svc.start('handle', 0, { kind: SpanKind.SERVER });
    root.addEvent(
      'raceway.state_change',
      { 'raceway.variable.name': 'x', 'raceway.access.type': 'write' },
      at(1),
    );
    const child = svc.start('child', 2, { parent: root });
    child.end(at(3));
    root.addEvent(
      'raceway.state_change',
      { 'raceway.variable.name': 'x', 'raceway.access.type': 'read' },
      at(4),
    );
    root.end(at(5));
    const { events } = convert(svc);
    const byName = (n: string) => events.filter((e) => e.metadata.tags['otel.span_name'] === n);
    const [rootStart, rootWrite] = byName('handle');
    expect(byName('child')[0]!.parent_id).toBe(rootWrite!.id);
    expect(rootStart!.metadata.upstream_span_id).toBeUndefined();
  });

  it('counts a parent event stamped within the millisecond of a whole-millisecond child start as before it', () => {
    // OTel JS stamps span starts with Date.now() and span events with the high-resolution clock.
    const svc = new RecordingService(RESOURCE);
    const root = svc.start('handle', 0);
    root.addEvent('raceway.state_change', { 'raceway.variable.name': 'x' }, at(2.4));
    svc.start('child', 2, { parent: root }).end(at(3));
    root.addEvent('raceway.state_change', { 'raceway.variable.name': 'x' }, at(3.2));
    root.end(at(4));
    const { events } = convert(svc);
    const write = events.find((e) => 'StateChange' in e.kind)!;
    expect(write.timestamp).toMatch(/^2026-11-26T12:00:00\.0023|^2026-11-26T12:00:00\.0024/);
    const child = events.find((e) => e.metadata.tags['otel.span_name'] === 'child')!;
    expect(child.parent_id).toBe(write.id);
  });

  it('orders a child after a sibling that ended before it started (await a(); await b())', () => {
    const svc = new RecordingService(RESOURCE);
    const root = svc.start('handle', 0);
    const a = svc.start('a', 1, { parent: root });
    a.addEvent(
      'raceway.state_change',
      { 'raceway.variable.name': 'x', 'raceway.access.type': 'write' },
      at(2),
    );
    a.end(at(3));
    const b = svc.start('b', 4, { parent: root });
    b.end(at(5));
    root.end(at(6));
    const { events } = convert(svc);
    const write = events.find((e) => 'StateChange' in e.kind)!;
    const bStart = events.find((e) => e.metadata.tags['otel.span_name'] === 'b')!;
    expect(bStart.parent_id).toBe(write.id);
  });

  it('leaves overlapping siblings unordered (Promise.all)', () => {
    const svc = new RecordingService(RESOURCE);
    const root = svc.start('handle', 0);
    const a = svc.start('a', 1, { parent: root });
    const b = svc.start('b', 2, { parent: root });
    a.end(at(3));
    b.end(at(4));
    root.end(at(5));
    const { events } = convert(svc);
    const [rootStart] = events.filter((e) => e.metadata.tags['otel.span_name'] === 'handle');
    const bStart = events.find((e) => e.metadata.tags['otel.span_name'] === 'b')!;
    expect(bStart.parent_id).toBe(rootStart!.id);
  });

  it('marks a server span whose parent is remote with upstream_span_id on all its events', () => {
    const caller = new RecordingService({ 'service.name': 'gateway' });
    const callee = new RecordingService({ 'service.name': 'accounts' });
    const client = caller.start('GET', 0, { kind: SpanKind.CLIENT });
    const remoteCtx = trace.setSpanContext(context.active(), {
      ...client.spanContext(),
      isRemote: true,
    });
    const server = callee.tracer.startSpan(
      'GET /x',
      { kind: SpanKind.SERVER, startTime: at(1) },
      remoteCtx,
    );
    server.addEvent('raceway.state_change', { 'raceway.variable.name': 'x' }, at(2));
    server.end(at(3));
    client.end(at(4));
    const { events } = convertTraceRequest(
      decodeTraceRequest(toProtobuf([...callee.spans(), ...caller.spans()])),
    );
    const serverEvents = events.filter((e) => e.metadata.service_name === 'accounts');
    expect(serverEvents).toHaveLength(2);
    for (const e of serverEvents)
      expect(e.metadata.upstream_span_id).toBe(client.spanContext().spanId);
    // The client span's start event happens before the callee: an exact edge, no timestamp comparison.
    expect(serverEvents[0]!.parent_id).toBe(
      events.find((e) => e.metadata.service_name === 'gateway')!.id,
    );
  });

  it('links a local parent that is not in this export through its derived event id', () => {
    const svc = new RecordingService(RESOURCE);
    const root = svc.start('root', 0);
    svc.start('child', 1, { parent: root }).end(at(2));
    const childOnly = convert(svc);
    root.end(at(3));
    const rootOnly = convertTraceRequest(decodeTraceRequest(toProtobuf(svc.spans().slice(1))));
    expect(childOnly.events[0]!.parent_id).toBe(rootOnly.events[0]!.id);
  });

  it('gives the same ids when the same export is sent again, and decodes JSON and protobuf alike', () => {
    const svc = new RecordingService(RESOURCE);
    const span = svc.start('a', 0, { attributes: { n: 1, f: 1.5, ok: true, list: ['x'] } });
    span.addEvent('raceway.state_change', { 'raceway.variable.name': 'v' }, at(1));
    span.end(at(2));
    const fromProto = convert(svc).events;
    expect(convert(svc).events.map((e) => e.id)).toEqual(fromProto.map((e) => e.id));
    const fromJson = convertTraceRequest(parseTraceRequestJson(toJson(svc.spans()))).events;
    expect(fromJson).toEqual(fromProto);
    expect(new Set(fromProto.map((e) => e.id)).size).toBe(fromProto.length);
  });

  it('surfaces what the SDK dropped as tags', () => {
    const span = {
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      name: 'busy',
      startTimeUnixNano: '1000',
      endTimeUnixNano: '2000',
      droppedEventsCount: 12,
      droppedAttributesCount: 3,
      droppedLinksCount: 1,
      events: [{ timeUnixNano: '1500', name: 'checkpoint', droppedAttributesCount: 2 }],
    };
    const { events } = convertTraceRequest(
      parseTraceRequestJson(
        JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }),
      ),
    );
    expect(events[0]!.metadata.tags).toMatchObject({
      'otel.dropped_events_count': '12',
      'otel.dropped_attributes_count': '3',
      'otel.dropped_links_count': '1',
    });
    expect(events[1]!.metadata.tags['otel.dropped_attributes_count']).toBe('2');
  });

  it('rejects spans with bad ids or end before start one by one (hand-written OTLP JSON, upper-case hex)', () => {
    const ok = {
      traceId: '5B8EFFF798038103D269B633813FC60C',
      spanId: 'EEE19B7EC3C1B174',
      name: 'ok',
      startTimeUnixNano: '1000',
      endTimeUnixNano: 2000,
    };
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
          scopeSpans: [
            {
              spans: [
                ok,
                { ...ok, spanId: 'eee19b7ec3c1b175', endTimeUnixNano: '999' },
                { ...ok, traceId: '00000000000000000000000000000000' },
                { ...ok, spanId: 'xyz' },
              ],
            },
          ],
        },
      ],
    };
    const { events, rejected } = convertTraceRequest(parseTraceRequestJson(JSON.stringify(body)));
    expect(events).toHaveLength(1);
    expect(events[0]!.trace_id).toBe('5b8efff7-9803-8103-d269-b633813fc60c');
    expect(events[0]!.timestamp).toBe('1970-01-01T00:00:00.000001000Z');
    expect(events[0]!.metadata.duration_ns).toBe(1000);
    expect(rejected.map((r) => r.reason)).toEqual([
      'end_time_unix_nano is before start_time_unix_nano',
      'trace_id "00000000000000000000000000000000" is not 16 bytes of hex or is all zero',
      'span_id "xyz" is not 8 bytes of hex or is all zero',
    ]);
  });
});
