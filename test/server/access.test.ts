/**
 * The backend handler's access routes over real HTTP against the mock Altinn: Altinn 3's service
 * owner delegation requests (new tab, polling) and Altinn 2's delegationRequests (sent and back).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertMatchesContract } from './openapi.js';
import {
  actInAltinn,
  altinnLink,
  API_KEY,
  BANK,
  OTHER_PERSON,
  PERSON,
  SESSION_HEADER,
  startPortal,
  type TestPortal,
} from './support.js';

interface View {
  kind: string;
  id: string;
  status: string;
  url?: string;
  navigation?: string;
}

const A3_RESOURCE = 'lonnsmodul-tilgang';

async function problemCode(response: Response): Promise<string> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ((await response.json()) as { code: string }).code;
}

describe('access routes with Altinn 3', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      access: {
        api: 'altinn3',
        resources: [A3_RESOURCE, 'regnskap-innsyn'],
        packages: ['urn:altinn:accesspackage:regnskapsforer-lonn'],
      },
    });
  });
  after(() => portal.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    resource: A3_RESOURCE,
    org: BANK,
    redirectUrl: `${portal.origin}/modul`,
    ...overrides,
  });

  async function create(
    overrides: Record<string, unknown> = {},
    key = crypto.randomUUID(),
  ): Promise<View> {
    const response = await portal.call('POST', '/access-requests', body(overrides), {
      'idempotency-key': key,
    });
    assert.equal(response.status, 201, await response.clone().text());
    const view = (await response.json()) as View;
    await assertMatchesContract('post', '/access-requests', 201, view);
    return view;
  }

  /** A read as a status element polls: a few seconds after the last (the handler asks Altinn at most every 2 s). */
  async function read(id: string, person = PERSON): Promise<Response> {
    portal.advance(3000);
    return portal.call('GET', `/access-requests/${encodeURIComponent(id)}`, undefined, {
      [SESSION_HEADER]: person,
    });
  }

  it('creates a draft in Altinn for the signed-in person, to be confirmed in a new tab', async () => {
    const view = await create();
    assert.equal(view.kind, 'access');
    assert.equal(view.status, 'created');
    assert.equal(view.navigation, 'new-window');
    const altinnId = view.id.split('.')[0] ?? '';
    assert.equal(
      view.url,
      `${portal.mock.url}/accessmanagement/ui/requests/resource?requestId=${altinnId}`,
    );
    const stored = portal.mock.accessRequests.get(altinnId) as unknown as Record<string, unknown>;
    assert.ok(stored, 'Altinn has the request');
    assert.match(JSON.stringify(stored), new RegExp(PERSON));
    assert.match(JSON.stringify(stored), new RegExp(BANK));
  });

  it('reads Altinn again within the interval when the element asks to (back from Altinn)', async () => {
    const view = await create();
    const path = `/access-requests/${encodeURIComponent(view.id)}`;
    const statusOf = async (query = '') =>
      (
        (await (
          await portal.call('GET', `${path}${query}`, undefined, {
            // What a browser sends with every read (fetch's `cache: 'no-store'`): not the signal.
            'cache-control': 'no-cache',
            pragma: 'no-cache',
          })
        ).json()) as View
      ).status;
    // A status element on the page reads the new request (and so Altinn) …
    assert.equal(await statusOf(), 'created');
    const confirmed = await actInAltinn(String(view.url), 'confirm');
    assert.ok(confirmed.status < 400, `confirm answered ${confirmed.status}`);
    portal.advance(500);
    // … and half a second later a plain read is still served from that read …
    // … and the read of the person who comes back asks Altinn.
    assert.equal(await statusOf('?refresh=true'), 'pending');
    // A client repeating it at once does not make the backend ask Altinn again …
    const altinnId = view.id.split('.')[0] ?? '';
    const managerPage = `${portal.mock.url}/accessmanagement/ui/requests/received?org=${BANK}`;
    const approved = await actInAltinn(managerPage, 'approve', { requestId: altinnId });
    assert.ok(approved.status < 400, `approve answered ${approved.status}`);
    assert.equal(await statusOf('?refresh=true'), 'pending');
    // … but a moment later it does.
    portal.advance(300);
    assert.equal(await statusOf('?refresh=true'), 'accepted');
  });

  it('follows the request from draft to pending to approved', async () => {
    const view = await create();
    const altinnId = view.id.split('.')[0] ?? '';
    const statusOf = async () => ((await (await read(view.id)).json()) as View).status;
    assert.equal(await statusOf(), 'created');

    const confirmed = await actInAltinn(String(view.url), 'confirm');
    assert.ok(confirmed.status < 400, `confirm answered ${confirmed.status}`);
    assert.equal(await statusOf(), 'pending');

    const managerPage = `${portal.mock.url}/accessmanagement/ui/requests/received?org=${BANK}`;
    const approved = await actInAltinn(managerPage, 'approve', { requestId: altinnId });
    assert.ok(approved.status < 400, `approve answered ${approved.status}`);
    const response = await read(view.id);
    const final = (await response.json()) as View;
    await assertMatchesContract('get', '/access-requests/{id}', 200, final);
    assert.equal(final.status, 'accepted');
    assert.equal(final.url, undefined, 'no link once there is nothing to do in Altinn');
  });

  it('shows a declined draft as withdrawn, and a rejected request as rejected', async () => {
    const declined = await create();
    await actInAltinn(String(declined.url), 'decline');
    assert.equal(((await (await read(declined.id)).json()) as View).status, 'withdrawn');

    const rejected = await create({ resource: 'regnskap-innsyn' });
    await actInAltinn(String(rejected.url), 'confirm');
    const managerPage = `${portal.mock.url}/accessmanagement/ui/requests/received?org=${BANK}`;
    await actInAltinn(managerPage, 'reject', { requestId: rejected.id.split('.')[0] ?? '' });
    assert.equal(((await (await read(rejected.id)).json()) as View).status, 'rejected');
  });

  it('asks for an access package', async () => {
    const view = await create({
      resource: undefined,
      package: 'urn:altinn:accesspackage:regnskapsforer-lonn',
    });
    assert.equal(view.status, 'created');
  });

  it('lets a person read and withdraw only their own requests', async () => {
    const view = await create();
    assert.equal((await read(view.id, OTHER_PERSON)).status, 404);
    const withdrawn = await portal.call(
      'DELETE',
      `/access-requests/${encodeURIComponent(view.id)}`,
      undefined,
      { [SESSION_HEADER]: OTHER_PERSON },
    );
    assert.equal(withdrawn.status, 404);
    assert.equal((await read(crypto.randomUUID())).status, 404, 'an id nobody asked for');
    assert.equal(((await (await read(view.id)).json()) as View).status, 'created');
  });

  it('creates one request for a repeated Idempotency-Key, concurrent or not', async () => {
    const key = crypto.randomUUID();
    const before = portal.mock.stats.altinn3DelegationRequests;
    const [first, second] = await Promise.all([create({}, key), create({}, key)]);
    const third = await create({}, key);
    assert.equal(first.id, second.id);
    assert.equal(first.id, third.id);
    assert.equal(portal.mock.stats.altinn3DelegationRequests - before, 1, 'one call to Altinn');
  });

  it('withdraws a request', async () => {
    const view = await create();
    const response = await portal.call('DELETE', `/access-requests/${encodeURIComponent(view.id)}`);
    assert.equal(response.status, 200);
    assert.equal(((await (await read(view.id)).json()) as View).status, 'withdrawn');
  });

  const refusals: [string, Record<string, unknown>, number, string][] = [
    ['a resource not on the list', { resource: 'annen-ressurs' }, 403, 'resource-not-allowed'],
    [
      'a package not on the list',
      { resource: undefined, package: 'urn:altinn:accesspackage:annen' },
      403,
      'package-not-allowed',
    ],
    [
      'an Altinn 2 service',
      { resource: undefined, services: [{ serviceCode: '4751', serviceEditionCode: 1 }] },
      403,
      'service-not-allowed',
    ],
    ['an organisation number with a wrong check digit', { org: '991825828' }, 400, 'invalid-body'],
    ['an organisation number of eight digits', { org: '99182582' }, 400, 'invalid-body'],
    [
      'both a resource and a package',
      { package: 'urn:altinn:accesspackage:regnskapsforer-lonn' },
      400,
      'invalid-body',
    ],
    ['nothing to ask for', { resource: undefined }, 400, 'invalid-body'],
    [
      'a from in the body',
      { from: `urn:altinn:person:identifier-no:${OTHER_PERSON}` },
      400,
      'forbidden-field',
    ],
    ['a coveredBy in the body', { coveredBy: OTHER_PERSON }, 400, 'forbidden-field'],
  ];
  for (const [name, overrides, status, code] of refusals) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const response = await portal.call('POST', '/access-requests', body(overrides));
      assert.equal(response.status, status);
      assert.equal(await problemCode(response), code);
    });
  }

  it('refuses a malformed Idempotency-Key', async () => {
    const response = await portal.call('POST', '/access-requests', body(), {
      'idempotency-key': 'again',
    });
    assert.equal(response.status, 400);
  });
});

