import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Anomaly, FullTraceAnalysis } from '../api/types';
import { makeEvent } from '../testing/event-factory';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { s1Trace, TRACE_ID } from '../testing/trace-fixture';

const anomaly = (severity: Anomaly['severity'], kind: string): Anomaly => ({
  event_id: `ev-${kind}`,
  event_kind: kind,
  service_name: 'web',
  severity,
  actual_duration_ms: 120,
  expected_duration_ms: 10,
  std_dev_from_mean: 8.5,
  baseline_count: 40,
  baseline_p50_ms: 9,
  baseline_p99_ms: 15,
  description: `${kind} took 12× its baseline`,
  location: 'db.ts:3',
  timestamp: '2024-01-01T12:00:00Z',
});

function serve(trace: FullTraceAnalysis): void {
  fakeApi({
    [`/api/traces/${TRACE_ID}`]: trace,
    [`/api/traces/${TRACE_ID}/graph`]: s1Trace().graph,
  });
}

describe('trace views', () => {
  it('lists anomalies with their baseline and filters them by severity through the URL', async () => {
    const { trace } = s1Trace();
    serve({
      ...trace,
      anomalies: [anomaly('Critical', 'DatabaseQuery'), anomaly('Minor', 'FunctionCall(a)')],
    });
    renderApp(`/traces/${TRACE_ID}/anomalies`);
    await screen.findByText('DatabaseQuery took 12× its baseline');
    expect(screen.getAllByText('n=40, p50 9.00 ms, p99 15.0 ms')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'Critical' } });
    expect(screen.queryByText('FunctionCall(a) took 12× its baseline')).toBeNull();
  });

  it('highlights critical-path events and racing accesses on the timeline', async () => {
    const { trace } = s1Trace();
    serve({
      ...trace,
      critical_path: {
        trace_id: TRACE_ID,
        path_events: 1,
        total_duration_ms: 17,
        trace_total_duration_ms: 20,
        percentage_of_total: 85,
        path: [
          {
            id: 'root',
            kind: 'FunctionCall(handle_request)',
            location: '',
            timestamp: '',
            duration_ms: 17,
            service_name: 'web',
            start_ms: 0,
            end_ms: 17,
            self_ms: 17,
          },
        ],
        by_service: [{ service: 'web', duration_ms: 17, percentage: 100 }],
        by_operation: [
          { operation: 'FunctionCall(handle_request)', duration_ms: 17, percentage: 100 },
        ],
      },
    });
    renderApp(`/traces/${TRACE_ID}/timeline`);
    const timeline = await screen.findByTestId('timeline');
    expect(timeline.querySelectorAll('.tl-bar.crit')).toHaveLength(1);
    expect(timeline.querySelectorAll('.tl-bar.race')).toHaveLength(2);
    expect(within(timeline).getByText('web/worker-1')).toBeTruthy();
  });

  it('counts the happens-before graph in the DAG legend, one race in the singular', async () => {
    serve(s1Trace().trace);
    renderApp(`/traces/${TRACE_ID}/dag`);
    expect(await screen.findByText('0 events · 3 happens-before edges · 1 race')).toBeTruthy();
  });

  it('measures lock contention and advises on it', async () => {
    const lock = (kind: 'LockAcquire' | 'LockRelease', context: string, ms: number) =>
      makeEvent({
        kind: { [kind]: { lock_id: 'accounts', lock_type: 'Mutex', location: 'a.ts:1' } } as never,
        context,
        timestamp: `2024-01-01T12:00:00.${String(ms).padStart(3, '0')}Z`,
      });
    const { trace } = s1Trace();
    serve({
      ...trace,
      events: [
        lock('LockAcquire', 'a', 0),
        lock('LockAcquire', 'b', 1),
        lock('LockRelease', 'a', 5),
        lock('LockRelease', 'b', 6),
      ],
    });
    renderApp(`/traces/${TRACE_ID}/locks`);
    const view = await screen.findByTestId('locks-view');
    expect(within(view).getByLabelText('Lock')).toHaveProperty('value', 'accounts');
    expect(
      within(view).getByText('Contentions', { selector: '.label' }).previousSibling?.textContent,
    ).toBe('1');
    expect(within(view).getByText('No major issues detected with this lock.')).toBeTruthy();
  });

  it('says so when the trace does not exist', async () => {
    fakeApi({});
    renderApp(`/traces/${TRACE_ID}/list`);
    expect((await screen.findByRole('alert')).textContent).toBe('trace not found.');
  });
});
