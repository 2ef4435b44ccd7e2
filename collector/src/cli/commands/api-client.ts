import { API_KEY_HINT, ApiError } from './api-error.js';

export interface ApiClientOptions {
  /** Base URL of the collector, e.g. `http://127.0.0.1:8080`. */
  server: string;
  apiKey?: string | undefined;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined;

/**
 * A small client for the collector's REST API: sends the API key as a Bearer token, unwraps the
 * `{success,data,error}` envelope and turns every failure into an {@link ApiError}.
 */
export class ApiClient {
  readonly server: string;
  private readonly apiKey: string | undefined;
  private readonly fetchFn: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.server = options.server.replace(/\/+$/, '');
    this.apiKey = options.apiKey?.trim() || undefined;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** Absolute URL of an API path with the defined query parameters. */
  url(path: string, query: Record<string, QueryValue> = {}): string {
    const url = new URL(this.server + path);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  /** Request headers, with the key when one is configured. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    return headers;
  }

  /** GET a route and return the envelope's `data`. */
  async get<T>(path: string, query: Record<string, QueryValue> = {}): Promise<T> {
    const body = await this.getRaw(path, query);
    return unwrapEnvelope<T>(body);
  }

  /** GET a route and return the parsed JSON body as the server sent it (envelope included). */
  async getRaw(path: string, query: Record<string, QueryValue> = {}): Promise<unknown> {
    const url = this.url(path, query);
    let response: Response;
    try {
      response = await this.fetchFn(url, { headers: this.headers() });
    } catch (err) {
      throw new ApiError(
        'unreachable',
        `cannot reach ${this.server}: ${unreachableText(err, this.server)}`,
        undefined,
        {
          cause: err,
        },
      );
    }
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) throw errorForStatus(response.status, envelopeError(body) ?? text);
    if (body === undefined) {
      throw new ApiError(
        'server',
        `${path}: the server sent a body that is not JSON`,
        response.status,
      );
    }
    return body;
  }
}

/** The `data` of a `{success,data,error}` envelope; an unsuccessful envelope becomes an ApiError. */
export function unwrapEnvelope<T>(body: unknown): T {
  if (!isRecord(body) || typeof body.success !== 'boolean' || !('data' in body)) {
    throw new ApiError(
      'server',
      'the server sent an unexpected response (no {success,data,error})',
    );
  }
  if (!body.success) {
    throw new ApiError('server', typeof body.error === 'string' ? body.error : 'request failed');
  }
  return body.data as T;
}

function errorForStatus(status: number, message: string): ApiError {
  const text = message.trim() || `HTTP ${status}`;
  if (status === 401 || status === 403) {
    return new ApiError('unauthorized', `${text}: ${API_KEY_HINT}`, status);
  }
  if (status === 404) return new ApiError('not-found', text, status);
  if (status === 400) return new ApiError('bad-request', text, status);
  return new ApiError('server', `HTTP ${status}: ${text}`, status);
}

function envelopeError(body: unknown): string | undefined {
  return isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Why fetch failed, in words; fetch's own "bad port" (a port it refuses, e.g. 1 or 6000) says which. */
function unreachableText(err: unknown, server: string): string {
  const text = causeText(err);
  if (text !== 'bad port') return text;
  const port = new URL(server).port;
  return `port ${port} is one that fetch refuses to connect to (a browser-blocked port); run the collector on another port`;
}

function causeText(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message;
  }
  return String(err);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
