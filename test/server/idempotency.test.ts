/**
 * `Idempotency-Key` on access requests, against the mock Altinn over real HTTP: a key is one request
 * (never two in Altinn, even after an answer lost on the way back), a key reused for another request
 * is refused, and one person's keys never push another person's out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_KEY, BANK, OTHER_PERSON, PERSON, startPortal, type TestPortal } from './support.js';

const SERVICE = { serviceCode: '4751', serviceEditionCode: 1 };

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { code: string }).code;
}

describe('Idempotency-Key with Altinn 3', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      access: {
        api: 'altinn3',
        resources: ['lonnsmodul-tilgang', 'regnskap-innsyn'],
      },
    });
  });
  after(() => portal.close());

  const body = (resource: string) => ({
    resource,
    org: BANK,
    redirectUrl: `${portal.origin}/modul`,
  });

  it('refuses a key reused for another request with 422, and keeps the first answer', async () => {
    const key = crypto.randomUUID();
    const first = await portal.call('POST', '/access-requests', body('lonnsmodul-tilgang'), {
      'idempotency-key': key,
    });
    assert.equal(first.status, 201);
    const view = (await first.json()) as { id: string };

    const other = await portal.call('POST', '/access-requests', body('regnskap-innsyn'), {
      'idempotency-key': key,
    });
    assert.equal(other.status, 422);
    assert.match(other.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(await codeOf(other), 'idempotency-key-reused');

    // The same request with the same key, fields in another order: the first answer.
    const again = await portal.call(
      'POST',
      '/access-requests',
      { redirectUrl: `${portal.origin}/modul`, org: BANK, resource: 'lonnsmodul-tilgang' },
      { 'idempotency-key': key },
    );
    assert.equal(again.status, 201);
    assert.equal(((await again.json()) as { id: string }).id, view.id);
  });
});

describe('Idempotency-Key with Altinn 2, which has no idempotency of its own', () => {
  let portal: TestPortal;
  /** When set, the next POST to Altinn 2 reaches it but its answer is lost on the way back. */
  let loseNextAnswer = false;
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      access: { api: 'altinn2', services: [SERVICE], apiKey: API_KEY },
      fetch: async (input, init) => {
        const answer = await fetch(input, init);
        if (loseNextAnswer && init?.method === 'POST') {
          loseNextAnswer = false;
          await answer.arrayBuffer();
          throw new TypeError('fetch failed: the connection was reset');
        }
        return answer;
      },
    });
  });
  after(() => portal.close());

  const body = () => ({ services: [SERVICE], org: BANK, redirectUrl: `${portal.origin}/modul` });
  const requestsOf = (person: string) =>
    [...portal.mock.delegationRequests.values()].filter((request) =>
      JSON.stringify(request).includes(person),
    );

  it('does not create a second request when the retry follows a lost answer', async () => {
    const key = crypto.randomUUID();
    const before = requestsOf(PERSON).length;
    loseNextAnswer = true;
    const lost = await portal.call('POST', '/access-requests', body(), { 'idempotency-key': key });
    assert.equal(lost.status, 502);
    assert.equal(requestsOf(PERSON).length, before + 1, 'the first try did reach Altinn');

    const retry = await portal.call('POST', '/access-requests', body(), { 'idempotency-key': key });
    assert.equal(retry.status, 201, await retry.clone().text());
    const view = (await retry.json()) as { id: string; status: string };
    assert.equal(view.status, 'created');
    assert.equal(requestsOf(PERSON).length, before + 1, 'no second request in Altinn');
    assert.ok(portal.mock.delegationRequests.has(view.id.toLowerCase()));

    const third = await portal.call('POST', '/access-requests', body(), { 'idempotency-key': key });
    assert.equal(((await third.json()) as { id: string }).id, view.id);
  });

  it('never lets one person’s keys push out another person’s', async () => {
    const key = crypto.randomUUID();
    const first = await portal.call('POST', '/access-requests', body(), {
      'idempotency-key': key,
      'x-test-person': OTHER_PERSON,
    });
    assert.equal(first.status, 201);
    const { id } = (await first.json()) as { id: string };
    const theirs = requestsOf(OTHER_PERSON).length;

    // Another person sends many more keys than one person may keep.
    for (let batch = 0; batch < 3; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          portal.call('POST', '/access-requests', body(), {
            'idempotency-key': crypto.randomUUID(),
          }),
        ),
      );
    }

    const retry = await portal.call('POST', '/access-requests', body(), {
      'idempotency-key': key,
      'x-test-person': OTHER_PERSON,
    });
    assert.equal(((await retry.json()) as { id: string }).id, id);
    assert.equal(requestsOf(OTHER_PERSON).length, theirs);
  });
});
