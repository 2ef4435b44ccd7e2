import type { ApiEvent } from '../api/types';
import { eventLabel, eventTimeMs } from './event-kind';
import { traceTree, type TreeNode } from './trace-tree';

/** One group of the Events → Tree view (spec §6.3 "Tree"): an HTTP request and what it caused. */
export interface Transaction {
  /** The group's root, depth 0; its descendants follow `parent_id` and have depths relative to it. */
  root: TreeNode;
  /** True when the root is an `HttpRequest` (otherwise a parentless event of another kind). */
  http: boolean;
  /** `METHOD url` for HTTP groups, the root's label otherwise. */
  title: string;
  service: string;
  eventCount: number;
  startMs: number;
  /** Latest minus earliest event time in the group. */
  durationMs: number;
}

const isHttpRequest = (event: ApiEvent) => 'HttpRequest' in event.kind;

interface Pending {
  source: TreeNode;
  parent: TreeNode | undefined;
  underHttp: boolean;
  group: Transaction | undefined;
}

/**
 * Groups a trace into transactions: each `HttpRequest` without an `HttpRequest` ancestor roots a group
 * (even when it has a non-HTTP parent, which then loses it from its own group), and every other event
 * without a parent roots one too. Groups are ordered by their earliest event; inside a group children
 * keep the API's time order. Iterative, so 10k-event chains do not exhaust the stack.
 */
export function transactions(events: readonly ApiEvent[]): Transaction[] {
  const groups: Transaction[] = [];
  const extents = new Map<Transaction, { min: number; max: number }>();
  const stack: Pending[] = traceTree(events)
    .reverse()
    .map((source) => ({ source, parent: undefined, underHttp: false, group: undefined }));
  while (stack.length) {
    const { source, parent, underHttp, group: parentGroup } = stack.pop() as Pending;
    const event = source.event;
    const http = isHttpRequest(event);
    const node: TreeNode = { event, depth: 0, children: [] };
    let group = parentGroup;
    if (!parent || !group || (http && !underHttp)) {
      group = {
        root: node,
        http,
        title: eventLabel(event),
        service: event.metadata.service_name,
        eventCount: 0,
        startMs: 0,
        durationMs: 0,
      };
      groups.push(group);
    } else {
      node.depth = parent.depth + 1;
      parent.children.push(node);
    }
    const time = eventTimeMs(event);
    const extent = extents.get(group);
    if (extent) {
      extent.min = Math.min(extent.min, time);
      extent.max = Math.max(extent.max, time);
    } else extents.set(group, { min: time, max: time });
    group.eventCount += 1;
    for (let i = source.children.length - 1; i >= 0; i--)
      stack.push({
        source: source.children[i] as TreeNode,
        parent: node,
        underHttp: underHttp || http,
        group,
      });
  }
  for (const group of groups) {
    const { min, max } = extents.get(group) as { min: number; max: number };
    group.startMs = min;
    group.durationMs = max - min;
  }
  // Stable: groups that start together keep their order in the trace.
  return groups.sort((a, b) => a.startMs - b.startMs);
}
