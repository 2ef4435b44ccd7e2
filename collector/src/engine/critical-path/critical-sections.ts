import type { NestingForest, WorkInterval } from './nesting-forest.js';
import { compareIds, lastFinishingFirst } from './nesting-forest.js';

/** A stretch of time the path spends in one event, µs. Sections never overlap. */
export interface CriticalSection {
  readonly eventId: string;
  readonly start: number;
  readonly end: number;
}

export interface CriticalWalk {
  readonly sections: readonly CriticalSection[];
  /** Every event the path passes through, in walk order (backwards in time), instants included. */
  readonly visited: readonly string[];
}

/**
 * Walks back from the terminal event, as Jaeger UI's critical path does for a span tree: inside an event the
 * time after its last-finishing child (ending before the cursor) is its own, then the walk descends into that
 * child and resumes in the parent at the child's start. Children overlapping the cursor are concurrent and
 * skipped. A top-level event then hands over to its blocking predecessor: the one that finished last (lifted to
 * its outermost enclosing frame, which closed before this event started). The cursor only moves backwards, so
 * sections are disjoint and each instant of the trace is counted at most once.
 */
export function walkCriticalPath(forest: NestingForest, terminal: WorkInterval): CriticalWalk {
  const sections: CriticalSection[] = [];
  const visited: string[] = [];
  const seen = new Set<string>();
  let current: WorkInterval | undefined = terminal;
  let cursor = terminal.end;
  while (current) {
    cursor = walkInside(forest, current, cursor, sections, visited, seen);
    current = blockingPredecessor(forest, current, seen);
    if (current) cursor = Math.min(cursor, current.end);
  }
  return { sections, visited };
}

function walkInside(
  forest: NestingForest,
  top: WorkInterval,
  entryCursor: number,
  sections: CriticalSection[],
  visited: string[],
  seen: Set<string>,
): number {
  // Explicit stack: span trees can be deep.
  const frames = [{ interval: top, cursor: entryCursor, next: 0 }];
  visit(top, visited, seen);
  let reached = entryCursor;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const children = forest.childrenOf.get(frame.interval.event.id) ?? [];
    let child: WorkInterval | undefined;
    while (frame.next < children.length && !child) {
      const candidate = children[frame.next++]!;
      if (candidate.end <= frame.cursor && !seen.has(candidate.event.id)) child = candidate;
    }
    if (child) {
      addSection(sections, frame.interval, child.end, frame.cursor);
      frame.cursor = Math.min(frame.cursor, child.start);
      visit(child, visited, seen);
      frames.push({ interval: child, cursor: child.end, next: 0 });
      continue;
    }
    const start = Math.min(frame.interval.start, frame.cursor);
    addSection(sections, frame.interval, start, frame.cursor);
    frames.pop();
    const parent = frames[frames.length - 1];
    if (parent) parent.cursor = Math.min(parent.cursor, start);
    else reached = start;
  }
  return reached;
}

function blockingPredecessor(
  forest: NestingForest,
  of: WorkInterval,
  seen: ReadonlySet<string>,
): WorkInterval | undefined {
  let best: WorkInterval | undefined;
  for (const predId of forest.predecessorsOf.get(of.event.id) ?? []) {
    const candidate = outermostFrame(forest, predId);
    if (!candidate || seen.has(candidate.event.id)) continue;
    if (!best || lastFinishingFirst(candidate, best) < 0) best = candidate;
  }
  return best;
}

function outermostFrame(forest: NestingForest, id: string): WorkInterval | undefined {
  let frameId = id;
  for (let parent = forest.parentOf.get(frameId); parent !== undefined;) {
    frameId = parent;
    parent = forest.parentOf.get(frameId);
  }
  return forest.intervals.get(frameId);
}

function visit(interval: WorkInterval, visited: string[], seen: Set<string>): void {
  if (seen.has(interval.event.id)) return;
  seen.add(interval.event.id);
  visited.push(interval.event.id);
}

function addSection(
  sections: CriticalSection[],
  of: WorkInterval,
  start: number,
  end: number,
): void {
  if (end > start) sections.push({ eventId: of.event.id, start, end });
}

/** Tied terminals tried at most; many events sharing the last instant must not make the walk quadratic. */
const MAX_TERMINALS = 16;

/** Top-level events the path may end at: the latest end; ties by the later start, then by id. */
export function terminalCandidates(forest: NestingForest): WorkInterval[] {
  let latest = -Infinity;
  const tops: WorkInterval[] = [];
  for (const interval of forest.intervals.values()) {
    if (forest.parentOf.has(interval.event.id)) continue;
    if (interval.end > latest) {
      latest = interval.end;
      tops.length = 0;
    }
    if (interval.end === latest) tops.push(interval);
  }
  return tops.sort((a, b) => b.start - a.start || compareIds(a, b)).slice(0, MAX_TERMINALS);
}
