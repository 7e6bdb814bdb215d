/**
 * The store's schema, as numbered migrations. They run on first use, inside an advisory lock, so
 * several instances starting at once on one PostgreSQL apply each exactly once. Append new ones;
 * never edit one that has shipped.
 */
import type { Engine } from './engine.js';

/** Any constant: the advisory lock key all instances agree on ("altinn-r" in ASCII). */
const MIGRATION_LOCK = 0x616c74696e6e2d72n;

export const MIGRATIONS: readonly string[] = [
  `
  create table altinn_requests (
    kind text not null check (kind in ('consent', 'access', 'system-user')),
    id text not null,
    -- Altinn's own id where the browser's differs (signed Altinn 3 ids).
    altinn_id text,
    -- HMAC-SHA256 of the person's national identity number: enough to list and to check
    -- ownership, and the number itself is never stored.
    owner text not null,
    organization text,
    subject jsonb not null,
    status text not null,
    url text,
    navigation text,
    valid_to timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    refreshed_at timestamptz not null,
    -- Breaks ties of created_at, so a list cursor is a total order.
    seq bigint generated always as identity,
    primary key (kind, id)
  );
  create index altinn_requests_by_owner
    on altinn_requests (owner, kind, created_at desc, seq desc);
  create index altinn_requests_for_purge on altinn_requests (updated_at);

  create table altinn_idempotency_keys (
    owner text not null,
    kind text not null,
    key text not null,
    body_hash text not null,
    -- Null while an instance is creating the request in Altinn.
    request_id text,
    claimed_at timestamptz not null,
    primary key (owner, kind, key)
  );
  create index altinn_idempotency_keys_by_age on altinn_idempotency_keys (claimed_at);
  `,
  `
  -- Where a reader of an Altinn feed got to (the consent events' continuation token), so that a
  -- restarted instance, or another one, goes on from there.
  create table altinn_feed_positions (
    feed text primary key,
    position text not null,
    updated_at timestamptz not null
  );
  `,
];

/** Brings the schema up to date; safe when several instances do it at once. */
export async function migrate(engine: Engine): Promise<void> {
  await engine.exclusive(async (session) => {
    await session.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK.toString()]);
    try {
      await session.exec(`create table if not exists altinn_store_migrations (
        version integer primary key,
        applied_at timestamptz not null default now()
      )`);
      const [applied] = await session.query<{ version: number | null }>(
        'select max(version) as version from altinn_store_migrations',
      );
      for (let version = (applied?.version ?? 0) + 1; version <= MIGRATIONS.length; version++) {
        await session.exec('begin');
        try {
          await session.exec(MIGRATIONS[version - 1] ?? '');
          await session.query('insert into altinn_store_migrations (version) values ($1)', [
            version,
          ]);
          await session.exec('commit');
        } catch (error) {
          await session.exec('rollback');
          throw error;
        }
      }
    } finally {
      await session.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK.toString()]);
    }
  });
}
