import { Link, NavLink, useNavigate, useParams } from 'react-router';
import { useTrace } from '../api/queries';
import type { FullTraceAnalysis } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { QueryState } from '../components/query-state';
import { ServiceBadge } from '../components/service-badge';
import { formatDuration } from '../model/format';
import { AnomaliesView } from '../views/anomalies-view';
import { AuditTrailView } from '../views/audit-trail-view';
import { CriticalPathView } from '../views/critical-path-view';
import { DagView } from '../views/dag-view';
import { DebuggerView } from '../views/debugger-view';
import { EventListView } from '../views/event-list-view';
import { EventTreeView } from '../views/event-tree-view';
import { DeleteTraceButton } from '../views/delete-trace-button';
import { ExportMenu } from '../views/export-menu';
import { LocksView } from '../views/locks-view';
import { OverviewView } from '../views/overview-view';
import { RacesView } from '../views/races-view';
import { TimelineView } from '../views/timeline-view';
import { isTraceView, TRACE_VIEWS, type TraceViewId } from '../views/trace-views';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

export function TracePage() {
  const { traceId = '', view } = useParams();
  const navigate = useNavigate();
  const trace = useTrace(traceId);
  const current: TraceViewId = isTraceView(view) ? view : 'overview';

  useKeyboard((key) => {
    const target = TRACE_VIEWS.find((v) => v.key === key);
    if (!target) return false;
    void navigate(`/traces/${traceId}/${target.id}`);
    return true;
  });

  return (
    <div className="page-fill">
      <div
        className="panel"
        style={{ borderRadius: 0, borderWidth: '0 0 1px 0', boxShadow: 'none' }}
      >
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <div className="row">
            <Link to="/traces" className="muted">
              Traces
            </Link>
            <span className="muted">/</span>
            <h1 className="mono" data-testid="trace-title">
              {traceId}
            </h1>
          </div>
          {trace.data && (
            <div className="row">
              <ExportMenu trace={trace.data} />
              <DeleteTraceButton traceId={traceId} />
            </div>
          )}
        </div>
        {trace.data && <TraceSummaryLine trace={trace.data} />}
      </div>
      <nav className="tabs" aria-label="Trace views">
        {TRACE_VIEWS.map((v) => (
          <NavLink
            key={v.id}
            to={`/traces/${traceId}/${v.id}`}
            className={v.id === current ? 'active' : ''}
            title={`${v.label} (${v.key})`}
          >
            {v.label}
            {v.id === 'races' && trace.data && trace.data.analysis.potential_races > 0 && (
              <span className="badge danger">{trace.data.analysis.potential_races}</span>
            )}
            {v.id === 'anomalies' && trace.data && trace.data.anomalies.length > 0 && (
              <span className="badge warning">{trace.data.anomalies.length}</span>
            )}
          </NavLink>
        ))}
      </nav>
      <div
        style={{
          flex: 1,
          minHeight: 0,
          display: 'flex',
          flexDirection: 'column',
          overflow: 'auto',
        }}
      >
        <QueryState query={trace} label="trace">
          {(data) => <TraceViewSwitch view={current} trace={data} />}
        </QueryState>
      </div>
    </div>
  );
}

function TraceSummaryLine({ trace }: { trace: FullTraceAnalysis }) {
  const services = [...new Set(trace.events.map((e) => e.metadata.service_name))].sort();
  const contexts = new Set(trace.events.map((e) => e.context ?? e.metadata.thread_id)).size;
  const total = trace.critical_path?.trace_total_duration_ms;
  return (
    <div className="row muted small" style={{ marginTop: 4 }}>
      <span>{countNoun(trace.events.length, 'event')}</span>·
      <span>{countNoun(contexts, 'context')}</span>·
      {total !== undefined && (
        <>
          <span>{formatDuration(total)}</span>·
        </>
      )}
      <span className={trace.analysis.potential_races ? 'danger-text' : ''}>
        {countNoun(trace.analysis.potential_races, 'race')}
      </span>
      ·
      {services.map((s) => (
        <ServiceBadge key={s} name={s} />
      ))}
    </div>
  );
}

function TraceViewSwitch({ view, trace }: { view: TraceViewId; trace: FullTraceAnalysis }) {
  switch (view) {
    case 'overview':
      return <OverviewView trace={trace} />;
    case 'list':
      return <EventListView trace={trace} />;
    case 'tree':
      return <EventTreeView trace={trace} />;
    case 'timeline':
      return <TimelineView trace={trace} />;
    case 'dag':
      return <DagView trace={trace} />;
    case 'locks':
      return <LocksView trace={trace} />;
    case 'races':
      return <RacesView trace={trace} />;
    case 'variables':
      return <AuditTrailView trace={trace} />;
    case 'anomalies':
      return <AnomaliesView trace={trace} />;
    case 'critical-path':
      return <CriticalPathView trace={trace} />;
    case 'debugger':
      return <DebuggerView trace={trace} />;
  }
}
