/**
 * The request store, one suite run against embedded PGlite and, when DATABASE_URL names one, a
 * PostgreSQL server (where two stores stand for two instances of the backend). PGlite starts slowly:
 * one instance (in a temporary folder, so that a restart can be tried) serves the whole file, and
 * tables are emptied between tests.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import {
  bodyDigest,
  InvalidCursorError,
  pgliteStore,
  postgresStore,
  type NewRequest,
  type RequestRecord,
  type RequestStore,
  type StoreOptions,
} from '../../src/server/store/index.js';
import { MIGRATIONS } from '../../src/server/store/migrations.js';
import { assertMatchesContract } from './openapi.js';

const PERSON = '21818297804';
const OTHER_PERSON = '12859040150';
const BANK = '991825827';
const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const START = Date.parse('2026-12-01T12:00:00.000Z');
const MONTH = 31 * 24 * 60 * 60 * 1000;

/** What a suite needs of an engine: stores on one database, raw SQL, and a reset. */
interface Harness {
  /** A store, as one instance of the backend would open it. */
  open(options?: Partial<StoreOptions>): RequestStore;
  sql<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Stops the database's users and opens a store anew, as a restarted backend would. */
  restart(options: StoreOptions): Promise<RequestStore>;
  close(): Promise<void>;
}

function accessRequest(id: string, extra: Partial<NewRequest> = {}): NewRequest {
  return {
    kind: 'access',
    id,
    organization: BANK,
    subject: { resource: 'lonn-modul', org: BANK },
    status: 'created',
    url: `https://am.ui.tt02.altinn.no/accessmanagement/ui/requests/resource?requestId=${id}`,
    navigation: 'new-window',
    ...extra,
  };
}

