import { describe, expect, it } from 'vitest';
import { Pauses } from './pauses.js';

describe('Pauses', () => {
  it('ends every pause in progress when woken, long before its time', async () => {
    const pauses = new Pauses();
    const ended: number[] = [];
    const waits = [1, 2].map((n) => pauses.pause(3_600_000).then(() => ended.push(n)));
    pauses.wakeAll();
    await Promise.all(waits);
    expect(ended.sort()).toEqual([1, 2]);
  });

  it('ends a pause by itself once its time is up', async () => {
    await expect(new Pauses().pause(1)).resolves.toBeUndefined();
  });
});
