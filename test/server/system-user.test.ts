/**
 * System-user requests through the handler, over real HTTP against the mock Altinn (altinn-api.md
 * §3.4): the organisation asked is the session's, the way back is the registered one and names the
 * request, a retry is the same request and a new question a new one (Altinn's retry trap), and the
 * store says whose a request is before Altinn is asked to read or delete it.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { assertMatchesContract } from './openapi.js';
import {
  actInAltinn,
  BANK,
  OTHER_PERSON,
  PERSON,
  startPortal,
  type TestPortal,
} from './support.js';

interface View {
  kind: string;
  id: string;
  status: string;
  url?: string;
  navigation?: string;
  subject?: Record<string, unknown>;
}

const CUSTOMER = '310456780';
const SYSTEM_ID = `${BANK}_regnskap`;

describe('system-user requests', () => {
  let portal: TestPortal;
  let failNextPost = false;
  /** The confirmation calls (`…/systemuser/vendor/byquery`), and an answer to give instead of Altinn's. */
  const byQuery: { urls: URL[]; answer?: number } = { urls: [] };
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      systemUser: {
        systemId: SYSTEM_ID,
        integrations: {
          regnskap: {
            rights: [{ resource: 'lonnsmodul-tilgang' }],
            title: 'Regnskap',
            redirectUrls: ['/systembruker'],
          },
        },
      },
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/systemuser/vendor/byquery')) {
          byQuery.urls.push(url);
          if (byQuery.answer) {
            const body = { title: 'Altinn says so', status: byQuery.answer };
            const headers = { 'content-type': 'application/problem+json' };
            return new Response(JSON.stringify(body), { status: byQuery.answer, headers });
          }
        }
        if (failNextPost && init?.method === 'POST') {
          failNextPost = false;
          return new Response('', { status: 503 });
        }
        return fetch(input, init);
      },
    });
    portal.mock.registerSystem({
      id: SYSTEM_ID,
      name: { nb: 'Regnskapssystemet', nn: 'Rekneskapssystemet', en: 'The accounting system' },
      rights: ['lonnsmodul-tilgang'],
      accessPackages: [],
      allowedRedirectUrls: [`${portal.origin}/systembruker`],
    });
  });
  after(() => portal.close());

  const asOrganization = (person = PERSON) => ({
    'x-test-person': person,
    'x-test-organization': CUSTOMER,
  });

  async function ask(
    key: string = crypto.randomUUID(),
    redirect = '/systembruker',
  ): Promise<Response> {
    return portal.call(
      'POST',
      '/system-user-requests',
      { integration: 'regnskap', redirectUrl: `${portal.origin}${redirect}?steg=2` },
      { 'idempotency-key': key, ...asOrganization() },
    );
  }

  async function created(key?: string): Promise<View> {
    const response = await ask(key);
    assert.equal(response.status, 201, await response.clone().text());
    const view = (await response.json()) as View;
    await assertMatchesContract('post', '/system-user-requests', 201, view);
    return view;
  }

  const read = async (id: string, person = PERSON) => {
    portal.advance(3000);
    return portal.call('GET', `/system-user-requests/${id}`, undefined, asOrganization(person));
  };

  const altinnRequests = () =>
    [...portal.mock.systemUserRequests.values()].filter(
      (request) => request.systemId === SYSTEM_ID,
    );

  it('asks the session’s organisation, with the request’s id in the way back', async () => {
    const key = crypto.randomUUID();
    const view = await created(key);
    assert.deepEqual(
      [view.kind, view.id, view.status, view.navigation],
      ['system-user', key, 'created', 'redirect'],
    );
    assert.match(String(view.url), /\/accessmanagement\/ui\/systemuser\/request\?id=/);
    const stored = altinnRequests().find((request) => request.externalRef === key);
    assert.ok(stored, 'Altinn has it, under the id as externalRef');
    assert.equal(stored.partyOrgNo, CUSTOMER);
    const back = new URL(String(stored.redirectUrl));
    assert.equal(back.searchParams.get('systemUserRequestId'), key);
    assert.equal(back.searchParams.get('steg'), '2');
  });

  it('follows the approval on Altinn’s page back to the portal, with nothing appended', async () => {
    const view = await created();
    const approved = await actInAltinn(String(view.url), 'approve');
    assert.ok(approved.status < 400);
    // Altinn's logout hop, then the way back as registered.
    // The logout cookie names the request, as Altinn's does.
    let cookie = approved.headers.get('set-cookie')?.split(';')[0] ?? '';
    let target = new URL(String(approved.headers.get('location')), String(view.url));
    for (let hop = 0; hop < 5 && target.origin !== portal.origin; hop += 1) {
      const next = await fetch(target, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      cookie = next.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      target = new URL(String(next.headers.get('location')), target);
    }
    assert.equal(target.origin + target.pathname, `${portal.origin}/systembruker`);
    assert.equal(target.searchParams.get('systemUserRequestId'), view.id);
    assert.deepEqual([...target.searchParams.keys()].sort(), ['steg', 'systemUserRequestId']);
    const answer = await read(view.id);
    assert.equal(((await answer.json()) as View).status, 'accepted');
  });

  it('asks anew after a rejection: a new request, not the old rejected one', async () => {
    const first = await created();
    await actInAltinn(String(first.url), 'reject');
    assert.equal(((await (await read(first.id)).json()) as View).status, 'rejected');
    const second = await created();
    assert.notEqual(second.id, first.id);
    assert.equal(second.status, 'created');
    const ids = new Set(altinnRequests().map((request) => request.id));
    assert.ok(ids.size >= 2);
  });

  it('retries after Altinn’s 5xx with the same key: one request in Altinn', async () => {
    const key = crypto.randomUUID();
    failNextPost = true;
    const failed = await ask(key);
    assert.equal(failed.status, 502);
    const view = await created(key);
    assert.equal(view.id, key);
    assert.equal(altinnRequests().filter((request) => request.externalRef === key).length, 1);
    assert.equal((await created(key)).id, key, 'and again the same');
  });

  it('lets only the person who asked read or withdraw it; withdrawing deletes it in Altinn', async () => {
    const view = await created();
    assert.equal((await read(view.id, OTHER_PERSON)).status, 404);
    const theirs = await portal.call(
      'DELETE',
      `/system-user-requests/${view.id}`,
      undefined,
      asOrganization(OTHER_PERSON),
    );
    assert.equal(theirs.status, 404);
    const stored = altinnRequests().find((request) => request.externalRef === view.id);
    assert.equal(stored?.deleted, false);
    const mine = await portal.call(
      'DELETE',
      `/system-user-requests/${view.id}`,
      undefined,
      asOrganization(),
    );
    assert.equal(((await mine.json()) as View).status, 'withdrawn');
    assert.equal(
      altinnRequests().find((request) => request.externalRef === view.id)?.deleted,
      true,
    );
  });

  it('keeps an answered request as it is: withdrawing it is a 409, and Altinn deletes nothing', async () => {
    const view = await created();
    await actInAltinn(String(view.url), 'approve');
    const withdraw = () =>
      portal.call('DELETE', `/system-user-requests/${view.id}`, undefined, asOrganization());
    // Answered in Altinn since the store last read it, then read and final in the store.
    for (const when of ['before a read', 'after a read']) {
      const refused = await withdraw();
      assert.equal(refused.status, 409, when);
      assert.equal(((await refused.json()) as { code: string }).code, 'request-final');
      assert.equal(
        altinnRequests().find((request) => request.externalRef === view.id)?.deleted,
        false,
        when,
      );
      assert.equal(((await (await read(view.id)).json()) as View).status, 'accepted', when);
    }
  });

  it('refuses an unregistered way back before Altinn is asked', async () => {
    const before = portal.mock.stats.systemUserRequests;
    const response = await ask(crypto.randomUUID(), '/annet-sted');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { code: string }).code, 'redirect-not-registered');
    assert.equal(portal.mock.stats.systemUserRequests, before);
  });

  it('refuses a person acting for no organisation, and an unknown integration', async () => {
    const none = await portal.call(
      'POST',
      '/system-user-requests',
      { redirectUrl: `${portal.origin}/systembruker` },
      { 'idempotency-key': crypto.randomUUID() },
    );
    assert.equal(none.status, 403);
    const unknown = await portal.call(
      'POST',
      '/system-user-requests',
      { integration: 'lonn', redirectUrl: `${portal.origin}/systembruker` },
      { 'idempotency-key': crypto.randomUUID(), ...asOrganization() },
    );
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { code: string }).code, 'integration-not-found');
  });

  it('lists by integration and looks up many', async () => {
    const view = await created();
    const listed = (await (
      await portal.call(
        'GET',
        '/system-user-requests?integration=regnskap',
        undefined,
        asOrganization(),
      )
    ).json()) as { items: View[] };
    assert.equal(listed.items[0]?.id, view.id);
    assert.equal(listed.items[0]?.subject?.integration, 'regnskap');
    const looked = (await (
      await portal.call(
        'POST',
        '/system-user-requests/lookup',
        { ids: [view.id] },
        asOrganization(),
      )
    ).json()) as { items: View[] };
    assert.deepEqual(
      looked.items.map((item) => item.id),
      [view.id],
    );
  });

  it('reads a request Altinn timed out (after 180 days) as expired', async () => {
    const view = await created();
    portal.advance(181 * 86_400_000);
    try {
      assert.equal(((await (await read(view.id)).json()) as View).status, 'expired');
    } finally {
      portal.advance(-181 * 86_400_000);
    }
  });

  describe('after Altinn says Accepted', () => {
    const approved = async (): Promise<View> => {
      const view = await created();
      await actInAltinn(String(view.url), 'approve');
      return view;
    };
    const statusOf = async (id: string) => ((await (await read(id)).json()) as View).status;
    beforeEach(() => {
      byQuery.urls = [];
      delete byQuery.answer;
    });

    it('confirms once that the system user exists, then answers from the store', async () => {
      const view = await approved();
      assert.equal(await statusOf(view.id), 'accepted');
      assert.equal(byQuery.urls.length, 1);
      const [asked] = byQuery.urls;
      assert.deepEqual(Object.fromEntries(asked?.searchParams ?? []), {
        'system-id': SYSTEM_ID,
        orgno: CUSTOMER,
        'external-ref': view.id,
      });
      assert.equal(await statusOf(view.id), 'accepted');
      assert.equal(byQuery.urls.length, 1, 'not asked again');
    });

    it('never claims a system user Altinn does not hold: revoked, and asking anew works', async () => {
      const view = await approved();
      byQuery.answer = 404;
      assert.equal(await statusOf(view.id), 'revoked');
      assert.equal(await statusOf(view.id), 'revoked');
      assert.equal(byQuery.urls.length, 1, 'remembered, not asked again');
      const again = await created();
      assert.notEqual(again.id, view.id);
      assert.equal(again.status, 'created');
    });

    it('leaves the request open while Altinn cannot confirm, and confirms on a later read', async () => {
      const view = await approved();
      byQuery.answer = 503;
      const failed = await read(view.id);
      assert.equal(failed.status, 200);
      assert.equal(((await failed.json()) as View).status, 'created');
      delete byQuery.answer;
      assert.equal(await statusOf(view.id), 'accepted');
      assert.equal(byQuery.urls.length, 2);
    });
  });
});
