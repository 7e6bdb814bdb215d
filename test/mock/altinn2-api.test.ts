import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MockAltinn } from '../../src/mock/index.js';
import {
  ACCESS_READ,
  ACCESS_WRITE,
  ALTINN2_REQUESTS,
  BANK,
  PERSON,
  READ,
  TAX_OFFICE,
  TESTFJORD,
  WRITE,
  actOnPage,
  altinn2Headers,
  createAltinn2,
  delegationRequestBody,
  getAltinn2,
  postAltinn2,
  startForAccess,
  type Altinn2Item,
} from './helpers.js';

type Json = Record<string, unknown>;

/** An Altinn 2 error: Web API's `{ Message }`, plus `ModelState` for invalid input. */
async function expectError(res: Response, status: number): Promise<Json> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await res.json()) as Json;
  assert.equal(typeof body.Message, 'string');
  return body;
}

async function expectInvalid(res: Response, keys: string[]): Promise<Record<string, string[]>> {
  const body = await expectError(res, 400);
  assert.equal(body.Message, 'The request is invalid.');
  const modelState = body.ModelState as Record<string, string[]>;
  assert.deepEqual(Object.keys(modelState).sort(), [...keys].sort());
  return modelState;
}

describe('mock Altinn 2 service owner API (delegationRequests)', () => {
  let altinn: MockAltinn;
  let token: string;
  let tokenFor: (orgNumber: string, scopes?: string[]) => Promise<string>;
  let clock = Date.UTC(2026, 2, 2, 9, 15, 30, 250);

  before(async () => {
    ({ altinn, token, tokenFor } = await startForAccess({ now: () => new Date(clock) }));
  });
  after(() => altinn.close());

  describe('authentication', () => {
    it('wants a known ApiKey first: 403 with a message when it is missing or unknown', async () => {
      const none = await fetch(
        `${altinn.url}${ALTINN2_REQUESTS}/5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      assert.match((await expectError(none, 403)).Message as string, /ApiKey header is missing/);
      const empty = await postAltinn2(altinn, token, delegationRequestBody(), { ApiKey: '' });
      assert.equal(empty.status, 403);
      const unknown = await postAltinn2(altinn, token, delegationRequestBody(), {
        ApiKey: 'guessed',
      });
      assert.equal((await expectError(unknown, 403)).Message, 'The ApiKey is not valid.');
    });

    it('wants a Maskinporten token of the mock: 401 without one', async () => {
      const res = await postAltinn2(altinn, undefined, delegationRequestBody());
      const body = await expectError(res, 401);
      assert.equal(body.Message, 'Authorization has been denied for this request.');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
      const forged = await postAltinn2(altinn, 'not-a-token', delegationRequestBody());
      assert.equal(forged.status, 401);
    });

    it('wants .write to create and delete, .read to read', async () => {
      const readOnly = await tokenFor(BANK, [ACCESS_READ]);
      const writeOnly = await tokenFor(BANK, [ACCESS_WRITE]);
      const consentOnly = await tokenFor(BANK, [WRITE, READ]);
      const created = await createAltinn2(altinn, token);
      assert.equal((await postAltinn2(altinn, readOnly, delegationRequestBody())).status, 403);
      assert.equal((await postAltinn2(altinn, consentOnly, delegationRequestBody())).status, 403);
      const deleteRead = await fetch(`${altinn.url}${ALTINN2_REQUESTS}/${created.Guid}`, {
        method: 'DELETE',
        headers: altinn2Headers(readOnly),
      });
      assert.match(
        (await expectError(deleteRead, 403)).Message as string,
        /delegationrequests\.write/,
      );
      const getWrite = await fetch(`${altinn.url}${ALTINN2_REQUESTS}/${created.Guid}`, {
        headers: altinn2Headers(writeOnly),
      });
      assert.equal(getWrite.status, 403);
      assert.equal((await getAltinn2(altinn, readOnly, created.Guid)).Guid, created.Guid);
      assert.equal((await postAltinn2(altinn, writeOnly, delegationRequestBody())).status, 201);
    });

    it('takes API keys registered later, in code and over HTTP', async () => {
      const key = 'registered-later';
      const attempt = (): Promise<Response> =>
        postAltinn2(altinn, token, delegationRequestBody(), { ApiKey: key });
      assert.equal((await attempt()).status, 403);
      altinn.registerApiKey(key);
      assert.equal((await attempt()).status, 201);
      const overHttp = await fetch(`${altinn.url}/__mock/api-keys`, {
        method: 'POST',
        body: JSON.stringify({ key: 'over-http' }),
      });
      assert.equal(overHttp.status, 204);
      assert.equal(
        (await postAltinn2(altinn, token, delegationRequestBody(), { ApiKey: 'over-http' })).status,
        201,
      );
      assert.throws(() => altinn.registerApiKey(''), TypeError);
    });
  });

  describe('create', () => {
    it('answers 201 with the HAL item, its links and a Location', async () => {
      const res = await postAltinn2(altinn, token, delegationRequestBody());
      assert.equal(res.status, 201);
      assert.match(res.headers.get('content-type') ?? '', /^application\/hal\+json/);
      const item = (await res.json()) as Altinn2Item;
      assert.match(
        item.Guid,
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.deepEqual(item, {
        Guid: item.Guid,
        RequestStatus: 'Created',
        CoveredBy: PERSON,
        OfferedBy: TESTFJORD,
        RedirectUrl: 'https://portal.example/lonn?step=2',
        RequestMessage: 'Trenger tilgang til lønnsmodulen.',
        KeepSessionAlive: true,
        // Norwegian local time (UTC+1 in March), no offset, fraction without trailing zeros
        Created: '2026-03-02T10:15:30.25',
        LastChanged: '2026-03-02T10:15:30.25',
        RequestResources: [
          {
            ServiceCode: '4751',
            ServiceEditionCode: 1,
            AltinnAppId: null,
            Operations: ['Read', 'Write'],
          },
        ],
        _links: {
          self: { href: `${altinn.url}/api/serviceowner/delegationrequests/${item.Guid}` },
          sendRequest: { href: `${altinn.url}/ui/DelegationRequest/send/${item.Guid}` },
        },
      });
      assert.equal(res.headers.get('location'), item._links?.self.href);
      assert.equal(altinn.delegationRequests.get(item.Guid)?.serviceOwner, BANK);
    });

    it('gives plain JSON without links as soon as application/json is acceptable', async () => {
      for (const accept of [
        'application/json',
        'application/hal+json, application/json',
        'application/json; q=0.5, */*',
      ]) {
        const res = await postAltinn2(altinn, token, delegationRequestBody(), { Accept: accept });
        assert.equal(res.status, 201, accept);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/, accept);
        const item = (await res.json()) as Altinn2Item;
        assert.equal(item._links, undefined, accept);
        assert.equal(item.RequestStatus, 'Created');
      }
      const hal = await postAltinn2(altinn, token, delegationRequestBody(), { Accept: '*/*' });
      assert.ok(((await hal.json()) as Altinn2Item)._links, 'HAL by default');
    });

    it('binds property names case-insensitively and converts numbers as Json.NET does', async () => {
      const res = await postAltinn2(altinn, token, {
        coveredBy: PERSON,
        OFFEREDBY: Number(TESTFJORD),
        redirecturl: 'https://portal.example/cb',
        requestResources: [
          { serviceCode: 4751, serviceEditionCode: '1' },
          { servicecode: '5252', SERVICEEDITIONCODE: 2 },
        ],
      });
      assert.equal(res.status, 201);
      const item = (await res.json()) as Altinn2Item;
      assert.equal(item.OfferedBy, TESTFJORD);
      assert.equal(item.KeepSessionAlive, false);
      assert.equal(item.RequestMessage, null);
      assert.deepEqual(
        (item.RequestResources as Json[]).map((r) => [r.ServiceCode, r.ServiceEditionCode]),
        [
          ['4751', 1],
          ['5252', 2],
        ],
      );
    });

    it('lets an organisation ask as CoveredBy', async () => {
      const item = await createAltinn2(altinn, token, { CoveredBy: '310456780' });
      assert.equal(item.CoveredBy, '310456780');
    });

    const invalid: [string, Record<string, unknown>, string[], RegExp][] = [
      ['a missing CoveredBy', { CoveredBy: undefined }, ['CoveredBy'], /required/],
      [
        'a CoveredBy of the wrong length',
        { CoveredBy: '1234' },
        ['CoveredBy'],
        /11 digits\) or an organisation number \(9 digits/,
      ],
      [
        'a person not in the register',
        { CoveredBy: '01010112345' },
        ['CoveredBy'],
        /01010112345 is not in the register/,
      ],
      [
        'an OfferedBy that is a person',
        { OfferedBy: PERSON },
        ['OfferedBy'],
        /must be an organisation number/,
      ],
      [
        'an organisation not in the register',
        { OfferedBy: '999999999' },
        ['OfferedBy'],
        /999999999 is not in the register/,
      ],
      ['a request to oneself', { CoveredBy: TESTFJORD }, ['OfferedBy'], /must differ/],
      [
        'a relative RedirectUrl',
        { RedirectUrl: '/lonn' },
        ['RedirectUrl'],
        /absolute http or https/,
      ],
      [
        'a javascript: RedirectUrl',
        { RedirectUrl: 'javascript:alert(1)' },
        ['RedirectUrl'],
        /absolute http or https/,
      ],
      [
        'an ftp RedirectUrl',
        { RedirectUrl: 'ftp://portal.example/' },
        ['RedirectUrl'],
        /absolute http or https/,
      ],
      ['no RedirectUrl', { RedirectUrl: undefined }, ['RedirectUrl'], /required/],
      ['no services', { RequestResources: [] }, ['RequestResources'], /at least one service/],
      [
        'an unknown service',
        { RequestResources: [{ ServiceCode: '4751', ServiceEditionCode: 9 }] },
        ['RequestResources[0]'],
        /no service 4751 edition 9/,
      ],
      [
        "another service owner's service",
        {
          RequestResources: [
            { ServiceCode: '4751', ServiceEditionCode: 1 },
            { ServiceCode: '3131', ServiceEditionCode: 1 },
          ],
        },
        ['RequestResources[1]'],
        /another service owner/,
      ],
      [
        'an Altinn 3 app',
        { RequestResources: [{ AltinnAppId: 'ttd/app' }] },
        ['RequestResources[0]'],
        /AltinnAppId/,
      ],
      [
        'a KeepSessionAlive that is no boolean',
        { KeepSessionAlive: 'yes' },
        ['KeepSessionAlive'],
        /true or false/,
      ],
    ];
    for (const [name, overrides, keys, message] of invalid) {
      it(`refuses ${name} with 400 and ModelState`, async () => {
        const res = await postAltinn2(altinn, token, delegationRequestBody(overrides));
        const modelState = await expectInvalid(res, keys);
        assert.match(modelState[keys[0] ?? '']?.[0] ?? '', message);
      });
    }

    it('says why an owned service is refused, and reports every problem at once', async () => {
      const res = await postAltinn2(
        altinn,
        token,
        delegationRequestBody({
          CoveredBy: 'x',
          RedirectUrl: 'nope',
          RequestResources: [{ ServiceCode: '3131', ServiceEditionCode: 1 }],
        }),
      );
      const modelState = await expectInvalid(res, [
        'CoveredBy',
        'RedirectUrl',
        'RequestResources[0]',
      ]);
      assert.match(modelState['RequestResources[0]']?.[0] ?? '', /another service owner/);
      // the tax office owns 3131: it may ask for it
      const taxToken = await tokenFor(TAX_OFFICE);
      const own = await postAltinn2(
        altinn,
        taxToken,
        delegationRequestBody({
          RequestResources: [{ ServiceCode: '3131', ServiceEditionCode: 1 }],
        }),
      );
      assert.equal(own.status, 201);
    });

    it('refuses bodies that are no JSON object, and other media types', async () => {
      await expectInvalid(await postAltinn2(altinn, token, '{"CoveredBy":'), ['request']);
      await expectInvalid(await postAltinn2(altinn, token, '[1]'), ['request']);
      const text = await postAltinn2(altinn, token, JSON.stringify(delegationRequestBody()), {
        'Content-Type': 'text/plain',
      });
      assert.match((await expectError(text, 415)).Message as string, /text\/plain/);
      const json = await postAltinn2(altinn, token, delegationRequestBody(), {
        'Content-Type': 'application/json; charset=utf-8',
      });
      assert.equal(json.status, 201);
    });
  });

  describe('read and delete', () => {
    it('reads its own request, in HAL or plain JSON', async () => {
      const created = await createAltinn2(altinn, token);
      assert.deepEqual(await getAltinn2(altinn, token, created.Guid.toUpperCase()), created);
      const plain = await fetch(`${altinn.url}${ALTINN2_REQUESTS}/${created.Guid}`, {
        headers: altinn2Headers(token, { Accept: 'application/json' }),
      });
      const { _links, ...withoutLinks } = created;
      assert.ok(_links, '_links');
      assert.deepEqual(await plain.json(), withoutLinks);
    });

    it('answers 404 for an unknown id, 403 for another service owner, 400 for a bad id', async () => {
      const get = (guid: string, as = token): Promise<Response> =>
        fetch(`${altinn.url}${ALTINN2_REQUESTS}/${guid}`, { headers: altinn2Headers(as) });
      await expectError(await get('5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11'), 404);
      const created = await createAltinn2(altinn, token);
      const other = await tokenFor(TAX_OFFICE);
      await expectError(await get(created.Guid, other), 403);
      const otherDelete = await fetch(`${altinn.url}${ALTINN2_REQUESTS}/${created.Guid}`, {
        method: 'DELETE',
        headers: altinn2Headers(other),
      });
      await expectError(otherDelete, 403);
      assert.match(
        (await expectError(await get('not-a-guid'), 400)).MessageDetail as string,
        /Guid/,
      );
      assert.equal((await get(`${created.Guid}/more`)).status, 404);
    });

    it('DELETE answers 204 and leaves the request as Deleted', async () => {
      const created = await createAltinn2(altinn, token);
      clock += 60_000;
      const del = (): Promise<Response> =>
        fetch(`${altinn.url}${ALTINN2_REQUESTS}/${created.Guid}`, {
          method: 'DELETE',
          headers: altinn2Headers(token),
        });
      const res = await del();
      assert.equal(res.status, 204);
      assert.equal(await res.text(), '');
      const after = await getAltinn2(altinn, token, created.Guid);
      assert.equal(after.RequestStatus, 'Deleted');
      assert.equal(after.LastChanged, '2026-03-02T10:16:30.25');
      assert.equal(after.Created, created.Created);
      assert.equal((await del()).status, 204, 'deleting again changes nothing');
    });
  });

  it('lists the caller’s requests by service, parties and status, as a lost answer is found', async () => {
    const mine = await createAltinn2(altinn, token);
    const sent = await createAltinn2(altinn, token);
    assert.equal(await actOnPage(altinn, sent.Guid, 'send'), true);
    const list = async (query: string) => {
      const res = await fetch(`${altinn.url}${ALTINN2_REQUESTS}?${query}`, {
        headers: altinn2Headers(token),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { _embedded: { delegationRequests: Altinn2Item[] } };
      return body._embedded.delegationRequests.map((item) => item.Guid);
    };
    const created = await list(
      `serviceCode=4751&serviceEditionCode=1&coveredBy=${String(mine.CoveredBy)}&offeredBy=${String(mine.OfferedBy)}&status[0]=created`,
    );
    assert.ok(created.includes(mine.Guid));
    assert.ok(!created.includes(sent.Guid), 'a sent request is no longer created');
    assert.deepEqual(await list('coveredBy=00000000000'), []);
    assert.ok(
      (await list('STATUS[0]=Unopened')).includes(sent.Guid),
      'names and values in any case',
    );
  });

  it('spells an approved request Accepted when told to ([C] in altinn-api.md 3.1)', async () => {
    const other = await startForAccess({ altinn2ApprovedStatus: 'Accepted' });
    try {
      const created = await createAltinn2(other.altinn, other.token);
      assert.equal(await actOnPage(other.altinn, created.Guid, 'send'), true);
      assert.equal(await actOnPage(other.altinn, created.Guid, 'approve'), true);
      assert.equal(
        (await getAltinn2(other.altinn, other.token, created.Guid)).RequestStatus,
        'Accepted',
      );
    } finally {
      await other.altinn.close();
    }
  });

  it('counts calls in stats and forgets requests on reset', async () => {
    altinn.reset();
    const created = await createAltinn2(altinn, token);
    await getAltinn2(altinn, token, created.Guid);
    assert.equal(altinn.stats.altinn2DelegationRequests, 2);
    assert.equal(altinn.delegationRequests.size, 1);
    altinn.reset();
    assert.equal(altinn.stats.altinn2DelegationRequests, 0);
    assert.equal(altinn.delegationRequests.size, 0);
    assert.equal(
      (await postAltinn2(altinn, token, delegationRequestBody())).status,
      201,
      'keys survive',
    );
  });
});
