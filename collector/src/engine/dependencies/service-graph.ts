import type { DistributedEdge, ServiceCall, ServiceDependencyReport } from '../results.js';
import type { TraceView } from '../trace-view.js';
import { CallStats } from './call-stats.js';
import type { ServiceCallRecord } from './service-calls.js';
import { serviceCalls } from './service-calls.js';

/**
 * The global service graph (spec §3.4 `/api/distributed/edges`, `/api/services/:name/dependencies`),
 * kept incrementally per trace: `update(view)` replaces that trace's calls, `forget(traceId)` removes them,
 * so the graph always equals the sum over the traces in memory. Same rules for every backend (spec §10.2).
 */
export class ServiceGraph {
  private readonly callsOf = new Map<string, readonly ServiceCallRecord[]>();
  private readonly byLink = new Map<
    string,
    { from: string; to: string; link: DistributedEdge['link_type']; stats: CallStats }
  >();
  private readonly byPair = new Map<string, { from: string; to: string; stats: CallStats }>();

  /** Recomputes the calls of this trace; returns them for the per-trace dependencies. */
  update(view: TraceView): readonly ServiceCallRecord[] {
    this.forget(view.traceId);
    const calls = serviceCalls(view);
    this.callsOf.set(view.traceId, calls);
    for (const call of calls) {
      this.linkStats(call).add(call, view.traceId);
      this.pairStats(call).add(call, view.traceId);
    }
    return calls;
  }

  forget(traceId: string): void {
    const calls = this.callsOf.get(traceId);
    if (!calls) return;
    this.callsOf.delete(traceId);
    for (const call of calls) {
      const link = this.linkStats(call);
      link.remove(call, traceId);
      if (link.calls === 0) this.byLink.delete(linkKey(call));
      const pair = this.pairStats(call);
      pair.remove(call, traceId);
      if (pair.calls === 0) this.byPair.delete(pairKey(call.from, call.to));
    }
  }

  /** Calls per (from, to, link type), most called first. */
  distributedEdges(): DistributedEdge[] {
    return [...this.byLink.values()]
      .map(({ from, to, link, stats }) => ({
        from_service: from,
        to_service: to,
        link_type: link,
        call_count: stats.calls,
        error_count: stats.errors,
        ...stats.percentiles(),
      }))
      .sort(
        (a, b) =>
          b.call_count - a.call_count ||
          compare(a.from_service, b.from_service) ||
          compare(a.to_service, b.to_service) ||
          compare(a.link_type, b.link_type),
      );
  }

  /** Whom this service calls and who calls it, most calls first. */
  serviceDependencies(service: string): ServiceDependencyReport {
    const callsTo: ServiceCall[] = [];
    const calledBy: Array<ServiceCall & { from: string }> = [];
    for (const { from, to, stats } of this.byPair.values()) {
      const facts = {
        total_calls: stats.calls,
        trace_count: stats.traceCount,
        error_count: stats.errors,
        ...stats.percentiles(),
      };
      if (from === service) callsTo.push({ to, ...facts });
      // Spec §3.4 quirk kept: old clients read the caller's name from `to`.
      if (to === service) calledBy.push({ to: from, from, ...facts });
    }
    const order = (a: ServiceCall, b: ServiceCall): number =>
      b.total_calls - a.total_calls || compare(a.to, b.to);
    return {
      service_name: service,
      calls_to: callsTo.sort(order),
      called_by: calledBy.sort(order),
    };
  }

  /** The busiest caller/callee pairs (spec §3.4 hotspots `top_service_calls`, cross-service only). */
  topServiceCalls(
    limit: number,
  ): Array<{ from_service: string; to_service: string; call_count: number }> {
    return [...this.byPair.values()]
      .map(({ from, to, stats }) => ({
        from_service: from,
        to_service: to,
        call_count: stats.calls,
      }))
      .sort(
        (a, b) =>
          b.call_count - a.call_count ||
          compare(a.from_service, b.from_service) ||
          compare(a.to_service, b.to_service),
      )
      .slice(0, Math.max(0, limit));
  }

  private linkStats(call: ServiceCallRecord): CallStats {
    const key = linkKey(call);
    let entry = this.byLink.get(key);
    if (!entry)
      this.byLink.set(
        key,
        (entry = { from: call.from, to: call.to, link: call.linkType, stats: new CallStats() }),
      );
    return entry.stats;
  }

  private pairStats(call: ServiceCallRecord): CallStats {
    const key = pairKey(call.from, call.to);
    let entry = this.byPair.get(key);
    if (!entry)
      this.byPair.set(key, (entry = { from: call.from, to: call.to, stats: new CallStats() }));
    return entry.stats;
  }
}

function linkKey(call: ServiceCallRecord): string {
  return `${pairKey(call.from, call.to)}\u0000${call.linkType}`;
}

function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
