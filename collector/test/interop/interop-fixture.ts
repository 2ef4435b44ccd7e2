import { readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';

/**
 * Real traffic of the old Raceway SDKs (TypeScript and Python, run from their published sources against our
 * collector through a logging proxy), kept in `test/fixtures/sdk-interop/`. Each fixture lists the POSTs to
 * `/events` in the order the SDK sent them, with the headers it sent, the answer it got, and a note of the SDK
 * calls that produced them.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wire events and API answers are checked field by field
export type Json = any;

export interface CapturedRequest {
  /** What our collector answered when the capture was taken. */
  status: number;
  response: Json;
  /** The request headers the SDK sent (content type, auth, user agent, `X-Raceway-Internal`). */
  headers: Record<string, string>;
  body: { events: Json[] };
}

export interface InteropFixture {
  sdk: string;
  produced_by: string;
  requests: CapturedRequest[];
  [extra: string]: Json;
}

export const INTEROP_FIXTURES = [
  'ts-express-transfer-race',
  'ts-express-transfer-locked',
  'ts-to-python-checkout',
  'python-flask-threads-and-transfers',
  'python-to-python-relay',
  'python-to-ts-and-ts-to-ts',
  'ts-api-key-float-duration',
  'ts-outage-resend',
  'python-lock-and-call-then-write',
  'ts-express-sequential-transfers',
] as const;
export type InteropFixtureName = (typeof INTEROP_FIXTURES)[number];

export function loadInteropFixture(name: InteropFixtureName): InteropFixture {
  const url = new URL(`../fixtures/sdk-interop/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as InteropFixture;
}

/** Every event of the fixture, in the order the SDK sent them (re-sent duplicates included). */
export function eventsOf(fixture: InteropFixture): Json[] {
  return fixture.requests.flatMap((r) => r.body.events);
}

/** The one event with this id prefix (fixture events are named by the first 8 hex digits of their id). */
export function eventOf(fixture: InteropFixture, idPrefix: string): Json {
  const found = eventsOf(fixture).filter((e) => (e.id as string).startsWith(idPrefix));
  expect(found.length, `event ${idPrefix}`).toBeGreaterThan(0);
  return found[0];
}

/** The full trace id with this prefix. */
export function traceOf(fixture: InteropFixture, tracePrefix: string): string {
  const ids = new Set(eventsOf(fixture).map((e) => e.trace_id as string));
  const found = [...ids].filter((t) => t.startsWith(tracePrefix));
  expect(found, `trace ${tracePrefix}`).toHaveLength(1);
  return found[0]!;
}

/** Posts one body to `/events` with exactly the headers the SDK sent (plus any override). */
export async function postAsSdk(
  url: string,
  request: CapturedRequest,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${url}/events`, {
    method: 'POST',
    headers: { ...request.headers, ...headers },
    body: JSON.stringify(request.body),
  });
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text: the assertion shows it
  }
  return { status: res.status, body };
}

/** The success body the old SDKs expect for a fully accepted batch. */
export const ingested = (n: number): Json => ({
  success: true,
  data: `Ingested ${n} events`,
  error: null,
});

/**
 * Replays every POST of the fixture the way the SDK made them, expects the old-SDK success body for each, and
 * waits until every trace serves all its distinct events.
 */
export async function replay(
  url: string,
  fixture: InteropFixture,
  headers: Record<string, string> = {},
): Promise<void> {
  for (const request of fixture.requests) {
    const answer = await postAsSdk(url, request, headers);
    expect(answer).toEqual({ status: 200, body: ingested(request.body.events.length) });
  }
  await waitForTraces(url, eventsOf(fixture), headers);
}

/** Waits until each trace of `events` serves exactly its distinct events. */
export async function waitForTraces(
  url: string,
  events: readonly Json[],
  headers: Record<string, string> = {},
): Promise<void> {
  const perTrace = new Map<string, Set<string>>();
  for (const e of events) {
    const ids = perTrace.get(e.trace_id) ?? new Set<string>();
    ids.add(e.id);
    perTrace.set(e.trace_id, ids);
  }
  await vi.waitFor(
    async () => {
      for (const [traceId, ids] of perTrace) {
        const trace = await getData(url, `/api/traces/${traceId}`, headers);
        expect(trace.events).toHaveLength(ids.size);
      }
    },
    { timeout: 10_000, interval: 25 },
  );
}

/** GET a route and return the envelope's `data`, failing on a non-200 answer. */
export async function getData(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Json> {
  const res = await fetch(`${url}${path}`, { headers });
  const body = (await res.json()) as Json;
  expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(200);
  return body.data;
}

/** A race pair as an order-free key: `variable severity idA+idB` with 8-digit id prefixes, sorted. */
export function pairKey(race: Json): string {
  const ids = [race.event1_id as string, race.event2_id as string].map((i) => i.slice(0, 8)).sort();
  return `${race.variable as string} ${race.severity as string} ${ids.join('+')}`;
}

/** Decodes a `raceway-clock: v1;<base64url JSON>` header (spec §2.1). */
export function decodeRacewayClock(header: string): Json {
  expect(header.startsWith('v1;')).toBe(true);
  return JSON.parse(Buffer.from(header.slice(3), 'base64url').toString('utf8'));
}
