import { randomUUID } from 'node:crypto';

const BASE_MS = Date.UTC(2024, 0, 1, 12, 0, 0);

/** `ts(+N)` of spec §9: the base time plus N ms, RFC 3339. */
export function ts(offsetMs: number): string {
  return new Date(BASE_MS + offsetMs).toISOString();
}

function event(
  traceId: string,
  id: string,
  parent: string | null,
  thread: string,
  offsetMs: number,
  kind: object,
  durationNs: number,
) {
  return {
    id,
    trace_id: traceId,
    parent_id: parent,
    timestamp: ts(offsetMs),
    kind,
    metadata: {
      thread_id: thread,
      process_id: 1,
      service_name: 'web',
      environment: 'test',
      tags: {},
      duration_ns: durationNs,
    },
    causality_vector: [],
    lock_set: [],
  };
}

/** The root event of spec §9 S1: FunctionCall `handle_request` on thread-main. */
export function s1Root(traceId: string, offsetMs = 0, id: string = randomUUID()) {
  return event(
    traceId,
    id,
    null,
    'thread-main',
    offsetMs,
    {
      FunctionCall: {
        function_name: 'handle_request',
        module: 'app::handlers',
        args: { id: 42 },
        file: 'app/handlers.rs',
        line: 10,
      },
    },
    17_000_000,
  );
}

/** Spec §9 S1, two unsynchronised writers, with a fresh trace id (or the one given) and fresh ids. */
export function s1Trace(traceId: string = randomUUID()) {
  const root = s1Root(traceId);
  const write = (thread: string, offset: number, from: number, to: number, line: number) =>
    event(
      traceId,
      randomUUID(),
      root.id,
      thread,
      offset,
      {
        StateChange: {
          variable: 'balance',
          old_value: from,
          new_value: to,
          location: `balance.rs:${line}`,
          access_type: 'Write',
        },
      },
      offset === 1 ? 8_000_000 : 9_000_000,
    );
  const finish = event(
    traceId,
    randomUUID(),
    root.id,
    'thread-main',
    5,
    {
      FunctionCall: {
        function_name: 'respond',
        module: 'app::handlers',
        args: {},
        file: 'app/handlers.rs',
        line: 24,
      },
    },
    3_000_000,
  );
  return [root, write('worker-1', 1, 10, 15, 12), write('worker-2', 2, 15, 20, 45), finish];
}
