/**
 * The handler in a runtime that has the Fetch API and nothing of Node's (as Deno, Bun or a worker
 * offer it): `altinn-request-elements/server` bundled for the browser, evaluated in a `node:vm`
 * context whose only globals are Web APIs, creates and reads a consent request against the mock
 * Altinn over real HTTP, with its own Maskinporten grant.
 */
import assert from 'node:assert/strict';
import { runInContext, createContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { build, type Rolldown } from 'vite';
import { startMockAltinn, type MockAltinn } from '../../src/mock/index.js';
import type * as Server from '../../src/server/index.js';
import { BANK, newClientKey, PERSON, RESOURCE, SCOPES, testStore } from './support.js';

/** The Web APIs a Fetch runtime has; no `Buffer`, `process`, `require` or `setImmediate`. */
const WEB_GLOBALS = {
  fetch,
  Request,
  Response,
  Headers,
  URL,
  URLSearchParams,
  TextEncoder,
  TextDecoder,
  crypto,
  CryptoKey,
  AbortController,
  AbortSignal,
  ReadableStream,
  WritableStream,
  TransformStream,
  DOMException,
  Blob,
  atob,
  btoa,
  setTimeout,
  clearTimeout,
  structuredClone,
  queueMicrotask,
  console,
};

async function bundleServer(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: 'src/server/index.ts', formats: ['iife'], name: 'altinnServer' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output[0];
  assert.ok(chunk && 'code' in chunk);
  return chunk.code;
}

describe('the handler without Node’s globals', () => {
  let mock: MockAltinn;
  let server: typeof Server;
  let context: Record<string, unknown>;

  before(async () => {
    mock = await startMockAltinn({ port: 0 });
    context = createContext({ ...WEB_GLOBALS });
    runInContext(await bundleServer(), context);
    server = context.altinnServer as typeof Server;
  });
  after(() => mock.close());

  it('has none of Node’s globals to lean on', () => {
    assert.equal(
      runInContext(
        '[typeof Buffer, typeof process, typeof require, typeof setImmediate].join()',
        context,
      ),
      'undefined,undefined,undefined,undefined',
    );
  });

  it('creates and reads a consent request against the mock Altinn', async () => {
    const { privateKey, publicJwk } = await newClientKey('runtime-key');
    mock.registerClient({ clientId: 'runtime-portal', publicJwk, orgNumber: BANK, scopes: SCOPES });
    const origin = 'https://portal.example';
    const handler = server.createAltinnHandler({
      environment: { platformUrl: mock.url },
      tokenSource: server.maskinportenTokenSource({
        environment: { issuer: mock.maskinportenAudience },
        clientId: 'runtime-portal',
        privateKey: await exportPkcs8(privateKey),
        keyId: 'runtime-key',
      }),
      identify: () => ({ person: PERSON }),
      consent: { organization: BANK, resources: [RESOURCE] },
      allowedOrigins: [origin],
      // The store's database lives outside this runtime (as a PostgreSQL server would).
      store: await testStore(),
    });
    const id = crypto.randomUUID();
    const created = await handler(
      new Request(`${origin}/api/altinn/consent-requests`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          rights: [{ resource: RESOURCE, metadata: { inntektsaar: '2024' } }],
          redirectUrl: `${origin}/soknad?consentId=${id}`,
        }),
      }),
    );
    assert.equal(created.status, 201, await created.clone().text());
    assert.ok(mock.consentRequests.has(id));

    const read = await handler(new Request(`${origin}/api/altinn/consent-requests/${id}`));
    assert.equal(read.status, 200);
    const view = (await read.json()) as { kind: string; id: string; status: string };
    assert.deepEqual([view.kind, view.id, view.status], ['consent', id, 'created']);
  });
});

/** The key as a PKCS #8 PEM string, one of the forms the token source takes. */
async function exportPkcs8(key: CryptoKey): Promise<string> {
  const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', key));
  const base64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN PRIVATE KEY-----\n${base64.replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----`;
}
