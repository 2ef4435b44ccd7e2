import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { FieldLines } from '../../components/field-lines.js';
import type { Field } from '../../components/field-lines.js';
import { Pane } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { describeEventKind, formatValue } from '../../model/describe-event.js';
import { clockTime } from '../../model/format-time.js';
import { changeSpeed, replayTrace } from '../../state/debugger-replay.js';
import { useTone } from '../../theme.js';
import { racingEventIds } from './event-details.js';
import type { TabProps } from './tab-props.js';
import { useListBesideDetail } from '../../input/use-list-beside-detail.js';

/**
 * Tab 3: replays the trace one event at a time. The cursor is the last replayed event; Space plays and
 * pauses (one step per 1/speed s, stopping at the end), `[`/`]` change speed, g/G jump to start/end.
 */
export function DebuggerTab({ trace, height }: TabProps): ReactNode {
  const tone = useTone();
  const events = trace.events;
  const racing = racingEventIds(trace);
  const rows = events.map(
    (e, i) =>
      `${racing.has(e.id) ? '!' : ' '}${String(i + 1).padStart(3)} ${clockTime(e.timestamp)} ${describeEventKind(e.kind)}  [${e.metadata.thread_id}]`,
  );
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const { listHeight, nav, panes } = useListBesideDetail(rows, height, 0.55, (action) => {
    if (action.type !== 'char') return false;
    if (action.char === ' ') setPlaying((p) => !p);
    else if (action.char === '[') setSpeed((s) => changeSpeed(s, -1));
    else if (action.char === ']') setSpeed((s) => changeSpeed(s, 1));
    else return false;
    return true;
  });
  const step = events.length === 0 ? 0 : nav.cursor.index + 1;
  const snapshot = replayTrace(events, step);

  useEffect(() => {
    if (!playing) return;
    if (step >= events.length) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => nav.handle({ type: 'move', move: 'down' }), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, step, speed, events.length, nav]);

  const fields: Field[] = [
    ['step', `${snapshot.step}/${snapshot.total}`],
    ['playback', `${playing ? '▶ playing' : '❚❚ paused'} · speed ${speed}x`],
  ];
  if (snapshot.current) {
    fields.push(['event', describeEventKind(snapshot.current.kind)]);
    fields.push(['thread', snapshot.current.metadata.thread_id]);
  }
  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title="Timeline  (Space play · [ ] speed · g/G start/end)"
        focused={panes.focus === 0}
        height={height}
        width="55%"
        rows={rows}
        cursor={nav.cursor}
        tones={events.map((e) => (racing.has(e.id) ? 'critical' : undefined))}
      />
      <Pane title="State snapshot" focused={panes.focus === 1} height={height} flexGrow={1}>
        <FieldLines fields={fields} />
        <Text bold>Variables</Text>
        {snapshot.variables.length === 0 ? <Text {...tone.fg('muted')}>none yet</Text> : null}
        {snapshot.variables.slice(0, Math.max(1, listHeight - 8)).map((v) => (
          <Text key={v.variable} wrap="truncate">
            {v.variable} = {formatValue(v.value)}{' '}
            <Text {...tone.fg('muted')}>
              ({v.lastAccess} by {v.thread})
            </Text>
          </Text>
        ))}
        <Text bold>Locks held</Text>
        {snapshot.locks.length === 0 ? <Text {...tone.fg('muted')}>none</Text> : null}
        {snapshot.locks.map((l) => (
          <Text key={l.lockId} wrap="truncate">
            {l.lockId}: {l.threads.join(', ')}
          </Text>
        ))}
      </Pane>
    </Box>
  );
}
