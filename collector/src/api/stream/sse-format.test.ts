import { describe, expect, it } from 'vitest';
import { sseComment, sseMessage } from './sse-format.js';

describe('SSE framing', () => {
  it('writes id, event and one line of JSON data, ended by a blank line', () => {
    const text = sseMessage({ id: 42, type: 'race', data: { variable: 'a\nb', count: 2 } });
    expect(text).toBe('id: 42\nevent: race\ndata: {"variable":"a\\nb","count":2}\n\n');
  });

  it('writes comments that EventSource ignores', () => {
    expect(sseComment('heartbeat')).toBe(': heartbeat\n\n');
  });
});
