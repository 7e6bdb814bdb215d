import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import {
  resetConfig,
  type AccessRequestStatus,
  type AltinnRequestErrorEvent,
  type AltinnStatusChangeEvent,
  type RequestAccessButton,
  type RequestStatus,
} from '../../src/index.js';
import { rememberPendingRequest } from '../../src/core/pending-request.js';
import { MESSAGES, type MessageKey } from '../../src/i18n/index.js';
import {
  ACCESS_REQUEST_ID,
  altinn2AccessView,
  altinn2SendRequestUrl,
  altinn3AccessView,
  altinn3DetailsLink,
  DELEGATION_REQUEST_ID,
} from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import {
  innerButton,
  partText,
  recordFetchTimes,
  recordNavigation,
  setPageUrl,
  shownText,
} from './helpers.js';

const A2_ID = DELEGATION_REQUEST_ID;
const A3_ID = ACCESS_REQUEST_ID;

/** `GET /access-requests/{id}`; `$id` in the body becomes the id asked for. */
const answer = (body: unknown, extra: Partial<FakeRoute> = {}): FakeRoute => ({
  method: 'GET',
  path: '/access-requests/*',
  body,
  ...extra,
});

/** The view of a request made through Altinn 2 (back to the portal) or Altinn 3 (a new window). */
const a2 = (status: string) => altinn2AccessView({ id: '$id', status });
const a3 = (status: string) => altinn3AccessView({ id: '$id', status });

interface StatusOptions {
  lang?: string;
  requestId?: string | undefined;
  /** `poll-interval`; the element waits at least 250 ms before its first poll. */
  poll?: number;
  /** `max-poll-interval`. */
  maxPoll?: number;
}

async function statusElement(
  endpoint: string,
  { lang = 'nb', requestId = A2_ID, poll = 3000, maxPoll = 60_000 }: StatusOptions = {},
): Promise<AccessRequestStatus> {
  return fixture<AccessRequestStatus>(
    html`<access-request-status
      endpoint=${endpoint}
      lang=${lang}
      request-id=${requestId ?? ''}
      poll-interval=${poll}
      max-poll-interval=${maxPoll}
    ></access-request-status>`,
  );
}

async function settled(element: AccessRequestStatus): Promise<void> {
  await waitUntil(
    () => element.status !== undefined || element.matches(':state(error)'),
    'status known',
    { timeout: 10_000 },
  );
  await element.updateComplete;
}

const region = (element: AccessRequestStatus): Element =>
  element.shadowRoot!.querySelector('[part="base"]')!;
const link = (element: AccessRequestStatus): HTMLAnchorElement | null =>
  element.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
const hint = (element: AccessRequestStatus): Element | null =>
  element.shadowRoot!.querySelector('[part="hint"]');
const requestCount = async (backend: { requests(): Promise<unknown[]> }): Promise<number> =>
  (await backend.requests()).length;

