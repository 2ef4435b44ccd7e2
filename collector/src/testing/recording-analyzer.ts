import type { AnalysisUpdate } from '../engine/analyzer.js';
import type { StoredEvent } from '../model/stored-event.js';
import { TraceCountingAnalyzer } from '../pipeline/trace-counting-analyzer.js';

/** An analyzer that remembers what it was given, to check what the pipeline hands on. */
export class RecordingAnalyzer extends TraceCountingAnalyzer {
  readonly batches: StoredEvent[][] = [];
  readonly forgotten: string[] = [];

  override ingest(events: readonly StoredEvent[]): AnalysisUpdate {
    this.batches.push([...events]);
    return super.ingest(events);
  }

  override forget(traceIds: readonly string[]): void {
    this.forgotten.push(...traceIds);
    super.forget(traceIds);
  }

  get ingested(): StoredEvent[] {
    return this.batches.flat();
  }
}
