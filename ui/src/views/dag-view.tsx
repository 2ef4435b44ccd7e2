import { useMemo } from 'react';
import { useTraceGraph } from '../api/queries';
import { useSearchParam } from '../app/use-search-param';
import type { FullTraceAnalysis, TraceGraph } from '../api/types';
import { serviceColor } from '../components/service-badge';
import { QueryState } from '../components/query-state';
import { FlowGraph, type GraphEdge, type GraphNode } from '../graph/flow-graph';
import { capGraph } from '../model/graph-cap';
import { EventSplit } from './event-split';
import { useSelectedEvent } from './use-selected-event';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

/** Above this many nodes the DAG keeps the racing neighbourhood and the earliest events only. */
export const DAG_NODE_LIMIT = 400;
/** Race pairs drawn at most; the races view lists them all. */
export const DAG_RACE_LIMIT = 60;

const EDGE_COLORS = {
  program: 'var(--muted)',
  spawn: 'var(--accent)',
  call: 'var(--success)',
  return: 'var(--warning)',
} as const;

/** Causal graph: happens-before edges by type, race pairs in red. */
export function DagView({ trace }: { trace: FullTraceAnalysis }) {
  const graph = useTraceGraph(trace.trace_id);
  const { selected, select } = useSelectedEvent(trace);
  // `?race=i` (from the races view) outlines the two accesses of that race.
  const [raceParam] = useSearchParam('race');
  const focus = useMemo(() => {
    const race = raceParam === null ? undefined : trace.analysis.race_details[Number(raceParam)];
    return new Set(race ? [race.event1_id, race.event2_id] : []);
  }, [raceParam, trace.analysis.race_details]);
  return (
    <EventSplit trace={trace} selected={selected} select={select}>
      <div className="view-column" style={{ padding: 8, gap: 6 }}>
        <QueryState query={graph} label="causal graph">
          {(data) => <Dag graph={data} focus={focus} onSelect={(id) => select(id)} />}
        </QueryState>
      </div>
    </EventSplit>
  );
}

function Dag({
  graph,
  focus,
  onSelect,
}: {
  graph: TraceGraph;
  focus: ReadonlySet<string>;
  onSelect: (id: string) => void;
}) {
  const capped = useMemo(() => capGraph(graph, DAG_NODE_LIMIT, DAG_RACE_LIMIT), [graph]);
  const racing = useMemo(
    () => new Set(capped.races.flatMap((r) => [r.event1_id, r.event2_id])),
    [capped],
  );
  const nodes = useMemo<GraphNode[]>(
    () =>
      capped.nodes.map((n) => ({
        id: n.id,
        label: `${n.label}`,
        title: `${n.kind} in ${n.context}`,
        color: serviceColor(n.service_name),
        highlight: racing.has(n.id),
        focus: focus.has(n.id),
      })),
    [capped, racing, focus],
  );
  const edges = useMemo<GraphEdge[]>(
    () => [
      ...capped.edges.map((e, i) => ({
        id: `e${i}`,
        source: e.from,
        target: e.to,
        color: EDGE_COLORS[e.type],
        dashed: e.type === 'call' || e.type === 'return',
      })),
      ...capped.races.map((r, i) => ({
        id: `r${i}`,
        source: r.event1_id,
        target: r.event2_id,
        color: 'var(--danger)',
        undirected: true,
        label: r.severity === 'CRITICAL' ? 'write/write race' : 'race',
      })),
    ],
    [capped],
  );
  return (
    <>
      <div className="legend">
        <span>
          <i style={{ borderColor: EDGE_COLORS.program }} />
          program order
        </span>
        <span>
          <i style={{ borderColor: EDGE_COLORS.spawn }} />
          spawn
        </span>
        <span>
          <i style={{ borderColor: EDGE_COLORS.call, borderTopStyle: 'dashed' }} />
          call
        </span>
        <span>
          <i style={{ borderColor: EDGE_COLORS.return, borderTopStyle: 'dashed' }} />
          return
        </span>
        <span>
          <i style={{ borderColor: 'var(--danger)' }} />
          race pair
        </span>
        <span>
          {countNoun(graph.nodes.length, 'event')} ·{' '}
          {countNoun(graph.edges.length, 'happens-before edge')} ·{' '}
          {countNoun(graph.races.length, 'race')}
        </span>
      </div>
      {capped.hiddenRaces > 0 && (
        <div className="notice" role="status">
          {countNoun(capped.hiddenRaces, 'more race pair')}{' '}
          {capped.hiddenRaces === 1 ? 'is' : 'are'} not drawn; the races view lists every pair.
        </div>
      )}
      {capped.hidden > 0 && (
        <div className="notice" role="status">
          Large graph: showing {capped.nodes.length} of {graph.nodes.length} events (racing events
          and their neighbours first, then the earliest). Use the list or timeline view for the
          rest.
        </div>
      )}
      <FlowGraph
        layoutKey={`dag-${graph.trace_id}`}
        nodes={nodes}
        edges={edges}
        onNodeClick={onSelect}
      />
    </>
  );
}