/** Makes `document.hidden` say `hidden` and tells the page, as a switch of tabs does. */
function setPageHidden(hidden: boolean): void {
  if (hidden) Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  // Without the own property, the prototype's real getter (visible, in the runner) answers again.
  else Reflect.deleteProperty(document, 'hidden');
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<access-request-status>', () => {
  let navigation: ReturnType<typeof recordNavigation>;

  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });

  afterEach(() => {
    Reflect.deleteProperty(document, 'hidden');
    resetConfig();
    setPageUrl('');
  });

  describe('shows every status in words', () => {
    const cases: {
      name: string;
      body: unknown;
      requestId: string;
      status: RequestStatus;
      text: MessageKey;
      /** How the "Fortsett i Altinn" link opens, for a request that waits for the user. */
      link?: { href: string; newWindow: boolean };
    }[] = [
      {
        name: 'a request that waits for the user in this tab (Altinn 2)',
        body: a2('created'),
        requestId: A2_ID,
        status: 'created',
        text: 'accessCreated',
        link: { href: altinn2SendRequestUrl(A2_ID), newWindow: false },
      },
      {
        name: 'a request that waits for the user in a new window (Altinn 3)',
        body: a3('created'),
        requestId: A3_ID,
        status: 'created',
        text: 'accessCreated',
        link: { href: altinn3DetailsLink(A3_ID), newWindow: true },
      },
      {
        name: 'pending',
        body: a3('pending'),
        requestId: A3_ID,
        status: 'pending',
        text: 'accessPending',
      },
      {
        name: 'PENDING (any case)',
        body: a2('PENDING'),
        requestId: A2_ID,
        status: 'pending',
        text: 'accessPending',
      },
      {
        name: 'accepted',
        body: a3('accepted'),
        requestId: A3_ID,
        status: 'accepted',
        text: 'accessAccepted',
      },
      {
        name: 'rejected',
        body: a2('rejected'),
        requestId: A2_ID,
        status: 'rejected',
        text: 'accessRejected',
      },
      {
        name: 'revoked',
        body: a3('revoked'),
        requestId: A3_ID,
        status: 'revoked',
        text: 'accessRevoked',
      },
      {
        name: 'withdrawn',
        body: a2('withdrawn'),
        requestId: A2_ID,
        status: 'withdrawn',
        text: 'accessWithdrawn',
      },
      {
        name: 'expired',
        body: a3('expired'),
        requestId: A3_ID,
        status: 'expired',
        text: 'accessExpired',
      },
      {
        name: 'unknown',
        body: a3('unknown'),
        requestId: A3_ID,
        status: 'unknown',
        text: 'accessUnknown',
      },
      {
        name: "a word outside the vocabulary (Altinn's own: Unopened)",
        body: a2('Unopened'),
        requestId: A2_ID,
        status: 'unknown',
        text: 'accessUnknown',
      },
      {
        name: 'a view without a URL',
        body: { kind: 'access', id: '$id', status: 'created' },
        requestId: A3_ID,
        status: 'created',
        text: 'accessCreated',
      },
    ];

    for (const { name, body, requestId, status, text, link: expectedLink } of cases) {
      it(`${status} for ${name}`, async () => {
        const backend = await fakeBackend([answer(body)]);
        const element = await statusElement(backend.endpoint, { requestId });
        await settled(element);

        expect(element.status).to.equal(status);
        expect(element.getAttribute('status')).to.equal(status);
        expect(partText(element, 'text')).to.equal(MESSAGES.nb[text]);
        const [request] = await backend.requests();
        expect(request?.method).to.equal('GET');
        expect(request?.path).to.equal(`/access-requests/${requestId}`);

        // It follows the request (and says so) only while the request waits for someone.
        const waiting = status === 'created' || status === 'pending';
        expect(element.polling, 'polling').to.equal(waiting);
        if (waiting)
          expect(partText(element, 'hint')).to.equal(MESSAGES.nb.statusUpdatesAutomatically);
        else expect(hint(element)).to.equal(null);

        const anchor = link(element);
        if (!expectedLink) {
          expect(anchor).to.equal(null);
        } else {
          expect(anchor?.href).to.equal(expectedLink.href);
          const hidden = anchor?.querySelector('.visually-hidden');
          if (expectedLink.newWindow) {
            expect(anchor?.target).to.equal('_blank');
            expect(anchor?.rel.split(/\s+/)).to.include('noopener');
            expect(hidden?.textContent?.trim()).to.equal(MESSAGES.nb.opensInNewWindow);
            // Read out, not shown.
            expect(hidden!.getBoundingClientRect().width).to.be.at.most(1);
            expect(anchor?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
              `${MESSAGES.nb.continueInAltinn} ${MESSAGES.nb.opensInNewWindow}`,
            );
          } else {
            expect(anchor?.hasAttribute('target')).to.equal(false);
            expect(hidden).to.equal(null);
            expect(anchor?.textContent?.trim()).to.equal(MESSAGES.nb.continueInAltinn);
          }
        }
        expect(navigation.urls).to.deep.equal([]);
        expect(navigation.windows).to.deep.equal([]);
        await expect(element).to.be.accessible();
      });
    }
  });

  it('links to Altinn only when the URL is on the allow-list', async () => {
    const backend = await fakeBackend([
      answer(
        altinn2AccessView({ id: '$id', url: 'https://tt02.altinn.no.evil.example/ui/send/$id' }),
        { times: 1 },
      ),
      answer(altinn3AccessView({ id: '$id', url: 'javascript:alert(document.domain)' })),
    ]);
    const element = await statusElement(backend.endpoint);
    await settled(element);
    expect(element.status).to.equal('created');
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessCreated);
    expect(link(element)).to.equal(null);

    await element.refresh();
    await element.updateComplete;
    expect(element.status).to.equal('created');
    expect(link(element)).to.equal(null);
    expect(shownText(element)).not.to.contain('javascript');
  });

  describe('polling', () => {
    it('follows the request from created to pending to accepted, then stops', async () => {
      const backend = await fakeBackend([
        answer(a3('created'), { times: 2 }),
        answer(a3('pending'), { times: 2 }),
        answer(a3('accepted')),
      ]);
      const seen: { status: string; previous: string | undefined; id: string; hint: boolean }[] =
        [];
      const onChange = async (event: AltinnStatusChangeEvent): Promise<void> => {
        const element = event.target as AccessRequestStatus;
        await element.updateComplete;
        const { status, previous, id } = event.detail;
        seen.push({ status, previous, id, hint: hint(element) !== null });
      };
      // Short waits (at most 250 ms, whether or not max-poll-interval may go below that floor).
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status
          endpoint=${backend.endpoint}
          lang="nb"
          request-id=${A3_ID}
          poll-interval="50"
          max-poll-interval="100"
          @altinn-status-change=${onChange}
        ></access-request-status>`,
      );

      await waitUntil(() => seen.length === 3, 'three changes', { timeout: 10_000 });
      expect(seen).to.deep.equal([
        { status: 'created', previous: undefined, id: A3_ID, hint: true },
        { status: 'pending', previous: 'created', id: A3_ID, hint: true },
        { status: 'accepted', previous: 'pending', id: A3_ID, hint: false },
      ]);
      expect(element.status).to.equal('accepted');
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessAccepted);
      expect(element.polling).to.equal(false);

      // Five answers were needed (Draft, Draft, Pending, Pending, Approved); no sixth comes.
      expect(await requestCount(backend)).to.equal(5);
      await aTimeout(800);
      expect(await requestCount(backend)).to.equal(5);
      expect(element.polling).to.equal(false);
      expect(seen.length).to.equal(3);
      expect(hint(element)).to.equal(null);
    });

    it('waits longer and longer between polls while nothing changes', async () => {
      const fetches = recordFetchTimes();
      const backend = await fakeBackend([answer(a3('pending'))]);
      // Waits of 250, 375, 562 and 844 ms: about two seconds for five fetches.
      const element = await statusElement(backend.endpoint, { requestId: A3_ID, poll: 250 });
      await waitUntil(() => fetches.count >= 5, 'five fetches', { timeout: 10_000 });
      element.remove();
      const gaps = fetches.waits().slice(0, 4);
      // Every wait is at least the configured one, and the waits grow: generous margins only.
      for (const gap of gaps) expect(gap).to.be.at.least(240);
      expect(gaps[3]!, `gaps ${gaps.map(Math.round).join(', ')}`).to.be.greaterThan(2 * gaps[0]!);
      expect(gaps[2]! + gaps[3]!).to.be.greaterThan(1.5 * (gaps[0]! + gaps[1]!));
    });

    it('never waits longer than max-poll-interval', async () => {
      const fetches = recordFetchTimes();
      const backend = await fakeBackend([answer(a3('pending'))]);
      // Without the cap the sixth wait would be 250 × 1.5⁵ ≈ 1900 ms.
      const element = await statusElement(backend.endpoint, {
        requestId: A3_ID,
        poll: 250,
        maxPoll: 250,
      });
      await waitUntil(() => fetches.count >= 7, 'seven fetches', { timeout: 10_000 });
      element.remove();
      const gaps = fetches.waits().slice(0, 6);
      expect(Math.max(...gaps), `gaps ${gaps.map(Math.round).join(', ')}`).to.be.below(1000);
    });

    it('stops polling once the element leaves the page', async () => {
      const backend = await fakeBackend([answer(a3('pending'))]);
      const element = await statusElement(backend.endpoint, {
        requestId: A3_ID,
        poll: 50,
        maxPoll: 100,
      });
      await waitUntil(async () => (await requestCount(backend)) >= 2, 'polls', { timeout: 10_000 });
      element.remove();
      expect(element.polling).to.equal(false);
      await aTimeout(100);
      const count = await requestCount(backend);
      await aTimeout(500);
      expect(await requestCount(backend)).to.equal(count);
    });

    it('asks nothing while the page is hidden, and asks at once when it is shown again', async () => {
      const backend = await fakeBackend([answer(a3('pending'))]);
      const element = await statusElement(backend.endpoint, {
        requestId: A3_ID,
        poll: 250,
        maxPoll: 250,
      });
      await waitUntil(async () => (await requestCount(backend)) >= 2, 'polls while visible', {
        timeout: 10_000,
      });

      setPageHidden(true);
      // A fetch already under way may still land; none is planned after it.
      await aTimeout(150);
      expect(element.polling).to.equal(false);
      const hiddenCount = await requestCount(backend);
      await aTimeout(1000); // four polling intervals
      expect(await requestCount(backend)).to.equal(hiddenCount);
      expect(element.polling).to.equal(false);
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);

      setPageHidden(false);
      expect(document.hidden).to.equal(false);
      // Nothing was planned while hidden: only the page becoming visible can cause this fetch.
      await waitUntil(async () => (await requestCount(backend)) > hiddenCount, 'fetched at once', {
        timeout: 1000,
      });
      await waitUntil(() => element.polling, 'polls again');
    });

    it('does not poll a hidden page that becomes visible once the request is final', async () => {
      const backend = await fakeBackend([answer(a3('rejected'))]);
      const element = await statusElement(backend.endpoint, { requestId: A3_ID, poll: 250 });
      await settled(element);
      setPageHidden(true);
      setPageHidden(false);
      await aTimeout(300);
      expect(await requestCount(backend)).to.equal(1);
      expect(element.polling).to.equal(false);
    });

    it('shows a failure while polling, offers a retry, and goes on polling', async () => {
      const backend = await fakeBackend([
        answer(a3('pending'), { times: 1 }),
        answer({ title: 'Unavailable', status: 503 }, { status: 503, times: 1 }),
        answer(a3('pending')),
      ]);
      let failed!: (event: AltinnRequestErrorEvent) => void;
      const failure = new Promise<AltinnRequestErrorEvent>((resolve) => (failed = resolve));
      // Waits of 250, then 300 ms: the error stays on screen for some 300 ms.
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status
          endpoint=${backend.endpoint}
          lang="nb"
          request-id=${A3_ID}
          poll-interval="50"
          max-poll-interval="300"
          @altinn-request-error=${failed}
        ></access-request-status>`,
      );
      await settled(element);
      expect(element.status).to.equal('pending');

      const { detail } = await failure;
      expect(detail).to.include({
        kind: 'access',
        code: 'http-5xx',
        httpStatus: 503,
        retryable: true,
      });
      await element.updateComplete;
      expect(element.matches(':state(error)')).to.equal(true);
      // What was known stays on screen (and in the status attribute), the failure beside it.
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
      expect(element.getAttribute('status')).to.equal('pending');
      expect(partText(element, 'error')).to.equal(MESSAGES.nb.errorServer);
      const retry = innerButton(element, 'retry-button');
      expect(retry.textContent?.trim()).to.equal(MESSAGES.nb.retry);
      expect(retry.getAttribute('aria-describedby')).to.equal('error');
      expect(region(element).getAttribute('aria-busy')).to.equal('false');
      expect(element.polling, 'still polling').to.equal(true);

      await waitUntil(
        async () => (await requestCount(backend)) >= 3 && !element.matches(':state(error)'),
        'the next poll succeeds',
        { timeout: 10_000 },
      );
      expect(partText(element, 'error')).to.equal('');
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
      expect(element.status).to.equal('pending');
    });

    it('says so when the backend does not know the request, and offers no retry that cannot help', async () => {
      const backend = await fakeBackend([
        answer({ title: 'Not found', status: 404 }, { status: 404, times: 1 }),
        answer(a2('accepted')),
      ]);
      const element = await statusElement(backend.endpoint);
      await settled(element);
      expect(element.matches(':state(error)')).to.equal(true);
      expect(element.status).to.equal(undefined);
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.errorNotFound);
      expect(region(element).getAttribute('aria-busy')).to.equal('false');
      await expect(element).to.be.accessible();

      expect(element.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
      expect(element.polling).to.equal(false);
      // A read asked for by the page still works.
      await element.refresh();
      await waitUntil(() => element.status === 'accepted', 'read again');
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessAccepted);
      expect(element.matches(':state(error)')).to.equal(false);
      expect(await requestCount(backend)).to.equal(2);
    });
  });

  describe('finds the request id', () => {
    it('never trusts Status=OK of the return URL: the backend says what holds', async () => {
      setPageUrl(`?DelegationRequestId=${A2_ID}&Status=OK`);
      const backend = await fakeBackend([answer(a2('rejected'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status
          endpoint=${backend.endpoint}
          lang="nb"
        ></access-request-status>`,
      );
      await settled(element);
      expect(element.status).to.equal('rejected');
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessRejected);
      expect(location.search).to.equal('');
    });

    it('in accessRequestId of the page URL', async () => {
      setPageUrl(`?accessRequestId=${A3_ID}&tab=2`);
      const backend = await fakeBackend([answer(a3('accepted'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      await settled(element);
      expect(element.currentRequestId).to.equal(A3_ID);
      expect((await backend.requests())[0]?.path).to.equal(`/access-requests/${A3_ID}`);
      expect(location.search).to.equal('?tab=2');
    });

    it('prefers request-id to the URL parameter', async () => {
      setPageUrl('?DelegationRequestId=11111111-1111-4111-8111-111111111111');
      const backend = await fakeBackend([answer(a3('pending'))]);
      const element = await statusElement(backend.endpoint, { requestId: A3_ID });
      await settled(element);
      expect((await backend.requests()).map((request) => request.path)).to.deep.equal([
        `/access-requests/${A3_ID}`,
      ]);
    });

    it('not one kept for another backend, on a page that uses several', async () => {
      rememberPendingRequest({
        kind: 'access',
        id: A3_ID,
        createdAt: new Date().toISOString(),
        endpoint: '/api/other-backend',
      });
      const backend = await fakeBackend([answer(a3('pending'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      await aTimeout(100);
      expect(element.currentRequestId).to.equal(undefined);
      expect(await backend.requests()).to.deep.equal([]);

      rememberPendingRequest({
        kind: 'access',
        id: A3_ID,
        createdAt: new Date().toISOString(),
        endpoint: backend.endpoint,
      });
      const own = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      await settled(own);
      expect(own.currentRequestId).to.equal(A3_ID);
    });

    it('each of two backends its own, after a round trip through the other', async () => {
      const altinn3 = await fakeBackend([answer(a3('pending'))]);
      const altinn2 = await fakeBackend([answer(a2('pending'))]);
      rememberPendingRequest({
        kind: 'access',
        id: A3_ID,
        createdAt: new Date().toISOString(),
        endpoint: altinn3.endpoint,
      });
      rememberPendingRequest({
        kind: 'access',
        id: A2_ID,
        createdAt: new Date().toISOString(),
        endpoint: altinn2.endpoint,
      });
      // Altinn 2 sends the user back with its id; the Altinn 3 request must not be forgotten.
      setPageUrl(`?DelegationRequestId=${A2_ID}&Status=OK`);
      const [forAltinn3, forAltinn2] = await Promise.all([
        fixture<AccessRequestStatus>(
          html`<access-request-status endpoint=${altinn3.endpoint}></access-request-status>`,
        ),
        fixture<AccessRequestStatus>(
          html`<access-request-status endpoint=${altinn2.endpoint}></access-request-status>`,
        ),
      ]);
      await settled(forAltinn3);
      await settled(forAltinn2);
      expect(forAltinn3.currentRequestId).to.equal(A3_ID);
      expect(forAltinn2.currentRequestId).to.equal(A2_ID);
      expect((await altinn3.requests()).map((request) => request.path)).to.deep.equal([
        `/access-requests/${A3_ID}`,
      ]);
      expect((await altinn2.requests()).map((request) => request.path)).to.deep.equal([
        `/access-requests/${A2_ID}`,
      ]);
    });

    it('ignores a kept consent request', async () => {
      rememberPendingRequest({ kind: 'consent', id: A3_ID, createdAt: new Date().toISOString() });
      const backend = await fakeBackend([answer(a3('pending'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      await aTimeout(100);
      expect(element.currentRequestId).to.equal(undefined);
      expect(await backend.requests()).to.deep.equal([]);
    });

    const createdEvent = (
      detail: Record<string, unknown>,
      cancelable = true,
    ): CustomEvent<Record<string, unknown>> =>
      new CustomEvent('altinn-request-created', {
        detail: { kind: 'access', id: A3_ID, status: 'created', ...detail },
        bubbles: true,
        composed: true,
        cancelable,
      });

    it('not from a request whose page is about to leave for Altinn', async () => {
      const backend = await fakeBackend([answer(a2('created'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      document.body.dispatchEvent(
        createdEvent({ id: A2_ID, url: altinn2SendRequestUrl(A2_ID), navigation: 'redirect' }),
      );
      await aTimeout(100);
      expect(element.currentRequestId).to.equal(undefined);
      expect(await backend.requests()).to.deep.equal([]);
    });

    it('from a redirect the portal cancelled: the page stays', async () => {
      const backend = await fakeBackend([answer(a2('created'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      const cancel = (event: Event): void => event.preventDefault();
      document.body.addEventListener('altinn-request-created', cancel);
      try {
        document.body.dispatchEvent(
          createdEvent({ id: A2_ID, url: altinn2SendRequestUrl(A2_ID), navigation: 'redirect' }),
        );
      } finally {
        document.body.removeEventListener('altinn-request-created', cancel);
      }
      await settled(element);
      expect(element.currentRequestId).to.equal(A2_ID);
      expect(element.status).to.equal('created');
    });

    it('not from a request created through another backend', async () => {
      const backend = await fakeBackend([answer(a3('created'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      document.body.dispatchEvent(
        createdEvent({ navigation: 'new-window', endpoint: '/api/other-backend' }),
      );
      await aTimeout(100);
      expect(element.currentRequestId).to.equal(undefined);
      expect(await backend.requests()).to.deep.equal([]);

      document.body.dispatchEvent(
        createdEvent({ navigation: 'new-window', endpoint: backend.endpoint }),
      );
      await settled(element);
      expect(element.currentRequestId).to.equal(A3_ID);
    });

    it('not from a consent request', async () => {
      const backend = await fakeBackend([answer(a3('created'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint}></access-request-status>`,
      );
      document.body.dispatchEvent(createdEvent({ kind: 'consent', navigation: 'new-window' }));
      await aTimeout(100);
      expect(element.currentRequestId).to.equal(undefined);
      expect(await backend.requests()).to.deep.equal([]);
    });

    it('from a <request-access-button> on the same page that opened Altinn 3', async () => {
      const backend = await fakeBackend([
        { method: 'POST', path: '/access-requests', status: 202, body: altinn3AccessView() },
        answer(a3('created'), { times: 1 }),
        answer(a3('pending')),
      ]);
      const page = await fixture<HTMLElement>(
        html`<div lang="nb">
          <request-access-button
            endpoint=${backend.endpoint}
            resource="nav_tiltak_arbeidsavtale"
            org="991825827"
          ></request-access-button>
          <access-request-status
            endpoint=${backend.endpoint}
            poll-interval="250"
          ></access-request-status>
        </div>`,
      );
      const button = page.querySelector<RequestAccessButton>('request-access-button')!;
      const element = page.querySelector<AccessRequestStatus>('access-request-status')!;
      await element.updateComplete;
      expect(shownText(element)).to.equal('');

      innerButton(button).click();
      await waitUntil(() => element.status === 'created', 'follows the new request', {
        timeout: 10_000,
      });
      expect(navigation.windows).to.deep.equal([altinn3DetailsLink(A3_ID)]);
      expect(element.currentRequestId).to.equal(A3_ID);
      await waitUntil(() => element.status === 'pending', 'and sees it sent', { timeout: 10_000 });
      await element.updateComplete;
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
    });
  });

  describe('announces', () => {
    it('in a polite status region, busy only while it first loads', async () => {
      const backend = await fakeBackend([answer(a3('pending'), { delayMs: 400 })]);
      const element = await statusElement(backend.endpoint, { requestId: A3_ID });
      await element.updateComplete;
      const base = region(element);
      expect(base.getAttribute('role')).to.equal('status');
      expect(base.getAttribute('aria-live')).to.equal('polite');
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(element.matches(':state(loading)')).to.equal(true);
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.statusLoading);
      await expect(element).to.be.accessible();
      await settled(element);
      expect(base.getAttribute('aria-busy')).to.equal('false');
      expect(element.matches(':state(loading)')).to.equal(false);
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
    });

    it('without aria-busy during a background poll, keeping the known status on screen', async () => {
      const backend = await fakeBackend([
        answer(a3('pending'), { times: 1 }),
        answer(a3('pending'), { delayMs: 600 }),
      ]);
      const element = await statusElement(backend.endpoint, {
        requestId: A3_ID,
        poll: 50,
        maxPoll: 100,
      });
      await settled(element);
      await waitUntil(() => element.matches(':state(loading)'), 'a background poll', {
        timeout: 5000,
      });
      await element.updateComplete;
      expect(region(element).getAttribute('aria-busy')).to.equal('false');
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
      expect(element.shadowRoot!.querySelector('[part="spinner"]')).to.equal(null);
    });

    it('in nynorsk and English', async () => {
      const backend = await fakeBackend([answer(a3('created'))]);
      const nynorsk = await statusElement(backend.endpoint, { lang: 'nn', requestId: A3_ID });
      await settled(nynorsk);
      expect(partText(nynorsk, 'text')).to.equal(MESSAGES.nn.accessCreated);
      expect(partText(nynorsk, 'hint')).to.equal(MESSAGES.nn.statusUpdatesAutomatically);
      expect(partText(nynorsk, 'link')).to.equal(
        `${MESSAGES.nn.continueInAltinn} ${MESSAGES.nn.opensInNewWindow}`,
      );
      const english = await statusElement(backend.endpoint, { lang: 'en', requestId: A3_ID });
      await settled(english);
      expect(partText(english, 'text')).to.equal(MESSAGES.en.accessCreated);
      expect(partText(english, 'link')).to.equal(
        `${MESSAGES.en.continueInAltinn} ${MESSAGES.en.opensInNewWindow}`,
      );
    });

    it('the text of a named slot instead of the default', async () => {
      const backend = await fakeBackend([answer(a2('pending'))]);
      const element = await fixture<AccessRequestStatus>(
        html`<access-request-status endpoint=${backend.endpoint} request-id=${A2_ID}>
          <span slot="pending">Daglig leder har fått beskjed.</span>
          <span slot="accepted">Nå kan du sende inn rapporten.</span>
        </access-request-status>`,
      );
      await settled(element);
      expect(shownText(element)).to.contain('Daglig leder har fått beskjed.');
      expect(shownText(element)).not.to.contain('Nå kan du sende inn rapporten.');
    });
  });
});

