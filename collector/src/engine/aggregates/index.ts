/**
 * Aggregates plug-in (DESIGN "Analyses", spec §3.4/§4.13). Integration, one `TraceAggregates` per analyzer:
 * - at ingest: `aggregates.add(event)` for every newly accepted event;
 * - on query: `services()`, `hotspots(serviceGraph.topServiceCalls(HOTSPOT_LIMIT))`,
 *   `serviceHealth(windowMinutes, nowMs)`, `performance(limit)`;
 * - on forget/retention: `aggregates.forget(traceId)`.
 */
export { nearestRank } from './nearest-rank.js';
export { performanceMetrics, SLOW_OPERATION_MS } from './performance-metrics.js';
export { serviceHealth } from './service-health.js';
export { serviceSummaries } from './service-summaries.js';
export { serviceTotals } from './service-totals.js';
export type { ServiceTotal } from './service-totals.js';
export { topVariables } from './top-variables.js';
export { HOTSPOT_LIMIT, TraceAggregates } from './trace-aggregates.js';
export { performanceType, TraceSummary } from './trace-summary.js';
export type { DurationTotal } from './trace-summary.js';
