import { describe, expect, it } from 'vitest';
import { contextLabel } from './context-label';

describe('contextLabel', () => {
  it.each([
    ['a7d0cd36-f704-4eaf-8c47-b2fc9e8b8dc9/banking-api#/thread-1', 'banking-api/thread-1'],
    ['a7d0cd36-f704-4eaf-8c47-b2fc9e8b8dc9/api#h1/req-1', 'api#h1/req-1'],
    ['web/worker-1', 'web/worker-1'],
  ])('shows %s as %s', (context, label) => {
    expect(contextLabel(context)).toBe(label);
  });
});
