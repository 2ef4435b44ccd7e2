import { describe, expect, it } from 'vitest';
import { makeEvent, write } from '../testing/event-factory';
import { anomaliesMarkdown, criticalPathMarkdown, csvField, eventsCsv } from './export-formats';

describe('eventsCsv', () => {
  it('fills the Location column from the event kind', () => {
    const csv = eventsCsv([makeEvent({ id: 'e1', kind: write('balance', 1, 2, 'bank.ts:12') })]);
    expect(csv.split('\r\n')[0]).toBe(
      'ID,Timestamp,Kind,Thread ID,Service Name,Environment,Location',
    );
    expect(csv.split('\r\n')[1]).toBe(
      'e1,2024-01-01T12:00:00.000Z,StateChange,main,web,test,bank.ts:12',
    );
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('quotes %s as %s', (input, output) => {
    expect(csvField(input)).toBe(output);
  });
});

describe('markdown reports', () => {
  it('lists the critical path steps and the per-service split, escaping pipes', () => {
    const md = criticalPathMarkdown({
      trace_id: 't1',
      path_events: 1,
      total_duration_ms: 26,
      trace_total_duration_ms: 37,
      percentage_of_total: 70.27,
      path: [
        {
          id: 'a',
          kind: 'FunctionCall(a|b)',
          location: 'x.ts:1',
          timestamp: '',
          duration_ms: 26,
          start_ms: 0,
          end_ms: 26,
          self_ms: 26,
          service_name: 'web',
        },
      ],
      by_service: [{ service: 'web', duration_ms: 26, percentage: 100 }],
      by_operation: [],
    });
    expect(md).toContain('- Path duration: 26.00 ms of 37.00 ms (70.3%)');
    expect(md).toContain('| 1 | FunctionCall(a\\|b) | web | x.ts:1 | 26.00 |');
    expect(md).toContain('| web | 26.00 | 100.0% |');
  });

  it('says so when a trace has no anomalies', () => {
    expect(anomaliesMarkdown('t1', [])).toContain('No performance anomalies detected.');
  });
});
