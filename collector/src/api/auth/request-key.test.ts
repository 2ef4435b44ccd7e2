import Koa from 'koa';
import type { Context } from 'koa';
import { describe, expect, it } from 'vitest';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { requestKey } from './request-key.js';

/** A Koa context for a request with these headers and URL, as Koa builds it for a real request. */
function contextFor(url: string, headers: Record<string, string>): Context {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = 'GET';
  for (const [name, value] of Object.entries(headers)) req.headers[name.toLowerCase()] = value;
  return new Koa().createContext(req, new ServerResponse(req));
}

describe('requestKey', () => {
  it.each([
    ['Authorization: Bearer', '/', { Authorization: 'Bearer  k1 ' }, 'k1'],
    ['lower-case bearer', '/', { Authorization: 'bearer k1' }, 'k1'],
    ['X-Raceway-API-Key', '/', { 'X-Raceway-API-Key': 'k2' }, 'k2'],
    ['X-Raceway-Key', '/', { 'X-Raceway-Key': 'k3' }, 'k3'],
    ['?api_key=', '/api/stream?api_key=k4', {}, 'k4'],
    [
      'Bearer before the others',
      '/?api_key=q',
      { Authorization: 'Bearer a', 'X-Raceway-Key': 'b' },
      'a',
    ],
    [
      'a non-Bearer Authorization falls through',
      '/',
      { Authorization: 'Basic eDp5', 'X-Raceway-Key': 'b' },
      'b',
    ],
    ['nothing', '/', {}, undefined],
  ])('reads %s', (_label, url, headers, expected) => {
    expect(requestKey(contextFor(url, headers))).toBe(expected);
  });
});
