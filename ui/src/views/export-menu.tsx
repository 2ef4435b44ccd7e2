import type { FullTraceAnalysis } from '../api/types';
import { downloadText } from '../components/download';
import {
  anomaliesMarkdown,
  criticalPathMarkdown,
  eventsCsv,
  traceJson,
} from '../model/export-formats';

/** Downloads of the trace: JSON, events CSV, critical-path and anomaly reports in Markdown. */
export function ExportMenu({ trace }: { trace: FullTraceAnalysis }) {
  const id = trace.trace_id;
  const stamp = () => Date.now();
  return (
    <div className="row" aria-label="Export">
      <span className="muted small">Export</span>
      <button
        onClick={() =>
          downloadText(
            `trace-${id}-${stamp()}.json`,
            traceJson(trace, new Date().toISOString()),
            'application/json',
          )
        }
      >
        JSON
      </button>
      <button
        onClick={() =>
          downloadText(`trace-events-${id}-${stamp()}.csv`, eventsCsv(trace.events), 'text/csv')
        }
      >
        CSV
      </button>
      <button
        disabled={!trace.critical_path}
        onClick={() =>
          trace.critical_path &&
          downloadText(
            `critical-path-${id}.md`,
            criticalPathMarkdown(trace.critical_path),
            'text/markdown',
          )
        }
      >
        Critical path .md
      </button>
      <button
        onClick={() =>
          downloadText(
            `anomalies-${id}.md`,
            anomaliesMarkdown(id, trace.anomalies),
            'text/markdown',
          )
        }
      >
        Anomalies .md
      </button>
    </div>
  );
}
