import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import {
  resetConfig,
  type AltinnRequestErrorEvent,
  type AltinnStatusChangeEvent,
  type ConsentStatus,
  type RequestStatus,
} from '../../src/index.js';
import { rememberPendingRequest } from '../../src/core/pending-request.js';
import { format, MESSAGES } from '../../src/i18n/index.js';
import { consentView } from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import { partText, recordNavigation, setPageUrl, shownText } from './helpers.js';

const ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
const VIEW_URI = `https://am.ui.tt02.altinn.no/accessmanagement/ui/consent/request?id=${ID}`;
const FUTURE = '2099-07-18T06:18:12.25971+00:00';
const PAST = '2020-07-18T06:18:12.25971+00:00';

const answer = (body: unknown, extra: Partial<FakeRoute> = {}): FakeRoute => ({
  method: 'GET',
  path: '/consent-requests/*',
  body,
  ...extra,
});

async function statusElement(
  endpoint: string,
  lang = 'nb',
  requestId: string | undefined = ID,
): Promise<ConsentStatus> {
  return fixture<ConsentStatus>(
    html`<consent-status
      endpoint=${endpoint}
      lang=${lang}
      request-id=${requestId ?? ''}
    ></consent-status>`,
  );
}

async function settled(element: ConsentStatus): Promise<void> {
  await waitUntil(
    () => element.status !== undefined || element.matches(':state(error)'),
    'status known',
  );
  await element.updateComplete;
}

