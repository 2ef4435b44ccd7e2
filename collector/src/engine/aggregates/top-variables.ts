import type { Hotspots } from '../results.js';
import type { TraceSummary } from './trace-summary.js';

/** The most accessed variables (spec §3.4 hotspots), most accesses first, then by name. */
export function topVariables(
  traces: Iterable<TraceSummary>,
  limit: number,
): Hotspots['top_variables'] {
  const variables = new Map<string, { accesses: number; traces: number; services: Set<string> }>();
  for (const trace of traces)
    for (const [name, use] of trace.variables) {
      const total = variables.get(name) ?? { accesses: 0, traces: 0, services: new Set<string>() };
      total.accesses += use.accesses;
      total.traces++;
      use.services.forEach((s) => total.services.add(s));
      variables.set(name, total);
    }
  return [...variables]
    .map(([variable, total]) => ({
      variable,
      access_count: total.accesses,
      trace_count: total.traces,
      services: [...total.services].sort(),
    }))
    .sort((a, b) => b.access_count - a.access_count || (a.variable < b.variable ? -1 : 1))
    .slice(0, Math.max(0, limit));
}
