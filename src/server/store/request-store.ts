/**
 * The backend's memory: every request it created, for whom (a keyed hash of the person), what was
 * asked, and where it stands; and the idempotency keys that make two instances answering one key
 * create one Altinn request. One set of parameterised queries for PGlite and PostgreSQL alike.
 */
import {
  FINAL_STATUSES,
  type Navigation,
  type RequestKind,
  type RequestState,
  type RequestStatus,
  type RequestSubject,
} from '../schemas.js';
import { ownerDigest } from './digests.js';
import type { Engine } from './engine.js';
import { migrate } from './migrations.js';

/** A request as the store keeps it; the person appears only as the keyed hash, never returned. */
export interface RequestRecord {
  kind: RequestKind;
  /** The id the browser holds. */
  id: string;
  /** Altinn's id, where it differs from `id` (signed Altinn 3 ids). */
  altinnId?: string;
  /** The organisation: asked (access), or acting (system user). */
  organization?: string;
  /** What was asked for. */
  subject: RequestSubject;
  status: RequestStatus;
  /** Where the user acts in Altinn. */
  url?: string;
  navigation?: Navigation;
  validTo?: string;
  createdAt: string;
  /** When the status (or URL, or validity) last changed. */
  updatedAt: string;
  /** When the record was last read from Altinn. */
  refreshedAt: string;
}

/** What `insert` takes: the record without its times, which the store sets. */
export type NewRequest = Omit<RequestRecord, 'createdAt' | 'updatedAt' | 'refreshedAt'>;

/** What a refresh from Altinn may change. */
export interface RequestChange {
  status: RequestStatus;
  url?: string;
  validTo?: string;
}

/** Filters of a list, on what was asked (`subject`) and the organisation. */
export interface RequestFilter {
  resource?: string;
  package?: string;
  /** An Altinn 2 service code. */
  service?: string;
  org?: string;
  integration?: string;
  /** Access: only requests that name Altinn 2 services (`true`), or only those that do not. */
  services?: boolean;
}

export interface ListOptions extends RequestFilter {
  /** Default `all`. */
  state?: RequestState;
  /** 1 to 100, default 20. */
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
}

