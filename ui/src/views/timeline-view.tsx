import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { contextOf, eventIntervalMs, eventLabel } from '../model/event-kind';
import { formatDuration } from '../model/format';
import { packTimeline, type TimelineLane } from '../model/timeline-packing';
import { EventSplit } from './event-split';
import { useSelectedEvent } from './use-selected-event';
import { racingEventIds } from '../model/race-partners';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const ROW = 18;

/** One lane per execution context; bars are real intervals; the critical path is highlighted. */
export function TimelineView({ trace }: { trace: FullTraceAnalysis }) {
  const { selected, select, byId } = useSelectedEvent(trace);
  const critical = useMemo(
    () => new Set(trace.critical_path?.path.map((s) => s.id) ?? []),
    [trace],
  );
  const racing = useMemo(() => racingEventIds(trace), [trace]);
  const packed = useMemo(() => {
    const items = trace.events.map((e) => ({
      id: e.id,
      lane: contextOf(e),
      ...eventIntervalMs(e),
    }));
    let start = Infinity;
    let end = -Infinity;
    for (const i of items) {
      start = Math.min(start, i.startMs);
      end = Math.max(end, i.endMs);
    }
    const span = Math.max(end - start, 0.001);
    return packTimeline(items, span * 0.006);
  }, [trace.events]);
  const span = Math.max(packed.endMs - packed.startMs, 0.001);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: packed.lanes.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => (packed.lanes[i]?.rows ?? 1) * ROW + 8,
    overscan: 6,
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  return (
    <EventSplit trace={trace} selected={selected} select={select}>
      <div className="view-column">
        <div className="legend" style={{ padding: '6px 10px' }}>
          <LegendBar tone="crit" label="critical path" />
          <LegendBar tone="race" label="racing access" />
          <span>
            {countNoun(packed.lanes.length, 'context')} · {formatDuration(span)} total
          </span>
        </div>
        <div className="tl-axis">
          <span className="tl-label muted">Context</span>
          <div className="ticks">
            {ticks.map((t) => (
              <span
                key={t}
                style={{
                  left: `${t * 100}%`,
                  transform: t === 1 ? 'translateX(-100%)' : t === 0 ? 'none' : undefined,
                }}
              >
                {formatDuration(t * span)}
              </span>
            ))}
          </div>
        </div>
        <div ref={parent} className="vlist timeline" data-testid="timeline">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const lane = packed.lanes[item.index] as TimelineLane;
              return (
                <div
                  key={lane.lane}
                  className="tl-lane"
                  style={{
                    position: 'absolute',
                    top: item.start,
                    left: 0,
                    right: 0,
                    height: item.size,
                  }}
                >
                  <div className="tl-label mono" title={lane.lane}>
                    {lane.lane}
                  </div>
                  <div className="tl-track">
                    {lane.items.map((bar) => {
                      const event = byId.get(bar.id) as ApiEvent;
                      const left = ((bar.startMs - packed.startMs) / span) * 100;
                      const width = Math.max(((bar.endMs - bar.startMs) / span) * 100, 0.4);
                      const cls = `tl-bar${critical.has(bar.id) ? ' crit' : ''}${racing.has(bar.id) ? ' race' : ''}${event === selected ? ' selected' : ''}`;
                      return (
                        <div
                          key={bar.id}
                          className={cls}
                          style={{
                            left: `${Math.min(left, 99.6)}%`,
                            width: `${Math.min(width, 100 - left)}%`,
                            top: 4 + bar.row * ROW,
                          }}
                          title={`${eventLabel(event)} · ${formatDuration(bar.endMs - bar.startMs)}`}
                          onClick={() => select(bar.id)}
                        >
                          {width > 6 ? eventLabel(event) : ''}
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </EventSplit>
  );
}

/** A legend entry: a short bar styled like the timeline's own bars of that tone, then its meaning. */
function LegendBar({ tone, label }: { tone: 'crit' | 'race'; label: string }) {
  return (
    <span>
      <span
        className={`tl-bar ${tone}`}
        style={{
          position: 'static',
          display: 'inline-block',
          width: 18,
          marginRight: 4,
          verticalAlign: 'middle',
        }}
      />
      {label}
    </span>
  );
}
