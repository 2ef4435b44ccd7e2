import { Link } from 'react-router';
import { useServiceAnalyses } from '../api/queries';
import { EmptyState } from '../components/empty-state';
import { QueryState } from '../components/query-state';
import { StatCard } from '../components/stat-card';
import { TitledTable } from '../components/titled-table';
import { formatClockTime, formatDuration, shortId } from '../model/format';
import {
  SERVICE_PERFORMANCE_BATCH,
  SERVICE_PERFORMANCE_TRACES,
  servicePerformance,
} from '../model/service-performance';

/** Spec §6.2 "Performance": the service's events in its recent traces, analysed in the browser. */
export function ServicePerformanceView({ service }: { service: string }) {
  const query = useServiceAnalyses(service, SERVICE_PERFORMANCE_TRACES, SERVICE_PERFORMANCE_BATCH);
  return (
    <QueryState query={query} label="service performance">
      {(data) => {
        const perf = servicePerformance(service, data.analyses);
        if (perf.totalEvents === 0)
          return (
            <EmptyState title="No events of this service">
              None of its {data.traces.length} most recent traces holds an event of {service}.
            </EmptyState>
          );
        return (
          <div className="page" style={{ padding: 0 }} data-testid="service-performance">
            <p className="muted small" style={{ margin: 0 }}>
              Computed in the browser from the events of {service} in{' '}
              {data.traces.length < SERVICE_PERFORMANCE_TRACES
                ? `all ${data.traces.length} of its traces`
                : `its ${data.traces.length} most recent traces`}
              . Durations are over the {perf.timedEvents} event{perf.timedEvents === 1 ? '' : 's'}{' '}
              that have one.
            </p>
            {data.failed > 0 && (
              <div className="notice" role="status">
                {data.failed} trace{data.failed === 1 ? '' : 's'} could not be loaded and{' '}
                {data.failed === 1 ? 'is' : 'are'} left out.
              </div>
            )}
            <div className="stats" data-testid="service-performance-stats">
              <StatCard label="Events" value={perf.totalEvents} />
              <StatCard label="Traces" value={perf.tracesWithEvents} />
              <StatCard label="Avg duration" value={formatDuration(perf.avgMs)} />
              <StatCard label="p50" value={formatDuration(perf.p50Ms)} />
              <StatCard label="p95" value={formatDuration(perf.p95Ms)} />
              <StatCard label="p99" value={formatDuration(perf.p99Ms)} />
              <StatCard
                label="Events / s"
                value={perf.eventsPerSecond === null ? '—' : perf.eventsPerSecond.toFixed(2)}
              />
            </div>
            <div className="grid-2" style={{ alignItems: 'start' }}>
              <TitledTable
                label="Event types"
                title="Event types"
                columns={['Type', 'Count', 'With duration', 'Avg', 'Max', 'Total']}
              >
                {perf.byType.map((t) => (
                  <tr key={t.type}>
                    <td className="mono">{t.type}</td>
                    <td>{t.count}</td>
                    <td>{t.timed}</td>
                    <td>{t.timed ? formatDuration(t.avgMs) : '—'}</td>
                    <td>{t.timed ? formatDuration(t.maxMs) : '—'}</td>
                    <td>{t.timed ? formatDuration(t.totalMs) : '—'}</td>
                  </tr>
                ))}
              </TitledTable>
              <TitledTable
                label="Slowest events"
                title="Slowest events"
                columns={['Duration', 'Event', 'Type', 'Trace', 'Time']}
              >
                {perf.slowest.map((e) => (
                  <tr key={`${e.traceId}/${e.eventId}`}>
                    <td>{formatDuration(e.durationMs)}</td>
                    <td>
                      <Link
                        to={`/traces/${encodeURIComponent(e.traceId)}/list?event=${encodeURIComponent(e.eventId)}`}
                      >
                        {e.label}
                      </Link>
                    </td>
                    <td className="mono">{e.type}</td>
                    <td className="mono">
                      <Link to={`/traces/${encodeURIComponent(e.traceId)}`}>
                        {shortId(e.traceId)}
                      </Link>
                    </td>
                    <td className="mono muted">{formatClockTime(e.timestamp)}</td>
                  </tr>
                ))}
              </TitledTable>
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
