import { Box } from 'ink';
import type { ReactNode } from 'react';
import type { VariableAccess } from '../../../engine/results.js';
import { paneRows } from '../../components/pane.js';
import { ListPane } from '../../components/list-pane.js';
import { useKeyHandler } from '../../input/key-handler.js';
import { useListNavigation } from '../../input/use-list-navigation.js';
import { columnsHit, usePaneFocus } from '../../input/use-pane-focus.js';
import { useUi } from '../../ui-context.js';
import { formatValue } from '../../model/describe-event.js';
import { clockTime } from '../../model/format-time.js';
import type { TabProps } from './tab-props.js';

/** One access of a variable: type, value, thread, location, and how it relates to the previous access. */
export function accessRow(a: VariableAccess, index: number): string {
  const value =
    a.access_type === 'Read'
      ? formatValue(a.new_value)
      : `${formatValue(a.old_value)}→${formatValue(a.new_value)}`;
  const link = index === 0 ? ' ' : a.has_causal_link_to_previous ? '↓' : '⋮';
  return `${link} ${a.is_race ? 'RACE' : '    '} ${a.access_type.padEnd(5)} ${value}  ${a.thread_id} ${clockTime(a.timestamp)} ${a.location}`;
}

/** Tab 7: variables of the trace and, for the selected one, every access in causal order. */
export function AuditTrailTab({ trace, height }: TabProps): ReactNode {
  const variables = Object.keys(trace.audit_trails).sort();
  const varRows = variables.map((v) => {
    const accesses = trace.audit_trails[v] ?? [];
    const races = accesses.filter((a) => a.is_race).length;
    return `${v}  ${accesses.length} accesses${races ? ` · ${races} racing` : ''}`;
  });
  const listHeight = paneRows(height);
  const varNav = useListNavigation(varRows, listHeight);
  const variable = variables[varNav.cursor.index];
  const accesses = variable ? (trace.audit_trails[variable] ?? []) : [];
  const rows = accesses.map(accessRow);
  const accessNav = useListNavigation(rows, listHeight - 1);
  const panes = usePaneFocus(2, columnsHit(useUi().size.columns, 0.35));
  useKeyHandler(
    (action) =>
      panes.handle(action) ||
      (panes.focus === 0 ? varNav.handle(action) : accessNav.handle(action)),
  );

  return (
    <Box flexDirection="row" height={height}>
      <ListPane
        title={`Variables ${variables.length}`}
        focused={panes.focus === 0}
        height={height}
        width="35%"
        rows={varRows}
        cursor={varNav.cursor}
        tones={variables.map((v) =>
          (trace.audit_trails[v] ?? []).some((a) => a.is_race) ? 'critical' : undefined,
        )}
        empty="no state changes in this trace"
      />
      <ListPane
        title={`Audit trail ${variable ?? ''}  (↓ causal · ⋮ concurrent)`}
        focused={panes.focus === 1}
        height={height}
        flexGrow={1}
        rows={rows}
        cursor={accessNav.cursor}
        tones={accesses.map((a) => (a.is_race ? 'critical' : undefined))}
      />
    </Box>
  );
}
