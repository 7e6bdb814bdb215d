/**
 * Agent system-user requests (an integration with `type: 'agent'`, Altinn's `…/request/vendor/agent`
 * routes, altinn-api.md §3.4) through the handler, over real HTTP against the mock Altinn: created on
 * the agent route with access packages only, read back there, approved on Altinn's agent page,
 * confirmed, listed and looked up.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertMatchesContract } from './openapi.js';
import { actInAltinn, BANK, startPortal, type TestPortal } from './support.js';

interface View {
  kind: string;
  id: string;
  status: string;
  url?: string;
  subject?: Record<string, unknown>;
}

const CUSTOMER = '310456780';
const SYSTEM_ID = `${BANK}_klientsystem`;
const PACKAGE = 'urn:altinn:accesspackage:regnskapsforer-lonn';

describe('agent system-user requests', () => {
  let portal: TestPortal;
  /** The paths the handler called in Altinn's system-user API. */
  let altinnPaths: string[] = [];
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      systemUser: {
        systemId: SYSTEM_ID,
        integrations: {
          klienter: { type: 'agent', accessPackages: [PACKAGE], redirectUrls: ['/systembruker'] },
        },
      },
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.includes('/systemuser/'))
          altinnPaths.push(`${init?.method} ${url.pathname}`);
        return fetch(input, init);
      },
    });
    portal.mock.registerSystem({
      id: SYSTEM_ID,
      name: { nb: 'Klientsystemet', nn: 'Klientsystemet', en: 'The client system' },
      rights: ['lonnsmodul-tilgang'],
      accessPackages: [PACKAGE],
      allowedRedirectUrls: [`${portal.origin}/systembruker`],
    });
  });
  after(() => portal.close());

  const headers = { 'x-test-organization': CUSTOMER };
  const call = (method: string, path: string, body?: unknown, extra = {}) =>
    portal.call(method, path, body, { ...headers, ...extra });

  async function created(): Promise<View> {
    const response = await call(
      'POST',
      '/system-user-requests',
      { integration: 'klienter', redirectUrl: `${portal.origin}/systembruker` },
      { 'idempotency-key': crypto.randomUUID() },
    );
    assert.equal(response.status, 201, await response.clone().text());
    const view = (await response.json()) as View;
    await assertMatchesContract('post', '/system-user-requests', 201, view);
    return view;
  }

  const statusOf = async (id: string) => {
    portal.advance(3000);
    const response = await call('GET', `/system-user-requests/${id}`);
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as View).status;
  };

  const altinnRequest = (id: string) =>
    [...portal.mock.systemUserRequests.values()].find((request) => request.externalRef === id);

  it('asks on the agent route for the packages only, and follows it there to accepted', async () => {
    altinnPaths = [];
    const view = await created();
    assert.equal(view.status, 'created');
    assert.match(String(view.url), /\/accessmanagement\/ui\/systemuser\/agentrequest\?id=/);
    const stored = altinnRequest(view.id);
    assert.equal(stored?.agent, true);
    assert.deepEqual(stored?.accessPackages, [{ urn: PACKAGE }]);
    assert.deepEqual(stored?.rights, []);
    assert.equal(stored?.partyOrgNo, CUSTOMER);

    assert.equal(await statusOf(view.id), 'created');
    const approved = await actInAltinn(String(view.url), 'approve');
    assert.ok(approved.status < 400, `the agent page approves (${approved.status})`);
    assert.equal(await statusOf(view.id), 'accepted');
    const users = [...portal.mock.systemUsers.values()].filter(
      (user) => user.externalRef === view.id,
    );
    assert.equal(users.length, 1);
    assert.equal(users[0]?.agent, true);

    const prefix = 'authentication/api/v1/systemuser';
    assert.deepEqual(
      altinnPaths.map((path) => path.replace(/[0-9a-f-]{36}/, '{id}')),
      [
        `POST /${prefix}/request/vendor/agent`,
        `GET /${prefix}/request/vendor/agent/{id}`,
        `GET /${prefix}/request/vendor/agent/{id}`,
        `GET /${prefix}/vendor/byquery`,
      ],
    );
  });

  it('lists by integration and looks up many', async () => {
    const first = await created();
    const second = await created();
    const listed = await call('GET', '/system-user-requests?integration=klienter&state=open');
    const items = ((await listed.json()) as { items: View[] }).items;
    assert.deepEqual(
      items.slice(0, 2).map((item) => [item.id, item.status, item.subject?.integration]),
      [
        [second.id, 'created', 'klienter'],
        [first.id, 'created', 'klienter'],
      ],
    );
    const looked = await call('POST', '/system-user-requests/lookup', {
      ids: [first.id, second.id, crypto.randomUUID()],
    });
    assert.deepEqual(
      ((await looked.json()) as { items: View[] }).items.map((item) => item.id).sort(),
      [first.id, second.id].sort(),
    );
  });

  it('withdraws an open agent request, and Altinn deletes it', async () => {
    const view = await created();
    const withdrawn = await call('DELETE', `/system-user-requests/${view.id}`);
    assert.equal(withdrawn.status, 200, await withdrawn.clone().text());
    assert.equal(((await withdrawn.json()) as View).status, 'withdrawn');
    assert.equal(altinnRequest(view.id)?.deleted, true);
  });
});
