import type { RacewayEvent } from '../../model/event.js';

export interface VariableHeat {
  variable: string;
  reads: number;
  writes: number;
  threads: number;
}

/** What a trace spends its accesses and calls on (the old TUI's per-trace Hotspots view, spec §7). */
export interface TraceHotspots {
  /** Most accessed variables first. */
  variables: VariableHeat[];
  /** Most called functions first. */
  functions: Array<{ name: string; calls: number }>;
  /** Events per service, busiest first. */
  services: Array<{ service: string; events: number; share: number }>;
}

export function traceHotspots(events: readonly RacewayEvent[]): TraceHotspots {
  const vars = new Map<string, { reads: number; writes: number; threads: Set<string> }>();
  const functions = new Map<string, number>();
  const services = new Map<string, number>();
  for (const e of events) {
    services.set(e.metadata.service_name, (services.get(e.metadata.service_name) ?? 0) + 1);
    if ('FunctionCall' in e.kind) {
      const name = e.kind.FunctionCall.function_name;
      functions.set(name, (functions.get(name) ?? 0) + 1);
    }
    if ('StateChange' in e.kind) {
      const s = e.kind.StateChange;
      const v = vars.get(s.variable) ?? { reads: 0, writes: 0, threads: new Set<string>() };
      if (s.access_type === 'Read' || s.access_type === 'AtomicRead') v.reads++;
      else v.writes++;
      v.threads.add(e.metadata.thread_id);
      vars.set(s.variable, v);
    }
  }
  const total = Math.max(1, events.length);
  return {
    variables: [...vars.entries()]
      .map(([variable, v]) => ({
        variable,
        reads: v.reads,
        writes: v.writes,
        threads: v.threads.size,
      }))
      .sort(
        (a, b) => b.reads + b.writes - (a.reads + a.writes) || a.variable.localeCompare(b.variable),
      ),
    functions: [...functions.entries()]
      .map(([name, calls]) => ({ name, calls }))
      .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
    services: [...services.entries()]
      .map(([service, n]) => ({ service, events: n, share: Math.round((n / total) * 1000) / 10 }))
      .sort((a, b) => b.events - a.events || a.service.localeCompare(b.service)),
  };
}
