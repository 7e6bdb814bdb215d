/**
 * The request store's two factories: embedded PGlite (the default: in memory, or in a folder) and a
 * PostgreSQL server through `pg` (for several instances). Same schema, same queries.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { pgEngine, pgliteEngine } from './engine.js';
import { createRequestStore, type RequestStore, type StoreOptions } from './request-store.js';

export interface PgliteStoreOptions extends Partial<StoreOptions> {
  /** A folder for the data; in memory without one (lost when the process ends). */
  dataDir?: string;
  /** An instance of your own instead (then `close()` leaves it open). */
  pglite?: PGlite;
}

export type PostgresStoreOptions = StoreOptions &
  (
    | { /** e.g. `postgres://app:app@127.0.0.1:5432/app` */ connectionString: string }
    | { /** A pool of your own (then `close()` leaves it open). */ pool: Pool }
  );

function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * A store in embedded PostgreSQL (PGlite, WebAssembly): nothing to install. In memory without
 * `dataDir`; there a random `secret` is fine, as nothing outlives the process. With `dataDir`, give a
 * stable `secret`.
 */
export function pgliteStore(options: PgliteStoreOptions = {}): RequestStore {
  const { dataDir, pglite, ...storeOptions } = options;
  if (dataDir !== undefined && storeOptions.secret === undefined) {
    throw new TypeError('pgliteStore({ dataDir }) needs a stable secret (32+ characters).');
  }
  const database = pglite
    ? Promise.resolve(pglite)
    : import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create(dataDir));
  return createRequestStore(pgliteEngine(database, !pglite), {
    ...storeOptions,
    secret: storeOptions.secret ?? randomSecret(),
  });
}

/** A store on a PostgreSQL server, shared by every instance of the portal's backend. */
export function postgresStore(options: PostgresStoreOptions): RequestStore {
  const owned = 'connectionString' in options;
  const pool: Promise<Pool> = owned
    ? import('pg').then(({ default: pg }) => {
        const created = new pg.Pool({ connectionString: options.connectionString });
        // An idle connection that breaks must not end the process; the next query reports it.
        created.on('error', () => undefined);
        return created;
      })
    : Promise.resolve(options.pool);
  return createRequestStore(pgEngine(pool, owned), options);
}

export { bodyDigest } from './digests.js';
export {
  InvalidCursorError,
  type KeyClaim,
  type ListOptions,
  type NewRequest,
  type RequestChange,
  type RequestFilter,
  type RequestPage,
  type RequestRecord,
  type RequestStore,
  type StoreOptions,
} from './request-store.js';
