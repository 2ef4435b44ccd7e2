import { StorageError } from '../errors/raceway-error.js';
import type { StoredEvent } from '../model/stored-event.js';
import { MemoryStore } from '../store/memory/memory-store.js';

/**
 * A memory store whose appends can be held back (a slow database) or made to fail (a lost connection),
 * to drive the pipeline into backpressure deterministically, without timing.
 */
export class GatedStore extends MemoryStore {
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private failures: Array<{ retryable: boolean }> = [];
  /** Appends running right now, and the most ever seen at once. */
  active = 0;
  maxActive = 0;
  appends = 0;

  /** Holds every append until {@link release}. */
  hold(): void {
    this.gate ??= new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
    this.open = undefined;
  }

  /** Every retention run throws (a broken database during clean-up). */
  failRetention = false;

  /** The next `count` appends throw a `StorageError` without storing anything. */
  failNext(count: number, retryable: boolean): void {
    for (let i = 0; i < count; i++) this.failures.push({ retryable });
  }

  override enforceRetention(
    ...args: Parameters<MemoryStore['enforceRetention']>
  ): ReturnType<MemoryStore['enforceRetention']> {
    if (this.failRetention) return Promise.reject(new StorageError('retention failed', true));
    return super.enforceRetention(...args);
  }

  override async append(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    this.appends++;
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.gate !== undefined) await this.gate;
      const failure = this.failures.shift();
      if (failure !== undefined) throw new StorageError('connection lost', failure.retryable);
      return await super.append(events);
    } finally {
      this.active--;
    }
  }
}
