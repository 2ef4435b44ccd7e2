import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FullTraceAnalysis } from '../api/types';
import { makeAccess } from '../testing/event-factory';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';
import { s1Trace, TRACE_ID } from '../testing/trace-fixture';

/** Twelve workers each write `hits` once: every access races with the eleven others. */
function hotTrace(): FullTraceAnalysis {
  const ids = Array.from({ length: 12 }, (_, i) => `w${i}`);
  const { trace } = s1Trace();
  return {
    ...trace,
    audit_trails: {
      hits: ids.map((id, i) =>
        makeAccess(id, {
          thread_id: `worker-${i}`,
          new_value: i,
          is_race: i > 0,
          race_partners: ids.filter((other) => other !== id),
          race_partner_count: id === 'w0' ? 25 : 11,
        }),
      ),
    },
    // The race groups' example pairs name none of these: the view must read race_partners.
    analysis: { ...trace.analysis, race_details: [] },
  };
}

describe('the audit trail view', () => {
  beforeEach(() => fakeApi({ [`/api/traces/${TRACE_ID}`]: hotTrace() }));

  it('lists every racing partner of the focused access, each a link that focuses it', async () => {
    renderApp(`/traces/${TRACE_ID}/variables?variable=hits&mode=focus&access=11`);
    const races = await screen.findByTestId('focus-races');
    const items = within(races).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]!.textContent).toContain('CRITICAL');
    fireEvent.click(within(items[3]!).getByRole('button', { name: '#4' }));
    expect(await screen.findByText('worker-3', { selector: 'dd' })).toBeTruthy();
  });

  it('says how many partners the collector counted beyond the ones it listed', async () => {
    renderApp(`/traces/${TRACE_ID}/variables?variable=hits&mode=focus&access=0`);
    const unlisted = await screen.findByTestId('focus-races-unlisted');
    expect(unlisted.textContent).toContain('and 14 more');
  });

  it('links the partners from the debugger’s line about the current access', async () => {
    renderApp(`/traces/${TRACE_ID}/variables?variable=hits&access=5`);
    const line = await screen.findByTestId('audit-current-races');
    expect(within(line).getAllByRole('button')).toHaveLength(11);
    fireEvent.click(within(line).getByRole('button', { name: '#1' }));
    expect((await screen.findByTestId('audit-current')).textContent).toContain('worker-0');
  });

  it.each(['constructor', 'toString', 'nope'])(
    'opens the first variable for a link naming %s, a variable the trace does not have',
    async (name) => {
      renderApp(`/traces/${TRACE_ID}/variables?variable=${name}`);
      expect((await screen.findByTestId('audit-current')).textContent).toContain('worker-0');
    },
  );
});