function storeSuite(engine: string, start: () => Promise<Harness>): void {
  describe(`request store on ${engine}`, () => {
    let harness: Harness;
    let now = START;
    const stores: RequestStore[] = [];
    /** A store on the shared database, with the test's clock; closed at the end. */
    const open = (options: Partial<StoreOptions> = {}): RequestStore => {
      const store = harness.open({ secret: SECRET, now: () => now, ...options });
      stores.push(store);
      return store;
    };
    const ids = (records: RequestRecord[]) => records.map((record) => record.id);

    before(async () => {
      harness = await start();
    });
    after(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await harness?.close();
    });
    beforeEach(async () => {
      now = START;
      const [tables] = await harness.sql<{ present: boolean }>(
        "select to_regclass('altinn_requests') is not null as present",
      );
      if (tables?.present) {
        await harness.sql('truncate altinn_requests, altinn_idempotency_keys');
      }
    });

    it('migrates once when several instances start at once, and again never', async () => {
      const instances = [open(), open(), open(), open()];
      const first = await Promise.all(
        instances.map((store, index) => store.insert(PERSON, accessRequest(`first-${index}`))),
      );
      assert.deepEqual(
        first.map((record) => record?.id),
        ['first-0', 'first-1', 'first-2', 'first-3'],
      );
      const versions = await harness.sql<{ version: number }>(
        'select version from altinn_store_migrations order by version',
      );
      assert.deepEqual(
        versions.map((row) => row.version),
        MIGRATIONS.map((_, index) => index + 1),
      );
      // A later instance finds the schema in place.
      assert.equal((await open().get(PERSON, 'access', 'first-0'))?.status, 'created');
    });

    it('keeps the person as a keyed hash, never the identity number', async () => {
      const store = open();
      await store.insert(PERSON, accessRequest('a-1'));
      const rows = await harness.sql<{ owner: string; everything: string }>(
        'select owner, row_to_json(r)::text as everything from altinn_requests r',
      );
      assert.equal(rows.length, 1);
      assert.doesNotMatch(rows[0]?.everything ?? '', new RegExp(PERSON));
      assert.match(rows[0]?.owner ?? '', /^[0-9a-f]{64}$/);
      // Another secret makes another hash: the record is no longer anyone's.
      const otherSecret = open({ secret: 'another-secret-of-at-least-thirty-two-chars' });
      assert.equal(await otherSecret.get(PERSON, 'access', 'a-1'), undefined);
    });

    it('answers a request only to the person it was made for', async () => {
      const store = open();
      now = START + 1000;
      assert.equal(
        (await store.insert(PERSON, accessRequest('a-1', { validTo: '2027-06-30T23:59:59+02:00' })))
          ?.id,
        'a-1',
      );
      const record = await store.get(PERSON, 'access', 'a-1');
      assert.deepEqual(record, {
        kind: 'access',
        id: 'a-1',
        organization: BANK,
        subject: { resource: 'lonn-modul', org: BANK },
        status: 'created',
        url: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/requests/resource?requestId=a-1',
        navigation: 'new-window',
        validTo: '2027-06-30T21:59:59.000Z',
        createdAt: '2026-12-01T12:00:01.000Z',
        updatedAt: '2026-12-01T12:00:01.000Z',
        // Not read from Altinn since it was created: the first read after the user's return asks.
        refreshedAt: '1970-01-01T00:00:00.000Z',
      });
      assert.equal(await store.get(OTHER_PERSON, 'access', 'a-1'), undefined);
      assert.equal(await store.get(PERSON, 'consent', 'a-1'), undefined, 'kinds are apart');
      // What the store keeps is what the view promises.
      const view = Object.fromEntries(
        Object.entries(record ?? {}).filter(
          ([field]) => !['altinnId', 'organization', 'refreshedAt'].includes(field),
        ),
      );
      await assertMatchesContract('get', '/access-requests/{id}', 200, view);
    });

    it('keeps one record per id: a repeat or another person’s same id is refused', async () => {
      const consentId = '6f0c3a52-1d7e-4a8b-9c2d-3e4f5a6b7c8d';
      const consent: NewRequest = {
        kind: 'consent',
        id: consentId,
        subject: { rights: [{ resource: 'standard-samtykke-for-dele-data' }] },
        status: 'created',
      };
      const [a, b] = [open(), open()];
      assert.equal((await a.insert(PERSON, consent))?.id, consent.id);
      assert.equal(await b.insert(PERSON, consent), undefined);
      assert.equal(await b.insert(OTHER_PERSON, consent), undefined);
      assert.equal(await b.get(OTHER_PERSON, 'consent', consentId), undefined);
      assert.equal((await b.get(PERSON, 'consent', consentId))?.id, consentId);
    });

    it('lists the person’s requests newest first, filtered by what was asked and by state', async () => {
      const store = open();
      const requests: [string, NewRequest][] = [
        [PERSON, accessRequest('resource-open')],
        [PERSON, accessRequest('resource-final', { status: 'rejected' })],
        [PERSON, accessRequest('package', { subject: { package: 'regnskapsforer', org: BANK } })],
        [
          PERSON,
          accessRequest('service', {
            subject: { services: [{ serviceCode: '4751', serviceEditionCode: 1 }] },
            organization: '974760673',
          }),
        ],
        [OTHER_PERSON, accessRequest('someone-else')],
        [
          PERSON,
          {
            kind: 'consent',
            id: 'consent-1',
            subject: { rights: [{ resource: 'lonn-modul' }, { resource: 'skatt' }] },
            status: 'accepted',
          },
        ],
        [
          PERSON,
          {
            kind: 'system-user',
            id: 'system-user-1',
            organization: BANK,
            subject: { integration: 'payroll' },
            status: 'created',
          },
        ],
      ];
      for (const [person, request] of requests) {
        now += 1000;
        await store.insert(person, request);
      }

      const all = await store.list(PERSON, 'access');
      assert.deepEqual(ids(all.items), ['service', 'package', 'resource-final', 'resource-open']);
      assert.equal(all.next, undefined);
      assert.deepEqual(
        ids((await store.list(PERSON, 'access', { resource: 'lonn-modul' })).items),
        ['resource-final', 'resource-open'],
      );
      assert.deepEqual(
        ids((await store.list(PERSON, 'access', { resource: 'lonn-modul', state: 'open' })).items),
        ['resource-open'],
      );
      assert.deepEqual(ids((await store.list(PERSON, 'access', { state: 'final' })).items), [
        'resource-final',
      ]);
      assert.deepEqual(
        ids((await store.list(PERSON, 'access', { package: 'regnskapsforer' })).items),
        ['package'],
      );
      assert.deepEqual(ids((await store.list(PERSON, 'access', { service: '4751' })).items), [
        'service',
      ]);
      assert.deepEqual(ids((await store.list(PERSON, 'access', { org: '974760673' })).items), [
        'service',
      ]);
      // A consent is found by any of its rights' resources.
      assert.deepEqual(ids((await store.list(PERSON, 'consent', { resource: 'skatt' })).items), [
        'consent-1',
      ]);
      assert.deepEqual(
        ids((await store.list(PERSON, 'system-user', { integration: 'payroll' })).items),
        ['system-user-1'],
      );
      assert.deepEqual(ids((await store.list(OTHER_PERSON, 'access')).items), ['someone-else']);
      assert.deepEqual((await store.list(PERSON, 'access', { resource: 'nothing' })).items, []);
    });

    it('pages a list with a cursor that stays right while requests are added', async () => {
      const [a, b] = [open(), open()];
      const created: string[] = [];
      for (let index = 0; index < 25; index++) {
        // Several share a creation time: the order must still be total.
        now = START + Math.floor(index / 3) * 1000;
        const id = `request-${String(index).padStart(2, '0')}`;
        await a.insert(PERSON, accessRequest(id));
        created.push(id);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await b.list(PERSON, 'access', { limit: 10, ...(cursor ? { cursor } : {}) });
        seen.push(...ids(page.items));
        cursor = page.next;
        pages++;
        // New requests while the person reads the list land on its first page, not in the middle.
        now += 60_000;
        await a.insert(PERSON, accessRequest(`added-after-page-${pages}`));
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, created.reverse());
      await assert.rejects(
        b.list(PERSON, 'access', { cursor: 'not-a-cursor' }),
        InvalidCursorError,
      );
      await assert.rejects(
        b.list(PERSON, 'access', { cursor: btoa('["2026-12-01T12:00:00Z","1; drop"]') }),
        InvalidCursorError,
      );
    });

    it('looks up only the person’s own requests among the ids', async () => {
      const store = open();
      await store.insert(PERSON, accessRequest('mine-1'));
      now += 1000;
      await store.insert(PERSON, accessRequest('mine-2'));
      await store.insert(OTHER_PERSON, accessRequest('theirs'));
      const found = await store.lookup(PERSON, 'access', ['mine-1', 'theirs', 'unknown', 'mine-2']);
      assert.deepEqual(ids(found), ['mine-2', 'mine-1']);
      assert.deepEqual(await store.lookup(PERSON, 'consent', ['mine-1']), []);
      const hundred = Array.from({ length: 100 }, (_, index) => `id-${index}`);
      assert.deepEqual(await store.lookup(PERSON, 'access', hundred), []);
      await assert.rejects(store.lookup(PERSON, 'access', [...hundred, 'one-more']), RangeError);
    });

    it('lets one reader refresh a request from Altinn per window, however many read it', async () => {
      const [a, b] = [open(), open()];
      await a.insert(PERSON, accessRequest('polled'));
      const claimAll = () =>
        Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            (index % 2 ? a : b).claimRefresh(PERSON, 'access', 'polled', 5),
          ),
        );
      const count = (claims: boolean[]) => claims.filter(Boolean).length;
      // Just created: the first readers refresh it, one of them.
      assert.equal(count(await claimAll()), 1);
      now += 4000;
      assert.equal(count(await claimAll()), 0);
      now += 1000;
      assert.equal(count(await claimAll()), 1);
      now += 4000;
      assert.equal(count(await claimAll()), 0);
      now += 1000;
      assert.equal(count(await claimAll()), 1);
      assert.equal(await a.claimRefresh(OTHER_PERSON, 'access', 'polled', 0), false);

      // Unchanged: updatedAt stays; changed: it moves.
      const unchanged = await a.update(PERSON, 'access', 'polled', { status: 'created' });
      assert.equal(unchanged?.updatedAt, new Date(START).toISOString());
      now += 1000;
      const pending = await b.update(PERSON, 'access', 'polled', { status: 'pending' });
      assert.equal(pending?.status, 'pending');
      assert.equal(pending?.updatedAt, new Date(now).toISOString());
      assert.equal(pending?.url, accessRequest('polled').url, 'the URL is kept');
      assert.equal(
        await b.update(OTHER_PERSON, 'access', 'polled', { status: 'accepted' }),
        undefined,
      );

      // A final request is served from the record: nobody refreshes it.
      await a.update(PERSON, 'access', 'polled', { status: 'accepted' });
      now += 60_000;
      assert.equal(count(await claimAll()), 0);
    });

    it('lets exactly one of 50 concurrent calls with one key create the request', async () => {
      const [a, b] = [open(), open()];
      const body = { resource: 'lonn-modul', org: BANK, redirectUrl: 'https://portal.example/' };
      const hash = await bodyDigest(body);
      assert.equal(
        hash,
        await bodyDigest({ redirectUrl: body.redirectUrl, org: BANK, resource: 'lonn-modul' }),
      );
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          (index % 2 ? a : b).claimKey(PERSON, 'access', 'key-1', hash),
        ),
      );
      assert.deepEqual(
        claims.filter((claim) => claim.outcome === 'claimed'),
        [{ outcome: 'claimed', takenOver: false }],
      );
      assert.ok(claims.every((claim) => ['claimed', 'busy'].includes(claim.outcome)));

      // The winner records the request: every retry, on either instance, gets it.
      await a.insert(PERSON, accessRequest('created-once'));
      await a.completeKey(PERSON, 'access', 'key-1', 'created-once');
      const retry = await b.claimKey(PERSON, 'access', 'key-1', hash);
      assert.equal(retry.outcome, 'done');
      assert.equal(retry.outcome === 'done' && retry.request.id, 'created-once');

      // The same key with another body is a mistake the caller must hear of.
      const otherBody = await bodyDigest({ ...body, resource: 'annen-modul' });
      assert.deepEqual(await b.claimKey(PERSON, 'access', 'key-1', otherBody), {
        outcome: 'reused',
      });
      // Keys are the person's own: another person's same key is another key.
      assert.equal(
        (await b.claimKey(OTHER_PERSON, 'access', 'key-1', otherBody)).outcome,
        'claimed',
      );
    });

    it('frees a key after a failed creation, and hands over one whose creator vanished', async () => {
      const [a, b] = [open({ claimTimeoutSeconds: 60 }), open({ claimTimeoutSeconds: 60 })];
      const hash = await bodyDigest({ resource: 'lonn-modul' });
      assert.equal((await a.claimKey(PERSON, 'access', 'key-2', hash)).outcome, 'claimed');
      // Altinn refused: the key is released, and a retry may try again.
      await a.releaseKey(PERSON, 'access', 'key-2');
      assert.equal((await b.claimKey(PERSON, 'access', 'key-2', hash)).outcome, 'claimed');
      // b dies before it records the outcome: a retry finds the claim, and takes it over later.
      now += 30_000;
      assert.deepEqual(await a.claimKey(PERSON, 'access', 'key-2', hash), { outcome: 'busy' });
      now += 30_000;
      assert.deepEqual(await a.claimKey(PERSON, 'access', 'key-2', hash), {
        outcome: 'claimed',
        takenOver: true,
      });
      assert.deepEqual(await b.claimKey(PERSON, 'access', 'key-2', hash), { outcome: 'busy' });
      // A completed key is never released.
      await a.insert(PERSON, accessRequest('after-takeover'));
      await a.completeKey(PERSON, 'access', 'key-2', 'after-takeover');
      await b.releaseKey(PERSON, 'access', 'key-2');
      assert.equal((await b.claimKey(PERSON, 'access', 'key-2', hash)).outcome, 'done');
    });

    it('purges final requests after the retention period, and old keys', async () => {
      const store = open();
      await store.insert(PERSON, accessRequest('rejected-long-ago', { status: 'rejected' }));
      await store.insert(PERSON, accessRequest('open-long-ago'));
      await store.insert(PERSON, {
        kind: 'consent',
        id: 'accepted-still-valid',
        subject: { rights: [{ resource: 'skatt' }] },
        status: 'accepted',
        validTo: new Date(START + 20 * MONTH).toISOString(),
      });
      await store.claimKey(PERSON, 'access', 'old-key', 'hash');
      now = START + 12 * MONTH;
      await store.insert(PERSON, accessRequest('rejected-lately', { status: 'rejected' }));
      await store.claimKey(PERSON, 'access', 'new-key', 'hash');

      assert.deepEqual(await store.purge(), { requests: 0, keys: 1 });
      now = START + 14 * MONTH;
      assert.deepEqual(await store.purge(), { requests: 1, keys: 1 });
      const left = await store.lookup(PERSON, 'access', [
        'rejected-long-ago',
        'open-long-ago',
        'rejected-lately',
      ]);
      assert.deepEqual(ids(left).sort(), ['open-long-ago', 'rejected-lately']);
      assert.ok(await store.get(PERSON, 'consent', 'accepted-still-valid'));

      // The period is the portal's to choose.
      const shortMemory = open({ retentionMonths: 1 });
      assert.deepEqual(await shortMemory.purge(), { requests: 1, keys: 0 });
      assert.equal(await store.get(PERSON, 'access', 'rejected-lately'), undefined);
    });

    // Last: on PGlite it closes the shared instance.
    it('remembers a granted consent across a restart of the backend', async () => {
      const consent: NewRequest = {
        kind: 'consent',
        id: '0b6c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e',
        subject: { rights: [{ resource: 'skatt' }] },
        status: 'created',
      };
      const before = open();
      await before.insert(PERSON, consent);
      await before.update(PERSON, 'consent', consent.id, { status: 'accepted' });
      const after = await harness.restart({ secret: SECRET, now: () => now });
      stores.push(after);
      assert.equal((await after.get(PERSON, 'consent', consent.id))?.status, 'accepted');
      assert.deepEqual(ids((await after.list(PERSON, 'consent', { resource: 'skatt' })).items), [
        consent.id,
      ]);
    });
  });
}

