/**
 * The little the store needs of a PostgreSQL driver, so one set of queries runs on both engines:
 * embedded PGlite and a PostgreSQL server through `pg`. Drivers are imported on first use, so the
 * server entry point stays importable in runtimes without them.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/** A connection: parameterised queries, and multi-statement SQL without parameters. */
export interface Session {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}

export interface Engine extends Session {
  /** Runs `work` on one connection of its own (for an advisory lock and a transaction). */
  exclusive<T>(work: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Exclusive work per PGlite instance, one after another: its single connection makes advisory locks
 * re-entrant, so two stores on one instance would otherwise migrate at the same time.
 */
const pgliteQueues = new WeakMap<PGlite, Promise<unknown>>();

export function pgliteEngine(database: Promise<PGlite>, owned: boolean): Engine {
  const session: Session = {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await (await database).query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await (await database).exec(sql);
    },
  };
  return {
    ...session,
    async exclusive<T>(work: (session: Session) => Promise<T>): Promise<T> {
      const pglite = await database;
      const previous = pgliteQueues.get(pglite) ?? Promise.resolve();
      const turn = previous.then(() => work(session));
      pgliteQueues.set(
        pglite,
        turn.catch(() => undefined),
      );
      return turn;
    },
    async close() {
      if (owned) await (await database).close();
    },
  };
}

function clientSession(client: Pool | PoolClient): Session {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export function pgEngine(pool: Promise<Pool>, owned: boolean): Engine {
  return {
    query: async (sql, params) => clientSession(await pool).query(sql, params),
    exec: async (sql) => clientSession(await pool).exec(sql),
    async exclusive(work) {
      const client = await (await pool).connect();
      try {
        return await work(clientSession(client));
      } finally {
        client.release();
      }
    },
    async close() {
      if (owned) await (await pool).end();
    },
  };
}
