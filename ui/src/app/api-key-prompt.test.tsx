import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, route } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

const emptyList = { total_traces: 0, page: 1, page_size: 200, total_pages: 0, traces: [] };

describe('the API-key prompt', () => {
  it('asks for a key on 401 and then sends it as a bearer header, never in the URL', async () => {
    const api = fakeApi({
      '/api/traces': route((_url, init) =>
        (init?.headers as Record<string, string>)['Authorization'] === 'Bearer s3cret'
          ? { data: emptyList }
          : { status: 401, error: 'Unauthorized' },
      ),
      '/api/services': route((_url, init) =>
        (init?.headers as Record<string, string>)['Authorization']
          ? { data: { total_services: 0, services: [] } }
          : { status: 401, error: 'Unauthorized' },
      ),
    });
    renderApp('/traces');
    const input = await screen.findByLabelText('API key');
    fireEvent.change(input, { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use key' }));
    await screen.findByText(/No traces yet/);
    expect(screen.queryByLabelText('API key')).toBeNull();
    expect(api.calls.every((c) => !c.url.includes('s3cret'))).toBe(true);
    expect(sessionStorage.getItem('raceway-api-key')).toBe('s3cret');
    expect(localStorage.getItem('raceway-api-key')).toBeNull();
  });
});
