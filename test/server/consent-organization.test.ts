/**
 * Consent on behalf of an organisation (altinn-api.md 2.6, 2.9): the organisation from the portal's
 * session, the signed-in person as `requiredDelegator`, and Altinn's rules for who may answer, in
 * the mock's consent page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  answerInAltinn,
  BANK,
  consentBody,
  ORGANIZATION_HEADER,
  OTHER_PERSON,
  PERSON,
  startPortal,
  type TestPortal,
} from './support.js';

const ORGANIZATION = '310456780';
const TAX_BASE = 'samtykke-skattegrunnlag';
const asOrganization = { [ORGANIZATION_HEADER]: ORGANIZATION };

function body(origin: string, extra: Record<string, unknown> = {}) {
  return consentBody(origin, {
    rights: [{ resource: TAX_BASE, metadata: { inntektsaar: '2024' } }],
    onBehalfOf: 'organization',
    ...extra,
  });
}

describe('consent on behalf of an organisation', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      consent: { organization: BANK, resources: [TAX_BASE], from: 'either' },
    });
  });
  after(() => portal.close());

  it('asks the organisation of the session, with the signed-in person as requiredDelegator', async () => {
    const sent = body(portal.origin);
    const response = await portal.call('POST', '/consent-requests', sent, asOrganization);
    assert.equal(response.status, 201, await response.clone().text());
    const stored = portal.mock.consentRequests.get(String(sent.id));
    assert.equal(stored?.from, `urn:altinn:organization:identifier-no:${ORGANIZATION}`);
    assert.equal(stored?.requiredDelegator, `urn:altinn:person:identifier-no:${PERSON}`);
    assert.equal(stored?.to, `urn:altinn:organization:identifier-no:${BANK}`);

    // The person who asked answers as the organisation's access manager; the read follows it.
    const view = (await response.json()) as { url: string };
    await answerInAltinn(view.url, 'accept');
    const read = await portal.call(
      'GET',
      `/consent-requests/${String(sent.id)}`,
      undefined,
      asOrganization,
    );
    assert.equal(((await read.json()) as { status: string }).status, 'accepted');
    // The record is the organisation's consent even when the person acts for none now.
    const later = await portal.call('GET', `/consent-requests/${String(sent.id)}`);
    assert.equal(later.status, 200);
  });

  it('asks the person without onBehalfOf', async () => {
    const sent = body(portal.origin, { onBehalfOf: undefined });
    const response = await portal.call('POST', '/consent-requests', sent, asOrganization);
    assert.equal(response.status, 201);
    const stored = portal.mock.consentRequests.get(String(sent.id));
    assert.equal(stored?.from, `urn:altinn:person:identifier-no:${PERSON}`);
    assert.equal(stored?.requiredDelegator, null);
  });

  it('refuses when the person acts for no organisation (403), and another value (400)', async () => {
    const none = await portal.call('POST', '/consent-requests', body(portal.origin));
    assert.equal(none.status, 403);
    const other = await portal.call(
      'POST',
      '/consent-requests',
      body(portal.origin, { onBehalfOf: '310456780' }),
      asOrganization,
    );
    assert.equal(other.status, 400);
    const forged = await portal.call(
      'POST',
      '/consent-requests',
      body(portal.origin, { requiredDelegator: `urn:altinn:person:identifier-no:${OTHER_PERSON}` }),
      asOrganization,
    );
    assert.equal(forged.status, 400);
  });

  it('shows the 403 page to someone who may not answer for the organisation, and refuses their answer', async () => {
    const sent = body(portal.origin);
    const response = await portal.call('POST', '/consent-requests', sent, asOrganization);
    const { url } = (await response.json()) as { url: string };
    const asOther = new URL(url);
    asOther.searchParams.set('user', OTHER_PERSON);
    const page = await fetch(asOther);
    assert.equal(page.status, 403);
    const html = await page.text();
    assert.match(html, /data-notice="noAccess"/);
    assert.doesNotMatch(html, /data-action="accept"/);
    const answer = await fetch(asOther, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=accept',
      redirect: 'manual',
    });
    assert.equal(answer.status, 403);
    assert.equal(portal.mock.consentRequests.get(String(sent.id))?.status, 'Created');
  });
});

describe('consent on behalf of an organisation, not configured', () => {
  it('refuses onBehalfOf when the portal asks persons only', async () => {
    const portal = await startPortal();
    try {
      const response = await portal.call(
        'POST',
        '/consent-requests',
        body(portal.origin),
        asOrganization,
      );
      assert.equal(response.status, 403);
      assert.equal(
        ((await response.json()) as { code: string }).code,
        'organization-consent-not-allowed',
      );
    } finally {
      await portal.close();
    }
  });
});

describe('the mock’s consent page: who may see a person’s request', () => {
  it('shows it to the person, and the 403 page to anyone else', async () => {
    const portal = await startPortal();
    try {
      const response = await portal.call('POST', '/consent-requests', consentBody(portal.origin));
      const { url } = (await response.json()) as { url: string };
      assert.equal((await fetch(url)).status, 200);
      const own = new URL(url);
      own.searchParams.set('user', PERSON);
      assert.equal((await fetch(own)).status, 200);
      const other = new URL(url);
      other.searchParams.set('user', OTHER_PERSON);
      assert.equal((await fetch(other)).status, 403);
    } finally {
      await portal.close();
    }
  });
});
