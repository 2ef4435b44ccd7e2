import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { RaceDetail } from '../api/types';
import { countNoun } from '../../../collector/src/tui/model/count-noun';

const ROW_HEIGHT = 74;

/** The racing pairs of a trace, virtualised (a busy trace can have thousands of groups). */
export function RaceList({
  races,
  total,
  selected,
  onSelect,
}: {
  races: RaceDetail[];
  total: number;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: races.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  useEffect(() => {
    virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);
  return (
    <div className="race-list" aria-label="Races">
      <h3>
        {countNoun(total, 'racing pair')}
        {races.length < total && `, ${countNoun(races.length, 'group')}`}
      </h3>
      <div ref={parent} style={{ overflow: 'auto', maxHeight: 'calc(100vh - 230px)' }}>
        <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = races[item.index] as RaceDetail;
            return (
              <button
                key={`${r.event1_id}-${r.event2_id}`}
                role="listitem"
                className={`race-item${item.index === selected ? ' selected' : ''}`}
                style={{ position: 'absolute', top: item.start, height: ROW_HEIGHT - 4 }}
                onClick={() => onSelect(item.index)}
              >
                <span className="row">
                  <span className={`badge ${r.severity}`}>{r.severity}</span>
                  <strong className="mono cell">{r.variable}</strong>
                  {r.group_count > 1 && <span className="muted small">×{r.group_count}</span>}
                </span>
                <span className="muted small mono cell">
                  {r.event1_location || '?'} ↔ {r.event2_location || '?'}
                </span>
                <span className="muted small mono cell">
                  {r.event1_thread} ↔ {r.event2_thread}
                </span>
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
