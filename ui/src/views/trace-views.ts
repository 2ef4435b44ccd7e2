/** The views of a trace page, in tab order; the key is the URL segment and the keyboard shortcut. */
export const TRACE_VIEWS = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'list', label: 'List', key: '2' },
  { id: 'tree', label: 'Tree', key: '3' },
  { id: 'timeline', label: 'Timeline', key: '4' },
  { id: 'dag', label: 'DAG', key: '5' },
  { id: 'locks', label: 'Locks', key: '6' },
  { id: 'races', label: 'Races', key: '7' },
  { id: 'variables', label: 'Audit trail', key: '8' },
  { id: 'anomalies', label: 'Anomalies', key: '9' },
  { id: 'critical-path', label: 'Critical path', key: '0' },
  { id: 'debugger', label: 'Debugger', key: 'd' },
] as const;

export type TraceViewId = (typeof TRACE_VIEWS)[number]['id'];

export function isTraceView(value: string | undefined): value is TraceViewId {
  return TRACE_VIEWS.some((v) => v.id === value);
}
