import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { FullTraceAnalysis } from '../api/types';
import { ServiceBadge } from '../components/service-badge';
import { contextOf, durationMs, eventLabel, kindName } from '../model/event-kind';
import { formatDuration } from '../model/format';
import { traceTree, visibleRows, type TreeNode } from '../model/trace-tree';
import { EventSplit } from './event-split';
import { useSelectedEvent } from './use-selected-event';

/** The `parent_id` tree of the trace, collapsible, virtualised. */
export function EventTreeView({ trace }: { trace: FullTraceAnalysis }) {
  const { selected, select } = useSelectedEvent(trace);
  const roots = useMemo(() => traceTree(trace.events), [trace.events]);
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

  return (
    <EventSplit trace={trace} selected={selected} select={select}>
      <div className="view-column">
        <div className="row muted small" style={{ padding: '6px 10px' }}>
          {roots.length} root{roots.length === 1 ? '' : 's'} (events without a known parent)
          <button onClick={() => setCollapsed(new Set())}>Expand all</button>
          <button
            onClick={() =>
              setCollapsed(new Set(rows.filter((r) => r.children.length).map((r) => r.event.id)))
            }
          >
            Collapse all
          </button>
        </div>
        <div ref={parent} className="vlist" data-testid="event-tree">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const node = rows[item.index] as TreeNode;
              const id = node.event.id;
              return (
                <div
                  key={id}
                  className={`vrow${node.event === selected ? ' selected' : ''}`}
                  style={{
                    top: item.start,
                    height: item.size,
                    gridTemplateColumns: 'minmax(0, 1fr) 140px 80px',
                  }}
                  onClick={() => select(id)}
                >
                  <span className="cell" style={{ paddingLeft: Math.min(node.depth, 30) * 16 }}>
                    {node.children.length > 0 ? (
                      <button
                        aria-label={collapsed.has(id) ? 'Expand' : 'Collapse'}
                        style={{ padding: '0 4px', marginRight: 4 }}
                        onClick={(e) => {
                          e.stopPropagation();
                          toggle(id);
                        }}
                      >
                        {collapsed.has(id) ? '▸' : '▾'}
                      </button>
                    ) : (
                      <span style={{ display: 'inline-block', width: 22 }} />
                    )}
                    <span className="badge">{kindName(node.event.kind)}</span>{' '}
                    {eventLabel(node.event)}
                    {node.children.length > 0 && (
                      <span className="muted small"> ({node.children.length})</span>
                    )}
                    <span className="muted small mono"> · {contextOf(node.event)}</span>
                  </span>
                  <span className="cell">
                    <ServiceBadge name={node.event.metadata.service_name} link={false} />
                  </span>
                  <span className="cell muted">
                    {durationMs(node.event) ? formatDuration(durationMs(node.event)) : ''}
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
