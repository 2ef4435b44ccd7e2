import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { s1Trace, TRACE_ID } from '../testing/trace-fixture';

describe('the races view', () => {
  beforeEach(() => {
    const { trace, graph } = s1Trace();
    fakeApi({ [`/api/traces/${TRACE_ID}`]: trace, [`/api/traces/${TRACE_ID}/graph`]: graph });
  });

  it('shows both accesses side by side with values, locations, contexts and clocks', async () => {
    renderApp(`/traces/${TRACE_ID}/races`);
    const [a, b] = await screen.findAllByTestId('race-access');
    expect(screen.getByTestId('race-variable').textContent).toBe('balance');
    expect(within(a as HTMLElement).getByText('10')).toBeTruthy();
    expect(within(a as HTMLElement).getByTestId('race-location').textContent).toBe('balance.rs:12');
    expect(within(b as HTMLElement).getByTestId('race-location').textContent).toBe('balance.rs:45');
    expect(within(b as HTMLElement).getByText('web/worker-2')).toBeTruthy();
    expect(within(b as HTMLElement).getByText('web/thread-main:1, web/worker-2:1')).toBeTruthy();
  });

  it('explains that no happens-before path joins the two writes and shows where they fork', async () => {
    renderApp(`/traces/${TRACE_ID}/races`);
    const panel = await screen.findByTestId('causal-path');
    await within(panel).findByText('No happens-before path');
    expect(within(panel).getByText('Fork → A')).toBeTruthy();
    expect(within(panel).getAllByText('↓ spawn (parent_id across contexts)')).toHaveLength(2);
    expect(screen.getByTestId('race-reasons').textContent).toContain('No common lock guards them');
  });

  it('moves to the next race with ] and keeps it in the URL', async () => {
    const { trace, graph } = s1Trace();
    const second = { ...trace.analysis.race_details[0]!, variable: 'limit', event1_id: 'read-c' };
    fakeApi({
      [`/api/traces/${TRACE_ID}`]: {
        ...trace,
        analysis: { ...trace.analysis, race_details: [trace.analysis.race_details[0], second] },
      },
      [`/api/traces/${TRACE_ID}/graph`]: graph,
    });
    renderApp(`/traces/${TRACE_ID}/races`);
    expect((await screen.findByTestId('race-variable')).textContent).toBe('balance');
    fireEvent.keyDown(window, { key: ']' });
    expect((await screen.findByText('limit', { selector: 'code' })).textContent).toBe('limit');
  });
});
