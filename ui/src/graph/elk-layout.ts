import type { ELK } from 'elkjs/lib/elk-api.js';

export interface LayoutInput {
  nodes: Array<{ id: string; width: number; height: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  direction: 'RIGHT' | 'DOWN';
  /** Gap between layers (room for edge labels). */
  layerSpacing?: number;
}

export type LayoutPositions = Record<string, { x: number; y: number }>;

let engine: Promise<ELK> | undefined;

/** elkjs is large; it is loaded on the first graph view only. */
function loadElk(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return engine;
}

/** Layered (Sugiyama) layout by elkjs: nodes get positions, edges are left to the renderer. */
export async function elkLayout(input: LayoutInput): Promise<LayoutPositions> {
  const known = new Set(input.nodes.map((n) => n.id));
  const elk = await loadElk();
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': input.direction,
      'elk.layered.spacing.nodeNodeBetweenLayers': String(input.layerSpacing ?? 50),
      'elk.spacing.nodeNode': '18',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges
      .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions: LayoutPositions = {};
  for (const child of result.children ?? [])
    positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
