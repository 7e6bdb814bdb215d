/**
 * Whatever a client sends to any route, the handler answers with a clear 4xx problem (or serves
 * it): never a 5xx, never anything but problem+json for an error, never a stack trace. First the
 * malformed inputs that once answered 500, then random paths, methods, headers and bodies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { BANK, consentBody, RESOURCE, startPortal, type TestPortal } from './support.js';

const A3_RESOURCE = 'lonnsmodul-tilgang';
const UUID = '0b6f3c7e-5c1a-4d9e-9a4f-2f1e8c3d7b6a';

describe('hostile input on every route', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      access: { api: 'altinn3', resources: [A3_RESOURCE] },
    });
  });
  after(() => portal.close());

  /** Asserts an answer a client may see for bad input: < 500, a problem for errors, no internals. */
  async function assertClean(
    response: Response,
    what: string,
  ): Promise<{ code?: string; detail?: string }> {
    const text = await response.text();
    assert.ok(response.status < 500, `${response.status} for ${what}: ${text}`);
    if (response.status >= 400 && text === '') {
      // HEAD: the same answer without its body.
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
      return {};
    }
    assert.ok(response.status < 500, `${response.status} for ${what}: ${text}`);
    assert.doesNotMatch(text, /\bat .+:\d+:\d+|node:internal|TypeError|RangeError|URIError/, what);
    if (response.status < 400) return {};
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
    const problem = JSON.parse(text) as { status?: number; code?: string; detail?: string };
    assert.equal(problem.status, response.status, what);
    assert.equal(typeof problem.code, 'string', what);
    return problem;
  }

  for (const [method, path] of [
    ['GET', '/consent-requests/%ZZ'],
    ['GET', '/access-requests/%ZZ'],
    ['DELETE', '/access-requests/%E0%A4%A'],
  ] as const) {
    it(`answers ${method} ${path} (a malformed percent sequence) with 400`, async () => {
      const response = await portal.call(method, path);
      assert.equal(response.status, 400);
      const problem = await assertClean(response, path);
      assert.equal(problem.code, 'invalid-request');
      assert.match(problem.detail ?? '', /percent/);
    });
  }

  for (const method of ['GET', 'DELETE'] as const) {
    it(`answers ${method} of an id that no request has (<uuid>.<1 mod 4 base64>) with 404`, async () => {
      for (const signature of ['A', 'AAAAA', 'abcdefghi']) {
        const response = await portal.call(method, `/access-requests/${UUID}.${signature}`);
        assert.equal(response.status, 404, signature);
        assert.equal((await assertClean(response, signature)).code, 'not-found');
      }
    });
  }

  for (const validTo of ['P300000Y', 'P999999999D', 'PT99999999999999H']) {
    it(`answers a validTo of ${validTo} (no date that exists) with 400 naming validTo`, async () => {
      const response = await portal.call(
        'POST',
        '/consent-requests',
        consentBody(portal.origin, { validTo }),
      );
      assert.equal(response.status, 400);
      const problem = await assertClean(response, validTo);
      assert.match(problem.detail ?? '', /validTo/);
    });
  }

  it('answers random paths, methods, headers and bodies on every route without a 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom(UUID, `${UUID}.A`, `${UUID}.AAAA`, '%ZZ', '%', '..', '.', '%2F', '%00', ''),
      fc.string({ maxLength: 12 }).map((text) => encodeURIComponent(text)),
      fc.stringMatching(/^[%A-Za-z0-9._~-]{0,16}$/),
    );
    const path = fc.oneof(
      fc.constantFrom('/consent-requests', '/access-requests', '/consent-requests/', '/'),
      fc
        .tuple(fc.constantFrom('consent-requests', 'access-requests'), segment)
        .map(([kind, id]) => `/${kind}/${id}`),
      fc.array(segment, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS');
    const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,40}$/);
    const headers = fc.record(
      {
        'content-type': fc.oneof(
          fc.constantFrom('application/json', 'application/problem+json', 'text/plain', ''),
          headerValue,
        ),
        'idempotency-key': fc.oneof(fc.uuid(), headerValue),
        'sec-fetch-site': fc.constantFrom('same-origin', 'cross-site', 'none', 'same-site'),
        'x-forwarded-host': headerValue,
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .record({
          id: fc.oneof(fc.uuid(), fc.string()),
          resource: fc.oneof(fc.constant(A3_RESOURCE), fc.constant(RESOURCE), fc.string()),
          org: fc.oneof(fc.constant(BANK), fc.string()),
          validTo: fc.oneof(fc.constantFrom('P300000Y', 'P1D', 'PT0S'), fc.string()),
          redirectUrl: fc.oneof(
            fc.constantFrom('https://user:pw@evil.example/', 'javascript:alert(1)', '//x'),
            fc.webUrl(),
          ),
        })
        .map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(path, method, headers, body, async (p, m, h, b) => {
        const response = await fetch(`${portal.endpoint}${p}`, {
          method: m,
          headers: { origin: portal.origin, 'x-test-person': '21818297804', ...h },
          body: m === 'GET' || m === 'HEAD' ? null : (b ?? null),
        });
        await assertClean(response, `${m} ${p} ${JSON.stringify(h)} ${String(b).slice(0, 80)}`);
      }),
      { numRuns: 400 },
    );
  });
});
