/**
 * Dependencies plug-in (DESIGN "Analyses"). Integration, one `ServiceGraph` per analyzer:
 * - when a trace changed (after an ingest batch, or lazily before a global query for traces marked dirty):
 *   `const calls = graph.update(view)`; it replaces that trace's earlier contribution;
 * - on query: `traceDependencies(view)` (or `traceDependencies(view, calls)` to reuse the update's result)
 *   for `Analyzer.dependencies`; `graph.distributedEdges()`, `graph.serviceDependencies(name)`,
 *   `graph.topServiceCalls(10)` (for hotspots) for the global routes;
 * - on forget/retention: `graph.forget(traceId)`.
 */
export { CallStats } from './call-stats.js';
export { serviceCalls } from './service-calls.js';
export type { ServiceCallRecord } from './service-calls.js';
export { ServiceGraph } from './service-graph.js';
export { traceDependencies } from './trace-dependencies.js';
