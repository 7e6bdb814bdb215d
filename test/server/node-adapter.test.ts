/**
 * The Node adapter as Express uses it: mounted below a path (Express strips it from `url` and keeps
 * `originalUrl`), passing other paths to `next()`, trusting a proxy's forwarded headers only when
 * told to; and as a plain `http` listener that answers whatever arrives on the socket, raw bytes
 * included, without ever taking the process down.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createAltinnHandler, toNodeListener } from '../../src/server/index.js';
import {
  consentBody,
  PERSON,
  RESOURCE,
  SESSION_HEADER,
  startPortal,
  testStore,
  type TestPortal,
} from './support.js';

type ExpressLikeRequest = IncomingMessage & { originalUrl?: string };

/** The raw answer to `bytes` written on a fresh TCP connection, read until the server closes it or `until` matches. */
function rawExchange(
  port: number,
  bytes: string | Uint8Array,
  until?: (received: string) => boolean,
): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let settled = false;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ text, closedByServer });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (until?.(text)) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset a connection it closed while the client was still writing.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish(true);
      else if (!settled) reject(error);
    });
    socket.write(bytes);
  });
}

/** Status, headers and JSON body of the first HTTP answer in `text`. */
function firstAnswer(text: string): {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
} {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const length = Number(headers['content-length'] ?? 0);
  const body = rest.join('\r\n\r\n').slice(0, length);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: body ? (JSON.parse(body) as Record<string, unknown>) : {},
  };
}

