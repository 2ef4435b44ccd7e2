import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { s1Trace, TRACE_ID } from '../testing/trace-fixture';

describe('the trace debugger', () => {
  it('replays the trace step by step from the URL and with the keyboard', async () => {
    const { trace, graph } = s1Trace();
    fakeApi({ [`/api/traces/${TRACE_ID}`]: trace, [`/api/traces/${TRACE_ID}/graph`]: graph });
    renderApp(`/traces/${TRACE_ID}/debugger?step=1`);
    const state = await screen.findByRole('region', { name: 'State' });
    expect(screen.getByText('step 2 / 4')).toBeTruthy();
    expect(within(state).getByText('15')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(await within(state).findByText('20')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Home' });
    expect(await within(state).findByText('No state changes yet.')).toBeTruthy();
    expect(screen.getByText('step 1 / 4')).toBeTruthy();
  });
});
