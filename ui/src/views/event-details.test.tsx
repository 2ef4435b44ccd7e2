import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { s1Trace, TRACE_ID } from '../testing/trace-fixture';

describe('the event details sidebar', () => {
  it('names each racing partner of a selected access, and selecting one opens it', async () => {
    const { trace, graph } = s1Trace();
    fakeApi({ [`/api/traces/${TRACE_ID}`]: trace, [`/api/traces/${TRACE_ID}/graph`]: graph });
    renderApp(`/traces/${TRACE_ID}/list?event=write-a`);
    const races = await screen.findByTestId('event-races');
    expect(races.textContent).toContain('Races with 1 other access on balance');
    expect(within(races).getByRole('link', { name: 'balance' }).getAttribute('href')).toBe(
      `/traces/${TRACE_ID}/variables?variable=balance&mode=focus&access=0`,
    );
    fireEvent.click(within(races).getByRole('link', { name: '#2 Write by worker-2' }));
    expect((await screen.findByTestId('event-details')).textContent).toContain('write-b');
  });
});
