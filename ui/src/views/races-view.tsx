import { useMemo } from 'react';
import { Link } from 'react-router';
import type { FullTraceAnalysis, RaceDetail } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { useSearchParam } from '../app/use-search-param';
import { EmptyState } from '../components/empty-state';
import { AccessCard } from './access-card';
import { CausalPathPanel } from './causal-path-panel';
import { RaceList } from './race-list';

/** Races of the trace: pick one, see both accesses side by side and the causal path between them. */
export function RacesView({ trace }: { trace: FullTraceAnalysis }) {
  const [raceParam, setRace] = useSearchParam('race');
  const races = trace.analysis.race_details;
  const byId = useMemo(() => new Map(trace.events.map((e) => [e.id, e])), [trace.events]);
  const index = Math.min(Math.max(Number(raceParam ?? 0) || 0, 0), Math.max(races.length - 1, 0));
  useKeyboard((key) => {
    if (key === ']' && index < races.length - 1) setRace(String(index + 1));
    else if (key === '[' && index > 0) setRace(String(index - 1));
    else return false;
    return true;
  });
  if (races.length === 0) {
    return (
      <EmptyState title="No races in this trace">
        No two conflicting accesses to one variable are left unordered by happens-before and
        unguarded by a common lock.
      </EmptyState>
    );
  }
  const race = races[index] as RaceDetail;
  return (
    <div
      className="page"
      style={{ display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', alignItems: 'start' }}
    >
      <RaceList
        races={races}
        total={trace.analysis.potential_races}
        selected={index}
        onSelect={(i) => setRace(String(i))}
      />
      <div
        style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}
        data-testid="race-panel"
      >
        <div className="panel">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 className="row" style={{ margin: 0 }}>
              <span className={`badge ${race.severity}`}>{race.severity}</span>
              <span>
                Race on <code data-testid="race-variable">{race.variable}</code>
              </span>
            </h2>
            <span className="row">
              <Link
                to={`/traces/${trace.trace_id}/variables?variable=${encodeURIComponent(race.variable)}`}
              >
                Audit trail
              </Link>
              <Link to={`/traces/${trace.trace_id}/dag?race=${index}`}>Show in DAG</Link>
            </span>
          </div>
          <p style={{ margin: '6px 0 0' }}>{race.description}</p>
          {race.group_count > 1 && (
            <p className="muted small" style={{ margin: '4px 0 0' }}>
              This location pair raced {race.group_count} times in this trace; one representative
              pair is shown.
            </p>
          )}
        </div>
        <div className="access-grid">
          <AccessCard title="Access A" access={race.first} event={byId.get(race.event1_id)} />
          <AccessCard title="Access B" access={race.second} event={byId.get(race.event2_id)} />
        </div>
        <CausalPathPanel traceId={trace.trace_id} race={race} byId={byId} />
      </div>
    </div>
  );
}
