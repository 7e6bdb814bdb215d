/**
 * Revocations through Altinn's consent events feed (altinn-api.md 2.7): revoke in the mock, run
 * the sync, and the backend's read, list and lookup say `revoked` without the person coming back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { syncConsentEvents, type RequestStore } from '../../src/server/index.js';
import { BANK, consentBody, startPortal, testStore, type TestPortal } from './support.js';

const FIVE_MINUTES = 5 * 60 * 1000;

describe('consent events: revocations reach the store', () => {
  let portal: TestPortal;
  let store: RequestStore;
  let clock = 0;
  const calls: string[] = [];

  before(async () => {
    store = await testStore(() => Date.now() + clock);
    portal = await startPortal({ store });
  });
  after(() => portal.close());

  function advance(milliseconds: number): void {
    clock += milliseconds;
    portal.advance(milliseconds);
  }

  /**
   * One run, as a cron job would; a new call each time, as after a restart. With `relativeLinks`,
   * the feed's `links.next` comes without the mock's origin, as Altinn may give it.
   */
  function sync(maxPages?: number, relativeLinks = false) {
    return syncConsentEvents({
      environment: { platformUrl: portal.mock.url },
      tokenSource: portal.tokenSource,
      store,
      organization: BANK,
      ...(maxPages ? { maxPages } : {}),
      fetch: async (input, init) => {
        calls.push(String(input));
        const answer = await fetch(input, init);
        if (!relativeLinks || !answer.ok) return answer;
        const page = (await answer.json()) as { links?: { next?: string | null } };
        if (page.links?.next) page.links.next = page.links.next.replace(portal.mock.url, '');
        return Response.json(page);
      },
    });
  }

  async function mockAnswer(id: string, action: 'accept' | 'reject' | 'revoke'): Promise<void> {
    const response = await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/${action}`, {
      method: 'POST',
    });
    assert.equal(response.status, 200, await response.text());
  }

  async function created(): Promise<string> {
    const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
    assert.equal(response.status, 201, await response.clone().text());
    return ((await response.json()) as { id: string }).id;
  }

  async function statuses(id: string): Promise<{ read: string; list: string; lookup: string }> {
    const read = (await (await portal.call('GET', `/consent-requests/${id}`)).json()) as {
      status: string;
    };
    const list = (await (
      await portal.call('GET', '/consent-requests?state=all&limit=100')
    ).json()) as {
      items: { id: string; status: string }[];
    };
    const lookup = (await (
      await portal.call('POST', '/consent-requests/lookup', { ids: [id] })
    ).json()) as { items: { status: string }[] };
    return {
      read: read.status,
      list: list.items.find((item) => item.id === id)?.status ?? 'missing',
      lookup: lookup.items[0]?.status ?? 'missing',
    };
  }

  it('turns an accepted consent revoked in Altinn into revoked', async () => {
    const id = await created();
    await mockAnswer(id, 'accept');
    // The person came back: the backend knows it accepted, and keeps that final status.
    assert.equal((await statuses(id)).read, 'accepted');
    await mockAnswer(id, 'revoke');
    assert.deepEqual(await statuses(id), {
      read: 'accepted',
      list: 'accepted',
      lookup: 'accepted',
    });

    // The feed is five minutes behind: nothing yet.
    await sync();
    assert.equal((await statuses(id)).read, 'accepted');
    advance(FIVE_MINUTES + 1000);
    const run = await sync();
    assert.ok(run.updated >= 1, JSON.stringify(run));
    assert.deepEqual(await statuses(id), { read: 'revoked', list: 'revoked', lookup: 'revoked' });
    // Filters sent lower case, as Altinn needs them.
    const last = new URL(calls.at(-1) ?? '');
    assert.deepEqual(last.searchParams.getAll('eventType').sort(), [
      'accepted',
      'deleted',
      'rejected',
      'revoked',
    ]);
  });

  it('brings an answer the person never came back from', async () => {
    const rejected = await created();
    const accepted = await created();
    await mockAnswer(rejected, 'reject');
    await mockAnswer(accepted, 'accept');
    advance(FIVE_MINUTES + 1000);
    await sync();
    // Read from the store (a final status is served from the record), without asking Altinn.
    const before = portal.mock.stats.consentRequests;
    assert.equal((await statuses(rejected)).lookup, 'rejected');
    assert.equal((await statuses(accepted)).lookup, 'accepted');
    assert.equal(portal.mock.stats.consentRequests, before);
  });

  it('never turns a revoked consent back to accepted when events are read again', async () => {
    const id = await created();
    await mockAnswer(id, 'accept');
    await mockAnswer(id, 'revoke');
    advance(FIVE_MINUTES + 1000);
    await sync();
    await sync();
    assert.equal((await statuses(id)).read, 'revoked');
  });

  it('follows a next link relative to the feed, and goes on from the stored token after a restart', async () => {
    // More than a page of events (100): 60 consents accepted, then revoked.
    const ids: string[] = [];
    for (let batch = 0; batch < 6; batch += 1) {
      ids.push(...(await Promise.all(Array.from({ length: 10 }, () => created()))));
    }
    for (const id of ids) await mockAnswer(id, 'accept');
    for (const id of ids) await mockAnswer(id, 'revoke');
    advance(FIVE_MINUTES + 1000);
    calls.length = 0;
    // The next page is named by a link relative to the feed.
    const first = await sync(undefined, true);
    assert.ok(first.pages >= 2, JSON.stringify(first));
    assert.ok(new URL(calls[1] ?? '').searchParams.get('continuationToken'));
    for (const id of ids) assert.equal((await statuses(id)).lookup, 'revoked');
    // A new run (a restarted instance) starts where the last full page ended.
    calls.length = 0;
    const second = await sync();
    assert.ok(new URL(calls[0] ?? '').searchParams.get('continuationToken'));
    assert.ok(second.events < first.events, `${second.events} < ${first.events}`);
  });

  it('stops after maxPages, and the next run goes on', async () => {
    calls.length = 0;
    const run = await sync(1);
    assert.equal(run.pages, 1);
    assert.equal(calls.length, 1);
  });
});

describe('consent events, read by the handler', () => {
  it('reads the feed in the background on requests, once per interval', async () => {
    const portal = await startPortal({
      consent: {
        organization: BANK,
        resources: ['standard-samtykke-for-dele-data'],
        eventsEveryMinutes: 1,
      },
    });
    try {
      const body = consentBody(portal.origin);
      const response = await portal.call('POST', '/consent-requests', body);
      assert.equal(response.status, 201);
      const id = String(body.id);
      await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/accept`, { method: 'POST' });
      await portal.call('GET', `/consent-requests/${id}`);
      await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/revoke`, { method: 'POST' });
      portal.advance(FIVE_MINUTES + 61_000);
      // The next request starts a read; a later read shows what it wrote.
      const deadline = Date.now() + 20_000;
      let status = '';
      while (Date.now() < deadline && status !== 'revoked') {
        const read = await portal.call('GET', `/consent-requests/${id}`);
        status = ((await read.json()) as { status: string }).status;
        if (status !== 'revoked') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 'revoked');
      assert.deepEqual(portal.errors, []);
    } finally {
      await portal.close();
    }
  });
});

describe('the mock’s consent events feed', () => {
  it('fails on an upper-case eventType, as Altinn’s Postgres cast would', async () => {
    const portal = await startPortal();
    try {
      const token = await portal.tokenSource.getToken(['altinn:consentrequests.read']);
      const feed = `${portal.mock.url}/accessmanagement/api/v1/enterprise/consentrequests/events`;
      const headers = { authorization: `Bearer ${token}` };
      assert.equal((await fetch(`${feed}?eventType=Revoked`, { headers })).status, 500);
      assert.equal((await fetch(`${feed}?eventType=revoked`, { headers })).status, 200);
    } finally {
      await portal.close();
    }
  });
});
