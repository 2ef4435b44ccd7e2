import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { DistributedEdge } from '../api/types';
import { serviceColor } from '../components/service-badge';
import { FlowGraph } from '../graph/flow-graph';
import { formatDuration } from '../model/format';

/** Services as nodes, calls as edges labelled with call counts and p95 latency. */
export function ServiceDependencyGraph({
  edges,
  services,
  height = 360,
}: {
  edges: DistributedEdge[];
  services: string[];
  height?: number;
}) {
  const navigate = useNavigate();
  const names = useMemo(
    () =>
      [...new Set([...services, ...edges.flatMap((e) => [e.from_service, e.to_service])])].sort(),
    [edges, services],
  );
  const nodes = useMemo(
    () => names.map((n) => ({ id: n, label: n, color: serviceColor(n), width: 160 })),
    [names],
  );
  const flowEdges = useMemo(
    () =>
      edges.map((e, i) => ({
        id: `s${i}`,
        source: e.from_service,
        target: e.to_service,
        label: `${e.call_count}× ${e.link_type}${e.p95_ms !== undefined ? ` · p95 ${formatDuration(e.p95_ms)}` : ''}${e.error_count ? ` · ${e.error_count} err` : ''}`,
        color: e.error_count ? 'var(--danger)' : 'var(--accent)',
      })),
    [edges],
  );
  if (names.length === 0) return <div className="empty">No services yet.</div>;
  return (
    <div style={{ height, display: 'flex' }}>
      <FlowGraph
        layoutKey={`services-${names.join(',')}-${edges.length}`}
        nodes={nodes}
        edges={flowEdges}
        layerSpacing={220}
        onNodeClick={(id) => void navigate(`/services/${encodeURIComponent(id)}`)}
      />
    </div>
  );
}
