import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { TraceSummary } from '../../api/response-shapes.js';
import { FieldLines } from '../components/field-lines.js';
import { useDebounced } from '../data/use-debounced.js';
import { useResource } from '../data/use-resource.js';
import { clockTime } from '../model/format-time.js';
import { useTone } from '../theme.js';
import { useUi } from '../ui-context.js';
import { countNoun } from '../model/count-noun.js';

/** The selected trace of the list: its id, counts, times, and its race groups (fetched when it settles). */
export function TracePreview({
  trace,
  hasRaces,
}: {
  trace: TraceSummary;
  hasRaces: boolean;
}): ReactNode {
  const ui = useUi();
  const tone = useTone();
  const id = useDebounced(trace.trace_id, 150);
  const races = useResource(() => ui.source.traceRaces(id), `${id}:${hasRaces}`);
  const groups = races.data?.trace_id === trace.trace_id ? races.data.groups : undefined;
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">{trace.trace_id}</Text>
      <FieldLines
        fields={[
          ['events', String(trace.event_count)],
          ['services', trace.services.join(', ') || '-'],
          ['first', clockTime(trace.first_timestamp)],
          ['last', clockTime(trace.last_timestamp)],
          [
            'races',
            groups
              ? countNoun(races.data?.potential_races ?? 0, 'racing pair')
              : hasRaces
                ? 'yes'
                : 'none found',
            hasRaces || (groups?.length ?? 0) > 0 ? 'critical' : 'ok',
          ],
        ]}
      />
      {(groups ?? []).slice(0, 3).map((g, i) => (
        <Text
          key={i}
          wrap="truncate"
          {...tone.fg(g.severity === 'CRITICAL' ? 'critical' : 'warning')}
        >
          {g.severity} {g.variable} ×{g.count}
        </Text>
      ))}
      <Text> </Text>
      <Text wrap="wrap">Enter opens it · s service · x races only · f id · c clear</Text>
    </Box>
  );
}
