import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser.js';

describe('SSE parser', () => {
  it('parses id, event type and data, and remembers the last id for a resume', () => {
    const parser = new SseParser();
    const messages = parser.feed('id: 7\nevent: race\ndata: {"trace_id":"t"}\n\n');
    expect(messages).toEqual([{ id: '7', event: 'race', data: '{"trace_id":"t"}' }]);
    expect(parser.lastEventId).toBe('7');
  });

  it('assembles messages split across chunks, including a CRLF split in two', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 1\r')).toEqual([]);
    expect(parser.feed('\nevent: trace\r\nda')).toEqual([]);
    expect(parser.feed('ta: {}\r\n\r\n')).toEqual([{ id: '1', event: 'trace', data: '{}' }]);
  });

  it('ignores comments (heartbeats), keeps retry, and joins multi-line data', () => {
    const parser = new SseParser();
    const messages = parser.feed(': heartbeat\n\nretry: 3000\ndata: a\ndata: b\n\n');
    expect(messages).toEqual([{ id: undefined, event: 'message', data: 'a\nb' }]);
    expect(parser.retryMs).toBe(3000);
  });
});
