const TRACE_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\//i;

/**
 * Short display form of a collector context id (`<trace id>/<service>#<instance>/<thread>`): inside one
 * trace the trace id is noise, and an empty instance leaves a stray `#`.
 */
export function contextLabel(context: string): string {
  return context.replace(TRACE_PREFIX, '').replace(/#\//, '/');
}
