import type { ParsedUrlQuery } from 'node:querystring';
import { ValidationError } from '../../errors/raceway-error.js';

/** The first value of a query parameter; an empty value counts as absent. */
export function queryString(query: ParsedUrlQuery, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A non-negative integer query parameter, 400 with the reason when it is something else. */
export function queryInteger(
  query: ParsedUrlQuery,
  name: string,
  fallback: number,
  limits: { min?: number; max?: number } = {},
): number {
  const text = queryString(query, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text))
    throw new ValidationError(`${name} must be a non-negative integer`, name);
  const value = Number(text);
  if (limits.min !== undefined && value < limits.min)
    throw new ValidationError(`${name} must be at least ${limits.min}`, name);
  if (limits.max !== undefined && value > limits.max)
    throw new ValidationError(`${name} must be at most ${limits.max}`, name);
  return value;
}

/** `true`/`1`/`yes` or `false`/`0`/`no`; absent → undefined. */
export function queryBoolean(query: ParsedUrlQuery, name: string): boolean | undefined {
  const text = queryString(query, name)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  throw new ValidationError(`${name} must be true or false`, name);
}
