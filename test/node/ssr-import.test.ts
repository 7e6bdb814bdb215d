/**
 * Importing any entry point in Node (server-side rendering, build tools, tests) must not throw, and
 * must not touch browser-only globals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

const entries = [
  '../../src/index.ts',
  '../../src/core/index.ts',
  '../../src/elements/request-consent-button/request-consent-button.ts',
  '../../src/elements/consent-status/consent-status.ts',
  '../../src/elements/request-access-button/request-access-button.ts',
  '../../src/elements/access-request-status/access-request-status.ts',
  '../../src/server/index.ts',
  '../../src/mock/index.ts',
];

for (const entry of entries) {
  test(`import ${entry.replace('../../', '')} in Node`, async () => {
    const module = (await import(entry)) as Record<string, unknown>;
    assert.ok(Object.keys(module).length > 0, 'the module exports something');
  });
}

test('the element classes are exported and registration is a no-op without a registry', async () => {
  const { RequestConsentButton, ConsentStatus } = await import('../../src/index.ts');
  assert.equal(typeof RequestConsentButton, 'function');
  assert.equal(typeof ConsentStatus, 'function');
});

test('the core works in Node: view reader, guard and client errors', async () => {
  const core = await import('../../src/core/index.ts');
  assert.equal(
    core.readView(
      { kind: 'consent', id: 'c1', status: 'accepted', validTo: '2000-01-01T00:00:00Z' },
      'consent',
    )?.status,
    'expired',
  );
  assert.equal(
    core.isTrustedAltinnUrl('https://am.ui.altinn.no/accessmanagement/ui/consent/request?id=1'),
    true,
  );
  assert.equal(core.isTrustedAltinnUrl('javascript:alert(1)'), false);
  const client = new core.BackendClient({
    endpoint: 'http://127.0.0.1:9/api/altinn',
    timeout: 2000,
  });
  await assert.rejects(client.getRequest('consent', 'x'), (error: unknown) => {
    assert.ok(error instanceof core.AltinnRequestError);
    assert.equal(error.code, 'network');
    return true;
  });
});
