/**
 * The backend's memory, over real HTTP against the mock Altinn: the person's requests listed and
 * looked up, only theirs; and two instances of the handler on one database (PostgreSQL in CI) that
 * behave as one: what one created the other reads and lists, one Idempotency-Key is one request in
 * Altinn however the retries are spread, one consent id is one consent, and a restart forgets
 * nothing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAltinnHandler, toNodeListener } from '../../src/server/index.js';
import { assertMatchesContract } from './openapi.js';
import {
  answerInAltinn,
  API_KEY,
  BANK,
  consentBody,
  OTHER_PERSON,
  PERSON,
  RESOURCE,
  SESSION_HEADER,
  startPortal,
  testStore,
  type TestPortal,
} from './support.js';

interface View {
  kind: string;
  id: string;
  status: string;
  url?: string;
  createdAt?: string;
  subject?: Record<string, unknown>;
}
interface List {
  items: View[];
  next?: string;
}

const SERVICE = { serviceCode: '4751', serviceEditionCode: 1 };

async function codeOf(response: Response): Promise<string> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ((await response.json()) as { code: string }).code;
}

describe('lists and lookup of the person’s requests', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal();
  });
  after(() => portal.close());

  async function ask(resource = RESOURCE, person = PERSON): Promise<View> {
    const response = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, { rights: [{ resource, metadata: { inntektsaar: '2024' } }] }),
      { [SESSION_HEADER]: person },
    );
    assert.equal(response.status, 201, await response.clone().text());
    // One request after the other, as a person asks: each later than the last.
    portal.advance(1000);
    return (await response.json()) as View;
  }

  const list = async (query: string, person = PERSON): Promise<List> => {
    const response = await portal.call('GET', `/consent-requests?${query}`, undefined, {
      [SESSION_HEADER]: person,
    });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as List;
    await assertMatchesContract('get', '/consent-requests', 200, body);
    return body;
  };

  it('lists the person’s requests newest first, by what was asked and by state, a page at a time', async () => {
    const first = await ask();
    const second = await ask('samtykke-skattegrunnlag');
    const third = await ask();
    await ask(RESOURCE, OTHER_PERSON);
    await answerInAltinn(String(first.url), 'accept');

    const all = await list('state=all');
    assert.deepEqual(
      all.items.map((view) => view.id),
      [third.id, second.id, first.id],
    );
    assert.deepEqual(all.items[0]?.subject?.resource, RESOURCE);
    assert.ok(all.items.every((view) => view.kind === 'consent' && view.createdAt));

    assert.deepEqual(
      (await list(`resource=${RESOURCE}`)).items.map((view) => view.id),
      [third.id, first.id],
    );
    assert.deepEqual(
      (await list('state=final')).items.map((view) => [view.id, view.status]),
      [[first.id, 'accepted']],
    );
    assert.deepEqual(
      (await list('state=open')).items.map((view) => view.id),
      [third.id, second.id],
    );

    const page1 = await list('limit=2');
    assert.equal(page1.items.length, 2);
    assert.ok(page1.next);
    await ask(); // A request made meanwhile does not move the pages already given.
    const page2 = await list(`limit=2&cursor=${encodeURIComponent(String(page1.next))}`);
    assert.deepEqual(
      page2.items.map((view) => view.id),
      [first.id],
    );
    assert.equal(page2.next, undefined);
  });

  it('purges final requests some 13 months after they last changed, and keeps open ones', async () => {
    const rejected = await ask();
    const open = await ask();
    await answerInAltinn(String(rejected.url), 'reject');
    assert.equal(
      ((await (await portal.call('GET', `/consent-requests/${rejected.id}`)).json()) as View)
        .status,
      'rejected',
    );
    portal.advance(14 * 31 * 86_400_000);
    try {
      // Any call lets the handler purge (in the background); the list then lacks the old one.
      const ids = async () => (await list('state=all&limit=100')).items.map((view) => view.id);
      const deadline = Date.now() + 30_000;
      while ((await ids()).includes(rejected.id) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const left = await ids();
      assert.ok(!left.includes(rejected.id), 'the final request is purged');
      assert.ok(left.includes(open.id), 'the open one stays');
    } finally {
      portal.advance(-14 * 31 * 86_400_000);
    }
  });

  it('refuses a bad query with a 400 problem', async () => {
    for (const query of [
      'state=soon',
      'limit=0',
      'limit=101',
      'cursor=not-a-cursor',
      'package=x',
    ]) {
      const response = await portal.call('GET', `/consent-requests?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(await codeOf(response), 'invalid-query', query);
    }
  });

  it('looks up many ids at once, answering only the person’s', async () => {
    const mine = [await ask(), await ask()];
    const theirs = await ask(RESOURCE, OTHER_PERSON);
    const response = await portal.call('POST', '/consent-requests/lookup', {
      ids: [...mine.map((view) => view.id), theirs.id, crypto.randomUUID()],
    });
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as { items: View[] };
    await assertMatchesContract('post', '/consent-requests/lookup', 200, { items });
    assert.deepEqual(items.map((view) => view.id).sort(), mine.map((view) => view.id).sort());
  });

  it('refuses a lookup of no ids, over 100 ids, or a malformed id', async () => {
    const ids = (count: number) => Array.from({ length: count }, () => crypto.randomUUID());
    for (const body of [{ ids: [] }, { ids: ids(101) }, { ids: ['a b'] }, { ids: 'x' }, []]) {
      const response = await portal.call('POST', '/consent-requests/lookup', body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 40));
    }
    assert.equal(
      (await portal.call('POST', '/consent-requests/lookup', { ids: ids(100) })).status,
      200,
    );
  });
});

/** A second instance of the portal's backend, on the same mock Altinn and database as `portal`. */
async function secondInstance(
  portal: TestPortal,
  secret: string,
  access?: Parameters<typeof createAltinnHandler>[0]['access'],
): Promise<{ call: TestPortal['call']; close(): Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/altinn`;
  server.on(
    'request',
    toNodeListener(
      createAltinnHandler({
        environment: { platformUrl: portal.mock.url },
        tokenSource: portal.tokenSource,
        identify: (request) => {
          const person = request.headers.get(SESSION_HEADER);
          return person ? { person } : undefined;
        },
        consent: { organization: BANK, resources: [RESOURCE] },
        ...(access ? { access } : {}),
        // Both instances serve the same portal pages.
        allowedOrigins: [portal.origin],
        store: await testStore(Date.now, secret),
      }),
    ),
  );
  return {
    call: (method, path, body, headers = {}) =>
      fetch(`${endpoint}${path}`, {
        method,
        headers: {
          origin: portal.origin,
          [SESSION_HEADER]: PERSON,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('two instances of the handler on one database', () => {
  const secret = `shared-${crypto.randomUUID()}`;
  const access = { api: 'altinn2' as const, services: [SERVICE], apiKey: API_KEY };
  let a: TestPortal;
  let b: Awaited<ReturnType<typeof secondInstance>>;
  before(async () => {
    a = await startPortal({ store: await testStore(Date.now, secret), access });
    b = await secondInstance(a, secret, access);
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  it('reads and lists on one what the other created', async () => {
    const created = (await (
      await a.call('POST', '/consent-requests', consentBody(a.origin))
    ).json()) as View;
    const read = await b.call('GET', `/consent-requests/${created.id}`);
    assert.equal(read.status, 200);
    assert.equal(((await read.json()) as View).status, 'created');
    const listed = (await (await b.call('GET', '/consent-requests')).json()) as List;
    assert.ok(listed.items.some((view) => view.id === created.id));
  });

  it('makes one consent of one id posted on both', async () => {
    const body = consentBody(a.origin);
    const first = await a.call('POST', '/consent-requests', body);
    const second = await b.call('POST', '/consent-requests', body);
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(((await second.json()) as View).id, body.id);
    assert.ok(a.mock.consentRequests.has(String(body.id)));
  });

  it('creates one request in Altinn for 50 concurrent POSTs with one key, spread over both', async () => {
    const key = crypto.randomUUID();
    const requestsOfPerson = () =>
      [...a.mock.delegationRequests.values()].filter((request) =>
        JSON.stringify(request).includes(PERSON),
      ).length;
    const before = requestsOfPerson();
    const body = { services: [SERVICE], org: BANK, redirectUrl: `${a.origin}/modul` };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        (index % 2 ? a.call : b.call)('POST', '/access-requests', body, { 'idempotency-key': key }),
      ),
    );
    const views = await Promise.all(
      answers.map(async (answer) => {
        assert.equal(answer.status, 201, await answer.clone().text());
        return (await answer.json()) as View;
      }),
    );
    assert.equal(new Set(views.map((view) => view.id)).size, 1);
    assert.equal(requestsOfPerson() - before, 1, 'one request in Altinn');
  });

  it('forgets nothing when an instance restarts', async () => {
    const created = (await (
      await a.call('POST', '/consent-requests', consentBody(a.origin))
    ).json()) as View;
    await answerInAltinn(String(created.url), 'accept');
    await b.close();
    b = await secondInstance(a, secret, access);
    const read = await b.call('GET', `/consent-requests/${created.id}`);
    assert.equal(((await read.json()) as View).status, 'accepted');
  });
});

describe('access through Altinn 2 and Altinn 3, two handlers on one database', () => {
  const secret = `shared-${crypto.randomUUID()}`;
  const RESOURCE_3 = 'lonnsmodul-tilgang';
  let altinn2: TestPortal;
  let altinn3: Awaited<ReturnType<typeof secondInstance>>;
  before(async () => {
    altinn2 = await startPortal({
      store: await testStore(Date.now, secret),
      access: { api: 'altinn2', services: [SERVICE], apiKey: API_KEY },
    });
    altinn3 = await secondInstance(altinn2, secret, {
      api: 'altinn3',
      resources: [RESOURCE_3],
    });
  });
  after(async () => {
    await altinn3.close();
    await altinn2.close();
  });

  it('each reads, lists, looks up and withdraws only the requests it made', async () => {
    const asked2 = await altinn2.call('POST', '/access-requests', {
      services: [SERVICE],
      org: BANK,
      redirectUrl: `${altinn2.origin}/modul`,
    });
    assert.equal(asked2.status, 201, await asked2.clone().text());
    const old = (await asked2.json()) as View;
    const asked3 = await altinn3.call('POST', '/access-requests', {
      resource: RESOURCE_3,
      org: BANK,
      redirectUrl: `${altinn2.origin}/modul`,
    });
    assert.equal(asked3.status, 201, await asked3.clone().text());
    const fresh = (await asked3.json()) as View;

    for (const [handler, own, other] of [
      [altinn2, old, fresh],
      [altinn3, fresh, old],
    ] as const) {
      const listed = (await (await handler.call('GET', '/access-requests')).json()) as List;
      assert.deepEqual(
        listed.items.map((view) => view.id),
        [own.id],
      );
      const found = (await (
        await handler.call('POST', '/access-requests/lookup', { ids: [own.id, other.id] })
      ).json()) as List;
      assert.deepEqual(
        found.items.map((view) => view.id),
        [own.id],
      );
      assert.equal((await handler.call('GET', `/access-requests/${other.id}`)).status, 404);
      assert.equal((await handler.call('DELETE', `/access-requests/${other.id}`)).status, 404);
    }
  });
});
