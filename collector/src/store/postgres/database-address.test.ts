import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors/raceway-error.js';
import { parseDatabaseUrl } from './database-address.js';
import { tableNames } from './table-names.js';

describe('parseDatabaseUrl', () => {
  it('names the server and database without the credentials', () => {
    expect(parseDatabaseUrl('postgres://raceway:hunter2@db.internal/raceway').label).toBe(
      'db.internal:5432/raceway',
    );
    expect(parseDatabaseUrl('postgresql://u@127.0.0.1:6543/x?sslmode=require').label).toBe(
      '127.0.0.1:6543/x',
    );
  });

  it.each([
    ['text that is no URL', 'localhost:5432'],
    ['another scheme', 'mysql://root@127.0.0.1/test'],
    ['a URL without a host', 'postgres:///test'],
  ])('rejects %s as a config error on the database-url setting', (_name, url) => {
    expect(() => parseDatabaseUrl(url)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(url)).toThrow(/^database-url: /);
  });
});

describe('tableNames', () => {
  it('qualifies every table with the quoted schema, or leaves them to the search_path', () => {
    expect(tableNames('rw_test').events).toBe('"rw_test".raceway_events');
    expect(tableNames(undefined).traces).toBe('raceway_traces');
  });

  it('refuses a schema that is not a plain lower-case identifier', () => {
    expect(() => tableNames('x"; DROP TABLE y; --')).toThrow(ConfigError);
  });
});
