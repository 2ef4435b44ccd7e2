import { Box } from 'ink';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { FieldLines } from '../../components/field-lines.js';
import { Pane } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { describeEventKind } from '../../model/describe-event.js';
import { clockTime } from '../../model/format-time.js';
import type { KindFilter } from '../../state/event-filter.js';
import { applyKindFilter, cycleKindFilter, kindsPresent } from '../../state/event-filter.js';
import { eventTree } from '../../state/event-tree.js';
import { eventFields, racingEventIds } from './event-details.js';
import type { TabProps } from './tab-props.js';
import { useListBesideDetail } from '../../input/use-list-beside-detail.js';

/** Tab 1: the trace's events as a list or a `parent_id` tree (`t`), kind filter `f`/`c`, details right. */
export function EventsTab({ trace, height }: TabProps): ReactNode {
  const [tree, setTree] = useState(false);
  const [filter, setFilter] = useState<KindFilter>(undefined);
  const racing = racingEventIds(trace);
  const filtered = applyKindFilter(trace.events, filter);
  const rows = tree ? eventTree(filtered) : filtered.map((event) => ({ event, depth: 0 }));
  const text = rows.map(
    ({ event, depth }) =>
      `${racing.has(event.id) ? '!' : ' '} ${clockTime(event.timestamp)} ${'  '.repeat(depth)}${describeEventKind(event.kind)}  [${event.metadata.thread_id}]`,
  );
  const { listHeight, nav, panes } = useListBesideDetail(text, height, 0.58, (action) => {
    if (action.type !== 'char') return false;
    if (action.char === 't') setTree((t) => !t);
    else if (action.char === 'f') setFilter((f) => cycleKindFilter(f, kindsPresent(trace.events)));
    else if (action.char === 'c') setFilter(undefined);
    else return false;
    return true;
  });
  const selected = rows[nav.cursor.index]?.event;

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Events ${rows.length}/${trace.events.length} · ${tree ? 'tree' : 'list'} · kind: ${filter ?? 'all'}  (t f c)`}
        focused={panes.focus === 0}
        height={height}
        width="58%"
        rows={text}
        cursor={nav.cursor}
        tones={rows.map(({ event }) => (racing.has(event.id) ? 'critical' : undefined))}
        empty={filter ? `no ${filter} events (c clears the filter)` : 'no events'}
      />
      <Pane title="Event" focused={panes.focus === 1} height={height} flexGrow={1}>
        {selected ? (
          <FieldLines fields={eventFields(selected, racing.has(selected.id))} max={listHeight} />
        ) : null}
      </Pane>
    </Box>
  );
}
