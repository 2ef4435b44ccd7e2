import { useMemo } from 'react';
import { useTraceGraph } from '../api/queries';
import type { ApiEvent, RaceDetail } from '../api/types';
import { causalRelation, type CausalStep } from '../model/causal-path';
import { contextOf, eventLabel } from '../model/event-kind';
import { explainRace } from '../model/race-explanation';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const EDGE_TEXT: Record<CausalStep['type'], string> = {
  program: 'program order (same context)',
  spawn: 'spawn (parent_id across contexts)',
  call: 'call (caller → callee)',
  return: 'return (callee → caller)',
};

function StepList({
  steps,
  byId,
  start,
}: {
  steps: CausalStep[];
  byId: Map<string, ApiEvent>;
  start: string;
}) {
  const label = (id: string) => {
    const event = byId.get(id);
    return event ? `${eventLabel(event)} · ${contextOf(event)}` : id.slice(0, 8);
  };
  return (
    <ol className="path">
      <li>
        <span className="badge">{start.slice(0, 8)}</span> {label(start)}
      </li>
      {steps.map((step) => (
        <li
          key={`${step.from}-${step.to}`}
          style={{ flexDirection: 'column', alignItems: 'flex-start' }}
        >
          <span className="edge">↓ {EDGE_TEXT[step.type]}</span>
          <span>
            <span className="badge">{step.to.slice(0, 8)}</span> {label(step.to)}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The happens-before chain between the two accesses, or why there is none. */
export function CausalPathPanel({
  traceId,
  race,
  byId,
}: {
  traceId: string;
  race: RaceDetail;
  byId: Map<string, ApiEvent>;
}) {
  const graph = useTraceGraph(traceId);
  const relation = useMemo(
    () =>
      graph.data ? causalRelation(graph.data.edges, race.event1_id, race.event2_id) : undefined,
    [graph.data, race.event1_id, race.event2_id],
  );
  const reasons = explainRace(race.first, race.second);
  return (
    <section className="panel" aria-label="Causal path" data-testid="causal-path">
      <h2>Causal path between A and B</h2>
      {graph.isError && (
        <div className="muted">
          Causal graph unavailable ({graph.error.message}); reasons below come from the clocks and
          lock sets.
        </div>
      )}
      {!graph.data && !graph.isError && <div className="muted">Loading causal graph…</div>}
      {relation?.kind === 'ordered' && (
        <>
          <div className="notice">
            A happens-before chain of {countNoun(relation.steps.length, 'edge')} orders these
            accesses; they should not race. The collector still reports them: check lock sets and
            clocks below.
          </div>
          <StepList steps={relation.steps} byId={byId} start={relation.from} />
        </>
      )}
      {relation?.kind === 'concurrent' && (
        <>
          <p style={{ margin: '4px 0' }}>
            <strong>No happens-before path</strong> connects A and B in either direction
            {relation.fork
              ? ', so nothing forces one to finish before the other starts.'
              : ': they share no causal ancestor (independent requests or roots).'}
          </p>
          {relation.fork && (
            <div className="grid-2" style={{ marginTop: 6 }}>
              <div>
                <h3>Fork → A</h3>
                <StepList steps={relation.branchToA} byId={byId} start={relation.fork} />
              </div>
              <div>
                <h3>Fork → B</h3>
                <StepList steps={relation.branchToB} byId={byId} start={relation.fork} />
              </div>
            </div>
          )}
        </>
      )}
      <h3 style={{ marginTop: 10 }}>Why nothing orders them</h3>
      <ul className="reasons" data-testid="race-reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}
