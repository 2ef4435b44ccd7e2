import type { EventKindName } from '../../model/event.js';

/**
 * JSON schemas of the native wire event (spec §1.2–1.4, Appendix A), compiled once by ajv. `x-expect` is
 * our own annotation: the phrase a rejection reason uses ("must be a non-negative integer").
 *
 * Deliberate leniency over the old server, so that what the real SDKs send is accepted (DESIGN.md):
 * - `null` where Go encodes a nil map or slice (`headers`, `tags`, `stack_trace`, `causality_vector`,
 *   `lock_set`) means empty;
 * - ids of tasks and futures (`task_id`, `future_id`) may be any non-empty string (Go passes names);
 * - durations (`duration_ms`, `duration_ns`) may be fractional (the TS SDK passes user numbers through);
 * - any-JSON fields that `JSON.stringify` drops when undefined (`args`, `new_value`, `data`) and the
 *   collections above may be absent.
 * Unknown extra fields are ignored, as before (spec §1.1).
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string', 'x-expect': 'a string' };
const nonEmpty: Schema = { type: 'string', minLength: 1, 'x-expect': 'a non-empty string' };
const optStr: Schema = { type: ['string', 'null'], 'x-expect': 'a string or null' };
const anyJson: Schema = {};
const u32: Schema = {
  type: 'integer',
  minimum: 0,
  maximum: 4_294_967_295,
  'x-expect': 'a non-negative integer',
};
const u16: Schema = {
  type: 'integer',
  minimum: 0,
  maximum: 65_535,
  'x-expect': 'an integer from 0 to 65535',
};
const nonNegative: Schema = { type: 'number', minimum: 0, 'x-expect': 'a non-negative number' };
const stringMap: Schema = {
  type: ['object', 'null'],
  additionalProperties: { type: 'string', 'x-expect': 'a string' },
  'x-expect': 'an object of strings',
};
const location = str;

function object(properties: Record<string, Schema>, required: string[]): Schema {
  return { type: 'object', properties, required, 'x-expect': 'an object' };
}

export const eventSchema: Schema = object(
  {
    id: str,
    trace_id: nonEmpty,
    parent_id: optStr,
    timestamp: str,
    kind: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      'x-expect': 'an object with exactly one variant key, e.g. {"StateChange":{...}}',
    },
    metadata: object(
      {
        thread_id: str,
        process_id: u32,
        service_name: str,
        environment: str,
        tags: stringMap,
        duration_ns: {
          ...nonNegative,
          type: ['number', 'null'],
          'x-expect': 'a non-negative number or null',
        },
        instance_id: optStr,
        distributed_span_id: optStr,
        upstream_span_id: optStr,
      },
      ['thread_id', 'process_id', 'service_name', 'environment'],
    ),
    causality_vector: {
      type: ['array', 'null'],
      'x-expect': 'an array of [component, counter] pairs',
      items: {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: [str, { ...u32, maximum: Number.MAX_SAFE_INTEGER }],
        'x-expect': 'a [component, counter] pair',
      },
    },
    lock_set: { type: ['array', 'null'], items: str, 'x-expect': 'an array of strings' },
  },
  ['id', 'trace_id', 'timestamp', 'kind', 'metadata'],
);

const lock = object({ lock_id: str, lock_type: str, location }, [
  'lock_id',
  'lock_type',
  'location',
]);

/** One schema per `kind` variant (the payload under the variant key). */
export const kindSchemas: Record<EventKindName, Schema> = {
  FunctionCall: object({ function_name: str, module: str, args: anyJson, file: str, line: u32 }, [
    'function_name',
    'module',
    'file',
    'line',
  ]),
  AsyncSpawn: object({ task_id: nonEmpty, spawned_by: str }, ['task_id', 'spawned_by']),
  AsyncAwait: object({ future_id: nonEmpty, awaited_at: str }, ['future_id', 'awaited_at']),
  StateChange: object(
    {
      variable: str,
      old_value: anyJson,
      new_value: anyJson,
      location,
      access_type: {
        enum: ['Read', 'Write', 'AtomicRead', 'AtomicWrite', 'AtomicRMW'],
        'x-expect': 'one of Read, Write, AtomicRead, AtomicWrite, AtomicRMW',
      },
    },
    ['variable', 'location', 'access_type'],
  ),
  LockAcquire: lock,
  LockRelease: lock,
  MemoryFence: object(
    {
      ordering: {
        enum: ['Relaxed', 'Acquire', 'Release', 'AcqRel', 'SeqCst'],
        'x-expect': 'one of Relaxed, Acquire, Release, AcqRel, SeqCst',
      },
      location,
    },
    ['ordering', 'location'],
  ),
  HttpRequest: object({ method: str, url: str, headers: stringMap, body: anyJson }, [
    'method',
    'url',
  ]),
  HttpResponse: object(
    { status: u16, headers: stringMap, body: anyJson, duration_ms: nonNegative },
    ['status', 'duration_ms'],
  ),
  DatabaseQuery: object({ query: str, database: str, duration_ms: nonNegative }, [
    'query',
    'database',
    'duration_ms',
  ]),
  DatabaseResult: object({ rows_affected: { ...u32, maximum: Number.MAX_SAFE_INTEGER } }, [
    'rows_affected',
  ]),
  Error: object(
    {
      error_type: str,
      message: str,
      stack_trace: { type: ['array', 'null'], items: str, 'x-expect': 'an array of strings' },
    },
    ['error_type', 'message'],
  ),
  Custom: object({ name: str, data: anyJson }, ['name']),
};
