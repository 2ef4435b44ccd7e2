import { DurationSketch } from '../anomalies/duration-sketch.js';
import type { ServiceCallRecord } from './service-calls.js';

/** Calls, errors, latency quantiles and traces of one group of calls; calls can be removed again. */
export class CallStats {
  calls = 0;
  errors = 0;
  private readonly latency = new DurationSketch();
  private readonly traces = new Map<string, number>();

  get traceCount(): number {
    return this.traces.size;
  }

  add(call: ServiceCallRecord, traceId: string): void {
    this.calls++;
    if (call.error) this.errors++;
    this.latency.add(call.latencyMs);
    this.traces.set(traceId, (this.traces.get(traceId) ?? 0) + 1);
  }

  remove(call: ServiceCallRecord, traceId: string): void {
    this.calls--;
    if (call.error) this.errors--;
    this.latency.remove(call.latencyMs);
    const left = (this.traces.get(traceId) ?? 1) - 1;
    if (left > 0) this.traces.set(traceId, left);
    else this.traces.delete(traceId);
  }

  /** Latency quantiles (ms, within 1 %), 0 when there is no call. */
  percentiles(): { p50_ms: number; p95_ms: number; p99_ms: number } {
    const at = (q: number): number => Math.round((this.latency.quantile(q) ?? 0) * 1e6) / 1e6;
    return { p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99) };
  }
}
