import type { GlobalAnalysis } from '../../src/engine/results.js';
import type {
  FullTraceAnalysis,
  ServerStatus,
  TraceSummary,
} from '../../src/api/response-shapes.js';
import { ApiError } from '../../src/cli/commands/api-error.js';
import type { RacewaySource, TraceListQuery } from '../../src/tui/data/raceway-source.js';
import type { LiveMessage, LiveState } from '../../src/tui/live/live-stream.js';
import { bankingRaceTrace } from './fixtures/banking-race-trace.js';

/** An in-memory collector for component tests: traces, a controllable live stream, recorded queries. */
export class FakeSource implements RacewaySource {
  readonly server = 'http://fake:8080';
  traces = new Map<string, FullTraceAnalysis>([[bankingRaceTrace.trace_id, bankingRaceTrace]]);
  global: GlobalAnalysis = {
    total_traces: 1,
    total_events: 8,
    concurrent_events: 0,
    potential_races: 0,
    anomalies: [],
    race_details: [],
    truncated: false,
  };
  readonly queries: TraceListQuery[] = [];
  /** List rows without a full trace behind them (paging tests). */
  extra: TraceSummary[] = [];
  /** True while the app follows the live stream. */
  following = false;
  private onMessage: ((m: LiveMessage) => void) | undefined;
  private onState: ((s: LiveState) => void) | undefined;

  /** Adds `n` race-free traces to the list, older than the fixture. */
  addListRows(n: number): void {
    for (let i = 0; i < n; i++) {
      const ts = new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + i * 1000).toISOString();
      this.extra.push({
        trace_id: `aa${String(i).padStart(6, '0')}-0000-4000-8000-000000000000`,
        event_count: 3,
        first_timestamp: ts,
        last_timestamp: ts,
        service_count: 1,
        services: ['ledger'],
      });
    }
  }

  summaries(): TraceSummary[] {
    return [...this.traces.values()]
      .map((t) => {
        const times = t.events.map((e) => e.timestamp).sort();
        return {
          trace_id: t.trace_id,
          event_count: t.events.length,
          first_timestamp: times[0] ?? '',
          last_timestamp: times[times.length - 1] ?? '',
          service_count: new Set(t.events.map((e) => e.metadata.service_name)).size,
          services: [...new Set(t.events.map((e) => e.metadata.service_name))].sort(),
        };
      })
      .concat(this.extra)
      .sort((a, b) => b.last_timestamp.localeCompare(a.last_timestamp));
  }

  listTraces(query: TraceListQuery) {
    this.queries.push(query);
    let all = this.summaries();
    if (query.hasRaces)
      all = all.filter((t) => (this.traces.get(t.trace_id)?.analysis.potential_races ?? 0) > 0);
    if (query.service) all = all.filter((t) => t.services.includes(query.service!));
    if (query.idPrefix) all = all.filter((t) => t.trace_id.startsWith(query.idPrefix!));
    const start = (query.page - 1) * query.pageSize;
    return Promise.resolve({
      total_traces: all.length,
      page: query.page,
      page_size: query.pageSize,
      total_pages: Math.ceil(all.length / query.pageSize),
      traces: all.slice(start, start + query.pageSize).map((t) => {
        const races = this.traces.get(t.trace_id)?.analysis.potential_races ?? 0;
        return { ...t, has_races: races > 0, race_count: races };
      }),
    });
  }

  trace(id: string) {
    const t = this.traces.get(id);
    return t
      ? Promise.resolve(t)
      : Promise.reject(new ApiError('not-found', `Trace not found: ${id}`, 404));
  }

  async traceRaces(id: string) {
    const t = await this.trace(id);
    return { trace_id: id, ...t.analysis };
  }

  services() {
    const names = new Set(this.summaries().flatMap((t) => t.services));
    return Promise.resolve({
      total_services: names.size,
      services: [...names].map((name) => ({
        name,
        event_count: 8,
        trace_count: 1,
        last_activity: '',
      })),
    });
  }

  globalAnalysis() {
    return Promise.resolve(this.global);
  }

  globalRaces() {
    return Promise.resolve({ total_races: 0, races: [] });
  }

  hotspots() {
    return Promise.resolve({
      top_variables: [
        { variable: 'alice.balance', access_count: 4, trace_count: 1, services: ['banking-api'] },
      ],
      top_service_calls: [],
    });
  }

  status(): Promise<ServerStatus> {
    return Promise.resolve({
      version: '0.1.0',
      uptime_seconds: 5,
      events_captured: 8,
      traces_active: this.traces.size,
      storage: 'memory',
      warmup: {
        phase: 'completed',
        ready: true,
        total_traces: 8,
        processed_traces: 8,
        last_trace: null,
        started_at: '2026-11-26T12:00:00.000Z',
        completed_at: null,
        last_error: null,
      },
    });
  }

  follow(onMessage: (m: LiveMessage) => void, onState: (s: LiveState) => void) {
    this.onMessage = onMessage;
    this.onState = onState;
    this.following = true;
    onState({ kind: 'live', reconnected: false });
    return () => {
      this.following = false;
      this.onMessage = undefined;
    };
  }

  /** Simulates a live message from the collector. */
  push(message: LiveMessage): void {
    this.onMessage?.(message);
  }

  setState(state: LiveState): void {
    this.onState?.(state);
  }
}
