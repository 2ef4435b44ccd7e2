import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TraceSummary } from '../../api/response-shapes.js';
import { Pane, paneRows } from '../components/pane.js';
import { ScrollList } from '../components/scroll-list.js';
import { useResource } from '../data/use-resource.js';
import { useKeyHandler } from '../input/key-handler.js';
import { useListNavigation } from '../input/use-list-navigation.js';
import { columnsHit } from '../input/use-pane-focus.js';
import { useLiveMessages } from '../live/live-bus.js';
import { mergeTracePage, traceRow } from '../state/trace-rows.js';
import { useTone } from '../theme.js';
import { useUi } from '../ui-context.js';
import { errorText } from './error-text.js';
import { TracePreview } from './trace-preview.js';
import type { ScreenProps } from './screen-props.js';

const PAGE_SIZE = 100;
/** The API's largest page (`page_size` ≤ 1000). */
const MAX_PAGE = 1000;
/** Coalesces bursts of live `trace` messages into one reload. */
const LIVE_RELOAD_MS = 500;

interface Filters {
  service: string | undefined;
  racesOnly: boolean;
  idPrefix: string | undefined;
}

/**
 * All traces, newest activity first, loaded page by page as the cursor nears the end, updated live; filters
 * by service (`s`), races only (`x`) and id prefix (`f`); Enter opens the selected trace.
 */
export function TracesScreen({ height, onOpen }: ScreenProps): ReactNode {
  const ui = useUi();
  const tone = useTone();
  const [filters, setFilters] = useState<Filters>({
    service: undefined,
    racesOnly: false,
    idPrefix: undefined,
  });
  const [traces, setTraces] = useState<TraceSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [racing, setRacing] = useState<ReadonlySet<string>>(new Set());
  const [pane, setPane] = useState(0);
  const loadingMore = useRef(false);
  const selectedId = useRef<string | undefined>(undefined);
  const generation = useRef(0);

  const services = useResource(() => ui.source.services(), 'services');
  const rows = traces.map((t) => traceRow(t, racing.has(t.trace_id)));
  const listRows = paneRows(height);
  const nav = useListNavigation(rows, listRows);
  const selected = traces[nav.cursor.index];
  selectedId.current = selected?.trace_id;

  const reload = useCallback(
    (size: number) => {
      const mine = ++generation.current;
      const query = {
        page: 1,
        pageSize: Math.min(MAX_PAGE, Math.max(PAGE_SIZE, size)),
        service: filters.service,
        hasRaces: filters.racesOnly,
        idPrefix: filters.idPrefix,
      };
      void Promise.all([
        ui.source.listTraces(query),
        ui.source.listTraces({ page: 1, pageSize: 1000, hasRaces: true }).catch(() => undefined),
      ]).then(
        ([list, withRaces]) => {
          if (mine !== generation.current) return;
          // Beyond the largest page, keep the older rows already loaded below the fresh first page.
          setTraces((current) =>
            size > MAX_PAGE ? mergeTracePage(current, list.traces) : list.traces,
          );
          setTotal(list.total_traces);
          setError(undefined);
          setLoaded(true);
          if (withRaces) setRacing(new Set(withRaces.traces.map((t) => t.trace_id)));
          const keep = selectedId.current;
          const index = keep ? list.traces.findIndex((t) => t.trace_id === keep) : -1;
          if (index >= 0) nav.select(index, list.traces.length);
        },
        (err: unknown) => {
          if (mine !== generation.current) return;
          setError(errorText(err));
          setLoaded(true);
        },
      );
    },
    // nav.select only closes over the row count and height; it is read when the answer arrives.
    [filters, ui.source],
  );

  useEffect(() => reload(PAGE_SIZE), [reload]);

  // Page in the next batch when the cursor gets within a window of the end.
  useEffect(() => {
    if (loadingMore.current || traces.length >= total) return;
    if (nav.cursor.index < traces.length - listRows) return;
    loadingMore.current = true;
    const page = Math.floor(traces.length / PAGE_SIZE) + 1;
    ui.source
      .listTraces({
        page,
        pageSize: PAGE_SIZE,
        service: filters.service,
        hasRaces: filters.racesOnly,
        idPrefix: filters.idPrefix,
      })
      .then(
        (list) => {
          setTraces((current) => {
            const ids = new Set(current.map((t) => t.trace_id));
            return [...current, ...list.traces.filter((t) => !ids.has(t.trace_id))];
          });
          setTotal(list.total_traces);
        },
        (err: unknown) => setError(errorText(err)),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [nav.cursor.index, traces.length, total, listRows, filters, ui.source]);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const traceCount = useRef(0);
  traceCount.current = traces.length;
  useLiveMessages((m) => {
    if (m.type === 'race') {
      const id = (m.data as { trace_id?: unknown }).trace_id;
      if (typeof id === 'string') setRacing((r) => new Set([...r, id]));
    }
    if (m.type !== 'trace' && m.type !== 'race') return;
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      reload(traceCount.current);
    }, LIVE_RELOAD_MS);
  });

  const serviceNames = services.data?.services.map((s) => s.name) ?? [];

  useKeyHandler((action) => {
    if (nav.handle(action)) return true;
    if (action.type === 'open') {
      if (selected) onOpen(selected.trace_id);
      return true;
    }
    if (action.type === 'pane') {
      setPane((p) => (p + 1) % 2);
      return true;
    }
    if (action.type === 'click') {
      setPane(columnsHit(ui.size.columns, 0.6)(action.x, action.y) ?? 0);
      return true;
    }
    if (action.type === 'refresh') {
      reload(traces.length);
      services.reload();
      return true;
    }
    if (action.type !== 'char') return false;
    if (action.char === 's') {
      const names = [undefined, ...serviceNames];
      const next = names[(names.indexOf(filters.service) + 1) % names.length];
      setFilters((f) => ({ ...f, service: next }));
    } else if (action.char === 'x') {
      setFilters((f) => ({ ...f, racesOnly: !f.racesOnly }));
    } else if (action.char === 'f') {
      ui.openPrompt(
        'trace id starts with: ',
        (text) => setFilters((f) => ({ ...f, idPrefix: text.trim().toLowerCase() || undefined })),
        filters.idPrefix ?? '',
      );
    } else if (action.char === 'c') {
      setFilters({ service: undefined, racesOnly: false, idPrefix: undefined });
    } else {
      return false;
    }
    return true;
  });

  const filterText = [
    `service: ${filters.service ?? 'all'}`,
    filters.racesOnly ? 'races only' : undefined,
    filters.idPrefix ? `id: ${filters.idPrefix}…` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Box flexDirection="row" height={height}>
      <Pane
        title={`Traces ${traces.length}/${total} · ${filterText}`}
        focused={pane === 0}
        height={height}
        width="60%"
      >
        {error ? <Text {...tone.fg('critical')}>{error}</Text> : null}
        {!loaded ? (
          <Text {...tone.fg('muted')}>loading traces…</Text>
        ) : (
          <ScrollList
            rows={rows}
            cursor={nav.cursor}
            height={listRows - (error ? 1 : 0)}
            active={pane === 0}
            tones={traces.map((t) => (racing.has(t.trace_id) ? 'critical' : undefined))}
            empty={error ? '' : 'no traces yet: waiting for events…'}
          />
        )}
      </Pane>
      <Pane title="Selected trace" focused={pane === 1} height={height} flexGrow={1}>
        {selected ? (
          <TracePreview trace={selected} hasRaces={racing.has(selected.trace_id)} />
        ) : null}
      </Pane>
    </Box>
  );
}
