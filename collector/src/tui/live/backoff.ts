/**
 * Reconnection delay after `attempt` consecutive failures (1-based): doubles from `baseMs` up to `maxMs`,
 * with up to `jitter` (fraction) taken off so that many clients do not reconnect in lockstep.
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; jitter?: number; random?: () => number } = {},
): number {
  const { baseMs = 500, maxMs = 5_000, jitter = 0.2, random = Math.random } = options;
  const exponent = Math.max(0, attempt - 1);
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 20));
  return Math.round(raw * (1 - jitter * random()));
}
