import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { FullTraceAnalysis } from '../../api/response-shapes.js';
import { useResource } from '../data/use-resource.js';
import { KeyHandlerContext, useChildSlot, useKeyHandler } from '../input/key-handler.js';
import { useLiveMessages } from '../live/live-bus.js';
import { useTone } from '../theme.js';
import { useUi } from '../ui-context.js';
import { errorText } from './error-text.js';
import { AnomaliesTab } from './tabs/anomalies-tab.js';
import { AuditTrailTab } from './tabs/audit-trail-tab.js';
import { CriticalPathTab } from './tabs/critical-path-tab.js';
import { DebuggerTab } from './tabs/debugger-tab.js';
import { DependenciesTab } from './tabs/dependencies-tab.js';
import { EventsTab } from './tabs/events-tab.js';
import { HotspotsTab } from './tabs/hotspots-tab.js';
import { LocksTab } from './tabs/locks-tab.js';
import { RacesTab } from './tabs/races-tab.js';
import type { TabProps } from './tabs/tab-props.js';
import { countNoun } from '../model/count-noun.js';

/** Coalesces live updates of the open trace (a busy trace changes many times a second). */
const LIVE_RELOAD_MS = 1000;

/** The trace tabs in key order: `1` … `9`. */
export const TRACE_TABS: ReadonlyArray<{ name: string; view: (props: TabProps) => ReactNode }> = [
  { name: 'Events', view: EventsTab },
  { name: 'Races', view: RacesTab },
  { name: 'Debug', view: DebuggerTab },
  { name: 'Path', view: CriticalPathTab },
  { name: 'Anomalies', view: AnomaliesTab },
  { name: 'Deps', view: DependenciesTab },
  { name: 'Audit', view: AuditTrailTab },
  { name: 'Locks', view: LocksTab },
  { name: 'Hot', view: HotspotsTab },
];

/** A tab's label on the tab bar: `2 Races `. */
export function tabLabel(index: number): string {
  return `${index + 1} ${TRACE_TABS[index]?.name ?? ''} `;
}

/** One trace: a summary line, the tab bar and the active tab; Esc goes back to the list. */
export function TraceScreen({
  traceId,
  height,
  onBack,
  initialTab = 0,
}: {
  traceId: string;
  height: number;
  onBack: () => void;
  initialTab?: number;
}): ReactNode {
  const ui = useUi();
  const tone = useTone();
  const [tab, setTab] = useState(initialTab);
  const trace = useResource(() => ui.source.trace(traceId), traceId);
  const child = useChildSlot();

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveMessages((m) => {
    if ((m.data as { trace_id?: unknown }).trace_id !== traceId || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      trace.reload();
    }, LIVE_RELOAD_MS);
  });

  useKeyHandler((action) => {
    if (action.type === 'tab') {
      if (action.index < TRACE_TABS.length) setTab(action.index);
      return true;
    }
    if (action.type === 'click') {
      // Line 0 is the summary, line 1 the tab bar, the tab's box starts at line 2.
      if (action.y === 1) {
        const index = tabAt(action.x);
        if (index !== undefined) setTab(index);
        return true;
      }
      return action.y >= 2 ? (child.current?.({ ...action, y: action.y - 2 }) ?? true) : true;
    }
    if (child.current?.(action)) return true;
    if (action.type === 'back') {
      onBack();
      return true;
    }
    if (action.type === 'refresh') {
      trace.reload();
      return true;
    }
    return false;
  });

  const bodyHeight = Math.max(4, height - 2);
  const View = TRACE_TABS[tab]?.view ?? EventsTab;
  return (
    <Box flexDirection="column" height={height}>
      {trace.data ? <Summary trace={trace.data} /> : <Text wrap="truncate">Trace {traceId}</Text>}
      <Text wrap="truncate">
        {TRACE_TABS.map((t, i) => (
          <Text
            key={t.name}
            inverse={i === tab}
            bold={i === tab}
            {...tone.fg(i === tab ? 'accent' : undefined)}
          >
            {tabLabel(i)}
          </Text>
        ))}
      </Text>
      {trace.error && !trace.data ? (
        <Text {...tone.fg('critical')}>{errorText(trace.error)}</Text>
      ) : trace.data ? (
        <KeyHandlerContext.Provider value={child}>
          <View key={tab} trace={trace.data} height={bodyHeight} />
        </KeyHandlerContext.Provider>
      ) : (
        <Text {...tone.fg('muted')}>loading trace…</Text>
      )}
    </Box>
  );
}

/** The tab whose label covers column `x` of the tab bar. */
export function tabAt(x: number): number | undefined {
  let start = 0;
  for (let i = 0; i < TRACE_TABS.length; i++) {
    const width = tabLabel(i).length;
    if (x >= start && x < start + width) return i;
    start += width;
  }
  return undefined;
}

function Summary({ trace }: { trace: FullTraceAnalysis }): ReactNode {
  const tone = useTone();
  const services = new Set(trace.events.map((e) => e.metadata.service_name));
  const races = trace.analysis.potential_races;
  return (
    <Text wrap="truncate">
      <Text bold>Trace {trace.trace_id}</Text> · {countNoun(trace.events.length, 'event')} ·{' '}
      {countNoun(services.size, 'service')} ·{' '}
      <Text {...tone.fg(races > 0 ? 'critical' : 'ok')}>{countNoun(races, 'race')}</Text> ·{' '}
      {countNoun(trace.anomalies.length, 'anomaly', 'anomalies')}
    </Text>
  );
}
