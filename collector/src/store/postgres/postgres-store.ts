import type { Store } from '../store.js';

export interface PostgresStoreOptions {
  url: string;
  /** Optional read replica for queries. */
  readUrl?: string | undefined;
  poolSize: number;
}

/** A {@link Store} on PostgreSQL. */
export function createPostgresStore(_options: PostgresStoreOptions): Store {
  throw new Error('postgres store not implemented yet');
}
