import { ConfigError } from '../../errors/raceway-error.js';

/** The parsed database URL, and how to name it in messages without leaking credentials. */
export interface DatabaseAddress {
  url: URL;
  /** `host:port/database`, never the user or password. */
  label: string;
}

/** Parses a `postgres://` URL; a `ConfigError` naming `key` when it is not one. */
export function parseDatabaseUrl(text: string, key = 'database-url'): DatabaseAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(key, 'not a URL (expected postgres://user@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(key, `unsupported scheme ${url.protocol} (expected postgres://)`);
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new ConfigError(key, 'the URL names no host');
  }
  const port = url.port === '' ? '5432' : url.port;
  const database = decodeURIComponent(url.pathname.slice(1)) || '(default database)';
  return { url, label: `${url.hostname}:${port}/${database}` };
}
