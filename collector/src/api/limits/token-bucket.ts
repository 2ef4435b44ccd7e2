export type TakeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * One token bucket per key: `capacity` requests at once, refilled at `capacity` per `periodMs`. Idle full
 * buckets are forgotten first when more than `maxKeys` are held, so memory stays bounded.
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
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.makeRoom(nowMs);
      bucket = { tokens: this.capacity, atMs: nowMs };
    } else {
      const elapsed = Math.max(0, nowMs - bucket.atMs);
      bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.perMs);
      bucket.atMs = nowMs;
      this.buckets.delete(key); // re-insert: the map's order is least recently used first
    }
    this.buckets.set(key, bucket);
    return bucket;
  }

  private makeRoom(nowMs: number): void {
    if (this.buckets.size < this.maxKeys) return;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (nowMs - b.atMs) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
    // Still full of active keys: drop the least recently used one.
    if (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
  }
}
