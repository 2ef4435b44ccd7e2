/** Time source, injected so that stages stay testable (no hidden `Date.now()`). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
