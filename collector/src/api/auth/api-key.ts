import { createHash, timingSafeEqual } from 'node:crypto';

/** The header and query forms a client may present a key in (DESIGN.md "API": security). */
export interface KeySources {
  authorization?: string | undefined;
  'x-raceway-api-key'?: string | undefined;
  'x-raceway-key'?: string | undefined;
  /** `?api_key=` */
  queryKey?: string | undefined;
}

/** The presented key, from the first form that carries one (`Bearer` is case-insensitive). */
export function presentedKey(sources: KeySources): string | undefined {
  const auth = sources.authorization?.trim();
  if (auth) {
    const m = /^bearer\s+(.+)$/i.exec(auth);
    if (m?.[1]?.trim()) return m[1].trim();
  }
  for (const value of [sources['x-raceway-api-key'], sources['x-raceway-key'], sources.queryKey]) {
    const v = value?.trim();
    if (v) return v;
  }
  return undefined;
}

/**
 * The configured API keys. Comparison is constant-time: keys are hashed to a fixed length first, so neither
 * the content nor the length of a valid key leaks through timing.
 */
export class KeyRing {
  private readonly digests: Buffer[];

  constructor(keys: readonly string[]) {
    this.digests = keys.filter((k) => k.length > 0).map(digest);
  }

  /** True when no key is configured: every request is authorised. */
  get open(): boolean {
    return this.digests.length === 0;
  }

  accepts(key: string | undefined): boolean {
    if (this.open) return true;
    if (key === undefined) return false;
    const candidate = digest(key);
    let ok = false;
    for (const d of this.digests) ok = timingSafeEqual(d, candidate) || ok;
    return ok;
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
