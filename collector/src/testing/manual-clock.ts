import type { Clock } from '../model/clock.js';

/** A clock that moves only when told to, for retention and pacing tests. */
export class ManualClock implements Clock {
  constructor(private ms = Date.UTC(2026, 10, 24, 16, 53, 29)) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
