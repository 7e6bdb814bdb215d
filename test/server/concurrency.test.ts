/** Many browsers at once: the handler shares one Maskinporten token among them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consentBody, startPortal, type TestPortal } from './support.js';

describe('the handler under concurrent calls', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal();
  });
  after(() => portal.close());

  it('creates 100 requests at once with one token request', async () => {
    const before = portal.mock.stats.tokenRequests;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        portal.call('POST', '/consent-requests', consentBody(portal.origin)),
      ),
    );
    assert.deepEqual([...new Set(answers.map((answer) => answer.status))], [201]);
    assert.equal(portal.mock.stats.tokenRequests - before, 1);
  });
});
