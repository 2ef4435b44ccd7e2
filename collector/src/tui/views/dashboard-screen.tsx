import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { StreamMessages } from '../../api/response-shapes.js';
import { FieldLines } from '../components/field-lines.js';
import { Pane, paneRows } from '../components/pane.js';
import { ListPane } from '../components/list-pane.js';
import { useResource } from '../data/use-resource.js';
import { useKeyHandler } from '../input/key-handler.js';
import { usePaneFocus } from '../input/use-pane-focus.js';
import { useListNavigation } from '../input/use-list-navigation.js';
import { useLiveMessages } from '../live/live-bus.js';
import { shortId } from '../model/format-time.js';
import { traceRow } from '../state/trace-rows.js';
import { useTone } from '../theme.js';
import { useUi } from '../ui-context.js';
import { errorText } from './error-text.js';
import type { ScreenProps } from './screen-props.js';
import { countNoun } from '../model/count-noun.js';

/** Recent races as the live stream reported them (newest first), kept across reloads. */
interface RecentRace {
  traceId: string;
  variable: string;
  severity: string;
}

/**
 * System overview: totals, traces with races, cross-trace races, hotspots, recent races (live) and recent
 * traces; Enter on a recent trace opens it.
 */
export function DashboardScreen({ height, onOpen }: ScreenProps): ReactNode {
  const ui = useUi();
  const tone = useTone();
  const data = useResource(
    () =>
      Promise.all([
        ui.source.status(),
        ui.source.listTraces({ page: 1, pageSize: 20 }),
        ui.source.listTraces({ page: 1, pageSize: 50, hasRaces: true }),
        ui.source.services(),
        ui.source.globalAnalysis(),
        ui.source.hotspots(),
      ]),
    'dashboard',
  );
  const [live, setLive] = useState<RecentRace[]>([]);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveMessages((m) => {
    if (m.type === 'race') {
      const d = m.data as StreamMessages['race'];
      setLive((r) =>
        [{ traceId: d.trace_id, variable: d.variable, severity: d.severity }, ...r].slice(0, 50),
      );
    }
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      data.reload();
    }, 1000);
  });

  const [status, traces, racing, services, global, hotspots] = data.data ?? [];
  const racingIds = new Set(racing?.traces.map((t) => t.trace_id) ?? []);
  const topHeight = Math.max(8, Math.floor(height / 2));
  const bottomHeight = height - topHeight;
  const recentRows = traces?.traces.map((t) => traceRow(t, racingIds.has(t.trace_id))) ?? [];
  const raceRows = [
    ...live.map((r) => `${r.severity.padEnd(8)} ${r.variable}  trace ${shortId(r.traceId)}`),
    ...(racing?.traces ?? [])
      .filter((t) => !live.some((r) => r.traceId === t.trace_id))
      .map((t) => `${'race'.padEnd(8)} trace ${shortId(t.trace_id)} · ${t.services.join(',')}`),
  ];
  const panes = usePaneFocus(2, (x, y) =>
    y < topHeight ? undefined : x < Math.round(ui.size.columns * 0.45) ? 0 : 1,
  );
  const traceNav = useListNavigation(recentRows, paneRows(bottomHeight));
  const raceNav = useListNavigation(raceRows, paneRows(bottomHeight));

  useKeyHandler((action) => {
    if (panes.handle(action)) return true;
    if (action.type === 'refresh') {
      data.reload();
      return true;
    }
    if (action.type === 'open') {
      const id =
        panes.focus === 1
          ? traces?.traces[traceNav.cursor.index]?.trace_id
          : (live[raceNav.cursor.index]?.traceId ??
            racing?.traces.filter((t) => !live.some((r) => r.traceId === t.trace_id))[
              raceNav.cursor.index - live.length
            ]?.trace_id);
      if (id) onOpen(id);
      return true;
    }
    return panes.focus === 0 ? raceNav.handle(action) : traceNav.handle(action);
  });

  if (!data.data) {
    return (
      <Text {...tone.fg(data.error ? 'critical' : 'muted')}>
        {data.error ? errorText(data.error) : 'loading dashboard…'}
      </Text>
    );
  }
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="row" height={topHeight}>
        <Pane title="System" focused={false} height={topHeight} width="45%">
          <FieldLines
            fields={[
              ['traces', String(traces?.total_traces ?? status?.traces_active ?? 0)],
              ['events', String(status?.events_captured ?? 0)],
              ['services', String(services?.total_services ?? 0)],
              [
                'traces with races',
                String(racing?.total_traces ?? 0),
                racing?.total_traces ? 'critical' : 'ok',
              ],
              [
                'cross-trace races',
                String(global?.potential_races ?? 0),
                global?.potential_races ? 'critical' : 'ok',
              ],
              ['server', `${ui.source.server} · v${status?.version ?? '?'}`],
            ]}
          />
        </Pane>
        <Pane title="Hotspots (variables)" focused={false} height={topHeight} flexGrow={1}>
          {(hotspots?.top_variables ?? []).slice(0, paneRows(topHeight)).map((v) => (
            <Text key={v.variable} wrap="truncate">
              {v.variable} · {countNoun(v.access_count, 'access', 'accesses')} ·{' '}
              {countNoun(v.trace_count, 'trace')}
            </Text>
          ))}
          {hotspots?.top_variables.length ? null : (
            <Text {...tone.fg('muted')}>no state changes yet</Text>
          )}
        </Pane>
      </Box>
      <Box flexDirection="row" height={bottomHeight}>
        <ListPane
          title="Recent races"
          focused={panes.focus === 0}
          height={bottomHeight}
          width="45%"
          rows={raceRows}
          cursor={raceNav.cursor}
          tones={raceRows.map(() => 'critical')}
          empty="no races"
        />
        <ListPane
          title="Recent traces"
          focused={panes.focus === 1}
          height={bottomHeight}
          flexGrow={1}
          rows={recentRows}
          cursor={traceNav.cursor}
          empty="no traces yet"
        />
      </Box>
    </Box>
  );
}
