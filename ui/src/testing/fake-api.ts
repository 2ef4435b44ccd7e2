import { vi } from 'vitest';

export type Route = (
  url: URL,
  init: RequestInit | undefined,
) => { status?: number; data?: unknown; error?: string } | undefined;

/** Replaces `fetch` with an in-memory collector: each route returns `data` in the API envelope. */
export function fakeApi(routes: Record<string, unknown>): {
  calls: Array<{ url: string; headers: Record<string, string> }>;
} {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    calls.push({
      url: url.pathname + url.search,
      headers: { ...(init?.headers as Record<string, string>) },
    });
    const route = routes[url.pathname];
    const result =
      typeof route === 'function'
        ? (route as Route)(url, init)
        : route === undefined
          ? undefined
          : { data: route };
    const status = result?.status ?? (result ? 200 : 404);
    const body =
      status < 400
        ? { success: true, data: result?.data ?? null, error: null }
        : { success: false, data: null, error: result?.error ?? 'Not found' };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  return { calls };
}

/** Types a dynamic route (one that looks at the request). */
export function route(handler: Route): Route {
  return handler;
}
