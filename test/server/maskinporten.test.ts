/**
 * The Maskinporten token source against the mock's token endpoint: the grant it signs, caching until
 * shortly before expiry, one request for concurrent callers, and failures that are not cached.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startMockAltinn, type MockAltinn } from '../../src/mock/index.js';
import { maskinportenTokenSource, MaskinportenError } from '../../src/server/index.js';
import { BANK, newClientKey, SCOPES } from './support.js';

describe('maskinportenTokenSource', () => {
  let mock: MockAltinn;
  let key: Awaited<ReturnType<typeof newClientKey>>;
  before(async () => {
    mock = await startMockAltinn({ port: 0 });
    key = await newClientKey('portal-key');
    mock.registerClient({
      clientId: 'portal',
      publicJwk: key.publicJwk,
      orgNumber: BANK,
      scopes: SCOPES,
    });
  });
  after(() => mock.close());

  function source(clock = { now: Date.now() }, fetchImpl?: typeof fetch) {
    return maskinportenTokenSource({
      environment: { issuer: mock.maskinportenAudience },
      clientId: 'portal',
      privateKey: key.privateKey,
      keyId: 'portal-key',
      now: () => clock.now,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  }

  it('signs a JWT-bearer grant that Maskinporten accepts', async () => {
    const grants: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      grants.push(new URLSearchParams(String(init?.body)).get('assertion') ?? '');
      return fetch(input, init);
    };
    const token = await source(undefined, recording).getToken(['altinn:consentrequests.write']);
    assert.ok(token.length > 20);
    const grant = decodeJwt(grants[0] ?? '');
    assert.equal(decodeProtectedHeader(grants[0] ?? '').kid, 'portal-key');
    assert.equal(grant.iss, 'portal');
    assert.equal(grant.aud, mock.maskinportenAudience);
    assert.equal(grant.scope, 'altinn:consentrequests.write');
    assert.ok(typeof grant.jti === 'string' && grant.jti.length > 0);
    assert.ok((grant.exp ?? 0) - (grant.iat ?? 0) <= 120);
  });

  it('keeps a token until shortly before it expires, then fetches a new one', async () => {
    // A token endpoint that counts, and a clock the test moves (the mock checks grants in real time).
    let issued = 0;
    const endpoint: typeof fetch = async () => {
      issued += 1;
      return Response.json({
        access_token: `token-${issued}`,
        token_type: 'Bearer',
        expires_in: 120,
      });
    };
    const clock = { now: Date.now() };
    const tokens = source(clock, endpoint);
    assert.equal(await tokens.getToken(SCOPES), 'token-1');
    assert.equal(
      await tokens.getToken([...SCOPES].reverse()),
      'token-1',
      'same scopes in any order',
    );
    clock.now += 85_000;
    assert.equal(await tokens.getToken(SCOPES), 'token-1', 'still valid 85 s later');
    clock.now += 10_000; // 120 s token, 30 s margin
    assert.equal(await tokens.getToken(SCOPES), 'token-2');
    assert.equal(
      await tokens.getToken(['altinn:consentrequests.read']),
      'token-3',
      'other scopes, other token',
    );
    assert.equal(issued, 3);
  });

  it('makes one request for 100 concurrent callers', async () => {
    const tokens = source();
    const before = mock.stats.tokenRequests;
    const results = await Promise.all(
      Array.from({ length: 100 }, () => tokens.getToken(['altinn:consentrequests.read'])),
    );
    assert.equal(new Set(results).size, 1);
    assert.equal(mock.stats.tokenRequests - before, 1);
  });

  it('does not cache a failure, and says what Maskinporten said without the grant', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1)
        return new Response(
          JSON.stringify({ error: 'invalid_grant', error_description: 'Clock skew' }),
          { status: 400 },
        );
      return fetch(input, init);
    };
    const tokens = source(undefined, flaky);
    await assert.rejects(tokens.getToken(SCOPES), (error: unknown) => {
      assert.ok(error instanceof MaskinportenError);
      assert.equal(error.status, 400);
      assert.equal(error.error, 'invalid_grant');
      assert.match(error.message, /Clock skew/);
      assert.doesNotMatch(error.message, /eyJ/);
      return true;
    });
    assert.ok((await tokens.getToken(SCOPES)).length > 20, 'the next call tries again');
  });

  it('is refused for a key Maskinporten does not know', async () => {
    const stranger = await newClientKey('portal-key');
    const tokens = maskinportenTokenSource({
      environment: { issuer: mock.maskinportenAudience },
      clientId: 'portal',
      privateKey: stranger.privateKey,
      keyId: 'portal-key',
    });
    await assert.rejects(tokens.getToken(SCOPES), MaskinportenError);
  });

  it('knows the test and production issuers', () => {
    assert.doesNotThrow(() =>
      maskinportenTokenSource({ environment: 'test', clientId: 'x', privateKey: key.privateKey }),
    );
    assert.doesNotThrow(() =>
      maskinportenTokenSource({ environment: 'prod', clientId: 'x', privateKey: key.privateKey }),
    );
  });
});
