import { useMemo } from 'react';
import type { VariableAccess } from '../api/types';
import { serviceColor } from '../components/service-badge';
import { FlowGraph, type GraphEdge, type GraphNode } from '../graph/flow-graph';
import type { AccessLink, RacePairs } from '../model/access-focus';
import { accessGraph } from '../model/access-graph';
import { formatValue } from '../model/event-kind';

const NODE_WIDTH = 190;
const LANE_HEIGHT = 80;

const LINK_STYLE: Record<AccessLink, Pick<GraphEdge, 'color' | 'dashed' | 'label'>> = {
  ordered: { color: 'var(--accent)' },
  unordered: { color: 'var(--muted)', dashed: true },
  race: { color: 'var(--danger)', dashed: true, label: 'race' },
};

/** Spec §6.3 "Graph": the variable's accesses linked in trail order, races marked; click to step. */
export function AuditGraph({
  layoutKey,
  accesses,
  step,
  pairs,
  go,
}: {
  layoutKey: string;
  accesses: readonly VariableAccess[];
  step: number;
  pairs: RacePairs;
  go: (index: number) => void;
}) {
  const graph = useMemo(() => accessGraph(accesses, step, pairs), [accesses, step, pairs]);
  const current = accesses[step]?.event_id;
  // Swimlanes: x follows the trail, y the thread, so race lines between threads do not cross nodes.
  const positions = useMemo(
    () =>
      Object.fromEntries(
        graph.nodes.map((n) => [
          n.access.event_id,
          { x: (n.index - graph.start) * (NODE_WIDTH + 50), y: n.lane * LANE_HEIGHT },
        ]),
      ),
    [graph],
  );
  const nodes = useMemo<GraphNode[]>(
    () =>
      graph.nodes.map(({ index, access }) => ({
        id: access.event_id,
        label: `#${index + 1} ${access.access_type} ${formatValue(access.new_value)} · ${access.thread_id}`,
        title: `${access.access_type} by ${access.thread_id} at ${access.location}`,
        color: serviceColor(access.thread_id),
        highlight: access.is_race,
        focus: access.event_id === current,
        width: NODE_WIDTH,
      })),
    [graph, current],
  );
  const edges = useMemo<GraphEdge[]>(
    () => [
      ...graph.links.map((l, i) => ({
        id: `${l.link}-${i}`,
        source: l.from,
        target: l.to,
        ...LINK_STYLE[l.link],
      })),
      ...graph.races.map((r, i) => ({
        id: `racepair-${i}`,
        source: r.a,
        target: r.b,
        color: 'var(--danger)',
        undirected: true,
      })),
    ],
    [graph],
  );
  const byId = useMemo(
    () => new Map(graph.nodes.map((n) => [n.access.event_id, n.index])),
    [graph],
  );
  return (
    <section className="panel" aria-label="Access graph" data-testid="audit-graph">
      <div className="legend">
        <span>
          <i style={{ borderColor: 'var(--accent)' }} />
          happens-before
        </span>
        <span>
          <i style={{ borderColor: 'var(--muted)', borderTopStyle: 'dashed' }} />
          concurrent, no race
        </span>
        <span>
          <i style={{ borderColor: 'var(--danger)', borderTopStyle: 'dashed' }} />
          race with the previous access
        </span>
        <span>
          <i style={{ borderColor: 'var(--danger)' }} />
          other race pair
        </span>
        <span>
          One row per thread ({graph.lanes.length}) · accesses {graph.start + 1}–
          {graph.start + graph.nodes.length} of {accesses.length}
        </span>
      </div>
      {/* An explicit height: the graph box fills its parent, which would otherwise have none. */}
      <div style={{ height: 520, display: 'flex' }}>
        <FlowGraph
          layoutKey={`${layoutKey}-${graph.start}`}
          nodes={nodes}
          edges={edges}
          positions={positions}
          onNodeClick={(id) => {
            const index = byId.get(id);
            if (index !== undefined) go(index);
          }}
        />
      </div>
    </section>
  );
}
