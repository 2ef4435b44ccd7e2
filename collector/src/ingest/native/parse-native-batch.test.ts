import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/raceway-error.js';
import { SDK_FIXTURES, loadSdkFixture } from '../../../test/fixtures/sdk/load-sdk-fixture.js';
import type { WireEvent } from '../../../test/fixtures/sdk/load-sdk-fixture.js';
import { parseNativeBatch } from './parse-native-batch.js';
import { ORIGINAL_TRACE_ID_TAG } from './trace-id.js';

const tsBatch = () => loadSdkFixture('typescript-transfer');

describe('parseNativeBatch', () => {
  it('rejects only an event whose free JSON is nested too deep to store or serve', () => {
    const body = tsBatch();
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    body.events[0]!.kind = {
      FunctionCall: { function_name: 'f', module: 'm', args: deep, file: 'a.ts', line: 1 },
    } as never;
    const batch = parseNativeBatch(body);
    expect(batch.events.map((e) => e.id)).toEqual(body.events.slice(1).map((e) => e.id));
    expect(batch.rejected).toEqual([
      {
        index: 0,
        id: body.events[0]!.id,
        reason: 'events[0].kind.FunctionCall: nested deeper than 100 levels',
      },
    ]);
    expect(() => JSON.stringify(batch.events)).not.toThrow();
  });

  it.each(SDK_FIXTURES)('accepts every event of the real %s batch', (name) => {
    const body = loadSdkFixture(name);
    const batch = parseNativeBatch(body);
    expect(batch.rejected).toEqual([]);
    expect(batch.events.map((e) => e.id)).toEqual(body.events.map((e) => e.id));
  });

  it('keeps the TypeScript capture field for field, dropping only null optional metadata', () => {
    const body = tsBatch();
    const [first] = parseNativeBatch(body).events;
    const { upstream_span_id, ...metadata } = body.events[0]!.metadata;
    expect(upstream_span_id).toBeNull();
    expect(first).toEqual({ ...body.events[0], metadata });
  });

  it('normalises offset timestamps to UTC Z keeping the sub-second digits (Python, Rust)', () => {
    const py = parseNativeBatch(loadSdkFixture('python-process')).events[0];
    expect(py?.timestamp).toBe('2026-11-24T16:51:37.424175Z');
    const rust = parseNativeBatch(loadSdkFixture('rust-transfer')).events[0];
    expect(rust?.timestamp).toBe('2025-11-04T10:15:31.000100200Z');
  });

  it('maps a Go FunctionReturn to a Custom event that keeps every field', () => {
    const events = parseNativeBatch(loadSdkFixture('go-variants')).events;
    const ret = events[4];
    expect(ret?.kind).toEqual({
      Custom: {
        name: 'FunctionReturn',
        data: {
          function_name: 'buildReport',
          return_value: { rows: 42 },
          file: 'main.go',
          line: 104,
        },
      },
    });
  });

  it('maps a Go AsyncSpawn (task_name, spawned_at) to AsyncSpawn with spawned_by', () => {
    const spawn = parseNativeBatch(loadSdkFixture('go-variants')).events[2];
    expect(spawn?.kind).toEqual({
      AsyncSpawn: {
        task_id: 'fetch-orders',
        task_name: 'fetchOrders',
        spawned_at: 'main.go:91',
        spawned_by: 'main.go:91',
      },
    });
  });

  it('reads Go nil maps and slices (null) as empty', () => {
    const events = parseNativeBatch(loadSdkFixture('go-variants')).events;
    expect(events[0]?.kind).toMatchObject({ HttpRequest: { headers: {} } });
    expect(events[5]?.kind).toMatchObject({ Error: { stack_trace: [] } });
    expect(events[5]?.lock_set).toEqual([]);
  });

  it('maps a non-UUID trace id to the same name-based UUID every time and keeps the original in a tag', () => {
    const events = parseNativeBatch(loadSdkFixture('go-variants')).events;
    const ids = new Set(events.map((e) => e.trace_id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(events[0]?.metadata.tags[ORIGINAL_TRACE_ID_TAG]).toBe('trace-123');
    const again = parseNativeBatch(loadSdkFixture('go-variants')).events[0];
    expect(again?.trace_id).toBe(id);
  });

  it('lower-cases upper-case UUIDs and hyphenates compact ones', () => {
    const body = tsBatch();
    const e = body.events[1]!;
    e.id = e.id.toUpperCase();
    e.trace_id = e.trace_id.replace(/-/g, '');
    e.parent_id = e.parent_id.toUpperCase();
    const [parsed] = parseNativeBatch({ events: [e] }).events;
    expect(parsed?.id).toBe('9891623e-f5c5-421d-a65e-a04b9e09a4be');
    expect(parsed?.trace_id).toBe('e2e11ee4-f631-4342-a791-259ec142da3d');
    expect(parsed?.parent_id).toBe('8d6a94fa-c976-46a1-b3ec-70917dca9b60');
  });

  it('keeps ids canonical when they repeat the event before in another spelling', () => {
    const [first, second] = tsBatch().events;
    second!.trace_id = second!.trace_id.toUpperCase();
    second!.parent_id = first!.id.replace(/-/g, '');
    const [a, b] = parseNativeBatch({ events: [first, second] }).events;
    expect(b?.trace_id).toBe(a?.trace_id);
    expect(b?.parent_id).toBe(a?.id);
    expect(b?.trace_id).toBe('e2e11ee4-f631-4342-a791-259ec142da3d');
  });

  it('accepts lower-case access types from user strings', () => {
    const body = tsBatch();
    body.events[2]!.kind.StateChange.access_type = 'write';
    const parsed = parseNativeBatch({ events: [body.events[2]] }).events[0];
    expect(parsed?.kind).toMatchObject({ StateChange: { access_type: 'Write' } });
  });

  it('accepts an empty batch', () => {
    expect(parseNativeBatch({ events: [] })).toEqual({ events: [], rejected: [] });
  });

  it.each([
    ['null', null],
    ['an array', [{ events: [] }]],
    ['a string', 'events'],
    ['the wrong key', { not_events: 'invalid' }],
    ['events that are not an array', { events: {} }],
  ])('rejects %s as the envelope with a ValidationError', (_name, body) => {
    expect(() => parseNativeBatch(body)).toThrow(ValidationError);
  });

  type Mutation = (e: WireEvent) => void;
  const cases: Array<[string, Mutation, string]> = [
    ['a missing id', (e) => delete e.id, 'events[1].id: is required'],
    ['a non-UUID id', (e) => (e.id = 'abc'), 'events[1].id: must be a UUID'],
    [
      'a bad parent id',
      (e) => (e.parent_id = 'nope'),
      'events[1].parent_id: must be a UUID or null',
    ],
    [
      'a negative process id',
      (e) => (e.metadata.process_id = -1),
      'events[1].metadata.process_id: must be a non-negative integer',
    ],
    [
      'a fractional process id',
      (e) => (e.metadata.process_id = 1.5),
      'events[1].metadata.process_id: must be a non-negative integer',
    ],
    [
      'a bad timestamp',
      (e) => (e.timestamp = 'yesterday'),
      'events[1].timestamp: must be an RFC 3339 timestamp',
    ],
    [
      'an unknown kind variant',
      (e) => (e.kind = { Teleport: {} }),
      'events[1].kind: unknown variant "Teleport"',
    ],
    [
      'two kind variants',
      (e) => (e.kind = { Custom: { name: 'a', data: 1 }, Error: {} }),
      'events[1].kind: must be an object with exactly one variant key',
    ],
    [
      'an unknown access type',
      (e) =>
        (e.kind = {
          StateChange: { variable: 'x', new_value: 1, location: 'a', access_type: 'Peek' },
        }),
      'events[1].kind.StateChange.access_type: must be one of Read, Write',
    ],
    [
      'a missing kind field',
      (e) => delete e.kind.FunctionCall.function_name,
      'events[1].kind.FunctionCall.function_name: is required',
    ],
    [
      'a bad clock entry',
      (e) => (e.causality_vector = [['a', -3]]),
      'events[1].causality_vector[0][1]: must be a non-negative integer',
    ],
    [
      'a non-string tag',
      (e) => (e.metadata.tags = { sdk_language: 7 }),
      'events[1].metadata.tags.sdk_language: must be a string',
    ],
    [
      'an event that is not an object',
      (e) => (e.metadata = 'meta'),
      'events[1].metadata: must be an object',
    ],
  ];

  it.each(cases)('rejects only the event with %s, naming the field', (_name, mutate, reason) => {
    const body = tsBatch();
    mutate(body.events[1]!);
    const batch = parseNativeBatch(body);
    expect(batch.events).toHaveLength(6);
    expect(batch.rejected).toHaveLength(1);
    expect(batch.rejected[0]?.index).toBe(1);
    expect(batch.rejected[0]?.reason.startsWith(reason)).toBe(true);
  });

  it('reports the id of a rejected event when it was a string, else null', () => {
    const batch = parseNativeBatch({ events: [{ id: 'x' }, 42] });
    expect(batch.rejected).toEqual([
      { index: 0, id: 'x', reason: 'events[0].trace_id: is required' },
      { index: 1, id: null, reason: 'events[1]: must be an object' },
    ]);
  });

  it('ignores unknown extra fields, as the old server did', () => {
    const body = tsBatch();
    body.events[0]!.extra = { anything: true };
    const [parsed] = parseNativeBatch({ events: [body.events[0]] }).events;
    expect(parsed).not.toHaveProperty('extra');
  });
});