describe('<access-request-status> at the edges', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });

  it('keeps showing what it knew while a poll after a failure is under way', async () => {
    const backend = await fakeBackend([
      answer(a2('pending'), { times: 1 }),
      answer({ title: 'Busy', status: 503 }, { status: 503, times: 1 }),
      answer(a2('pending'), { delayMs: 600 }),
    ]);
    const element = await statusElement(backend.endpoint, { poll: 250, maxPoll: 250 });
    await waitUntil(() => element.matches(':state(error)'), 'the failed poll', { timeout: 10_000 });
    // The next poll is slow: while it runs, nothing pretends to load from scratch.
    await waitUntil(() => !element.matches(':state(error)'), 'the next poll', { timeout: 10_000 });
    const region = element.shadowRoot!.querySelector('[part="base"]')!;
    expect(region.getAttribute('aria-busy')).to.equal('false');
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
    expect(element.request?.status).to.equal('pending');
  });

  it('does not hammer the backend when poll-interval is not a number', async () => {
    const backend = await fakeBackend([answer(a2('pending'))]);
    const element = await fixture<AccessRequestStatus>(
      html`<access-request-status
        endpoint=${backend.endpoint}
        request-id=${A2_ID}
        poll-interval="3s"
        max-poll-interval="soon"
      ></access-request-status>`,
    );
    await settled(element);
    await aTimeout(600);
    expect((await backend.requests()).length).to.equal(1);
  });

  it('waits at least 250 ms between polls, whatever max-poll-interval says', async () => {
    const backend = await fakeBackend([answer(a2('pending'))]);
    await statusElement(backend.endpoint, { poll: 10, maxPoll: 10 });
    await aTimeout(900);
    // About one fetch and three polls; far from the dozens 10 ms would give.
    expect((await backend.requests()).length).to.be.within(2, 6);
  });

  it('shows a request whose id is written in upper case', async () => {
    const backend = await fakeBackend([answer(a2('pending'))]);
    const element = await statusElement(backend.endpoint, { requestId: A2_ID.toUpperCase() });
    await settled(element);
    expect(partText(element, 'text')).to.equal(MESSAGES.nb.accessPending);
  });

  it('stops polling after a failure that asking again cannot mend (404), and offers no retry', async () => {
    const backend = await fakeBackend([
      answer({ title: 'Not found', status: 404 }, { status: 404 }),
    ]);
    const element = await statusElement(backend.endpoint, { poll: 250, maxPoll: 250 });
    await settled(element);
    await aTimeout(700);
    expect((await backend.requests()).length).to.equal(1);
    expect(element.polling).to.equal(false);
    expect(element.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
  });

  it('pairs a button and a status element whose endpoints are written differently', async () => {
    const backend = await fakeBackend([answer(a2('pending'))]);
    rememberPendingRequest({
      kind: 'access',
      id: A2_ID,
      createdAt: new Date().toISOString(),
      endpoint: new URL(`${backend.endpoint}/`, location.href).href,
    });
    const element = await statusElement(backend.endpoint, { requestId: undefined });
    await settled(element);
    expect(element.currentRequestId).to.equal(A2_ID);
  });
});
