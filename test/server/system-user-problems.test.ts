/**
 * Altinn's refusals of a system-user request that are the portal's configuration, not the person's
 * doing (altinn-api.md §3.4), over real HTTP against the mock Altinn: each becomes a problem that
 * says what to fix, 502 for the vendor's system or token, 400 for an integration's packages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BANK, startPortal, type TestPortal } from './support.js';

interface Problem {
  status: number;
  code: string;
  detail?: string;
}

const CUSTOMER = '310456780';
const SYSTEM_ID = `${BANK}_pakker`;
const PACKAGE = 'urn:altinn:accesspackage:';

describe('system-user requests Altinn refuses for the portal’s configuration', () => {
  let portal: TestPortal;
  /** An Altinn problem to answer the next create with instead of Altinn's own answer. */
  let nextPostProblem: Record<string, unknown> | undefined;
  before(async () => {
    portal = await startPortal({
      consent: undefined,
      systemUser: {
        systemId: SYSTEM_ID,
        integrations: {
          lonn: { accessPackages: [`${PACKAGE}regnskapsforer-lonn`] },
          admin: { accessPackages: [`${PACKAGE}hovedadministrator`] },
          klienter: { type: 'agent', accessPackages: [`${PACKAGE}ansettelsesforhold`] },
        },
      },
      fetch: async (input, init) => {
        const problem = nextPostProblem;
        if (problem && init?.method === 'POST') {
          nextPostProblem = undefined;
          const headers = { 'content-type': 'application/problem+json' };
          return new Response(JSON.stringify(problem), { status: Number(problem.status), headers });
        }
        return fetch(input, init);
      },
    });
  });
  after(() => portal.close());

  const register = () =>
    portal.mock.registerSystem({
      id: SYSTEM_ID,
      name: { nb: 'Pakker', nn: 'Pakkar', en: 'Packages' },
      rights: [],
      accessPackages: ['regnskapsforer-lonn', 'ansettelsesforhold', 'hovedadministrator'].map(
        (name) => `${PACKAGE}${name}`,
      ),
      allowedRedirectUrls: [`${portal.origin}/systembruker`],
    });

  const ask = (integration: string) =>
    portal.call(
      'POST',
      '/system-user-requests',
      { integration, redirectUrl: `${portal.origin}/systembruker` },
      { 'idempotency-key': crypto.randomUUID(), 'x-test-organization': CUSTOMER },
    );

  async function problemOf(response: Response, status: number): Promise<Problem> {
    assert.equal(response.status, status, await response.clone().text());
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    return (await response.json()) as Problem;
  }

  it('a system Altinn does not hold for the portal’s organisation (AUTH-00011) is a 502 about the configuration', async () => {
    const refused = await problemOf(await ask('lonn'), 502);
    assert.equal(refused.code, 'altinn-unauthorized');
    assert.match(String(refused.detail), /AUTH-00011/);
    assert.match(String(refused.detail), /systemUser\.systemId/);
    register();
    assert.equal((await ask('lonn')).status, 201, 'asked again once the system is registered');
  });

  it('a token that names no organisation (AUTH-00023) is a 502 about the portal’s token', async () => {
    register();
    nextPostProblem = {
      type: 'urn:altinn:error:AUTH-00023',
      title: "Can't resolve the Organisation Number for the Vendor from the Token.",
      status: 401,
      code: 'AUTH-00023',
    };
    const refused = await problemOf(await ask('lonn'), 502);
    assert.equal(refused.code, 'altinn-unauthorized');
    assert.match(String(refused.detail), /AUTH-00023/);
  });

  it('an integration’s package a standard system user cannot hold (AUTH-00064) is a 400 naming the integration', async () => {
    register();
    const refused = await problemOf(await ask('admin'), 400);
    assert.equal(refused.code, 'AUTH-00064');
    assert.match(String(refused.detail), /integration admin .*standard system user/);
  });

  it('an agent integration’s package not meant for clients (AUTH-00065) is a 400 naming the integration', async () => {
    register();
    const refused = await problemOf(await ask('klienter'), 400);
    assert.equal(refused.code, 'AUTH-00065');
    assert.match(String(refused.detail), /integration klienter .*agent system user/);
  });
});
