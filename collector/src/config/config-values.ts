/**
 * Parsers for configuration values as they come from TOML (typed), env and flags (text). Each returns
 * the value or a message saying what was expected; the caller names the key.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (expected: string): Parsed<never> => ({ ok: false, expected });

export function parseInteger(raw: unknown, min: number, max: number): Parsed<number> {
  const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
    return fail(`an integer from ${min} to ${max}`);
  return ok(n);
}

export function parseBoolean(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'string') {
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return ok(true);
    if (['false', '0', 'no', 'off'].includes(v)) return ok(false);
  }
  return fail('true or false');
}

export function parseText(raw: unknown): Parsed<string> {
  return typeof raw === 'string' && raw.trim() !== '' ? ok(raw.trim()) : fail('a non-empty string');
}

/** A list: TOML array, repeated flag, or comma-separated env text. */
export function parseList(raw: unknown): Parsed<string[]> {
  const items = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(items) || items.some((i) => typeof i !== 'string'))
    return fail('a list of strings');
  return ok((items as string[]).map((i) => i.trim()).filter((i) => i !== ''));
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `10485760`, `10MiB`, `512 mb`, `1GiB`; 0 where allowed means "no limit". */
export function parseBytes(raw: unknown): Parsed<number> {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return ok(raw);
  const m = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw) : null;
  const unit = m ? BYTE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return fail('a size such as 10485760, 10MiB or 1GB');
  return ok(Math.round(Number(m[1]) * unit));
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `250ms`, `30s`, `15m`, `24h`, `7d`, or a number of milliseconds. */
export function parseDuration(raw: unknown): Parsed<number> {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return ok(raw);
  const m = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(raw) : null;
  if (!m) return fail('a duration such as 500ms, 30s, 24h or 7d');
  return ok(Math.round(Number(m[1]) * DURATION_UNITS[(m[2] ?? 'ms').toLowerCase()]!));
}

export function parseChoice<T extends string>(raw: unknown, choices: readonly T[]): Parsed<T> {
  const v = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  return choices.includes(v as T) ? ok(v as T) : fail(`one of ${choices.join(', ')}`);
}
