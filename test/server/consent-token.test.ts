/**
 * Consent tokens (altinn-api.md §2.9): `consentToken` against the mock's Maskinporten over real
 * HTTP, for consents made through the backend and answered in the mock Altinn.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { SCOPE_INCOME } from '../../src/mock/index.js';
import {
  consentToken,
  ConsentTokenError,
  maskinportenTokenSource,
  type ConsentReference,
  type TokenSource,
} from '../../src/server/index.js';
import {
  BANK,
  consentBody,
  newClientKey,
  OTHER_PERSON,
  PERSON,
  RESOURCE,
  SCOPES,
  startPortal,
  type TestPortal,
} from './support.js';

/** An IT operator that the bank delegated its scopes to (`consumer_org`, "on behalf of"). */
const OPERATOR = '310456780';

describe('consentToken', () => {
  let portal: TestPortal;
  let tokenFor: (consent: ConsentReference) => Promise<string>;
  let key: Awaited<ReturnType<typeof newClientKey>>;

  before(async () => {
    portal = await startPortal();
    key = await newClientKey('data-key');
    // The bank's client for the data owner's API, and the operator's, which acts for the bank.
    portal.mock.registerClient({
      clientId: 'bank-data',
      publicJwk: key.publicJwk,
      orgNumber: BANK,
      scopes: [SCOPE_INCOME],
    });
    portal.mock.registerClient({
      clientId: 'operator',
      publicJwk: key.publicJwk,
      orgNumber: OPERATOR,
      scopes: [SCOPE_INCOME],
      consumerOrgs: [BANK],
    });
    tokenFor = source();
  });
  after(() => portal.close());

  function source(
    overrides: Partial<
      Pick<Parameters<typeof consentToken>[0], 'clientId' | 'consumerOrg' | 'now' | 'fetch'>
    > = {},
  ) {
    return consentToken({
      environment: { issuer: portal.mock.maskinportenAudience },
      clientId: 'bank-data',
      privateKey: key.privateKey,
      keyId: 'data-key',
      scopes: [SCOPE_INCOME],
      ...overrides,
    });
  }

  /** A consent asked through the backend, then answered in Altinn by the person. */
  async function consent(answer?: 'accept' | 'reject' | 'revoke'): Promise<string> {
    const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };
    for (const move of answer === 'revoke' ? ['accept', 'revoke'] : answer ? [answer] : []) {
      const moved = await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/${move}`, {
        method: 'POST',
      });
      assert.equal(moved.status, 200, await moved.text());
    }
    return id;
  }

  async function failure(promise: Promise<unknown>): Promise<ConsentTokenError> {
    const error = await promise.then(
      () => assert.fail('a token was given'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ConsentTokenError, String(error));
    return error;
  }

  it('gives a token that carries the accepted consent, which the data owner takes', async () => {
    const id = await consent('accept');
    const token = await tokenFor({ consentId: id, from: PERSON });
    const claims = decodeJwt(token);
    assert.equal(claims.scope, SCOPE_INCOME);
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` });
    assert.equal(claims.supplier, undefined);
    const [detail, ...more] = claims.authorization_details as Record<string, unknown>[];
    assert.equal(more.length, 0);
    assert.equal(detail?.type, 'urn:altinn:consent');
    assert.equal(detail?.id, id);
    assert.equal(detail?.from, `urn:altinn:person:identifier-no:${PERSON}`);
    assert.deepEqual(detail?.to, { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` });
    assert.ok(Date.parse(String(detail?.consented)) <= Date.now());
    assert.ok(Date.parse(String(detail?.validTo)) > Date.now());
    const rights = detail?.consentRights as { metadata: { inntektsaar: string } }[];
    assert.deepEqual(
      rights.map((right) => right.metadata.inntektsaar),
      ['2023', '2024'],
    );

    const income = await fetch(`${portal.mock.url}/dataowner/income/${PERSON}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(income.status, 200);
    const body = (await income.json()) as { consentId: string; incomes: { year: string }[] };
    assert.equal(body.consentId, id);
    assert.deepEqual(
      body.incomes.map((entry) => entry.year),
      ['2023', '2024'],
    );
    // The data owner gives nothing about another person with this token, nor without one.
    const other = await fetch(`${portal.mock.url}/dataowner/income/${OTHER_PERSON}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(other.status, 403);
    assert.equal((await fetch(`${portal.mock.url}/dataowner/income/${PERSON}`)).status, 401);
  });

  it('accepts the bare identity number as from, and the URN', async () => {
    const id = await consent('accept');
    const token = await source()({
      consentId: id,
      from: `urn:altinn:person:identifier-no:${PERSON}`,
    });
    assert.equal((decodeJwt(token).authorization_details as { id: string }[])[0]?.id, id);
  });

  for (const [state, answer, reason] of [
    ['waits for the person', undefined, 'not-accepted'],
    ['was rejected', 'reject', 'not-accepted'],
    ['was revoked', 'revoke', 'revoked'],
  ] as const) {
    it(`refuses a consent that ${state}: ${reason}`, async () => {
      const id = await consent(answer);
      const error = await failure(tokenFor({ consentId: id, from: PERSON }));
      assert.equal(error.reason, reason);
      assert.equal(error.status, 400);
      assert.equal(error.error, 'invalid_authorization_details');
    });
  }

  it('refuses a consent past its validity: expired', async () => {
    const id = await consent('accept');
    portal.advance(91 * 24 * 60 * 60 * 1000);
    try {
      const error = await failure(source()({ consentId: id, from: PERSON }));
      assert.equal(error.reason, 'expired');
    } finally {
      portal.advance(-91 * 24 * 60 * 60 * 1000);
    }
  });

  it('refuses a consent someone else gave (party mismatch), and an unknown one', async () => {
    const id = await consent('accept');
    const mismatch = await failure(tokenFor({ consentId: id, from: OTHER_PERSON }));
    assert.equal(mismatch.reason, 'party-mismatch');
    const unknown = await failure(tokenFor({ consentId: crypto.randomUUID(), from: PERSON }));
    assert.equal(unknown.reason, 'not-found');
  });

  it('reads a consent reason from words only in a consent error, not in the grant’s or client’s', async () => {
    const consentId = crypto.randomUUID();
    // A grant signed ten minutes ago: Maskinporten says "The assertion has expired".
    const stale = source({ now: () => Date.now() - 10 * 60_000 });
    const expiredGrant = await failure(stale({ consentId, from: PERSON }));
    assert.equal(expiredGrant.error, 'invalid_grant');
    assert.equal(expiredGrant.reason, 'refused');

    const answering = (error: string, description: string) =>
      source({
        fetch: () =>
          Promise.resolve(
            Response.json({ error, error_description: description }, { status: 400 }),
          ),
      });
    const unknownClient = answering('invalid_client', 'Client not found');
    assert.equal((await failure(unknownClient({ consentId, from: PERSON }))).reason, 'refused');
    const revoked = answering('invalid_authorization_details', 'The consent was revoked');
    assert.equal((await failure(revoked({ consentId, from: PERSON }))).reason, 'revoked');
  });

  it('refuses a malformed consent id or party before asking Maskinporten', async () => {
    const before = portal.mock.stats.tokenRequests;
    await assert.rejects(tokenFor({ consentId: 'not-an-id', from: PERSON }), TypeError);
    await assert.rejects(tokenFor({ consentId: crypto.randomUUID(), from: '123' }), TypeError);
    assert.equal(portal.mock.stats.tokenRequests, before);
  });

  it('makes one token request for concurrent callers, and keeps the token', async () => {
    const id = await consent('accept');
    const fresh = source();
    const before = portal.mock.stats.tokenRequests;
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => fresh({ consentId: id, from: PERSON })),
    );
    assert.equal(new Set(tokens).size, 1);
    assert.equal(portal.mock.stats.tokenRequests, before + 1);
    assert.equal(await fresh({ consentId: id.toUpperCase(), from: PERSON }), tokens[0]);
    assert.equal(portal.mock.stats.tokenRequests, before + 1);
  });

  it('does not keep a refusal: the consent accepted later gives a token', async () => {
    const id = await consent();
    const fresh = source();
    await failure(fresh({ consentId: id, from: PERSON }));
    await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/accept`, { method: 'POST' });
    assert.ok((await fresh({ consentId: id, from: PERSON })).length > 20);
  });

  it('acts for the bank with consumer_org: consumer the bank, supplier the operator', async () => {
    const id = await consent('accept');
    const token = await source({ clientId: 'operator', consumerOrg: BANK })({
      consentId: id,
      from: PERSON,
    });
    const claims = decodeJwt(token);
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` });
    assert.deepEqual(claims.supplier, {
      authority: 'iso6523-actorid-upis',
      ID: `0192:${OPERATOR}`,
    });
    // Without consumer_org the operator's own organisation is not the consent's receiver.
    const own = await failure(source({ clientId: 'operator' })({ consentId: id, from: PERSON }));
    assert.equal(own.reason, 'party-mismatch');
  });
});

describe('consentToken for a consent another organisation received (altinn-api.md §2.9)', () => {
  /** The bank's IT operator (DRIFTSPARTNER IT AS), to which the bank delegated its scopes. */
  const DRIFTSPARTNER = '312987651';
  /** A resource owner (SKATTEETATEN) that asks with `.org` on the bank's behalf. */
  const RESOURCE_OWNER = '974761076';
  const ORG_SCOPE = 'altinn:consentrequests.org';
  const iso6523 = (org: string) => ({ authority: 'iso6523-actorid-upis', ID: `0192:${org}` });
  let portal: TestPortal;
  let key: Awaited<ReturnType<typeof newClientKey>>;
  let operator: TokenSource | undefined;

  before(async () => {
    key = await newClientKey('operator-key');
    // The bank's backend, run by the operator: its Altinn calls act for the bank (consumer_org).
    portal = await startPortal({
      tokenSource: { getToken: (scopes) => (operator as TokenSource).getToken(scopes) },
    });
    for (const [clientId, orgNumber, scopes] of [
      ['driftspartner', DRIFTSPARTNER, [...SCOPES, SCOPE_INCOME]],
      ['resource-owner', RESOURCE_OWNER, [ORG_SCOPE, SCOPE_INCOME]],
    ] as const) {
      const client = { clientId, publicJwk: key.publicJwk, orgNumber, scopes: [...scopes] };
      portal.mock.registerClient({ ...client, consumerOrgs: [BANK] });
    }
    operator = maskinportenTokenSource({ ...maskinporten('driftspartner'), consumerOrg: BANK });
  });
  after(() => portal.close());

  function maskinporten(clientId: string) {
    return {
      environment: { issuer: portal.mock.maskinportenAudience },
      clientId,
      privateKey: key.privateKey,
      keyId: 'operator-key',
    };
  }

  /** The consent's claims, checked: the bank's consent, the consumer the bank, the supplier `by`. */
  function assertForBank(token: string, id: string, by: string): void {
    const claims = decodeJwt(token);
    assert.deepEqual(claims.consumer, iso6523(BANK));
    assert.deepEqual(claims.supplier, iso6523(by));
    assert.equal(claims.delegation_source, 'https://www.altinn.no');
    const [detail] = claims.authorization_details as Record<string, unknown>[];
    assert.equal(detail?.id, id);
    assert.equal(detail?.from, `urn:altinn:person:identifier-no:${PERSON}`);
    assert.deepEqual(detail?.to, iso6523(BANK));
  }

  it('an operator asks through the backend (handledBy) and fetches the token for the bank', async () => {
    const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
    assert.equal(response.status, 201, await response.clone().text());
    const { id } = (await response.json()) as { id: string };
    const stored = portal.mock.consentRequests.get(id);
    assert.equal(stored?.to, `urn:altinn:organization:identifier-no:${BANK}`);
    assert.equal(stored?.handledBy, `urn:altinn:organization:identifier-no:${DRIFTSPARTNER}`);
    await fetch(`${portal.mock.url}/__mock/consentrequests/${id}/accept`, { method: 'POST' });

    // One client for any organisation it acts for: the receiver named per consent.
    const tokenFor = consentToken({ ...maskinporten('driftspartner'), scopes: [SCOPE_INCOME] });
    const token = await tokenFor({ consentId: id, from: PERSON, to: BANK });
    assertForBank(token, id, DRIFTSPARTNER);
    const income = await fetch(`${portal.mock.url}/dataowner/income/${PERSON}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(income.status, 200);
    // The operator's own organisation did not receive the consent.
    const own = await tokenFor({ consentId: id, from: PERSON }).then(
      () => assert.fail('a token was given'),
      (error: unknown) => error,
    );
    assert.ok(own instanceof ConsentTokenError && own.reason === 'party-mismatch', String(own));
    await assert.rejects(tokenFor({ consentId: id, from: PERSON, to: '123' }), TypeError);
  });

  it('a resource owner asks with .org for the bank, and fetches the token for it', async () => {
    const tokens = maskinportenTokenSource(maskinporten('resource-owner'));
    const body = {
      id: crypto.randomUUID(),
      from: `urn:altinn:person:identifier-no:${PERSON}`,
      to: `urn:altinn:organization:identifier-no:${BANK}`,
      validTo: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString(),
      consentRights: [
        {
          action: ['consent'],
          resource: [{ type: 'urn:altinn:resource', value: RESOURCE }],
          metadata: { inntektsaar: '2024' },
        },
      ],
      redirectUrl: 'https://portal.example/',
    };
    const created = await fetch(`${portal.mock.consentApiBaseUrl}/consentrequests`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await tokens.getToken([ORG_SCOPE])}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { handledBy } = (await created.json()) as { handledBy: string };
    assert.equal(handledBy, `urn:altinn:organization:identifier-no:${RESOURCE_OWNER}`);
    await fetch(`${portal.mock.url}/__mock/consentrequests/${body.id}/accept`, { method: 'POST' });

    const tokenFor = consentToken({ ...maskinporten('resource-owner'), scopes: [SCOPE_INCOME] });
    const token = await tokenFor({ consentId: body.id, from: PERSON, to: body.to });
    assertForBank(token, body.id, RESOURCE_OWNER);
  });
});
