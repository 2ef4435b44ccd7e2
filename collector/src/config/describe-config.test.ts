import { describe, expect, it } from 'vitest';
import { maskUrl } from './describe-config.js';

describe('maskUrl', () => {
  it.each([
    ['postgres://raceway:secret@db:5432/raceway', 'postgres://raceway:***@db:5432/raceway'],
    ['postgres://:secret@db/raceway', 'postgres://:***@db/raceway'],
    [
      'postgres://bob@db:5432/x?sslmode=require&password=secret&sslpassword=secret',
      'postgres://bob@db:5432/x?sslmode=require&password=***&sslpassword=***',
    ],
    ['amqp://guest:secret@mq:5672', 'amqp://guest:***@mq:5672'],
    ['nats://raceway:secret@nats:4222', 'nats://raceway:***@nats:4222'],
    ['nats://secret@nats:4222', 'nats://***@nats:4222'],
    ['postgres://db/raceway', 'postgres://db/raceway'],
  ])('masks every password in %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
    expect(maskUrl(url)).not.toContain('secret');
  });
});
