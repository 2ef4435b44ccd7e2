/**
 * Causality stage (DESIGN "Causality"): happens-before of one trace from the set of its events.
 *
 * - Execution context: `trace_id/service#instance/thread_id` ({@link contextIdOf}).
 * - Direct HB edges: program order inside a context (parent chain, siblings by timestamp), `parent_id`
 *   across contexts (spawn), call edges (propagated `svc#inst` clock placed inside the caller's span,
 *   or, without one, caller-span events stamped before the callee's first event minus the skew
 *   tolerance) and return edges (a caller event carrying the callee's component). Lock release →
 *   acquire is not an edge.
 * - Each event gets a vector clock over the trace's contexts (own position + a shared sparse clock), so
 *   HB is one compare; contradictory edges (bad clocks, parent cycles) are dropped deterministically.
 * - Locks per context with RW modes; the acquire event is inside its lock, the release event outside.
 */
export { componentOf, contextIdOf } from './execution-context.js';
export { compareEvents } from './event-order.js';
export { lockModeOf } from './lock-mode.js';
export type { LockMode } from './lock-mode.js';
export { LockSet } from './lock-set.js';
export { traceCausality } from './trace-causality.js';
export type { TraceCausality } from './trace-causality.js';
export type { IndexEdge } from './call-edges.js';
