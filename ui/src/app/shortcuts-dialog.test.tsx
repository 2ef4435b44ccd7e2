import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

describe('keyboard shortcuts', () => {
  it('lists the shortcuts on ? and closes on Escape', async () => {
    fakeApi({
      '/api/traces': { total_traces: 0, page: 1, page_size: 200, total_pages: 0, traces: [] },
      '/api/services': { total_services: 0, services: [] },
    });
    renderApp('/traces');
    fireEvent.keyDown(window, { key: '?' });
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
  });

  it('toggles the theme with t and remembers it', () => {
    fakeApi({});
    renderApp('/traces');
    const before = document.documentElement.dataset['theme'];
    fireEvent.keyDown(window, { key: 't' });
    expect(document.documentElement.dataset['theme']).not.toBe(before);
    expect(localStorage.getItem('raceway-ui-theme')).toBe(
      document.documentElement.dataset['theme'],
    );
  });
});
