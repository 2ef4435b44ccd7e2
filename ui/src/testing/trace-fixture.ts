import type { FullTraceAnalysis, RaceAccess, TraceGraph } from '../api/types';
import { makeAccess, makeEvent, read, write } from './event-factory';

export const TRACE_ID = 'aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa';

const access = (overrides: Partial<RaceAccess>): RaceAccess => ({
  event_id: '',
  timestamp: '2024-01-01T12:00:00.001Z',
  thread_id: 'worker-1',
  context: `${TRACE_ID}/web#/worker-1`,
  service_name: 'web',
  access_type: 'Write',
  location: 'balance.rs:12',
  old_value: 10,
  new_value: 15,
  locks_held: [],
  clock: [],
  ...overrides,
});

/** Spec §9 S1: a root call spawns two unsynchronised writers of `balance`. */
export function s1Trace(): { trace: FullTraceAnalysis; graph: TraceGraph } {
  const root = makeEvent({
    id: 'root',
    kind: {
      FunctionCall: {
        function_name: 'handle_request',
        module: 'app',
        args: {},
        file: 'app/handlers.rs',
        line: 10,
      },
    },
    context: `${TRACE_ID}/web#/thread-main`,
  });
  const a = makeEvent({
    id: 'write-a',
    parent_id: 'root',
    kind: write('balance', 10, 15, 'balance.rs:12'),
    context: `${TRACE_ID}/web#/worker-1`,
  });
  const b = makeEvent({
    id: 'write-b',
    parent_id: 'root',
    kind: write('balance', 15, 20, 'balance.rs:45'),
    context: `${TRACE_ID}/web#/worker-2`,
  });
  const r = makeEvent({
    id: 'read-c',
    parent_id: 'root',
    kind: read('balance', 20, 'balance.rs:50'),
    context: `${TRACE_ID}/web#/worker-2`,
  });
  const trace: FullTraceAnalysis = {
    trace_id: TRACE_ID,
    events: [root, a, b, r],
    audit_trails: {
      balance: [
        makeAccess('write-a', {
          thread_id: 'worker-1',
          old_value: 10,
          new_value: 15,
          location: 'balance.rs:12',
          is_race: false,
          race_partners: ['write-b'],
          race_partner_count: 1,
        }),
        makeAccess('write-b', {
          thread_id: 'worker-2',
          old_value: 15,
          new_value: 20,
          location: 'balance.rs:45',
          is_race: true,
          race_partners: ['write-a'],
          race_partner_count: 1,
        }),
        makeAccess('read-c', {
          thread_id: 'worker-2',
          access_type: 'Read',
          new_value: 20,
          location: 'balance.rs:50',
          has_causal_link_to_previous: true,
        }),
      ],
    },
    analysis: {
      concurrent_events: 1,
      potential_races: 1,
      anomalies: [],
      groups: [],
      race_details: [
        {
          severity: 'CRITICAL',
          variable: 'balance',
          event1_id: 'write-a',
          event2_id: 'write-b',
          event1_thread: 'worker-1',
          event2_thread: 'worker-2',
          event1_location: 'balance.rs:12',
          event2_location: 'balance.rs:45',
          description: 'Write-Write race on balance.',
          group_count: 1,
          first: access({
            event_id: 'write-a',
            clock: [
              [`${TRACE_ID}/web#/thread-main`, 1],
              [`${TRACE_ID}/web#/worker-1`, 1],
            ],
          }),
          second: access({
            event_id: 'write-b',
            thread_id: 'worker-2',
            context: `${TRACE_ID}/web#/worker-2`,
            location: 'balance.rs:45',
            old_value: 15,
            new_value: 20,
            clock: [
              [`${TRACE_ID}/web#/thread-main`, 1],
              [`${TRACE_ID}/web#/worker-2`, 1],
            ],
          }),
        },
      ],
    },
    critical_path: null,
    anomalies: [],
    dependencies: {
      trace_id: TRACE_ID,
      services: [{ name: 'web', event_count: 4 }],
      dependencies: [],
    },
  };
  const graph: TraceGraph = {
    trace_id: TRACE_ID,
    nodes: [],
    edges: [
      { from: 'root', to: 'write-a', type: 'spawn' },
      { from: 'root', to: 'write-b', type: 'spawn' },
      { from: 'write-b', to: 'read-c', type: 'program' },
    ],
    races: [{ event1_id: 'write-a', event2_id: 'write-b', severity: 'CRITICAL' }],
  };
  return { trace, graph };
}