// One PGlite for the file, in a folder: it takes seconds to start on a loaded machine.
storeSuite('PGlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'altinn-request-store-'));
  const pglite = await PGlite.create(dataDir);
  return {
    open: (options) => pgliteStore({ ...options, pglite }),
    sql: async <Row>(text: string, params: unknown[] = []) =>
      (await pglite.query<Row>(text, params)).rows,
    async restart(options) {
      await pglite.close();
      return pgliteStore({ ...options, dataDir });
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  storeSuite('PostgreSQL', async () => {
    // A schema of its own for this run, so other test files and runs on the same server (at the
    // same time, too) do not interfere; every pool is pointed at it through the connection string.
    // A schema, not a database: the role of DATABASE_URL needs no CREATEDB.
    const schema = `altinn_store_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
    } catch (error) {
      await admin.end();
      throw error;
    }
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const connectionString = url.toString();
    const raw = new pg.Pool({ connectionString, max: 2 });
    return {
      // Each store opens a pool of its own, as another instance of the backend would.
      open: (options) => postgresStore({ secret: SECRET, ...options, connectionString }),
      sql: async <Row>(text: string, params: unknown[] = []) =>
        (await raw.query(text, params)).rows as Row[],
      // Another instance: a pool of its own reads what the first wrote.
      restart: async (options) => postgresStore({ ...options, connectionString }),
      async close() {
        await raw.end();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      },
    };
  });
} else if (process.env.CI === 'true') {
  test('PostgreSQL half of the store suite', () => {
    assert.fail('DATABASE_URL is not set: CI runs the store suite against PostgreSQL too.');
  });
} else {
  test('PostgreSQL half of the store suite', (t) => {
    t.diagnostic(
      'DATABASE_URL is not set: the store suite ran on PGlite only. See README, "The request store".',
    );
  });
  console.log('store.test.ts: DATABASE_URL is not set, so only the PGlite half runs.');
}
