import { ApiError } from './api-error';
import { readApiKey } from './api-key-store';
import type { Envelope } from './types';

/** Called on every 401 so the app can prompt for a key. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function authHeaders(): Record<string, string> {
  const key = readApiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function errorText(error: unknown, fallback: string): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return error == null ? fallback : JSON.stringify(error);
}

/** Calls a JSON route and unwraps the `{success,data,error}` envelope (spec §3.1). */
export async function fetchApi<T>(
  path: string,
  init: { method?: string; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...authHeaders() },
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(`Cannot reach the collector (${errorText(cause, 'network error')})`, 0);
  }
  if (response.status === 401) onUnauthorized();
  const text = await response.text();
  let body: Envelope<T> | undefined;
  try {
    body = text ? (JSON.parse(text) as Envelope<T>) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok || !body || body.success === false) {
    const reason = errorText(body?.error, text || response.statusText || 'request failed');
    throw new ApiError(`${response.status}: ${reason}`, response.status);
  }
  return body.data as T;
}

/** Query-string builder that skips empty values. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
