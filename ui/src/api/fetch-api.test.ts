import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { ApiError } from './api-error';
import { saveApiKey } from './api-key-store';
import { fetchApi, setUnauthorizedHandler, withQuery } from './fetch-api';

describe('fetchApi', () => {
  it('unwraps the data of a successful envelope', async () => {
    fakeApi({ '/api/services': { total_services: 0, services: [] } });
    await expect(fetchApi('/api/services')).resolves.toEqual({ total_services: 0, services: [] });
  });

  it('throws an ApiError carrying the status and the server message', async () => {
    fakeApi({});
    const error = await fetchApi('/api/traces/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, message: '404: Not found', notFound: true });
  });

  it('reports a 401 to the unauthorized handler', async () => {
    fakeApi({ '/api/traces': () => ({ status: 401, error: 'Unauthorized' }) });
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    await expect(fetchApi('/api/traces')).rejects.toMatchObject({ unauthorized: true });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    setUnauthorizedHandler(() => undefined);
  });

  it('sends a stored key as a bearer header', async () => {
    saveApiKey('k1', true);
    const api = fakeApi({ '/api/services': { total_services: 0, services: [] } });
    await fetchApi('/api/services');
    expect(api.calls[0]?.headers['Authorization']).toBe('Bearer k1');
    expect(api.calls[0]?.url).toBe('/api/services');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('connection refused')));
    await expect(fetchApi('/api/services')).rejects.toMatchObject({ status: 0 });
  });
});

describe('withQuery', () => {
  it('skips empty and false parameters and encodes the rest', () => {
    expect(withQuery('/api/traces', { page: 1, service: 'a b', has_races: false, q: '' })).toBe(
      '/api/traces?page=1&service=a+b',
    );
  });
});
