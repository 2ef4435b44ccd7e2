import type { FullTraceAnalysis } from '../../api/response-shapes.js';

/** Distributed analysis of one service within a trace. */
export interface ServiceBreakdown {
  service: string;
  events: number;
  threads: number;
  /** Races with at least one access in this service, by severity (not all "critical", spec §10.5). */
  critical: number;
  warning: number;
  /** Time this service contributes to the critical path. */
  criticalPathMs: number;
}

/** Per-service events, threads, races and critical-path time of a trace, busiest service first. */
export function serviceBreakdown(trace: FullTraceAnalysis): ServiceBreakdown[] {
  const by = new Map<string, ServiceBreakdown & { threadSet: Set<string> }>();
  const entry = (service: string) => {
    let e = by.get(service);
    if (!e) {
      e = {
        service,
        events: 0,
        threads: 0,
        critical: 0,
        warning: 0,
        criticalPathMs: 0,
        threadSet: new Set(),
      };
      by.set(service, e);
    }
    return e;
  };
  for (const ev of trace.events) {
    const e = entry(ev.metadata.service_name);
    e.events++;
    e.threadSet.add(ev.metadata.thread_id);
  }
  for (const r of trace.analysis.race_details) {
    for (const service of new Set([r.first.service_name, r.second.service_name])) {
      const e = entry(service);
      if (r.severity === 'CRITICAL') e.critical++;
      else if (r.severity === 'WARNING') e.warning++;
    }
  }
  for (const s of trace.critical_path?.by_service ?? [])
    entry(s.service).criticalPathMs = s.duration_ms;
  return [...by.values()]
    .map(({ threadSet, ...rest }) => ({ ...rest, threads: threadSet.size }))
    .sort((a, b) => b.events - a.events || a.service.localeCompare(b.service));
}
