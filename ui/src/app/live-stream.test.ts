import { describe, expect, it } from 'vitest';
import { streamUrl } from './live-stream';

describe('streamUrl', () => {
  it('puts the key in the query only because EventSource cannot send headers', () => {
    expect(streamUrl(null)).toBe('/api/stream');
    expect(streamUrl('a&b')).toBe('/api/stream?api_key=a%26b');
  });
});
