import { describe, expect, it } from 'vitest';
import { inBatches } from './in-batches';

describe('inBatches', () => {
  it('runs at most `size` at once, in order, and reports failures per item', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await inBatches([1, 2, 3, 4, 5, 6, 7], 5, async (n) => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 6) throw new Error('gone');
      return n * 10;
    });
    expect(peak).toBe(5);
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      10,
      20,
      30,
      40,
      50,
      'failed',
      70,
    ]);
  });
});
