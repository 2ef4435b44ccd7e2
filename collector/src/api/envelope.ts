/** The response envelope of every JSON route (spec §3.1): `data` and `error` are always present. */
export interface Envelope<T> {
  success: boolean;
  data: T | null;
  error: string | null;
}

export function ok<T>(data: T): Envelope<T> {
  return { success: true, data, error: null };
}

/** A failure envelope; `extra` adds fields next to the three (old clients ignore them). */
export function failure(
  message: string,
  extra: Record<string, unknown> = {},
): Envelope<null> & Record<string, unknown> {
  return { success: false, data: null, error: message, ...extra };
}
