import type { StoredEvent } from '../../model/stored-event.js';
import type { Anomaly } from '../results.js';
import { anomalyLocation } from './anomaly-location.js';
import { judgeDuration } from './anomaly-rule.js';
import { Baseline } from './baseline.js';
import type { BaselineStats } from './baseline.js';
import { operationKey } from './operation-key.js';

export interface AnomalyDetectorOptions {
  /** Samples a baseline needs (excluding the judged event) before it judges (AnalyzerOptions). */
  minSamples: number;
}

/**
 * Streaming baselines per (service, operation) and the judgement of events against them (DESIGN
 * "Analyses", fixing spec §10.1.10). Baselines grow at ingest, never on query, so every endpoint sees the
 * same answer and asking again changes nothing; an event is judged against its baseline without itself.
 *
 * Contract: `observe` each event once when it is ingested (events without `duration_ns` are ignored);
 * `forget` the same events when they leave memory; `judge` only events that were observed.
 */
export class AnomalyDetector {
  private readonly baselines = new Map<string, Baseline>();

  constructor(private readonly options: AnomalyDetectorOptions) {}

  observe(event: StoredEvent): void {
    const ms = durationMs(event);
    if (ms === undefined) return;
    const key = baselineKey(event);
    let baseline = this.baselines.get(key);
    if (!baseline) this.baselines.set(key, (baseline = new Baseline()));
    baseline.add(ms);
  }

  forget(events: Iterable<StoredEvent>): void {
    for (const event of events) {
      const ms = durationMs(event);
      if (ms === undefined) continue;
      const key = baselineKey(event);
      const baseline = this.baselines.get(key);
      if (!baseline) continue;
      baseline.remove(ms);
      if (baseline.count === 0) this.baselines.delete(key);
    }
  }

  /** The anomalies among these events (typically one trace's), in time order then by id. */
  judge(events: readonly StoredEvent[]): Anomaly[] {
    const anomalies: Array<{ at: number; anomaly: Anomaly }> = [];
    for (const event of events) {
      const ms = durationMs(event);
      if (ms === undefined) continue;
      const stats = this.baselines.get(baselineKey(event))?.statsWithout(ms);
      if (!stats) continue;
      const judgement = judgeDuration(ms, stats, this.options.minSamples);
      if (!judgement) continue;
      const operation = operationKey(event.kind);
      const [actual, mean, std] = [ms, stats.meanMs, stats.stdMs].map(rounded) as [
        number,
        number,
        number,
      ];
      anomalies.push({
        at: event.time_us,
        anomaly: {
          event_id: event.id,
          event_kind: operation,
          service_name: event.metadata.service_name,
          severity: judgement.severity,
          actual_duration_ms: actual,
          expected_duration_ms: mean,
          std_dev_from_mean: Math.round(judgement.sigma * 1000) / 1000,
          baseline_count: stats.count,
          baseline_p50_ms: rounded(stats.p50Ms),
          baseline_p99_ms: rounded(stats.p99Ms),
          description: `${operation} took ${actual.toFixed(2)}ms (expected ${mean.toFixed(2)}ms ± ${std.toFixed(2)}ms, ${judgement.sigma.toFixed(1)}σ from mean)`,
          location: anomalyLocation(event.kind),
          timestamp: event.timestamp,
        },
      });
    }
    anomalies.sort(
      (a, b) =>
        a.at - b.at ||
        (a.anomaly.event_id < b.anomaly.event_id
          ? -1
          : a.anomaly.event_id > b.anomaly.event_id
            ? 1
            : 0),
    );
    return anomalies.map(({ anomaly }) => anomaly);
  }

  /** The current baseline of one operation (every observed sample), for display and tests. */
  baseline(service: string, operation: string): BaselineStats | undefined {
    return this.baselines.get(`${service}\u0000${operation}`)?.stats();
  }
}

/** Baselines are per service as well as per operation (spec §10.1.10: the old ones mixed services). */
function baselineKey(event: StoredEvent): string {
  return `${event.metadata.service_name}\u0000${operationKey(event.kind)}`;
}

function durationMs(event: StoredEvent): number | undefined {
  const ns = event.metadata.duration_ns;
  return typeof ns === 'number' && ns >= 0 ? ns / 1e6 : undefined;
}

/** Rounded to the nanosecond, so Welford's float residue never shows in the API. */
function rounded(ms: number): number {
  return Math.round(ms * 1e6) / 1e6;
}
