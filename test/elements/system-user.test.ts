/**
 * The system-user elements: the button makes the request's id (its Idempotency-Key), adds it to the
 * way back as `systemUserRequestId`, and goes to Altinn only through the guard; the status element
 * takes that id from the URL (nothing else there) and shows every status the backend can answer.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/request-system-user-button/request-system-user-button.js';
import '../../src/elements/system-user-request-status/system-user-request-status.js';
import type { RequestSystemUserButton } from '../../src/elements/request-system-user-button/request-system-user-button.js';
import type { SystemUserRequestStatus } from '../../src/elements/system-user-request-status/system-user-request-status.js';
import { resetConfig, type AltinnRequestErrorEvent, type RequestStatus } from '../../src/index.js';
import { recallPendingRequest } from '../../src/core/pending-request.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { SYSTEM_USER_BUTTON_TEXTS, SYSTEM_USER_STATUS_TEXTS } from '../../src/i18n/system-user.js';
import {
  OTHER_REQUEST_ID,
  SYSTEM_USER_REQUEST_ID,
  systemUserConfirmUrl,
  systemUserView,
} from '../support/fixtures.js';
import { fakeBackend, type FakeRoute, type RecordedRequest } from '../support/fake-backend.js';
import { waitUntil } from '../support/wait.js';
import { innerButton, partText, recordNavigation, setPageUrl, shownText, UUID } from './helpers.js';

const RETURN_URL = 'https://portal.example/systembruker?tab=2';

const created = (extra: Partial<FakeRoute> = {}): FakeRoute => ({
  method: 'POST',
  path: '/system-user-requests',
  status: 201,
  body: systemUserView({ id: '$id' }),
  ...extra,
});

const keyOf = (request: RecordedRequest | undefined): string | undefined =>
  request?.headers['idempotency-key'];

describe('<request-system-user-button>', () => {
  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });
  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  const button = (endpoint: string, lang = 'nb'): Promise<RequestSystemUserButton> =>
    fixture<RequestSystemUserButton>(
      html`<request-system-user-button
        always-new
        lang=${lang}
        endpoint=${endpoint}
        integration="regnskap"
        return-url=${RETURN_URL}
      ></request-system-user-button>`,
    );

  it('is a native button named "Be om systembruker", accessible, in every language', async () => {
    const backend = await fakeBackend([]);
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const element = await button(backend.endpoint, lang);
      expect(innerButton(element).type).to.equal('button');
      expect(shownText(element)).to.equal(SYSTEM_USER_BUTTON_TEXTS[lang].label);
      await expect(element).to.be.accessible();
    }
  });

  it('creates the request with its id as Idempotency-Key and in the way back, keeps it, and goes to Altinn', async () => {
    const backend = await fakeBackend([created()]);
    const element = await button(backend.endpoint);
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1, 'navigated');
    const [request] = await backend.requests();
    const id = keyOf(request);
    expect(id).to.match(UUID);
    expect(element.idempotencyKey).to.equal(id);
    expect(request?.body).to.deep.equal({
      integration: 'regnskap',
      redirectUrl: `${RETURN_URL}&systemUserRequestId=${id}`,
    });
    expect(navigation.urls).to.deep.equal([systemUserConfirmUrl(id!)]);
    expect(recallPendingRequest('system-user')?.id).to.equal(id);
    expect(element.matches(':state(navigating)')).to.equal(true);
  });

  it('retries after a 5xx with the same Idempotency-Key, and then goes to Altinn', async () => {
    const backend = await fakeBackend([
      created({ status: 503, body: { title: 'Unavailable', status: 503 }, times: 1 }),
      created(),
    ]);
    const element = await button(backend.endpoint);
    const failed = oneEvent(element, 'altinn-request-error');
    innerButton(element).click();
    const { detail } = (await failed) as AltinnRequestErrorEvent;
    expect(detail.code).to.equal('http-5xx');
    expect(detail.kind).to.equal('system-user');
    await element.updateComplete;
    expect(partText(element, 'error')).to.equal(MESSAGES.nb.errorServer);
    await expect(element).to.be.accessible();
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1, 'navigated after the retry');
    const keys = (await backend.requests()).map(keyOf);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('refuses an answer about another request, and does not navigate', async () => {
    const backend = await fakeBackend([
      created({ body: systemUserView({ id: OTHER_REQUEST_ID }) }),
    ]);
    const element = await button(backend.endpoint);
    const failed = oneEvent(element, 'altinn-request-error');
    innerButton(element).click();
    expect(((await failed) as AltinnRequestErrorEvent).detail.code).to.equal('invalid-response');
    expect(navigation.urls).to.deep.equal([]);
    expect(recallPendingRequest('system-user')).to.equal(undefined);
  });

  it('never goes to a confirm URL off the Altinn allow-list', async () => {
    const backend = await fakeBackend([
      created({ body: systemUserView({ id: '$id', url: 'https://altinn.example/confirm' }) }),
    ]);
    const element = await button(backend.endpoint);
    const failed = oneEvent(element, 'altinn-request-error');
    innerButton(element).click();
    expect(((await failed) as AltinnRequestErrorEvent).detail.code).to.equal('untrusted-redirect');
    expect(navigation.urls).to.deep.equal([]);
  });
});

describe('<system-user-request-status>', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });
  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  const statusElement = (endpoint: string, lang = 'nb'): Promise<SystemUserRequestStatus> =>
    fixture<SystemUserRequestStatus>(
      html`<system-user-request-status
        lang=${lang}
        endpoint=${endpoint}
        integration="regnskap"
        poll-interval="60000"
      ></system-user-request-status>`,
    );
  const settled = (element: SystemUserRequestStatus): Promise<void> =>
    waitUntil(() => element.status !== undefined || element.matches(':state(error)'), 'settled');

  const statuses: [RequestStatus, keyof (typeof SYSTEM_USER_STATUS_TEXTS)['nb']][] = [
    ['created', 'created'],
    ['accepted', 'accepted'],
    ['rejected', 'rejected'],
    ['expired', 'expired'],
    ['withdrawn', 'withdrawn'],
    ['revoked', 'revoked'],
    ['unknown', 'unknown'],
  ];
  for (const [status, text] of statuses) {
    it(`shows "${status}" from the systemUserRequestId of the way back, with no axe violations`, async () => {
      setPageUrl(`?tab=2&systemUserRequestId=${SYSTEM_USER_REQUEST_ID}`);
      const backend = await fakeBackend([
        {
          method: 'GET',
          path: '/system-user-requests/*',
          body: systemUserView({ id: '$id', status }),
        },
      ]);
      const element = await statusElement(backend.endpoint);
      await settled(element);
      expect(element.status).to.equal(status);
      expect(element.getAttribute('status')).to.equal(status);
      expect(partText(element, 'text')).to.equal(SYSTEM_USER_STATUS_TEXTS.nb[text]);
      expect(location.search).to.equal('?tab=2');
      const [request] = await backend.requests();
      expect(request?.path).to.equal(`/system-user-requests/${SYSTEM_USER_REQUEST_ID}`);
      await expect(element).to.be.accessible();
    });
  }

  it('says in every language that the request waits for the access manager', async () => {
    const backend = await fakeBackend([
      { method: 'GET', path: '/system-user-requests/*', body: systemUserView({ id: '$id' }) },
    ]);
    for (const lang of ['nb', 'nn', 'en'] as const) {
      sessionStorage.clear();
      setPageUrl(`?systemUserRequestId=${SYSTEM_USER_REQUEST_ID}`);
      const element = await statusElement(backend.endpoint, lang);
      await settled(element);
      expect(partText(element, 'text')).to.equal(SYSTEM_USER_STATUS_TEXTS[lang].created);
      expect(element.polling).to.equal(true);
      await expect(element).to.be.accessible();
    }
    expect(SYSTEM_USER_STATUS_TEXTS.nb.created).to.contain('tilgangsstyrer');
    expect(SYSTEM_USER_STATUS_TEXTS.nn.created).to.contain('tilgangsstyrar');
  });

  it('trusts nothing but the id in a forged way back: Altinn-looking parameters are ignored', async () => {
    setPageUrl(
      `?systemUserRequestId=${SYSTEM_USER_REQUEST_ID}&Status=OK&status=accepted&consentId=x&kind=access`,
    );
    const backend = await fakeBackend([
      {
        method: 'GET',
        path: '/system-user-requests/*',
        body: systemUserView({ id: '$id', status: 'rejected' }),
      },
    ]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    expect(element.status).to.equal('rejected');
    expect(partText(element, 'text')).to.equal(SYSTEM_USER_STATUS_TEXTS.nb.rejected);
    const paths = (await backend.requests()).map((request) => request.path);
    expect(paths).to.deep.equal([`/system-user-requests/${SYSTEM_USER_REQUEST_ID}`]);
  });

  it('refuses an answer about another request than the one in the way back', async () => {
    setPageUrl(`?systemUserRequestId=${SYSTEM_USER_REQUEST_ID}`);
    const backend = await fakeBackend([
      {
        method: 'GET',
        path: '/system-user-requests/*',
        body: systemUserView({ id: OTHER_REQUEST_ID, status: 'accepted' }),
      },
    ]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    expect(element.status).to.equal(undefined);
    expect(element.matches(':state(error)')).to.equal(true);
  });

  it('without an id, shows the latest request for its integration from the list', async () => {
    const backend = await fakeBackend([
      {
        method: 'GET',
        path: '/system-user-requests',
        body: {
          items: [systemUserView({ status: 'accepted', createdAt: '2026-12-01T10:00:00Z' })],
        },
      },
    ]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    expect(element.status).to.equal('accepted');
    const [request] = await backend.requests();
    expect(request?.query).to.equal('integration=regnskap&state=all&limit=1');
    expect(partText(element, 'asked')).to.contain('Du ba om systembruker');
  });
});
