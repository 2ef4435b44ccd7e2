import type { StoredEvent } from '../../model/stored-event.js';

const NONE: ReadonlySet<string> = new Set();

/** Which traces touch each variable (for the trace-list filter), kept at ingest. */
export class VariableTraces {
  private readonly byVariable = new Map<string, Set<string>>();

  add(event: StoredEvent): void {
    if (!('StateChange' in event.kind)) return;
    const variable = event.kind.StateChange.variable;
    const set = this.byVariable.get(variable);
    if (set) set.add(event.trace_id);
    else this.byVariable.set(variable, new Set([event.trace_id]));
  }

  forget(traceId: string, events: readonly StoredEvent[]): void {
    for (const event of events) {
      if (!('StateChange' in event.kind)) continue;
      const set = this.byVariable.get(event.kind.StateChange.variable);
      set?.delete(traceId);
      if (set?.size === 0) this.byVariable.delete(event.kind.StateChange.variable);
    }
  }

  of(variable: string): ReadonlySet<string> {
    return this.byVariable.get(variable) ?? NONE;
  }
}
