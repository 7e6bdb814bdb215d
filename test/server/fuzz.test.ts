/**
 * Property-based fuzzing of request bodies: whatever a browser (or an attacker) sends, the handler
 * answers with a 4xx problem (or creates a valid request), never a 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { consentBody, RESOURCE, startPortal, type TestPortal } from './support.js';

// The failing request's status and body go into the report (node:test does not print an error's cause).
describe('fuzzed consent request bodies', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal();
  });
  after(() => portal.close());

  async function expectNo5xx(body: unknown, raw = false): Promise<void> {
    const response = await portal.call(
      'POST',
      '/consent-requests',
      raw ? String(body) : JSON.stringify(body),
    );
    const text = await response.text();
    assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(body)}: ${text}`);
    if (response.status >= 400) {
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
      assert.equal(problem.status, response.status);
      assert.equal(typeof problem.code, 'string');
    }
  }

  it('answers any JSON value with a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (body) => expectNo5xx(body)),
      { numRuns: 150, includeErrorInReport: true },
    );
  });

  it('answers any text with a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), (body) =>
        expectNo5xx(body, true),
      ),
      { numRuns: 100, includeErrorInReport: true },
    );
  });

  it('answers valid bodies with one field broken with a 4xx problem, or creates them', async () => {
    const field = fc.constantFrom(
      'id',
      'rights',
      'validTo',
      'requestMessage',
      'redirectUrl',
      'from',
      'to',
    );
    const value = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.constantFrom(
        'P0D',
        'PT1S',
        'P100Y',
        '9999-12-31T23:59:59Z',
        'javascript:alert(1)',
        '//evil.example',
      ),
      fc.array(
        fc.record({
          resource: fc.oneof(fc.constant(RESOURCE), fc.string()),
          metadata: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(field, value, (name, broken) =>
        expectNo5xx(consentBody(portal.origin, { [name]: broken })),
      ),
      { numRuns: 200, includeErrorInReport: true },
    );
  });
});
