import { InvalidArgumentError } from 'commander';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** `--server` and `--api-key` as commander parsed them. */
export interface ConnectionFlags {
  server?: string | undefined;
  apiKey?: string | undefined;
}

export interface Connection {
  server: string;
  apiKey: string | undefined;
}

/**
 * Flags win over the environment (`RACEWAY_URL`, `RACEWAY_API_KEY`), which wins over the default
 * `http://127.0.0.1:8080`.
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string | undefined>>,
): Connection {
  const server = flags.server?.trim() || env.RACEWAY_URL?.trim() || DEFAULT_SERVER;
  const apiKey = flags.apiKey?.trim() || env.RACEWAY_API_KEY?.trim() || undefined;
  return { server: checkServerUrl(server), apiKey };
}

/** A usable http(s) base URL, or a usage error naming the bad value. */
export function checkServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`not a URL: ${value} (expected e.g. ${DEFAULT_SERVER})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`not an http(s) URL: ${value}`);
  }
  return value.replace(/\/+$/, '');
}

/** Commander parser for positive integer options (`--page 2`). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  }
  return n;
}
