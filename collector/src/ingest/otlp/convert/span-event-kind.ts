import type { OtlpSpan } from '@raceway/proto';
import type { EventKind, HttpResponseKind } from '../../../model/event.js';
import { hasAnyAttr, numberAttr, stringAttr } from './attribute-lookup.js';
import { CodeAttr } from './raceway-attributes.js';

const HTTP_METHOD = ['http.request.method', 'http.method'];
const HTTP_STATUS = ['http.response.status_code', 'http.status_code'];
const DB_MARKERS = [
  'db.system.name',
  'db.system',
  'db.query.text',
  'db.statement',
  'db.operation.name',
  'db.operation',
];

/** The kind of the event that stands for the span itself, and the HTTP response when there is one. */
export interface SpanKinds {
  start: EventKind;
  response?: HttpResponseKind;
}

/**
 * HTTP semconv spans (server or client) become `HttpRequest` (plus `HttpResponse` at the end when a status
 * is known), `db.*` spans `DatabaseQuery`, every other span `FunctionCall`. Stable names are read first,
 * then the deprecated ones, since instrumentations of both generations are in the field.
 */
export function spanEventKinds(span: OtlpSpan, scopeName: string, durationNs: number): SpanKinds {
  const a = span.attributes;
  const durationMs = Math.round(durationNs / 1e6);
  const method = stringAttr(a, ...HTTP_METHOD);
  if (method !== undefined) {
    const status = numberAttr(a, ...HTTP_STATUS);
    const kinds: SpanKinds = {
      start: { HttpRequest: { method, url: httpUrl(span), headers: {} } },
    };
    if (status !== undefined && Number.isInteger(status) && status >= 0 && status <= 65_535)
      kinds.response = { status, headers: {}, duration_ms: durationMs };
    return kinds;
  }
  if (hasAnyAttr(a, DB_MARKERS)) {
    return {
      start: {
        DatabaseQuery: {
          query:
            stringAttr(
              a,
              'db.query.text',
              'db.statement',
              'db.query.summary',
              'db.operation.name',
              'db.operation',
            ) ?? span.name,
          database:
            stringAttr(a, 'db.namespace', 'db.name', 'db.system.name', 'db.system') ?? 'unknown',
          duration_ms: durationMs,
        },
      },
    };
  }
  const line = numberAttr(a, ...CodeAttr.line);
  return {
    start: {
      FunctionCall: {
        function_name: stringAttr(a, ...CodeAttr.func) ?? span.name,
        module: stringAttr(a, ...CodeAttr.namespace) ?? scopeName,
        args: a,
        file: stringAttr(a, ...CodeAttr.file) ?? '',
        line: line !== undefined && Number.isInteger(line) && line >= 0 ? line : 0,
      },
    },
  };
}

function httpUrl(span: OtlpSpan): string {
  const a = span.attributes;
  const full = stringAttr(a, 'url.full', 'http.url');
  if (full !== undefined) return full;
  const path = stringAttr(a, 'url.path', 'http.target', 'http.route');
  if (path === undefined) return span.name;
  const query = stringAttr(a, 'url.query');
  return query === undefined || path.includes('?') ? path : `${path}?${query}`;
}

/** Where a span's own code is, for raceway events that carry no location: `file:line` or the function. */
export function spanLocation(span: OtlpSpan): string {
  return codeLocation(span.attributes) ?? span.name;
}

export function codeLocation(a: OtlpSpan['attributes']): string | undefined {
  const file = stringAttr(a, ...CodeAttr.file);
  const line = numberAttr(a, ...CodeAttr.line);
  if (file !== undefined) return line === undefined ? file : `${file}:${line}`;
  return stringAttr(a, ...CodeAttr.func);
}
