import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './otlp-decode-error.js';
import {
  parseLogsRequestJson,
  parseTraceRequestJson,
  traceResponseJson,
} from './otlp-json-codec.js';

const span = {
  traceId: '5B8EFFF798038103D269B633813FC60C',
  spanId: 'EEE19B7EC3C1B174',
  parentSpanId: '',
  name: 'GET /accounts',
  kind: 2,
  startTimeUnixNano: '1544712660000000000',
  endTimeUnixNano: 1544712661000000000,
  attributes: [
    { key: 'http.request.method', value: { stringValue: 'GET' } },
    { key: 'retries', value: { intValue: '3' } },
    { key: 'huge', value: { intValue: '9007199254740993' } },
    { key: 'ok', value: { boolValue: true } },
    { key: 'ratio', value: { doubleValue: 0.5 } },
    { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }] } } },
    { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { intValue: 1 } }] } } },
  ],
  events: [{ timeUnixNano: '1544712660500000000', name: 'exception', attributes: [] }],
  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
};

describe('parseTraceRequestJson', () => {
  it('maps the OTLP JSON encoding to the normalised request', () => {
    const req = parseTraceRequestJson(
      JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }),
    );
    const s = req.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(s.spanId).toBe('eee19b7ec3c1b174');
    expect(s.kind).toBe(2);
    expect(s.startTimeUnixNano).toBe(1544712660000000000n);
    expect(s.endTimeUnixNano).toBe(1544712661000000000n);
    expect(s.attributes).toEqual({
      'http.request.method': 'GET',
      retries: 3,
      huge: '9007199254740993',
      ok: true,
      ratio: 0.5,
      tags: ['a'],
      map: { k: 1 },
    });
    expect(s.events[0]!.timeUnixNano).toBe(1544712660500000000n);
    expect(s.status).toEqual({ code: 2, message: 'boom' });
  });

  it('accepts snake_case keys and base64 ids from plain proto3 JSON mappers', () => {
    const traceB64 = Buffer.from('5b8efff798038103d269b633813fc60c', 'hex').toString('base64');
    const req = parseTraceRequestJson(
      JSON.stringify({
        resource_spans: [
          { scope_spans: [{ spans: [{ trace_id: traceB64, span_id: 'eee19b7ec3c1b174' }] }] },
        ],
      }),
    );
    expect(req.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId).toBe(
      '5b8efff798038103d269b633813fc60c',
    );
  });

  it('keeps an unparseable id as sent so that only that span is rejected later', () => {
    const req = parseTraceRequestJson(
      JSON.stringify({
        resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'not-an-id', spanId: 'x' }] }] }],
      }),
    );
    expect(req.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId).toBe('not-an-id');
  });

  it.each([
    ['syntax error', '{"resourceSpans": ['],
    ['not an object', '[1,2]'],
    ['resourceSpans not an array', '{"resourceSpans": 5}'],
    ['span not an object', '{"resourceSpans":[{"scopeSpans":[{"spans":[7]}]}]}'],
    [
      'time not an integer',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"soon"}]}]}]}',
    ],
  ])('rejects a malformed body (%s) with a path', (_name, body) => {
    expect(() => parseTraceRequestJson(body)).toThrow(OtlpDecodeError);
  });
});

describe('parseLogsRequestJson', () => {
  it('reads event_name, ids and the body', () => {
    const req = parseLogsRequestJson(
      JSON.stringify({
        resourceLogs: [
          {
            scopeLogs: [
              {
                logRecords: [
                  {
                    timeUnixNano: '1',
                    eventName: 'raceway.state_change',
                    traceId: '5b8efff798038103d269b633813fc60c',
                    spanId: 'eee19b7ec3c1b174',
                    body: { stringValue: 'hi' },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const r = req.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]!;
    expect(r.eventName).toBe('raceway.state_change');
    expect(r.body).toBe('hi');
    expect(r.timeUnixNano).toBe(1n);
  });
});

describe('traceResponseJson', () => {
  it('is empty on full success and carries partialSuccess otherwise', () => {
    expect(traceResponseJson()).toEqual({});
    expect(traceResponseJson({ rejected: 2, errorMessage: 'bad' })).toEqual({
      partialSuccess: { rejectedSpans: '2', errorMessage: 'bad' },
    });
  });
});
