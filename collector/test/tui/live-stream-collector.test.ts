import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/cli/commands/api-client.js';
import type { LiveMessage } from '../../src/tui/live/live-stream.js';
import { LiveStream } from '../../src/tui/live/live-stream.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import { BANKING_TRACE, bankingRaceBatch, postEvents } from './banking-race-events.js';

let collector: TestCollector;
beforeAll(async () => {
  collector = await startTestCollector({ apiKeys: ['k'] });
});
afterAll(() => collector.close());

describe('live stream against a real collector', () => {
  it('receives the new trace and its races as they are ingested', async () => {
    const messages: LiveMessage[] = [];
    let live!: () => void;
    const connected = new Promise<void>((resolve) => (live = resolve));
    const stream = new LiveStream({
      client: new ApiClient({ server: collector.url, apiKey: 'k' }),
      onMessage: (m) => messages.push(m),
      onState: (s) => {
        if (s.kind === 'live') live();
      },
    });
    stream.start();
    try {
      await connected;
      await postEvents(collector.url, bankingRaceBatch(), 'k');
      for (let i = 0; i < 200 && !messages.some((m) => m.type === 'race'); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(messages).toContainEqual(
        expect.objectContaining({
          type: 'trace',
          data: expect.objectContaining({ trace_id: BANKING_TRACE }),
        }),
      );
      expect(messages).toContainEqual(
        expect.objectContaining({
          type: 'race',
          data: expect.objectContaining({ trace_id: BANKING_TRACE, variable: 'alice.balance' }),
        }),
      );
    } finally {
      stream.stop();
    }
  });
});
