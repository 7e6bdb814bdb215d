/**
 * When Altinn (or the way to it) fails halfway: a connection cut in the middle of the body, a body
 * that stalls past the time-out, an answer far too large, a redirect, a token source that never
 * answers. Each is a 502 or 504 problem, in time, and the token never leaves for another origin.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { consentBody, startPortal, type TestPortal } from './support.js';

type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;

async function listen(handle: Behaviour): Promise<{ server: Server; url: string }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const CONSENT_ID = '0b6f3c7e-5c1a-4d9e-9a4f-2f1e8c3d7b6a';
const TIMEOUT = 1_500;

describe('Altinn failing in the middle of an answer', () => {
  let behaviour: Behaviour = (_, response) => response.end();
  let altinn: { server: Server; url: string };
  let elsewhere: { server: Server; url: string };
  const elsewhereSaw: (string | undefined)[] = [];
  let portal: TestPortal;

  before(async () => {
    altinn = await listen((request, response) => behaviour(request, response));
    elsewhere = await listen((request, response) => {
      elsewhereSaw.push(request.headers.authorization);
      response.end('{}');
    });
    portal = await startPortal({
      environment: { platformUrl: altinn.url },
      tokenSource: async () => 'a-token',
      timeout: TIMEOUT,
    });
  });
  after(async () => {
    await portal.close();
    await close(altinn.server);
    await close(elsewhere.server);
  });

  /** Asks for a consent, which calls Altinn (a read of a request never made does not). */
  async function read(): Promise<{ status: number; code: string; elapsed: number }> {
    const started = Date.now();
    const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const { code } = (await response.json()) as { code: string };
    return { status: response.status, code, elapsed: Date.now() - started };
  }

  it('answers 502 when the connection is cut in the middle of the body', async () => {
    behaviour = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      response.write('{"id":"');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const answer = await read();
    assert.equal(answer.status, 502);
    assert.equal(answer.code, 'altinn-unavailable');
  });

  it('answers 504 when the body stalls past the time-out, not later than it', async () => {
    behaviour = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4000' });
      response.write('{"id":"');
    };
    const answer = await read();
    assert.equal(answer.status, 504);
    assert.equal(answer.code, 'altinn-unavailable');
    // Bounded by the time-out (generous margin for a loaded machine), not left hanging.
    assert.ok(answer.elapsed < TIMEOUT + 20_000, `${answer.elapsed} ms`);
  });

  it('answers 502 for an answer over 1 MB', async () => {
    behaviour = (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: CONSENT_ID, padding: 'x'.repeat(1024 * 1024) }));
    };
    const answer = await read();
    assert.equal(answer.status, 502);
    assert.equal(answer.code, 'altinn-unavailable');
  });

  it('does not follow a redirect: 502, and the token never reaches the other origin', async () => {
    for (const status of [301, 302, 307, 308]) {
      behaviour = (_, response) => {
        response.writeHead(status, { location: `${elsewhere.url}/steal` });
        response.end();
      };
      const answer = await read();
      assert.equal(answer.status, 502, String(status));
    }
    assert.deepEqual(elsewhereSaw, []);
  });

  it('still reads a whole, ordinary answer', async () => {
    behaviour = (_, response) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: CONSENT_ID,
          from: 'urn:altinn:person:identifier-no:21818297804',
          status: 'Created',
          validTo: '2099-01-01T00:00:00Z',
          consentRights: [],
          viewUri: `https://am.ui.altinn.no/accessmanagement/ui/consent/request?id=${CONSENT_ID}`,
        }),
      );
    };
    const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
    assert.equal(response.status, 201, await response.clone().text());
    assert.equal(((await response.json()) as { status: string }).status, 'created');
  });
});

describe('a token source that never answers', () => {
  it('answers 504 within the time-out instead of hanging', async () => {
    const portal = await startPortal({
      tokenSource: () => new Promise<string>(() => undefined),
      timeout: TIMEOUT,
    });
    try {
      const started = Date.now();
      const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
      assert.equal(response.status, 504);
      assert.equal(((await response.json()) as { code: string }).code, 'maskinporten-failed');
      assert.ok(Date.now() - started < TIMEOUT + 20_000);
    } finally {
      await portal.close();
    }
  });
});
