/**
 * Cross-site request forgery and the way back from Altinn: a call that changes something must come
 * from the portal's own pages, which the portal names (never the `Host` header), and `redirectUrl`
 * must be a URL on those origins, compared parsed and passed on normalised.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  API_KEY,
  BANK,
  consentBody,
  PERSON,
  SESSION_HEADER,
  startPortal,
  type TestPortal,
} from './support.js';

async function codeOf(response: Response): Promise<string> {
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return ((await response.json()) as { code: string }).code;
}

describe('CSRF: who may call the handler', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      access: { api: 'altinn3', resources: ['lonnsmodul-tilgang'] },
    });
  });
  after(() => portal.close());

  /** A POST as `fetch` from Node sends it: no `Origin`, no `Sec-Fetch-Site`, unless given. */
  const post = (headers: Record<string, string>, body = consentBody(portal.origin)) =>
    fetch(`${portal.endpoint}/consent-requests`, {
      method: 'POST',
      headers: { [SESSION_HEADER]: PERSON, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('refuses a POST with neither Origin nor Sec-Fetch-Site', async () => {
    const response = await post({});
    assert.equal(response.status, 403);
    assert.equal(await codeOf(response), 'cross-site-request');
  });

  it('refuses a DELETE with neither Origin nor Sec-Fetch-Site', async () => {
    const response = await fetch(`${portal.endpoint}/access-requests/x.y`, {
      method: 'DELETE',
      headers: { [SESSION_HEADER]: PERSON },
    });
    assert.equal(response.status, 403);
    assert.equal(await codeOf(response), 'cross-site-request');
  });

  it('refuses Sec-Fetch-Site other than same-origin when Origin is missing', async () => {
    for (const site of ['none', 'same-site', 'cross-site', 'bogus']) {
      const response = await post({ 'sec-fetch-site': site });
      assert.equal(response.status, 403, site);
    }
  });

  it('accepts Sec-Fetch-Site same-origin, and an Origin on the list', async () => {
    assert.equal((await post({ 'sec-fetch-site': 'same-origin' })).status, 201);
    assert.equal((await post({ origin: portal.origin })).status, 201);
  });

  it('refuses an Origin off the list, even one the Host header names', async () => {
    for (const origin of ['https://evil.example', 'null', `${portal.origin}.evil.example`]) {
      const response = await post({ origin });
      assert.equal(response.status, 403, origin);
    }
    // The Host header cannot make another origin the portal's.
    const spoofed = await post({ origin: 'http://evil.example', host: 'evil.example' });
    assert.equal(spoofed.status, 403);
  });

  it('accepts callers without Origin only when the portal opts in', async () => {
    const serverToServer = await startPortal({ allowRequestsWithoutOrigin: true });
    try {
      const response = await fetch(`${serverToServer.endpoint}/consent-requests`, {
        method: 'POST',
        headers: { [SESSION_HEADER]: PERSON, 'content-type': 'application/json' },
        body: JSON.stringify(consentBody(serverToServer.origin)),
      });
      assert.equal(response.status, 201);
      // A browser's Origin is still checked.
      const evil = await serverToServer.call(
        'POST',
        '/consent-requests',
        consentBody(serverToServer.origin),
        { origin: 'https://evil.example' },
      );
      assert.equal(evil.status, 403);
    } finally {
      await serverToServer.close();
    }
  });

  it('will not start without the portal’s origins', async () => {
    await assert.rejects(startPortal({ allowedOrigins: undefined }), /allowedOrigins.*publicUrl/);
    await assert.rejects(startPortal({ allowedOrigins: ['not a url'] }), /allowedOrigins/);
    await assert.rejects(
      startPortal({ allowedOrigins: ['https://user:pw@portal.example'] }),
      /allowedOrigins/,
    );
  });

  it('takes the portal’s origin from publicUrl', async () => {
    const viaPublicUrl = await startPortal({
      allowedOrigins: undefined,
      publicUrl: 'https://portal.example/soknad/',
    });
    try {
      const call = (origin: string, redirectUrl: string) =>
        viaPublicUrl.call(
          'POST',
          '/consent-requests',
          consentBody('https://portal.example', { redirectUrl }),
          { origin },
        );
      assert.equal((await call('https://portal.example', 'https://portal.example/x')).status, 201);
      assert.equal((await call(viaPublicUrl.origin, 'https://portal.example/x')).status, 403);
    } finally {
      await viaPublicUrl.close();
    }
  });
});

describe('redirectUrl: parsed, on the portal’s origins, passed on normalised', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      access: {
        api: 'altinn2',
        services: [{ serviceCode: '4751', serviceEditionCode: 1 }],
        apiKey: API_KEY,
      },
    });
  });
  after(() => portal.close());

  it('refuses user-info, look-alike hosts and other schemes', async () => {
    const host = new URL(portal.origin).host;
    for (const redirectUrl of [
      `http://user:pw@${host}/back`,
      `http://${host}@evil.example/back`,
      `http://${host}.evil.example/back`,
      `${portal.origin}evil.example/back`,
      `https://${host}/back`,
      'javascript:alert(1)',
      '/relative/back',
    ]) {
      const consent = await portal.call(
        'POST',
        '/consent-requests',
        consentBody(portal.origin, { redirectUrl }),
      );
      assert.equal(consent.status, 400, redirectUrl);
      assert.ok(
        ['redirect-not-allowed', 'invalid-body'].includes(await codeOf(consent)),
        redirectUrl,
      );
      const access = await portal.call(
        'POST',
        '/access-requests',
        { services: [{ serviceCode: '4751', serviceEditionCode: 1 }], org: BANK, redirectUrl },
        { 'idempotency-key': crypto.randomUUID() },
      );
      assert.equal(access.status, 400, redirectUrl);
    }
  });

  it('passes Altinn the normalised URL', async () => {
    const host = new URL(portal.origin).host.toUpperCase();
    const consent = await portal.call(
      'POST',
      '/consent-requests',
      consentBody(portal.origin, { redirectUrl: `HTTP://${host}/a/../soknad?x=1#top` }),
    );
    assert.equal(consent.status, 201, await consent.clone().text());
    const { id } = (await consent.json()) as { id: string };
    const stored = portal.mock.consentRequests.get(id) as { redirectUrl: string };
    assert.equal(stored.redirectUrl, `${portal.origin}/soknad?x=1#top`);
  });
});
