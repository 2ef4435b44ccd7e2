import { ConfigError } from '../../errors/raceway-error.js';

/** Schema-qualified, quoted table names, so SQL never depends on the session's `search_path`. */
export interface TableNames {
  /** Quoted schema, or undefined for the connection's default. */
  schema: string | undefined;
  events: string;
  traces: string;
  migrations: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Table names inside `schema`. Prefixed with `raceway_` so a shared `public` schema (or one left over
 * from the old Raceway server, whose `events` table has another shape) never collides.
 */
export function tableNames(schema: string | undefined): TableNames {
  if (schema !== undefined && !IDENTIFIER.test(schema)) {
    throw new ConfigError('database-schema', `"${schema}" is not a lower-case SQL identifier`);
  }
  const prefix = schema === undefined ? '' : `"${schema}".`;
  return {
    schema: schema === undefined ? undefined : `"${schema}"`,
    events: `${prefix}raceway_events`,
    traces: `${prefix}raceway_traces`,
    migrations: `${prefix}raceway_migrations`,
  };
}
