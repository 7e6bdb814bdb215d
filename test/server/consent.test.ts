/**
 * The backend handler's consent routes, over real HTTP, against the mock Altinn.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  answerInAltinn,
  BANK,
  consentBody,
  OTHER_PERSON,
  PERSON,
  RESOURCE,
  SESSION_HEADER,
  startPortal,
  type TestPortal,
} from './support.js';
import { assertMatchesContract } from './openapi.js';

interface View {
  kind: string;
  id: string;
  status: string;
  url?: string;
  navigation?: string;
  validTo?: string;
}

async function created(portal: TestPortal, overrides: Record<string, unknown> = {}): Promise<View> {
  const response = await portal.call(
    'POST',
    '/consent-requests',
    consentBody(portal.origin, overrides),
  );
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as View;
}

async function problemOf(response: Response): Promise<{
  status: number;
  code: string;
  detail?: string;
  errors?: { path: string; code?: string }[];
}> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = (await response.json()) as { status: number; code: string };
  assert.equal(body.status, response.status);
  return body;
}

describe('consent routes', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal();
  });
  after(() => portal.close());

  it('creates the request in Altinn for the signed-in person and the portal’s organisation', async () => {
    const body = consentBody(portal.origin);
    const response = await portal.call('POST', '/consent-requests', body);
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const view = (await response.json()) as View;
    await assertMatchesContract('post', '/consent-requests', 201, view);
    assert.equal(view.kind, 'consent');
    assert.equal(view.id, body.id);
    assert.equal(view.status, 'created');
    assert.equal(view.navigation, 'redirect');
    assert.equal(
      view.url,
      `${portal.mock.url}/accessmanagement/ui/consent/request?id=${String(body.id)}&DONTCHOOSEREPORTEE=true`,
    );

    const stored = portal.mock.consentRequests.get(String(body.id)) as Record<string, unknown>;
    assert.equal(stored.from, `urn:altinn:person:identifier-no:${PERSON}`);
    assert.equal(stored.to, `urn:altinn:organization:identifier-no:${BANK}`);
    assert.equal(stored.redirectUrl, body.redirectUrl);
    assert.deepEqual(
      (stored.consentRights as { metadata?: Record<string, string> }[]).map(
        (right) => right.metadata,
      ),
      [{ inntektsaar: '2023' }, { inntektsaar: '2024' }],
    );
    // P90D, resolved by the backend's clock.
    const days = (Date.parse(String(view.validTo)) - Date.now()) / 86_400_000;
    assert.ok(days > 89.9 && days < 90.1, `validTo ${view.validTo} is about 90 days away`);
  });

  it('answers 200 with the same request when the element retries with the same id', async () => {
    const body = consentBody(portal.origin);
    const first = await portal.call('POST', '/consent-requests', body);
    assert.equal(first.status, 201);
    const second = await portal.call('POST', '/consent-requests', body);
    assert.equal(second.status, 200);
    const view = (await second.json()) as View;
    await assertMatchesContract('post', '/consent-requests', 200, view);
    assert.equal(view.id, body.id);
    assert.equal(view.status, 'created');
  });

  it('reads the status Altinn holds after the user accepts or rejects', async () => {
    const accepted = await created(portal);
    const back = await answerInAltinn(String(accepted.url), 'accept');
    assert.equal(new URL(back).searchParams.get('Status'), 'OK');
    const rejected = await created(portal);
    await answerInAltinn(String(rejected.url), 'reject');

    for (const [view, status] of [
      [accepted, 'accepted'],
      [rejected, 'rejected'],
    ] as const) {
      const response = await portal.call('GET', `/consent-requests/${view.id}`);
      assert.equal(response.status, 200);
      const read = (await response.json()) as View;
      await assertMatchesContract('get', '/consent-requests/{id}', 200, read);
      assert.equal(read.status, status);
    }
  });

  it('shows a granted consent as expired once validTo has passed', async () => {
    const view = await created(portal, { validTo: 'P1D' });
    await answerInAltinn(String(view.url), 'accept');
    portal.advance(2 * 86_400_000);
    try {
      const read = (await (
        await portal.call('GET', `/consent-requests/${view.id}`)
      ).json()) as View;
      assert.equal(read.status, 'expired');
    } finally {
      portal.advance(-2 * 86_400_000);
    }
  });

  it('never shows one person another person’s request', async () => {
    const view = await created(portal);
    const response = await portal.call('GET', `/consent-requests/${view.id}`, undefined, {
      [SESSION_HEADER]: OTHER_PERSON,
    });
    assert.equal(response.status, 404);
    assert.equal((await problemOf(response)).code, 'not-found');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'not-a-uuid', '..%2F..%2Fevents']) {
      const response = await portal.call('GET', `/consent-requests/${id}`);
      assert.equal(response.status, 404, id);
      await assertMatchesContract('get', '/consent-requests/{id}', 404, await problemOf(response));
    }
  });

  it('takes the person from identify, never from the body', async () => {
    for (const field of ['from', 'to', 'coveredBy', 'requiredDelegator']) {
      const response = await portal.call(
        'POST',
        '/consent-requests',
        consentBody(portal.origin, { [field]: `urn:altinn:person:identifier-no:${OTHER_PERSON}` }),
      );
      assert.equal(response.status, 400, field);
      const problem = await problemOf(response);
      assert.equal(problem.code, 'forbidden-field');
      assert.match(String(problem.detail), new RegExp(field));
    }
    // And a request made by one person is stored as that person's, whatever the page sent.
    const view = await created(portal);
    assert.equal(
      (portal.mock.consentRequests.get(view.id) as { from: string }).from,
      `urn:altinn:person:identifier-no:${PERSON}`,
    );
  });

  it('answers 401 when nobody is signed in', async () => {
    const response = await fetch(`${portal.endpoint}/consent-requests`, {
      method: 'POST',
      headers: { origin: portal.origin, 'content-type': 'application/json' },
      body: JSON.stringify(consentBody(portal.origin)),
    });
    assert.equal(response.status, 401);
    assert.equal((await problemOf(response)).code, 'not-signed-in');
  });

  it('refuses a POST from another site', async () => {
    const evil = await portal.call('POST', '/consent-requests', consentBody(portal.origin), {
      origin: 'https://evil.example',
    });
    assert.equal(evil.status, 403);
    assert.equal((await problemOf(evil)).code, 'cross-site-request');
    const crossSite = await fetch(`${portal.endpoint}/consent-requests`, {
      method: 'POST',
      headers: {
        'sec-fetch-site': 'cross-site',
        [SESSION_HEADER]: PERSON,
        'content-type': 'application/json',
      },
      body: JSON.stringify(consentBody(portal.origin)),
    });
    assert.equal(crossSite.status, 403);
  });

  const badBodies: [
    string,
    () => { body: unknown; headers?: Record<string, string> },
    number,
    string,
  ][] = [
    ['not JSON', () => ({ body: '{"id":' }), 400, 'invalid-body'],
    ['an array', () => ({ body: [] }), 400, 'invalid-body'],
    [
      'form data',
      () => ({ body: 'id=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'unsupported-media-type',
    ],
    [
      'too large',
      () => ({ body: consentBody(portal.origin, { padding: 'x'.repeat(20_000) }) }),
      413,
      'body-too-large',
    ],
    [
      'no rights',
      () => ({ body: consentBody(portal.origin, { rights: [] }) }),
      400,
      'invalid-body',
    ],
    ['no id', () => ({ body: consentBody(portal.origin, { id: undefined }) }), 400, 'invalid-body'],
    [
      'an id that is not a UUID',
      () => ({ body: consentBody(portal.origin, { id: '1234' }) }),
      400,
      'invalid-body',
    ],
    [
      'a resource not on the list',
      () => ({ body: consentBody(portal.origin, { rights: [{ resource: 'annen-ressurs' }] }) }),
      403,
      'resource-not-allowed',
    ],
    [
      'a redirect to another site',
      () => ({ body: consentBody(portal.origin, { redirectUrl: 'https://evil.example/' }) }),
      400,
      'redirect-not-allowed',
    ],
    [
      'a validity beyond a year',
      () => ({ body: consentBody(portal.origin, { validTo: 'P2Y' }) }),
      400,
      'validity-too-long',
    ],
    [
      'a validity in the past',
      () => ({ body: consentBody(portal.origin, { validTo: '2001-01-01T00:00:00Z' }) }),
      400,
      'invalid-body',
    ],
    [
      'a garbled validity',
      () => ({ body: consentBody(portal.origin, { validTo: 'soon' }) }),
      400,
      'invalid-body',
    ],
  ];
  for (const [name, make, status, code] of badBodies) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const { body, headers } = make();
      const response = await portal.call('POST', '/consent-requests', body, headers);
      assert.equal(response.status, status);
      const problem = await problemOf(response);
      assert.equal(problem.code, code);
      await assertMatchesContract('post', '/consent-requests', status, problem);
    });
  }

  it('says which field is wrong', async () => {
    const response = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, {
        rights: [{ resource: RESOURCE, metadata: { inntektsaar: 2024 } }],
      }),
    );
    const problem = await problemOf(response);
    assert.deepEqual(
      problem.errors?.map((error) => error.path),
      ['rights.0.metadata.inntektsaar'],
    );
  });

  it('passes Altinn’s own validation codes on as 400s', async () => {
    const unknownKey = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, {
        rights: [{ resource: RESOURCE, metadata: { inntektsaar: '2024', land: 'NO' } }],
      }),
    );
    assert.equal(unknownKey.status, 400);
    assert.equal((await problemOf(unknownKey)).code, 'AM-00006');

    const notConsent = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, { rights: [{ resource: 'ikke-samtykke-ressurs' }] }),
    );
    assert.equal(notConsent.status, 400);
    assert.equal((await problemOf(notConsent)).code, 'AM-00005');
  });

  it('answers Altinn’s multiple-problems 500 (STD-00001) as the 400 it is', async () => {
    const response = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, {
        rights: [
          { resource: RESOURCE, metadata: { land: 'NO' } },
          { resource: RESOURCE, metadata: { inntektsaar: '2024', by: 'Oslo' } },
        ],
      }),
    );
    assert.equal(response.status, 400);
    const problem = await problemOf(response);
    assert.equal(problem.code, 'STD-00001');
    assert.ok((problem.errors?.length ?? 0) >= 2, 'each of Altinn’s problems is listed');
  });

  it('answers 404 for other paths and 405 with Allow for other methods', async () => {
    const other = await portal.call('GET', '/nothing-here');
    assert.equal(other.status, 404);
    const method = await portal.call('DELETE', '/consent-requests');
    assert.equal(method.status, 405);
    assert.equal(method.headers.get('allow'), 'POST, GET');
  });

  it('never sends the Maskinporten token to the browser', async () => {
    const token = await portal.tokenSource.getToken(['altinn:consentrequests.write']);
    const answers = [
      await portal.call('POST', '/consent-requests', consentBody(portal.origin)),
      await portal.call(
        'POST',
        '/consent-requests',
        consentBody(portal.origin, { rights: [{ resource: 'ikke-samtykke-ressurs' }] }),
      ),
      await portal.call('GET', `/consent-requests/${crypto.randomUUID()}`),
    ];
    for (const answer of answers) {
      const text = await answer.text();
      assert.ok(!text.includes(token), 'no token');
      assert.ok(!/bearer/i.test(text), 'no bearer');
      for (const [name] of answer.headers) assert.notEqual(name, 'authorization');
    }
  });
});

describe('consent routes when Altinn or Maskinporten fail', () => {
  it('answers 502 altinn-unauthorized when Altinn refuses the portal (wrong organisation)', async () => {
    const portal = await startPortal({
      consent: { organization: '311567829', resources: [RESOURCE] },
    });
    try {
      const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
      assert.equal(response.status, 502);
      assert.equal((await problemOf(response)).code, 'altinn-unauthorized');
      assert.ok(portal.errors.length > 0, 'the portal’s logs hear of it');
    } finally {
      await portal.close();
    }
  });

  it('answers 502 maskinporten-failed, without detail, when the token is refused', async () => {
    const portal = await startPortal({
      tokenSource: async () => {
        throw new Error('invalid_grant: secret detail');
      },
    });
    try {
      const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
      assert.equal(response.status, 502);
      const text = await response.text();
      assert.match(text, /maskinporten-failed/);
      assert.doesNotMatch(text, /secret detail/);
    } finally {
      await portal.close();
    }
  });

  it('answers 502 altinn-unavailable when Altinn cannot be reached', async () => {
    const portal = await startPortal({ environment: { platformUrl: 'http://127.0.0.1:9' } });
    try {
      const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
      assert.equal(response.status, 502);
      assert.equal((await problemOf(response)).code, 'altinn-unavailable');
    } finally {
      await portal.close();
    }
  });
});
