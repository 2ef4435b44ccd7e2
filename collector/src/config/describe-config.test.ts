import { describe, expect, it } from 'vitest';
import { defaultConfig } from './raceway-config.js';
import { describeConfig, maskUrl } from './describe-config.js';
import type { EffectiveSettings } from './describe-config.js';

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

describe('describeConfig', () => {
  const row = (effective: EffectiveSettings, key: string) =>
    describeConfig(defaultConfig(), effective)
      .find((line) => line.startsWith(`${key} `))
      ?.replace(/ +/, ' ');

  it('shows the replica id this process took, not a placeholder', () => {
    const effective = { replicaId: 'vm-4242', uiDir: undefined, uiBuilt: false };
    expect(row(effective, 'replica-id')).toBe('replica-id vm-4242');
  });

  it.each([
    [{ uiDir: '/srv/raceway/ui/dist', uiBuilt: true }, 'ui-dir /srv/raceway/ui/dist'],
    [
      { uiDir: '/srv/empty', uiBuilt: false },
      'ui-dir /srv/empty (no index.html there: no dashboard)',
    ],
    [
      { uiDir: undefined, uiBuilt: false },
      'ui-dir not built (no dashboard; npm run build --workspace ui)',
    ],
  ])('says where the dashboard is served from: %j', (ui, line) => {
    expect(row({ replicaId: 'r', ...ui }, 'ui-dir')).toBe(line);
  });
});
