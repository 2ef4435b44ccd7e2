/**
 * Waits that a shutdown can cut short: `pause(ms)` resolves after `ms`, or at once when `wakeAll` is
 * called (a stopping consumer must not sit out a retry delay).
 */
export class Pauses {
  private readonly wakers = new Set<() => void>();

  pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakers.add(wake);
    });
  }

  /** Ends every pause in progress. */
  wakeAll(): void {
    for (const wake of this.wakers) wake();
  }
}
