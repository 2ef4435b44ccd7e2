export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * One token bucket per key: `capacity` requests at once, refilled at `capacity` per `periodMs`. At most
 * `maxKeys` buckets are held (idle full ones are forgotten first), so memory stays bounded.
 */
export class TokenBucket {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly capacity: number,
    periodMs: number,
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = capacity / periodMs;
  }

  take(key: string, nowMs: number): TakeResult {
    const bucket = this.refilled(key, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.perMs) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, nowMs: number): Bucket {
    const bucket = this.buckets.get(key);
    if (bucket !== undefined) {
      const elapsed = Math.max(0, nowMs - bucket.atMs);
      bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.perMs);
      bucket.atMs = nowMs;
      return bucket;
    }
    this.makeRoom(nowMs);
    const fresh = { tokens: this.capacity, atMs: nowMs };
    this.buckets.set(key, fresh);
    return fresh;
  }

  private makeRoom(nowMs: number): void {
    if (this.buckets.size < this.maxKeys) return;
    let fullest: string | undefined;
    let most = -1;
    for (const [key, b] of this.buckets) {
      const tokens = b.tokens + (nowMs - b.atMs) * this.perMs;
      if (tokens >= this.capacity) this.buckets.delete(key);
      else if (tokens > most) [fullest, most] = [key, tokens];
    }
    // Still full of active keys: forget the one with the most budget left, never an exhausted one
    // (a client must not escape its limit by making others push it out).
    if (this.buckets.size >= this.maxKeys && fullest !== undefined) this.buckets.delete(fullest);
  }
}