describe('<consent-status>', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });
  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  it('shows what the backend says, never the Status parameter of the return URL', async () => {
    setPageUrl(`?step=3&consentId=${ID}&Status=OK`);
    const backend = await fakeBackend([answer(consentView({ id: '$id', status: 'rejected' }))]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint} lang="nb"></consent-status>`,
    );
    const change = (await oneEvent(element, 'altinn-status-change')) as AltinnStatusChangeEvent;
    await element.updateComplete;

    expect(change.detail).to.include({
      kind: 'consent',
      id: ID,
      status: 'rejected',
      previous: undefined,
    });
    expect(element.status).to.equal('rejected');
    expect(element.getAttribute('status')).to.equal('rejected');
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.consentRejected);
    const [request] = await backend.requests();
    expect(request?.method).to.equal('GET');
    expect(request?.path).to.equal(`/consent-requests/${ID}`);
    // The return parameters are gone from the address bar; the portal's own stay.
    expect(location.search).to.equal('?step=3');
    await expect(element).to.be.accessible();
  });

  const cases: {
    name: string;
    body: Record<string, unknown>;
    status: RequestStatus;
    text: string;
  }[] = [
    {
      name: 'created',
      body: { status: 'created' },
      status: 'created',
      text: MESSAGES.nb.consentCreated,
    },
    {
      name: 'accepted, with its validity',
      body: { status: 'accepted' },
      status: 'accepted',
      text: format(MESSAGES.nb.consentAcceptedUntil, { date: '18. juli 2099' }),
    },
    {
      name: 'accepted without a validity',
      body: { status: 'accepted', validTo: undefined },
      status: 'accepted',
      text: MESSAGES.nb.consentAccepted,
    },
    {
      name: 'pending',
      body: { status: 'pending' },
      status: 'pending',
      text: MESSAGES.nb.consentPending,
    },
    {
      name: 'rejected',
      body: { status: 'rejected' },
      status: 'rejected',
      text: MESSAGES.nb.consentRejected,
    },
    {
      name: 'revoked',
      body: { status: 'revoked' },
      status: 'revoked',
      text: MESSAGES.nb.consentRevoked,
    },
    {
      name: 'withdrawn',
      body: { status: 'withdrawn' },
      status: 'withdrawn',
      text: MESSAGES.nb.consentWithdrawn,
    },
    {
      name: 'expired',
      body: { status: 'expired' },
      status: 'expired',
      text: MESSAGES.nb.consentExpired,
    },
    {
      name: 'accepted past validTo (a backend that forgot to check it)',
      body: { status: 'accepted', validTo: PAST },
      status: 'expired',
      text: MESSAGES.nb.consentExpired,
    },
    {
      name: 'UPPER CASE',
      body: { status: 'REJECTED' },
      status: 'rejected',
      text: MESSAGES.nb.consentRejected,
    },
    {
      name: "Altinn's own word (Deleted), which the backend should have mapped",
      body: { status: 'Deleted' },
      status: 'unknown',
      text: MESSAGES.nb.consentUnknown,
    },
    {
      name: 'unknown',
      body: { status: 'unknown' },
      status: 'unknown',
      text: MESSAGES.nb.consentUnknown,
    },
  ];

  for (const { name, body, status, text } of cases) {
    it(`shows ${status} for ${name}`, async () => {
      const backend = await fakeBackend([
        answer(consentView({ id: '$id', validTo: FUTURE, url: VIEW_URI, ...body })),
      ]);
      const element = await statusElement(backend.endpoint);
      await settled(element);
      expect(element.status).to.equal(status);
      expect(element.getAttribute('status')).to.equal(status);
      expect(partText(element, 'text')).to.equal(text);
      await expect(element).to.be.accessible();
    });
  }

  it('links to Altinn while the user has not answered, but only to an allowed origin', async () => {
    const backend = await fakeBackend([
      answer(consentView({ id: '$id', status: 'created', validTo: FUTURE, url: VIEW_URI }), {
        times: 1,
      }),
      answer(
        consentView({
          id: '$id',
          status: 'created',
          validTo: FUTURE,
          url: 'https://am.ui.altinn.no.evil.example/x',
        }),
      ),
    ]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
    expect(link?.href).to.equal(VIEW_URI);
    expect(link?.textContent?.trim()).to.equal(MESSAGES.nb.continueInAltinn);

    await element.refresh();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.consentCreated);
  });

  it('ignores an id kept for another backend, on a page that uses several', async () => {
    rememberPendingRequest({
      kind: 'consent',
      id: ID,
      createdAt: new Date().toISOString(),
      endpoint: '/api/other-backend',
    });
    const backend = await fakeBackend([answer(consentView({ id: '$id', status: 'created' }))]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint}></consent-status>`,
    );
    await aTimeout(100);
    expect(element.currentRequestId).to.equal(undefined);
    expect(await backend.requests()).to.deep.equal([]);

    rememberPendingRequest({
      kind: 'consent',
      id: ID,
      createdAt: new Date().toISOString(),
      endpoint: backend.endpoint,
    });
    const own = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint}></consent-status>`,
    );
    await settled(own);
    expect(own.currentRequestId).to.equal(ID);
  });

  it('prefers request-id to the URL parameter', async () => {
    setPageUrl('?consentId=11111111-1111-4111-8111-111111111111');
    const backend = await fakeBackend([answer(consentView({ id: '$id', status: 'created' }))]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    expect((await backend.requests())[0]?.path).to.equal(`/consent-requests/${ID}`);
  });

  it('follows a request created on the same page', async () => {
    const backend = await fakeBackend([answer(consentView({ id: '$id', status: 'created' }))]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint}></consent-status>`,
    );
    document.body.dispatchEvent(
      new CustomEvent('altinn-request-created', {
        detail: {
          kind: 'consent',
          id: ID,
          status: 'created',
          url: undefined,
          navigation: 'redirect',
        },
        bubbles: true,
        composed: true,
      }),
    );
    await settled(element);
    expect(element.status).to.equal('created');
    expect((await backend.requests())[0]?.path).to.equal(`/consent-requests/${ID}`);
  });

  it('does not fetch for a request whose page is about to leave for Altinn', async () => {
    const backend = await fakeBackend([answer(consentView({ id: '$id', status: 'created' }))]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint}></consent-status>`,
    );
    document.body.dispatchEvent(
      new CustomEvent('altinn-request-created', {
        detail: {
          kind: 'consent',
          id: ID,
          status: 'created',
          url: VIEW_URI,
          navigation: 'redirect',
        },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await aTimeout(100);
    expect(element.currentRequestId).to.equal(undefined);
    expect(await backend.requests()).to.deep.equal([]);
  });

  it('is busy, in words at once and with a spinner once the read takes a while', async () => {
    const backend = await fakeBackend([
      answer(consentView({ id: '$id', status: 'created' }), { delayMs: 2500 }),
    ]);
    const element = await statusElement(backend.endpoint);
    await element.updateComplete;
    const spinner = () => element.shadowRoot!.querySelector('[part="spinner"]');
    const region = element.shadowRoot!.querySelector('[part="base"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.getAttribute('aria-busy')).to.equal('true');
    expect(element.matches(':state(loading)')).to.equal(true);
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.statusLoading);
    // A quick answer would not flash a spinner (nor animate one per element on a busy page) …
    expect(spinner()).to.equal(null);
    // … a slow one gets it.
    await waitUntil(() => spinner() !== null, 'the spinner');
    expect(element.matches(':state(loading)')).to.equal(true);
    await expect(element).to.be.accessible();
    await settled(element);
    expect(region.getAttribute('aria-busy')).to.equal('false');
    expect(spinner()).to.equal(null);
  });

  it('explains a failure, never spins forever, and tries again on request', async () => {
    const backend = await fakeBackend([
      answer({ title: 'Boom', status: 503 }, { status: 503, times: 1 }),
      answer(consentView({ id: '$id', status: 'accepted', validTo: FUTURE })),
    ]);
    const element = await fixture<ConsentStatus>(html`<consent-status lang="en"></consent-status>`);
    const errorEvent = oneEvent(
      element,
      'altinn-request-error',
    ) as Promise<AltinnRequestErrorEvent>;
    element.endpoint = backend.endpoint;
    element.requestId = ID;
    const { detail } = await errorEvent;
    expect(detail).to.include({
      kind: 'consent',
      code: 'http-5xx',
      httpStatus: 503,
      retryable: true,
    });
    await element.updateComplete;
    expect(element.matches(':state(error)')).to.equal(true);
    expect(partText(element, 'text')).to.equal(MESSAGES.en.errorServer);
    expect(element.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal(
      'false',
    );
    await expect(element).to.be.accessible();

    const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent?.trim()).to.equal(MESSAGES.en.retry);
    retry.click();
    await waitUntil(() => element.status === 'accepted', 'retried');
    expect((await backend.requests()).length).to.equal(2);
  });

  it('lets a named slot replace the text of one status', async () => {
    const backend = await fakeBackend([
      answer(consentView({ id: '$id', status: 'accepted', validTo: FUTURE })),
    ]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint} request-id=${ID}>
        <span slot="accepted">Takk! Vi henter inntekten din nå.</span>
        <span slot="rejected">Du kan laste opp lønnsslipper i stedet.</span>
      </consent-status>`,
    );
    await settled(element);
    expect(shownText(element)).to.equal('Takk! Vi henter inntekten din nå.');
  });

  it('speaks nynorsk and English, dates included', async () => {
    const backend = await fakeBackend([
      answer(consentView({ id: '$id', status: 'accepted', validTo: FUTURE })),
    ]);
    const english = await statusElement(backend.endpoint, 'en');
    await settled(english);
    expect(partText(english, 'text')).to.equal(
      format(MESSAGES.en.consentAcceptedUntil, { date: '18 July 2099' }),
    );
    const nynorsk = await statusElement(backend.endpoint, 'nn-NO');
    await settled(nynorsk);
    expect(partText(nynorsk, 'text')).to.equal(
      format(MESSAGES.nn.consentAcceptedUntil, { date: '18. juli 2099' }),
    );
  });
});
