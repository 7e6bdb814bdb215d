/**
 * The built package, as a user installs it: every entry point imported by its public name (through
 * package.json "exports") in plain Node, with no TypeScript loader and no bundler.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const entries = {
  'altinn-request-elements': ['configure', 'RequestConsentButton', 'AccessRequestStatus'],
  'altinn-request-elements/core': ['readView', 'trustedAltinnUrl', 'BackendClient'],
  'altinn-request-elements/react': [],
  'altinn-request-elements/server': [
    'createAltinnHandler',
    'maskinportenTokenSource',
    'toNodeListener',
  ],
  'altinn-request-elements/mock': ['startMockAltinn'],
  'altinn-request-elements/request-consent-button.js': ['RequestConsentButton'],
  'altinn-request-elements/consent-status.js': ['ConsentStatus'],
  'altinn-request-elements/request-access-button.js': ['RequestAccessButton'],
  'altinn-request-elements/access-request-status.js': ['AccessRequestStatus'],
};

for (const [name, exported] of Object.entries(entries)) {
  test(`import ${name}`, async () => {
    const module = await import(name);
    for (const member of exported) assert.equal(typeof module[member], 'function', member);
    assert.ok(Object.keys(module).length > 0, 'exports something');
  });
}

// Types only: importing one (as a bundler may, for `import 'altinn-request-elements/vue'`) gives an
// empty module, and registers nothing.
for (const name of [
  'altinn-request-elements/react-jsx',
  'altinn-request-elements/vue',
  'altinn-request-elements/svelte',
]) {
  test(`import ${name} (types only)`, async () => {
    assert.deepEqual(Object.keys(await import(name)), []);
  });
}

test('every entry point has its type declarations', async () => {
  const manifest = JSON.parse(
    await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
  );
  for (const [entry, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'string') continue;
    const types = new URL(`../../${target.types}`, import.meta.url);
    assert.match(await readFile(types, 'utf8'), /export/, `${entry}: ${target.types}`);
  }
});

test('the OpenAPI description ships with the server', () => {
  const require = createRequire(import.meta.url);
  const openapi = require('altinn-request-elements/server/openapi.json');
  assert.equal(openapi.openapi, '3.1.0');
  assert.ok(openapi.paths['/consent-requests'] && openapi.paths['/access-requests']);
});

test('the built mock and handler serve a consent request together', async () => {
  const { startMockAltinn } = await import('altinn-request-elements/mock');
  const { createAltinnHandler } = await import('altinn-request-elements/server');
  const mock = await startMockAltinn({ port: 0 });
  try {
    const handler = createAltinnHandler({
      environment: { platformUrl: mock.url },
      tokenSource: async () => 'not-a-token',
      identify: () => ({ person: '21818297804' }),
      consent: { organization: '991825827', resources: ['standard-samtykke-for-dele-data'] },
      allowedOrigins: ['http://portal.example'],
    });
    // The mock refuses the fake token, and the handler says so without leaking anything.
    // Asking for a consent calls Altinn (with the default store: PGlite in memory).
    const id = '00000000-0000-4000-8000-000000000000';
    const response = await handler(
      new Request('http://portal.example/api/altinn/consent-requests', {
        method: 'POST',
        headers: { origin: 'http://portal.example', 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          rights: [{ resource: 'standard-samtykke-for-dele-data' }],
          redirectUrl: `http://portal.example/soknad?consentId=${id}`,
        }),
      }),
    );
    assert.equal(response.status, 502);
    assert.equal((await response.json()).code, 'altinn-unauthorized');
  } finally {
    await mock.close();
  }
});

test('the React entry gives a component for every element', async () => {
  const react = await import('altinn-request-elements/react');
  for (const name of [
    'RequestConsentButton',
    'ConsentStatus',
    'RequestAccessButton',
    'AccessRequestStatus',
  ]) {
    // forwardRef components are objects React renders.
    assert.equal(typeof react[name], 'object', name);
    assert.equal(react[name].displayName, name);
  }
});
