import type { StoredEvent } from '../../model/stored-event.js';
import type { TraceView } from '../trace-view.js';
import { causalOrder } from './causal-order.js';
import { eventInterval } from '../../model/event-interval.js';

/** An event's real interval in µs: start = timestamp, end = start + duration (instants: end = start). */
export interface WorkInterval {
  readonly event: StoredEvent;
  readonly start: number;
  /** Clipped to the enclosing parent's window (CRISP), so a child never outlasts its parent. */
  readonly end: number;
  /** Unclipped end, for the trace's wall time. */
  readonly rawEnd: number;
}

/**
 * Who encloses whom. An event is nested in the innermost causal ancestor (a direct predecessor, or that
 * predecessor's enclosing frames) whose interval it starts inside: a span's child spans, or the events a
 * FunctionCall performs before it returns. Everything else is top level and follows its predecessors.
 */
export interface NestingForest {
  readonly intervals: ReadonlyMap<string, WorkInterval>;
  readonly parentOf: ReadonlyMap<string, string>;
  /** Nested children with positive clipped length, last finishing first (ties: longer, then by id). */
  readonly childrenOf: ReadonlyMap<string, readonly WorkInterval[]>;
  /** Direct causal predecessors of each event. */
  readonly predecessorsOf: ReadonlyMap<string, readonly string[]>;
}

export function durationUs(event: StoredEvent): number {
  const { startUs, endUs } = eventInterval(event);
  return endUs - startUs;
}

/**
 * Children the parent does not wait for: tasks started by an AsyncSpawn event, and messaging spans
 * (OTel span kind `producer`/`consumer`, read from the `span.kind` or `otel.span_kind` tag); Jaeger leaves
 * out FOLLOWS_FROM children the same way. They stay top level and join the path only if they end last.
 */
function isNonBlocking(child: StoredEvent, via: StoredEvent): boolean {
  if ('AsyncSpawn' in via.kind) return true;
  const tags = child.metadata.tags;
  const spanKind = (tags['span.kind'] ?? tags['otel.span_kind'] ?? '').toLowerCase();
  return spanKind === 'consumer' || spanKind === 'producer';
}

export function nestingForest(view: TraceView): NestingForest {
  const byId = new Map(view.events.map((e) => [e.id, e]));
  const predecessorsOf = new Map<string, string[]>();
  for (const edge of view.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || edge.from === edge.to) continue;
    const preds = predecessorsOf.get(edge.to) ?? [];
    if (!preds.includes(edge.from)) preds.push(edge.from);
    predecessorsOf.set(edge.to, preds);
  }

  const parentOf = new Map<string, string>();
  const intervals = new Map<string, WorkInterval>();
  const encloses = (frame: WorkInterval, start: number): boolean =>
    frame.end > frame.start && frame.start <= start && start < frame.end;
  const frameParent = (frame: WorkInterval): WorkInterval | undefined => {
    const parentId = parentOf.get(frame.event.id);
    return parentId === undefined ? undefined : intervals.get(parentId);
  };

  // Predecessors first, so each event sees its ancestors' frames; a predecessor still unresolved (only
  // possible on a cyclic, i.e. broken, input) is ignored rather than allowed to hang the analysis.
  for (const event of causalOrder(view, predecessorsOf)) {
    const { startUs: start, endUs: rawEnd } = eventInterval(event);
    let parent: WorkInterval | undefined;
    for (const predId of predecessorsOf.get(event.id) ?? []) {
      const pred = byId.get(predId);
      if (!pred || isNonBlocking(event, pred)) continue;
      for (let frame = intervals.get(predId); frame; frame = frameParent(frame)) {
        if (!encloses(frame, start)) continue;
        if (!parent || innerFirst(frame, parent) < 0) parent = frame;
        break;
      }
    }
    if (parent) parentOf.set(event.id, parent.event.id);
    intervals.set(event.id, {
      event,
      start,
      rawEnd,
      end: parent ? Math.min(rawEnd, parent.end) : rawEnd,
    });
  }

  const childrenOf = new Map<string, WorkInterval[]>();
  for (const [childId, parentId] of parentOf) {
    const child = intervals.get(childId);
    if (!child || child.end <= child.start) continue;
    const siblings = childrenOf.get(parentId);
    if (siblings) siblings.push(child);
    else childrenOf.set(parentId, [child]);
  }
  for (const children of childrenOf.values()) children.sort(lastFinishingFirst);
  return { intervals, parentOf, childrenOf, predecessorsOf };
}

/** Innermost enclosing frame first: the later start, then the earlier end, then by id. */
function innerFirst(a: WorkInterval, b: WorkInterval): number {
  return b.start - a.start || a.end - b.end || compareIds(a, b);
}

export function lastFinishingFirst(a: WorkInterval, b: WorkInterval): number {
  return b.end - a.end || a.start - b.start || compareIds(a, b);
}

export function compareIds(a: WorkInterval, b: WorkInterval): number {
  return a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0;
}
