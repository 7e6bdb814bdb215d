import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { startMockAltinn, type MockAltinn } from '../../src/mock/index.js';
import {
  BANK,
  READ,
  WRITE,
  makeClient,
  requestToken,
  signGrant,
  type TestClient,
} from './helpers.js';

describe('mock Maskinporten', () => {
  let altinn: MockAltinn;
  let client: TestClient;

  before(async () => {
    altinn = await startMockAltinn({ port: 0 });
    client = await makeClient(altinn);
  });
  after(() => altinn.close());

  async function refused(assertion: string, error: string, description: RegExp): Promise<void> {
    const res = await requestToken(altinn, assertion);
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as { error: string; error_description: string };
    assert.equal(body.error, error);
    assert.match(body.error_description, description);
  }

  it('grants a token for a grant signed by the client key, with the consumer org', async () => {
    const res = await requestToken(
      altinn,
      await signGrant(altinn, client, { claims: { scope: WRITE } }),
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 120);
    assert.equal(body.scope, WRITE);
    const token = body.access_token as string;
    assert.equal(decodeProtectedHeader(token).alg, 'RS256');
    const claims = decodeJwt(token);
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` });
    assert.equal(claims.scope, WRITE);
    assert.equal(claims.client_id, client.clientId);
    assert.equal(claims.iss, altinn.maskinportenAudience);
    assert.ok(
      typeof claims.exp === 'number' && claims.exp - Math.floor(Date.now() / 1000) <= 120,
      'typeof claims.exp === "number" && claims.exp - Math.floor(Date.now(...',
    );
  });

  it('acts for another organisation with consumer_org: it is the consumer, the client the supplier', async () => {
    const operator = await makeClient(altinn, { orgNumber: '312987651' });
    const res = await requestToken(
      altinn,
      await signGrant(altinn, operator, { claims: { consumer_org: BANK } }),
    );
    assert.equal(res.status, 200);
    const claims = decodeJwt(((await res.json()) as { access_token: string }).access_token);
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` });
    assert.deepEqual(claims.supplier, { authority: 'iso6523-actorid-upis', ID: '0192:312987651' });
    const own = decodeJwt(
      (
        (await (await requestToken(altinn, await signGrant(altinn, operator))).json()) as {
          access_token: string;
        }
      ).access_token,
    );
    assert.equal(own.supplier, undefined, 'no supplier without consumer_org');
  });

  it('refuses a consumer_org that did not delegate to the client, or is no organisation number', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const clientId = `client-${randomUUID()}`;
    altinn.registerClient({
      clientId,
      publicJwk: { ...(await exportJWK(publicKey)), kid: 'k' },
      orgNumber: '312987651',
      scopes: [WRITE, READ],
      consumerOrgs: [BANK],
    });
    const restricted: TestClient = { clientId, kid: 'k', alg: 'ES256', privateKey };
    const grant = (consumerOrg: unknown): Promise<string> =>
      signGrant(altinn, restricted, { claims: { consumer_org: consumerOrg } });
    assert.equal((await requestToken(altinn, await grant(BANK))).status, 200);
    await refused(await grant('311567829'), 'invalid_grant', /has not delegated/);
    await refused(await grant('abc'), 'invalid_request', /consumer_org/);
  });

  it('takes RSA client keys, and the audience without its trailing slash', async () => {
    const rsa = await makeClient(altinn, { alg: 'RS256' });
    const grant = await signGrant(altinn, rsa, {
      claims: { aud: altinn.maskinportenAudience.replace(/\/$/, '') },
    });
    assert.equal((await requestToken(altinn, grant)).status, 200);
  });

  it('announces its issuer and token endpoint', async () => {
    const res = await fetch(`${altinn.url}/maskinporten/.well-known/oauth-authorization-server`);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.issuer, `${altinn.url}/maskinporten/`);
    assert.equal(body.token_endpoint, `${altinn.url}/maskinporten/token`);
    const jwks = (await (await fetch(body.jwks_uri as string)).json()) as {
      keys: { kid: string }[];
    };
    assert.equal(jwks.keys.length, 1);
  });

  it('refuses a grant signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await refused(
      await signGrant(altinn, client, { key: privateKey }),
      'invalid_grant',
      /signature/i,
    );
  });

  it('refuses a grant for another audience', async () => {
    const grant = await signGrant(altinn, client, {
      claims: { aud: 'https://test.maskinporten.no/' },
    });
    await refused(grant, 'invalid_grant', /audience/i);
  });

  it('refuses an expired grant', async () => {
    const now = Math.floor(Date.now() / 1000);
    const grant = await signGrant(altinn, client, { claims: { iat: now - 200, exp: now - 100 } });
    await refused(grant, 'invalid_grant', /expired/i);
  });

  it('refuses a grant that lives longer than 120 seconds, or is issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(
      await signGrant(altinn, client, { claims: { exp: now + 121 } }),
      'invalid_grant',
      /120/,
    );
    await refused(
      await signGrant(altinn, client, { claims: { iat: now + 60, exp: now + 90 } }),
      'invalid_grant',
      /iat/,
    );
  });

  it('refuses an unknown kid, a missing kid, and an unknown client', async () => {
    await refused(
      await signGrant(altinn, client, { header: { kid: 'someone-else' } }),
      'invalid_grant',
      /kid/,
    );
    await refused(
      await signGrant(altinn, client, { header: { kid: undefined } }),
      'invalid_grant',
      /kid/,
    );
    await refused(
      await signGrant(altinn, client, { claims: { iss: 'no-such-client' } }),
      'invalid_client',
      /no-such-client/,
    );
  });

  it('refuses a scope the client does not have, and a grant without scope', async () => {
    const readOnly = await makeClient(altinn, { scopes: [READ] });
    await refused(
      await signGrant(altinn, readOnly, { claims: { scope: `${READ} ${WRITE}` } }),
      'invalid_scope',
      /write/,
    );
    await refused(
      await signGrant(altinn, client, { claims: { scope: null } }),
      'invalid_scope',
      /scope/,
    );
  });

  it('refuses a grant without jti, and the same grant twice', async () => {
    await refused(
      await signGrant(altinn, client, { claims: { jti: null } }),
      'invalid_grant',
      /jti/,
    );
    const grant = await signGrant(altinn, client, { claims: { jti: randomUUID() } });
    assert.equal((await requestToken(altinn, grant)).status, 200);
    await refused(grant, 'invalid_grant', /already been used/);
  });

  it('refuses other grant types and bodies that are not a form', async () => {
    const wrongType = await fetch(altinn.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    assert.equal(wrongType.status, 400);
    assert.equal(((await wrongType.json()) as { error: string }).error, 'unsupported_grant_type');
    const json = await fetch(altinn.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }),
    });
    assert.equal(((await json.json()) as { error: string }).error, 'invalid_request');
  });

  it('counts every token request, and reset() zeroes the count', async () => {
    const before = altinn.stats.tokenRequests;
    await requestToken(altinn, 'not-a-jwt');
    await requestToken(altinn, await signGrant(altinn, client));
    assert.equal(altinn.stats.tokenRequests, before + 2);
    altinn.reset();
    assert.equal(altinn.stats.tokenRequests, 0);
  });

  it('will not register a private key or a key without kid', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const { exportJWK } = await import('jose');
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'k' };
    assert.throws(
      () =>
        altinn.registerClient({
          clientId: 'x',
          publicJwk: privateJwk,
          orgNumber: BANK,
          scopes: [],
        }),
      /private key/,
    );
    const publicPart = {
      kty: privateJwk.kty,
      crv: privateJwk.crv,
      x: privateJwk.x,
      y: privateJwk.y,
    };
    assert.throws(
      () =>
        altinn.registerClient({
          clientId: 'x',
          publicJwk: { ...publicPart, kid: '' },
          orgNumber: BANK,
          scopes: [],
        }),
      /kid/,
    );
  });
});