export interface RequestPage {
  items: RequestRecord[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

/** What claiming an idempotency key tells the caller to do. */
export type KeyClaim =
  /** Create the request in Altinn, then `completeKey` (or `releaseKey` on a definite failure). */
  | { outcome: 'claimed'; takenOver: boolean }
  /** Answered before: answer this request again. */
  | { outcome: 'done'; request: RequestRecord }
  /** Another call (on any instance) is creating it now: try again shortly. */
  | { outcome: 'busy' }
  /** The key was used with another body (answer 422 `idempotency-key-reused`). */
  | { outcome: 'reused' };

export interface StoreOptions {
  /**
   * The key of the HMAC that stands for a person (32+ characters). Keep it stable and secret: with a
   * new one, earlier requests no longer belong to anyone.
   */
  secret: string;
  /** Final requests are purged this many months after their last change (and once past `validTo`). Default 13. */
  retentionMonths?: number;
  /** Idempotency keys are forgotten after this many hours. Default 24. */
  keyRetentionHours?: number;
  /** A claimed key whose creation never finished may be taken over after this many seconds. Default 60. */
  claimTimeoutSeconds?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export interface RequestStore {
  /** Records a new request and answers it; `undefined` when one with this kind and id exists already (anyone's). */
  insert(person: string, request: NewRequest): Promise<RequestRecord | undefined>;
  /** The person's request, or `undefined` (also for another person's). */
  get(person: string, kind: RequestKind, id: string): Promise<RequestRecord | undefined>;
  /** The person's requests of one kind, newest first, a page at a time. */
  list(person: string, kind: RequestKind, options?: ListOptions): Promise<RequestPage>;
  /** The person's requests among `ids` (1 to 100), newest first; others are left out. */
  lookup(person: string, kind: RequestKind, ids: readonly string[]): Promise<RequestRecord[]>;
  /**
   * Claims the right to refresh the request from Altinn now: `true` for one caller per
   * `intervalSeconds` however many instances read it, `false` when refreshed recently, final, or not the person's.
   */
  claimRefresh(
    person: string,
    kind: RequestKind,
    id: string,
    intervalSeconds?: number,
  ): Promise<boolean>;
  /** Writes what Altinn said; `updatedAt` moves only when something changed. */
  update(
    person: string,
    kind: RequestKind,
    id: string,
    change: RequestChange,
  ): Promise<RequestRecord | undefined>;
  /** Claims an idempotency key for the person before calling Altinn (see `KeyClaim`). */
  claimKey(person: string, kind: RequestKind, key: string, bodyHash: string): Promise<KeyClaim>;
  /** Binds a claimed key to the request created under it. */
  completeKey(person: string, kind: RequestKind, key: string, requestId: string): Promise<void>;
  /** Frees a claimed key after a definite failure, so a retry may create the request. */
  releaseKey(person: string, kind: RequestKind, key: string): Promise<void>;
  /**
   * Gives up a claimed key whose creation may or may not have reached Altinn: the next claim takes
   * it over at once (`takenOver`), and looks for what this one created before creating again.
   */
  abandonKey(person: string, kind: RequestKind, key: string): Promise<void>;
  /** Deletes final requests past the retention period and old idempotency keys. */
  purge(): Promise<{ requests: number; keys: number }>;
  /**
   * Writes a status Altinn announced in a feed (whoever's the request is), only when the request
   * stands at one of `from`; `true` when it changed. Feeds carry no person, so this is not scoped to one.
   */
  settle(
    kind: RequestKind,
    id: string,
    status: RequestStatus,
    from: readonly RequestStatus[],
  ): Promise<boolean>;
  /** Where the reader of `feed` got to, if anywhere. */
  feedPosition(feed: string): Promise<string | undefined>;
  /** Remembers where the reader of `feed` got to. */
  saveFeedPosition(feed: string, position: string): Promise<void>;
  close(): Promise<void>;
}

/** A cursor that this store did not make (answer 400). */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this list gave.');
    this.name = 'InvalidCursorError';
  }
}

interface Row {
  kind: RequestKind;
  id: string;
  altinn_id: string | null;
  organization: string | null;
  subject: RequestSubject;
  status: RequestStatus;
  url: string | null;
  navigation: Navigation | null;
  valid_to: Date | null;
  created_at: Date;
  updated_at: Date;
  refreshed_at: Date;
  seq: string;
}

const COLUMNS = `kind, id, altinn_id, organization, subject, status, url, navigation, valid_to,
  created_at, updated_at, refreshed_at, seq::text as seq`;

const FINAL: string[] = [...FINAL_STATUSES];

function recordOf(row: Row): RequestRecord {
  return {
    kind: row.kind,
    id: row.id,
    ...(row.altinn_id !== null ? { altinnId: row.altinn_id } : {}),
    ...(row.organization !== null ? { organization: row.organization } : {}),
    subject: row.subject,
    status: row.status,
    ...(row.url !== null ? { url: row.url } : {}),
    ...(row.navigation !== null ? { navigation: row.navigation } : {}),
    ...(row.valid_to !== null ? { validTo: new Date(row.valid_to).toISOString() } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    refreshedAt: new Date(row.refreshed_at).toISOString(),
  };
}

// A cursor is the last item's (created_at, seq), opaque to the browser.
function encodeCursor(row: Row): string {
  const text = JSON.stringify([new Date(row.created_at).toISOString(), row.seq]);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      typeof parsed[1] === 'string' &&
      /^\d{1,18}$/.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw new InvalidCursorError();
}

/** The store over an engine; migrations run on first use. */
export function createRequestStore(engine: Engine, options: StoreOptions): RequestStore {
  if (typeof options.secret !== 'string' || options.secret.length < 32) {
    throw new TypeError('The store needs a secret of at least 32 characters.');
  }
  const ownerOf = ownerDigest(options.secret);
  const clock = options.now ?? Date.now;
  const now = () => new Date(clock());
  const retentionMonths = options.retentionMonths ?? 13;
  const keyRetentionHours = options.keyRetentionHours ?? 24;
  const claimTimeoutSeconds = options.claimTimeoutSeconds ?? 60;

  let migrated: Promise<void> | undefined;
  function ready(): Promise<void> {
    migrated ??= migrate(engine).catch((error: unknown) => {
      migrated = undefined; // the next call tries again
      throw error;
    });
    return migrated;
  }

  async function query<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    await ready();
    return engine.query<T>(sql, params);
  }

  async function get(person: string, kind: RequestKind, id: string) {
    const [row] = await query<Row>(
      `select ${COLUMNS} from altinn_requests where kind = $1 and id = $2 and owner = $3`,
      [kind, id, await ownerOf(person)],
    );
    return row && recordOf(row);
  }

  return {
    async insert(person, request) {
      const at = now();
      const [row] = await query<Row>(
        `insert into altinn_requests (kind, id, altinn_id, owner, organization, subject, status,
           url, navigation, valid_to, created_at, updated_at, refreshed_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $11, $12)
         on conflict (kind, id) do nothing
         returning ${COLUMNS}`,
        [
          request.kind,
          request.id,
          request.altinnId ?? null,
          await ownerOf(person),
          request.organization ?? null,
          JSON.stringify(request.subject),
          request.status,
          request.url ?? null,
          request.navigation ?? null,
          request.validTo ?? null,
          at,
          // Not refreshed yet: the first read after the user comes back from Altinn asks Altinn.
          new Date(0),
        ],
      );
      return row && recordOf(row);
    },

    get,

    async list(person, kind, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 100);
      const [after, afterSeq] = options.cursor ? decodeCursor(options.cursor) : [null, null];
      const rows = await query<Row>(
        `select ${COLUMNS} from altinn_requests
         where owner = $1 and kind = $2
           and ($3::text is null or subject ->> 'resource' = $3
                or subject -> 'rights' @> jsonb_build_array(jsonb_build_object('resource', $3::text)))
           and ($4::text is null or subject ->> 'package' = $4)
           and ($5::text is null
                or subject -> 'services' @> jsonb_build_array(jsonb_build_object('serviceCode', $5::text)))
           and ($6::text is null or organization = $6)
           and ($7::text is null or subject ->> 'integration' = $7)
           and ($13::boolean is null or (subject ? 'services') = $13)
           and case $8::text
                 when 'open' then status <> all($9::text[])
                 when 'final' then status = any($9::text[])
                 else true
               end
           and ($10::timestamptz is null or (created_at, seq) < ($10::timestamptz, $11::bigint))
         order by created_at desc, seq desc
         limit $12`,
        [
          await ownerOf(person),
          kind,
          options.resource ?? null,
          options.package ?? null,
          options.service ?? null,
          options.org ?? null,
          options.integration ?? null,
          options.state ?? 'all',
          FINAL,
          after,
          afterSeq,
          limit + 1,
          options.services ?? null,
        ],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(recordOf),
        ...(rows.length > limit && last ? { next: encodeCursor(last) } : {}),
      };
    },

    async lookup(person, kind, ids) {
      if (ids.length === 0) return [];
      if (ids.length > 100) throw new RangeError('At most 100 ids at once.');
      const rows = await query<Row>(
        `select ${COLUMNS} from altinn_requests
         where owner = $1 and kind = $2 and id = any($3::text[])
         order by created_at desc, seq desc`,
        [await ownerOf(person), kind, [...ids]],
      );
      return rows.map(recordOf);
    },

    async claimRefresh(person, kind, id, intervalSeconds = 5) {
      // One conditional update: of concurrent readers on any instance, one sees its row come back.
      const at = now();
      const rows = await query(
        `update altinn_requests set refreshed_at = $4
         where kind = $1 and id = $2 and owner = $3
           and refreshed_at <= $5 and status <> all($6::text[])
         returning id`,
        [
          kind,
          id,
          await ownerOf(person),
          at,
          new Date(at.getTime() - intervalSeconds * 1000),
          FINAL,
        ],
      );
      return rows.length === 1;
    },

    async update(person, kind, id, change) {
      const [row] = await query<Row>(
        `update altinn_requests set
           status = $4,
           url = coalesce($5, url),
           valid_to = coalesce($6::timestamptz, valid_to),
           updated_at = case
             when status is distinct from $4
               or url is distinct from coalesce($5, url)
               or valid_to is distinct from coalesce($6::timestamptz, valid_to)
             then $7 else updated_at end
         where kind = $1 and id = $2 and owner = $3
         returning ${COLUMNS}`,
        [
          kind,
          id,
          await ownerOf(person),
          change.status,
          change.url ?? null,
          change.validTo ?? null,
          now(),
        ],
      );
      return row && recordOf(row);
    },

    async claimKey(person, kind, key, bodyHash) {
      const owner = await ownerOf(person);
      const at = now();
      // The unique key (owner, kind, key) lets exactly one of concurrent claims insert.
      const inserted = await query(
        `insert into altinn_idempotency_keys (owner, kind, key, body_hash, claimed_at)
         values ($1, $2, $3, $4, $5)
         on conflict (owner, kind, key) do nothing
         returning key`,
        [owner, kind, key, bodyHash, at],
      );
      if (inserted.length === 1) return { outcome: 'claimed', takenOver: false };
      // A claim whose creation never finished (the instance died) goes to the first retry after the timeout.
      const takenOver = await query(
        `update altinn_idempotency_keys set claimed_at = $5
         where owner = $1 and kind = $2 and key = $3 and body_hash = $4
           and request_id is null and claimed_at <= $6
         returning key`,
        [owner, kind, key, bodyHash, at, new Date(at.getTime() - claimTimeoutSeconds * 1000)],
      );
      if (takenOver.length === 1) return { outcome: 'claimed', takenOver: true };
      const [kept] = await query<{ body_hash: string; request_id: string | null }>(
        `select body_hash, request_id from altinn_idempotency_keys
         where owner = $1 and kind = $2 and key = $3`,
        [owner, kind, key],
      );
      if (!kept) return this.claimKey(person, kind, key, bodyHash); // released meanwhile
      if (kept.body_hash !== bodyHash) return { outcome: 'reused' };
      if (kept.request_id === null) return { outcome: 'busy' };
      const request = await get(person, kind, kept.request_id);
      return request ? { outcome: 'done', request } : { outcome: 'busy' };
    },

    async completeKey(person, kind, key, requestId) {
      await query(
        `update altinn_idempotency_keys set request_id = $4
         where owner = $1 and kind = $2 and key = $3`,
        [await ownerOf(person), kind, key, requestId],
      );
    },

    async releaseKey(person, kind, key) {
      await query(
        `delete from altinn_idempotency_keys
         where owner = $1 and kind = $2 and key = $3 and request_id is null`,
        [await ownerOf(person), kind, key],
      );
    },

    async abandonKey(person, kind, key) {
      await query(
        `update altinn_idempotency_keys set claimed_at = $4
         where owner = $1 and kind = $2 and key = $3 and request_id is null`,
        // Just past the take-over time: taken over at once, yet kept as long as any key.
        [await ownerOf(person), kind, key, new Date(clock() - (claimTimeoutSeconds + 1) * 1000)],
      );
    },

    async purge() {
      const at = now();
      // Final, unchanged for the retention period, and no longer valid: nobody needs it any more.
      const requests = await query(
        `delete from altinn_requests
         where status = any($1::text[])
           and updated_at < $2::timestamptz - make_interval(months => $3::int)
           and (valid_to is null or valid_to < $2::timestamptz)
         returning id`,
        [FINAL, at, retentionMonths],
      );
      const keys = await query(
        `delete from altinn_idempotency_keys
         where claimed_at < $1::timestamptz - make_interval(hours => $2::int)
         returning key`,
        [at, keyRetentionHours],
      );
      return { requests: requests.length, keys: keys.length };
    },

    async settle(kind, id, status, from) {
      const rows = await query(
        `update altinn_requests set status = $3, updated_at = $5
         where kind = $1 and id = $2 and status = any($4::text[])
         returning id`,
        [kind, id, status, [...from], now()],
      );
      return rows.length > 0;
    },

    async feedPosition(feed) {
      const [row] = await query<{ position: string }>(
        'select position from altinn_feed_positions where feed = $1',
        [feed],
      );
      return row?.position;
    },

    async saveFeedPosition(feed, position) {
      await query(
        `insert into altinn_feed_positions (feed, position, updated_at) values ($1, $2, $3)
         on conflict (feed) do update set position = excluded.position, updated_at = excluded.updated_at`,
        [feed, position, now()],
      );
    },

    close: () => engine.close(),
  };
}