describe('toNodeListener as Express middleware', () => {
  let portal: TestPortal;
  let server: Server;
  let base: string;

  before(async () => {
    portal = await startPortal();
    // Made once the server listens and its origin is known.
    const listeners: Partial<Record<'direct' | 'behindProxy', ReturnType<typeof toNodeListener>>> =
      {};
    server = createServer((request: ExpressLikeRequest, response) => {
      // What `app.use('/api/altinn', middleware)` does to the request before the middleware runs.
      const original = request.url ?? '/';
      const listener = request.headers['x-test-proxy'] ? listeners.behindProxy : listeners.direct;
      request.originalUrl = original;
      if (original.startsWith('/api/altinn'))
        request.url = original.slice('/api/altinn'.length) || '/';
      listener?.(request, response, () => {
        response.statusCode = 299;
        response.end('next');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const listenerFor = async (trustProxy: boolean) =>
      toNodeListener(
        createAltinnHandler({
          environment: { platformUrl: portal.mock.url },
          tokenSource: portal.tokenSource,
          identify: (request) => {
            const person = request.headers.get(SESSION_HEADER);
            return person ? { person } : undefined;
          },
          consent: { organization: '991825827', resources: [RESOURCE] },
          // The pages' origins, served directly and through the proxy.
          allowedOrigins: [base, 'https://portal.example'],
          // The test process's shared database: the default store (PGlite in memory) would start
          // a database of its own for each handler.
          store: await testStore(),
        }),
        { trustProxy },
      );
    listeners.direct = await listenerFor(false);
    listeners.behindProxy = await listenerFor(true);
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

  it('serves a page behind a proxy that forwards its public host and protocol', async () => {
    const forwarded = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'portal.example',
      origin: 'https://portal.example',
    };
    const trusted = await post({ ...forwarded, 'x-test-proxy': '1' }, 'https://portal.example');
    assert.equal(trusted.status, 201, await trusted.clone().text());
  });

  it('refuses forwarded headers that are no protocol or host, only when it trusts them', async () => {
    for (const [name, value] of [
      ['x-forwarded-proto', 'javascript'],
      ['x-forwarded-host', 'a b'],
      ['x-forwarded-host', 'x:99999'],
      ['x-forwarded-host', 'evil.example/path'],
      ['x-forwarded-host', '['],
    ] as const) {
      const trusted = await post({ origin: base, [name]: value, 'x-test-proxy': '1' });
      assert.equal(trusted.status, 400, `${name}: ${value}`);
      assert.match(trusted.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(((await trusted.json()) as { code: string }).code, 'invalid-request');
      const ignored = await post({ origin: base, [name]: value });
      assert.equal(ignored.status, 201, `${name}: ${value} without trustProxy`);
    }
  });
});

describe('toNodeListener as a plain http listener, fed raw bytes', () => {
  let portal: TestPortal;
  let port: number;

  before(async () => {
    portal = await startPortal();
    port = Number(new URL(portal.origin).port);
  });
  after(() => portal.close());

  const hostile: [string, string, number][] = [
    ['TRACE', 'TRACE / HTTP/1.1\r\nHost: x\r\n\r\n', 501],
    ['TRACE on the handler', 'TRACE /api/altinn/consent-requests HTTP/1.1\r\nHost: x\r\n\r\n', 501],
    ['a Host of [', 'GET /api/altinn/consent-requests/x HTTP/1.1\r\nHost: [\r\n\r\n', 400],
    ['a Host with a space', 'GET /api/altinn HTTP/1.1\r\nHost: a b\r\n\r\n', 400],
    ['a Host with port 99999', 'GET /api/altinn HTTP/1.1\r\nHost: x:99999\r\n\r\n', 400],
    ['a Host of %zz', 'GET /api/altinn HTTP/1.1\r\nHost: %zz\r\n\r\n', 400],
    ['an absolute target http://[/', 'GET http://[/ HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    [
      'an absolute target naming another host',
      'GET http://evil.example/api/altinn HTTP/1.1\r\nHost: x\r\n\r\n',
      400,
    ],
  ];
  for (const [name, bytes, status] of hostile) {
    it(`answers ${name} with a ${status} problem and keeps serving`, async () => {
      const { text } = await rawExchange(port, bytes, (received) => received.includes('}'));
      const answer = firstAnswer(text);
      assert.equal(answer.status, status, text);
      assert.match(answer.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.equal(answer.body.status, status);
      assert.equal(typeof answer.body.code, 'string');
      // The process is alive and the handler still serves.
      const after = await portal.call('GET', `/consent-requests/${crypto.randomUUID()}`);
      assert.equal(after.status, 404);
    });
  }

  it('closes the connection after refusing a body of 1 MB, and serves the next connection', async () => {
    const body = 'x'.repeat(1024 * 1024);
    const request =
      `POST /api/altinn/consent-requests HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Origin: ${portal.origin}\r\n${SESSION_HEADER}: ${PERSON}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
      // A second request on the same socket: it must be answered cleanly or the socket closed.
      `GET /api/altinn/consent-requests/${crypto.randomUUID()} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const { text, closedByServer } = await rawExchange(port, request);
    const answer = firstAnswer(text);
    assert.equal(answer.status, 413);
    assert.equal(answer.headers.connection, 'close');
    assert.equal(answer.body.code, 'body-too-large');
    assert.equal(closedByServer, true);
    // No half-read body taken for a request: only the one answer on this socket.
    assert.equal(text.match(/HTTP\/1\.1 \d{3}/g)?.length, 1, text.slice(0, 500));
    const next = await portal.call('GET', `/consent-requests/${crypto.randomUUID()}`);
    assert.equal(next.status, 404);
  });

  it('closes the connection after refusing a chunked body that grows past the limit', async () => {
    const chunk = 'y'.repeat(8192);
    let request =
      `POST /api/altinn/consent-requests HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      `Origin: ${portal.origin}\r\n${SESSION_HEADER}: ${PERSON}\r\n` +
      `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    for (let i = 0; i < 8; i += 1) request += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    request += '0\r\n\r\n';
    const { text, closedByServer } = await rawExchange(port, request);
    const answer = firstAnswer(text);
    assert.equal(answer.status, 413, text.slice(0, 300));
    assert.equal(answer.headers.connection, 'close');
    assert.equal(closedByServer, true);
  });
});
