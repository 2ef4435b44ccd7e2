import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { FullTraceAnalysis } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { contextOf, durationMs, eventLabel, kindName } from '../model/event-kind';
import { formatDuration } from '../model/format';
import { visibleRows, type TreeNode } from '../model/trace-tree';
import { transactions, type Transaction } from '../model/transaction-tree';
import { EventSplit } from './event-split';
import { useSelectedEvent } from './use-selected-event';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const COLUMNS = 'minmax(0, 1fr) 160px 90px';

/** The trace as transactions (spec §6.3 "Tree"): HTTP requests and what they caused, collapsible, virtualised. */
export function EventTreeView({ trace }: { trace: FullTraceAnalysis }) {
  const { selected, select } = useSelectedEvent(trace);
  const groups = useMemo(() => transactions(trace.events), [trace.events]);
  const groupOf = useMemo(() => new Map(groups.map((g) => [g.root, g])), [groups]);
  const roots = useMemo(() => groups.map((g) => g.root), [groups]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(roots, collapsed), [roots, collapsed]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 28,
    overscan: 20,
  });
  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const httpGroups = groups.filter((g) => g.http).length;

  return (
    <EventSplit trace={trace} selected={selected} select={select}>
      <div className="view-column">
        <div className="row muted small" style={{ padding: '6px 10px' }}>
          <span data-testid="transaction-count">
            {countNoun(groups.length, 'transaction')}: {countNoun(httpGroups, 'HTTP request')},{' '}
            {groups.length - httpGroups} other
          </span>
          <button onClick={() => setCollapsed(new Set())}>Expand all</button>
          <button onClick={() => setCollapsed(new Set(roots.map((r) => r.event.id)))}>
            Collapse all
          </button>
        </div>
        <div className="vhead" style={{ gridTemplateColumns: COLUMNS }}>
          <span>Transaction / event</span>
          <span>Service</span>
          <span>Duration</span>
        </div>
        <div ref={parent} className="vlist" data-testid="event-tree">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const node = rows[item.index] as TreeNode;
              const group = groupOf.get(node);
              const id = node.event.id;
              const isOpen = !collapsed.has(id);
              const duration = group ? group.durationMs : durationMs(node.event);
              return (
                <div
                  key={id}
                  className={`vrow${group ? ' tx-root' : ''}${node.event === selected ? ' selected' : ''}`}
                  style={{ top: item.start, height: item.size, gridTemplateColumns: COLUMNS }}
                  onClick={() => select(id)}
                  data-event-id={id}
                  {...(group ? { 'data-testid': 'transaction' } : {})}
                >
                  <span className="cell" style={{ paddingLeft: Math.min(node.depth, 30) * 16 }}>
                    {node.children.length > 0 ? (
                      <button
                        className="tree-toggle"
                        aria-label={isOpen ? 'Collapse' : 'Expand'}
                        aria-expanded={isOpen}
                        onClick={(e) => {
                          e.stopPropagation();
                          toggle(id);
                        }}
                      >
                        {isOpen ? '▾' : '▸'}
                      </button>
                    ) : (
                      <span className="tree-toggle-gap" />
                    )}
                    {group ? (
                      <GroupTitle group={group} />
                    ) : (
                      <>
                        <span className="badge">{kindName(node.event.kind)}</span>{' '}
                        {eventLabel(node.event)}
                        {node.children.length > 0 && !isOpen && (
                          <span className="muted small"> ({node.children.length})</span>
                        )}
                        <span className="muted small mono"> · {contextOf(node.event)}</span>
                      </>
                    )}
                  </span>
                  <span className="cell">
                    <ServiceBadge name={node.event.metadata.service_name} link={false} />
                  </span>
                  <span
                    className="cell muted"
                    data-testid={group ? 'transaction-duration' : undefined}
                  >
                    {group || duration ? formatDuration(duration) : ''}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </EventSplit>
  );
}

function GroupTitle({ group }: { group: Transaction }) {
  return (
    <>
      <span className={`badge${group.http ? ' info' : ''}`}>
        {group.http ? 'HTTP' : kindName(group.root.event.kind)}
      </span>{' '}
      <strong data-testid="transaction-title">{group.title}</strong>
      <span className="muted small"> · {countNoun(group.eventCount, 'event')}</span>
      <span className="muted small mono"> · {contextOf(group.root.event)}</span>
    </>
  );
}
