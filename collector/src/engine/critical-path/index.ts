/**
 * Critical path plug-in (DESIGN "Analyses"). Integration: the analyzer calls `criticalPath(view)` on query
 * (`Analyzer.criticalPath`, the `critical_path` field of the full analysis) with the trace's current
 * TraceView. It keeps no state, so there is nothing to update at ingest or to forget; memoise per trace
 * version if profiling asks for it.
 */
export { criticalPath } from './critical-path.js';
export { pathKind, pathLocation } from './path-labels.js';
