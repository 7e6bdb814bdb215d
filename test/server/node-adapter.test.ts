/**
 * The Node adapter as Express uses it: mounted below a path (Express strips it from `url` and keeps
 * `originalUrl`), passing other paths to `next()`, and trusting a proxy's forwarded origin only when
 * told to.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAltinnHandler, toNodeListener } from '../../src/server/index.js';
import {
  consentBody,
  PERSON,
  RESOURCE,
  SESSION_HEADER,
  startPortal,
  type TestPortal,
} from './support.js';

type ExpressLikeRequest = IncomingMessage & { originalUrl?: string };

describe('toNodeListener as Express middleware', () => {
  let portal: TestPortal;
  let server: Server;
  let base: string;

  before(async () => {
    portal = await startPortal();
    const options = (trustProxy: boolean) =>
      toNodeListener(
        createAltinnHandler({
          environment: { platformUrl: portal.mock.url },
          tokenSource: portal.tokenSource,
          identify: (request) => {
            const person = request.headers.get(SESSION_HEADER);
            return person ? { person } : undefined;
          },
          consent: { organization: '991825827', resources: [RESOURCE] },
        }),
        { trustProxy },
      );
    const direct = options(false);
    const behindProxy = options(true);
    server = createServer((request: ExpressLikeRequest, response) => {
      // What `app.use('/api/altinn', middleware)` does to the request before the middleware runs.
      const original = request.url ?? '/';
      const listener = request.headers['x-test-proxy'] ? behindProxy : direct;
      request.originalUrl = original;
      if (original.startsWith('/api/altinn'))
        request.url = original.slice('/api/altinn'.length) || '/';
      listener(request, response, () => {
        response.statusCode = 299;
        response.end('next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await portal.close();
  });

  const post = (headers: Record<string, string>, origin = base) =>
    fetch(`${base}/api/altinn/consent-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SESSION_HEADER]: PERSON, ...headers },
      body: JSON.stringify(consentBody(origin)),
    });

  it('serves the mounted path, reading the full path from originalUrl', async () => {
    const response = await post({ origin: base });
    assert.equal(response.status, 201);
    assert.equal(((await response.json()) as { kind: string }).kind, 'consent');
  });

  it('passes other paths on to next()', async () => {
    const response = await fetch(`${base}/somewhere/else`);
    assert.equal(response.status, 299);
    assert.equal(await response.text(), 'next');
  });

  it('trusts X-Forwarded-Host and -Proto only with trustProxy', async () => {
    const forwarded = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'portal.example',
      origin: 'https://portal.example',
    };
    const trusted = await post({ ...forwarded, 'x-test-proxy': '1' }, 'https://portal.example');
    assert.equal(trusted.status, 201, await trusted.clone().text());
    const untrusted = await post(forwarded, 'https://portal.example');
    assert.equal(untrusted.status, 403);
    assert.equal(((await untrusted.json()) as { code: string }).code, 'cross-site-request');
  });
});
