import { describe, expect, it } from 'vitest';
import { natsServer } from './nats-url.js';

describe('natsServer', () => {
  it.each([
    ['nats://127.0.0.1:4222', { servers: '127.0.0.1:4222' }],
    ['nats://nats.observability', { servers: 'nats.observability:4222' }],
    [
      'nats://raceway:s%40cret@nats:4222',
      { servers: 'nats:4222', user: 'raceway', pass: 's@cret' },
    ],
    ['nats://t0ken@nats:4222', { servers: 'nats:4222', token: 't0ken' }],
    ['nats://[::1]:4223', { servers: '[::1]:4223' }],
  ])('reads %s', (url, server) => {
    expect(natsServer(url)).toEqual(server);
  });

  it('refuses a URL of another broker', () => {
    expect(() => natsServer('amqp://guest:guest@rabbitmq:5672')).toThrow('not a nats:// URL');
  });
});
