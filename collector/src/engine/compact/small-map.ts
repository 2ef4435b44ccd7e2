/** Keys searched linearly; past this many a hash index is added. */
const LINEAR_MAX = 16;

/**
 * A map for the handful of keys one trace usually has (its services, variables, event types): keys and
 * values alternate in one array of exactly the needed length, searched linearly. A `Map`, or an array
 * grown by `push` (which reserves 16 spare slots), costs ~200 bytes even with one entry; tens of
 * thousands of traces each holding several made them a large share of the engine's memory and of the
 * garbage collector's work. A trace with many keys gets a real index, so lookups never turn quadratic.
 * Insertion order is kept, as in `Map`; there is no delete (per-trace state is dropped whole).
 */
export class SmallMap<K, V> implements ReadonlyMap<K, V> {
  /**
   * `[k0, v0, k1, v1, ...]`: while small, replaced by a copy one pair longer on every new key; once
   * indexed, grown in place (a copy per key would make filling a big map quadratic).
   */
  private kv: unknown[] = [];
  private index: Map<K, number> | undefined;

  get size(): number {
    return this.kv.length / 2;
  }

  /** Position of the key's slot in `kv`, or -1. */
  private slotOf(key: K): number {
    if (this.index) return this.index.get(key) ?? -1;
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) if (kv[i] === key) return i;
    return -1;
  }

  private append(key: K, value: V): void {
    if (this.index) {
      this.index.set(key, this.kv.length);
      this.kv.push(key, value);
      return;
    }
    // concat allocates the exact length; the old array dies young.
    this.kv = this.kv.concat([key, value]);
    if (this.size > LINEAR_MAX) this.index = new Map([...this.keys()].map((k, i) => [k, 2 * i]));
  }

  get(key: K): V | undefined {
    const slot = this.slotOf(key);
    return slot < 0 ? undefined : (this.kv[slot + 1] as V);
  }

  has(key: K): boolean {
    return this.slotOf(key) >= 0;
  }

  set(key: K, value: V): this {
    const slot = this.slotOf(key);
    if (slot < 0) this.append(key, value);
    else this.kv[slot + 1] = value;
    return this;
  }

  /** The value under `key`, created by `make` when missing. */
  upsert(key: K, make: () => V): V {
    const slot = this.slotOf(key);
    if (slot >= 0) return this.kv[slot + 1] as V;
    const value = make();
    this.append(key, value);
    return value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  *entries(): MapIterator<[K, V]> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield [kv[i] as K, kv[i + 1] as V];
  }

  *keys(): MapIterator<K> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield kv[i] as K;
  }

  *values(): MapIterator<V> {
    const kv = this.kv;
    for (let i = 0; i < kv.length; i += 2) yield kv[i + 1] as V;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
