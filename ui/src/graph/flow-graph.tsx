import { useQuery } from '@tanstack/react-query';
import {
  Background,
  Controls,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
import { useMemo } from 'react';
import { useThemeName } from '../app/theme-context';
import { elkLayout, type LayoutPositions } from './elk-layout';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

export interface GraphNode {
  id: string;
  label: string;
  title?: string;
  color?: string;
  highlight?: boolean;
  /** Outlined: the nodes the user asked to see (a selected race). */
  focus?: boolean;
  width?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  color?: string;
  dashed?: boolean;
  /** Race pairs: drawn without an arrow, in red. */
  undirected?: boolean;
}

/**
 * A directed graph drawn by @xyflow/react with an elkjs layered layout, or at the given `positions` (a
 * view that has its own geometry, e.g. swimlanes). Layouts are cached in the query cache under
 * `layoutKey`, so switching views does not lay the same graph out twice. Labels are text.
 */
export function FlowGraph({
  layoutKey,
  nodes,
  edges,
  direction = 'RIGHT',
  layerSpacing = 50,
  onNodeClick,
  positions,
}: {
  layoutKey: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  direction?: 'RIGHT' | 'DOWN';
  layerSpacing?: number;
  onNodeClick?: (id: string) => void;
  positions?: LayoutPositions;
}) {
  const colorMode = useThemeName();
  const horizontal = direction === 'RIGHT';
  const layoutEdges = useMemo(() => edges.filter((e) => !e.undirected), [edges]);
  const layout = useQuery({
    queryKey: ['layout', layoutKey, nodes.length, edges.length],
    queryFn: () =>
      elkLayout({
        nodes: nodes.map((n) => ({ id: n.id, width: n.width ?? 170, height: 30 })),
        edges: layoutEdges,
        direction,
        layerSpacing,
      }),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    enabled: !positions,
  });
  const placed = positions ?? layout.data;
  const flowNodes = useMemo<Node[]>(
    () =>
      nodes.map((n) => ({
        id: n.id,
        position: placed?.[n.id] ?? { x: 0, y: 0 },
        data: { label: n.label },
        sourcePosition: horizontal ? Position.Right : Position.Bottom,
        targetPosition: horizontal ? Position.Left : Position.Top,
        className: n.highlight ? 'race-node' : '',
        style: {
          width: n.width ?? 170,
          fontSize: 11,
          padding: '4px 6px',
          background: 'var(--panel)',
          color: 'var(--text)',
          borderColor: n.highlight ? 'var(--danger)' : 'var(--border)',
          borderLeft: `4px solid ${n.color ?? 'var(--accent)'}`,
          ...(n.focus ? { outline: '3px solid var(--warning)', outlineOffset: 2 } : {}),
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        },
        ...(n.title ? { ariaLabel: n.title } : {}),
      })),
    [nodes, placed, horizontal],
  );
  const flowEdges = useMemo<Edge[]>(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.label ? { label: e.label } : {}),
        style: {
          stroke: e.color ?? 'var(--muted)',
          strokeWidth: e.undirected ? 2 : 1.2,
          ...(e.dashed ? { strokeDasharray: '5 4' } : {}),
        },
        labelStyle: { fill: 'var(--text)', fontSize: 10 },
        labelBgStyle: { fill: 'var(--panel)' },
        ...(e.undirected
          ? { type: 'straight', zIndex: 5 }
          : { markerEnd: { type: MarkerType.ArrowClosed, color: e.color ?? '#888' } }),
      })),
    [edges],
  );
  if (layout.isError)
    return <div className="error-box">Graph layout failed: {layout.error.message}</div>;
  if (!placed) return <div className="empty">Laying out {countNoun(nodes.length, 'node')}…</div>;
  return (
    <div className="graph-box" data-testid="flow-graph">
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        fitView
        fitViewOptions={{ maxZoom: 1.2 }}
        colorMode={colorMode}
        minZoom={0.05}
        nodesConnectable={false}
        nodesDraggable
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
        {...(onNodeClick ? { onNodeClick: (_: unknown, node: Node) => onNodeClick(node.id) } : {})}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
