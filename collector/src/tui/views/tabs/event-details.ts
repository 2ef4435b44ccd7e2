import type { ApiEvent } from '../../../api/response-shapes.js';
import { kindName } from '../../../model/event.js';
import type { Field } from '../../components/field-lines.js';
import { eventLocation, formatValue } from '../../model/describe-event.js';
import { clockTime } from '../../model/format-time.js';

/** The detail lines of one event, straight from its JSON fields. */
export function eventFields(e: ApiEvent, racing: boolean): Field[] {
  const fields: Field[] = [
    ['kind', kindName(e.kind), racing ? 'critical' : undefined],
    ['id', e.id],
    ['time', clockTime(e.timestamp)],
    ['service', e.metadata.service_name],
    ['thread', e.metadata.thread_id],
  ];
  const location = eventLocation(e.kind);
  if (location) fields.push(['location', location]);
  if ('StateChange' in e.kind) {
    const s = e.kind.StateChange;
    fields.push(['variable', s.variable]);
    fields.push(['access', s.access_type]);
    if (s.access_type !== 'Read') fields.push(['old', formatValue(s.old_value)]);
    fields.push([s.access_type === 'Read' ? 'value' : 'new', formatValue(s.new_value)]);
  }
  if ('FunctionCall' in e.kind) fields.push(['function', e.kind.FunctionCall.function_name]);
  if ('HttpResponse' in e.kind) fields.push(['status', String(e.kind.HttpResponse.status)]);
  if ('Error' in e.kind) fields.push(['error', e.kind.Error.message, 'critical']);
  if (e.metadata.duration_ns) fields.push(['duration', `${e.metadata.duration_ns / 1e6}ms`]);
  fields.push(['locks held', (e.locks_held ?? e.lock_set).join(', ') || 'none']);
  if (e.context) fields.push(['context', e.context]);
  if (e.parent_id) fields.push(['parent', e.parent_id]);
  if (e.clock)
    fields.push(['clock', e.clock.map(([c, n]) => `${c.split('/').pop()}:${n}`).join(' ')]);
  if (racing) fields.push(['race', 'this event takes part in a race', 'critical']);
  return fields;
}

/** Ids of events that take part in a race of the trace (from the structured race details). */
export function racingEventIds(trace: {
  analysis: {
    race_details: Array<{ event1_id: string; event2_id: string }>;
    groups?: Array<{ examples: Array<{ event1_id: string; event2_id: string }> }>;
  };
}): Set<string> {
  const ids = new Set<string>();
  for (const r of trace.analysis.race_details) {
    ids.add(r.event1_id);
    ids.add(r.event2_id);
  }
  for (const g of trace.analysis.groups ?? []) {
    for (const ex of g.examples) {
      ids.add(ex.event1_id);
      ids.add(ex.event2_id);
    }
  }
  return ids;
}