describe('access routes with Altinn 2', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal(
      {
        consent: undefined,
        access: {
          api: 'altinn2',
          services: [{ serviceCode: '4751', serviceEditionCode: 1 }],
          apiKey: API_KEY,
        },
      },
      {},
    );
  });
  after(() => portal.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    services: [{ serviceCode: '4751', serviceEditionCode: 1 }],
    org: BANK,
    redirectUrl: `${portal.origin}/modul#lonn`,
    ...overrides,
  });

  async function create(overrides: Record<string, unknown> = {}): Promise<View> {
    const response = await portal.call('POST', '/access-requests', body(overrides), {
      'idempotency-key': crypto.randomUUID(),
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as View;
  }

  it('creates the request and sends the user to Altinn 2’s send page, and back', async () => {
    const view = await create();
    assert.equal(view.status, 'created');
    assert.equal(view.navigation, 'redirect');
    assert.equal(view.url, `${portal.mock.url}/ui/DelegationRequest/send/${view.id}`);
    const stored = portal.mock.delegationRequests.get(view.id) as unknown as Record<
      string,
      unknown
    >;
    assert.match(JSON.stringify(stored), new RegExp(PERSON));

    const sent = await actInAltinn(String(view.url), 'send', {
      fields: { message: 'Jeg trenger lønnsmodulen.' },
    });
    assert.ok(sent.status < 400, `send answered ${sent.status}`);
    const receipt =
      sent.status >= 300
        ? new URL(String(sent.headers.get('location')), view.url).href
        : String(view.url);
    const location = new URL(await altinnLink(receipt, 'continue'));
    assert.equal(location.origin + location.pathname, `${portal.origin}/modul`);
    assert.equal(location.searchParams.get('DelegationRequestId'), view.id);
    assert.equal(location.searchParams.get('Status'), 'OK');
    assert.equal(location.hash, '#lonn');

    // Read as a status element polls: a few seconds apart.
    const read = async () => {
      portal.advance(3000);
      return ((await (await portal.call('GET', `/access-requests/${view.id}`)).json()) as View)
        .status;
    };
    assert.equal(await read(), 'pending');
    await actInAltinn(
      `${portal.mock.url}/accessmanagement/ui/requests/received?org=${BANK}`,
      'approve',
      { requestId: view.id },
    );
    assert.equal(await read(), 'accepted');
  });

  it('lets a person read only their own requests', async () => {
    const view = await create();
    const response = await portal.call('GET', `/access-requests/${view.id}`, undefined, {
      [SESSION_HEADER]: OTHER_PERSON,
    });
    assert.equal(response.status, 404);
  });

  it('refuses a service not on the list, and a redirect to another site', async () => {
    const service = await portal.call(
      'POST',
      '/access-requests',
      body({ services: [{ serviceCode: '5252', serviceEditionCode: 2 }] }),
    );
    assert.equal(service.status, 403);
    assert.equal(await problemCode(service), 'service-not-allowed');
    const redirect = await portal.call(
      'POST',
      '/access-requests',
      body({ redirectUrl: 'https://evil.example/' }),
    );
    assert.equal(redirect.status, 400);
    assert.equal(await problemCode(redirect), 'redirect-not-allowed');
  });

  it('withdraws a request (Altinn 2 DELETE)', async () => {
    const view = await create();
    const response = await portal.call('DELETE', `/access-requests/${view.id}`);
    assert.equal(response.status, 200);
    assert.equal(
      ((await (await portal.call('GET', `/access-requests/${view.id}`)).json()) as View).status,
      'withdrawn',
    );
  });
});

describe('access options', () => {
  it('require an API key for Altinn 2', async () => {
    await assert.rejects(startPortal({ access: { api: 'altinn2', services: [] } }), /apiKey/);
  });
});

describe('access routes when Altinn 3 no longer knows a request', () => {
  it('answer 404, not Altinn’s 400', async () => {
    const portal = await startPortal({
      consent: undefined,
      access: { api: 'altinn3', resources: [A3_RESOURCE] },
    });
    try {
      const created = await portal.call(
        'POST',
        '/access-requests',
        { resource: A3_RESOURCE, org: BANK, redirectUrl: `${portal.origin}/modul` },
        { 'idempotency-key': crypto.randomUUID() },
      );
      const view = (await created.json()) as View;
      portal.mock.reset();
      const response = await portal.call('GET', `/access-requests/${encodeURIComponent(view.id)}`);
      assert.equal(response.status, 404);
      assert.equal(await problemCode(response), 'not-found');
    } finally {
      await portal.close();
    }
  });
});
