/**
 * What every status element does, tested once and run against each one: where the id comes from
 * (attribute, return URL, the id a button kept, a button on the same page, nowhere), what a failure
 * looks like and how it is retried, and how a change is announced.
 */
import { aTimeout, expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  AltinnRequestCreatedEvent,
  resetConfig,
  type AltinnStatusChangeEvent,
  type RequestKind,
  type RequestStatus,
  type RequestView,
} from '../../../src/index.js';
import { recallPendingRequest, rememberPendingRequest } from '../../../src/core/pending-request.js';
import { MESSAGES } from '../../../src/i18n/index.js';
import { fakeBackend, type FakeRoute } from '../../support/fake-backend.js';
import { waitUntil } from '../../support/wait.js';
import { partText, recordNavigation, setPageUrl, shownText } from '../helpers.js';

/** What the suite needs to know about one status element. */
export interface StatusElementCase {
  tag: 'consent-status' | 'access-request-status' | 'system-user-request-status';
  kind: RequestKind;
  collection: string;
  id: string;
  /** The return URL parameter that carries the id. */
  returnParam: string;
  /** A view of this kind with `$id` as its id. */
  view: (status: RequestStatus) => unknown;
  /** The status in which the request waits for someone else (`pending`; `created` for a system user). */
  waiting: RequestStatus;
  /** What the element says then, in bokmål. */
  waitingText: string;
  /** Without an id, the element asks the backend's list (a system-user status, by its integration). */
  listsWithoutId?: boolean;
}

type StatusElement = HTMLElement & {
  status: RequestStatus | undefined;
  currentRequestId: string | undefined;
  request: RequestView | undefined;
  refresh(): Promise<void>;
  updateComplete: Promise<boolean>;
};

export function statusElementSuite(element: StatusElementCase): void {
  const { tag, kind, collection, id, returnParam, view, waiting, waitingText, listsWithoutId } =
    element;
  const name = unsafeStatic(tag);
  const answer = (status: RequestStatus, extra: Partial<FakeRoute> = {}): FakeRoute => ({
    method: 'GET',
    path: `${collection}/*`,
    body: view(status),
    ...extra,
  });
  const settled = (status: StatusElement): Promise<void> =>
    waitUntil(() => status.status !== undefined || status.matches(':state(error)'), 'settled');

  describe(`<${tag}> as every status element`, () => {
    beforeEach(() => {
      sessionStorage.clear();
      recordNavigation();
    });
    afterEach(() => {
      resetConfig();
      setPageUrl('');
    });

    async function statusElement(endpoint: string, requestId?: string): Promise<StatusElement> {
      return fixture<StatusElement>(
        requestId
          ? staticHtml`<${name} lang="nb" endpoint=${endpoint} request-id=${requestId} poll-interval="60000"></${name}>`
          : staticHtml`<${name} lang="nb" endpoint=${endpoint} poll-interval="60000"></${name}>`,
      );
    }

    it('finds the id in request-id, and announces the status once in a polite region', async () => {
      const backend = await fakeBackend([answer(waiting)]);
      const changes: AltinnStatusChangeEvent[] = [];
      document.addEventListener('altinn-status-change', (event) => changes.push(event));
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      await status.refresh();
      await status.updateComplete;
      const region = status.shadowRoot!.querySelector('[part="base"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(partText(status, 'text')).to.equal(waitingText);
      expect(changes.filter((event) => event.target === status)).to.have.length(1);
      await expect(status).to.be.accessible();
    });

    it(`finds the id in ${returnParam} of the page URL, and takes it out of the address bar`, async () => {
      setPageUrl(`?step=2&${returnParam}=${id}&Status=OK`);
      const backend = await fakeBackend([answer(waiting)]);
      const status = await statusElement(backend.endpoint);
      await settled(status);
      expect(status.currentRequestId).to.equal(id);
      expect(location.search).to.equal('?step=2');
    });

    it('finds the id a button kept in sessionStorage, and forgets it once final', async () => {
      rememberPendingRequest({ kind, id, createdAt: new Date().toISOString() });
      const backend = await fakeBackend([answer('rejected')]);
      const status = await statusElement(backend.endpoint);
      await settled(status);
      expect(status.currentRequestId).to.equal(id);
      expect(status.status).to.equal('rejected');
      expect(recallPendingRequest(kind)).to.equal(undefined);
    });

    it('follows a request created on the same page when the page stays', async () => {
      const backend = await fakeBackend([answer(waiting)]);
      const status = await statusElement(backend.endpoint);
      document.body.dispatchEvent(
        new AltinnRequestCreatedEvent({
          kind,
          id,
          status: 'created',
          url: undefined,
          navigation: 'new-window',
          endpoint: backend.endpoint,
        }),
      );
      await settled(status);
      expect(status.currentRequestId).to.equal(id);
    });

    if (listsWithoutId) {
      it('without an id, asks the list and shows nothing when the person has asked nothing', async () => {
        const backend = await fakeBackend([
          { method: 'GET', path: collection, body: { items: [] } },
        ]);
        const status = await statusElement(backend.endpoint);
        await waitUntil(async () => (await backend.requests()).length === 1, 'the list was read');
        await aTimeout(100);
        expect(shownText(status)).to.equal('');
        expect(status.hasAttribute('status')).to.equal(false);
        const [request] = await backend.requests();
        expect(request?.path).to.equal(collection);
        expect(request?.query).to.equal('state=all&limit=1');
        await expect(status).to.be.accessible();
      });
    } else {
      it('shows nothing and calls nothing without an id', async () => {
        const backend = await fakeBackend([answer(waiting)]);
        const status = await statusElement(backend.endpoint);
        await aTimeout(100);
        expect(shownText(status)).to.equal('');
        expect(status.hasAttribute('status')).to.equal(false);
        expect(await backend.requests()).to.deep.equal([]);
        await expect(status).to.be.accessible();
      });
    }

    const failing = (times: number): FakeRoute => ({
      method: 'GET',
      path: `${collection}/*`,
      status: 503,
      body: { title: 'Busy', status: 503 },
      times,
    });
    const retryButton = (status: StatusElement): HTMLButtonElement | null =>
      status.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]');
    const focusedPart = (status: StatusElement): string | null | undefined =>
      status.shadowRoot!.activeElement?.getAttribute('part');

    it('explains a failure in an alert, offers to try again, and moves focus to the answer', async () => {
      const backend = await fakeBackend([failing(1), answer(waiting)]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      expect(status.matches(':state(error)')).to.equal(true);
      expect(partText(status, 'text')).to.equal(MESSAGES.nb.errorServer);
      expect(status.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain(
        MESSAGES.nb.errorServer,
      );
      const retry = retryButton(status)!;
      expect(retry.textContent?.trim()).to.equal(MESSAGES.nb.retry);
      expect(retry.getAttribute('aria-describedby')).to.equal('error');
      await expect(status).to.be.accessible();
      retry.focus();
      retry.click();
      await waitUntil(() => status.status === waiting, 'the retry answered');
      expect(status.matches(':state(error)')).to.equal(false);
      expect(partText(status, 'text')).to.equal(waitingText);
      // The retry button is gone: focus is on the new status, not lost to <body>.
      await waitUntil(() => focusedPart(status) === 'text', 'focus on the status');
      expect(document.activeElement).to.equal(status);
      // The first read may be served from the backend's record; the retry asks for Altinn's word.
      const [first, again] = await backend.requests();
      expect(first?.query).to.equal('');
      expect(again?.query).to.equal('refresh=true');
    });

    it('keeps the failure and the focused retry while reading again, so nothing is re-announced', async () => {
      const backend = await fakeBackend([failing(2), answer(waiting)]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      const alert = status.shadowRoot!.querySelector('[role="alert"]')!;
      const changes: MutationRecord[] = [];
      const observer = new MutationObserver((records) => changes.push(...records));
      observer.observe(alert, { subtree: true, childList: true, characterData: true });
      const retry = retryButton(status)!;
      retry.focus();
      retry.click();
      await waitUntil(async () => (await backend.requests()).length === 2, 'read again');
      await waitUntil(() => !status.matches(':state(loading)'), 'the read ended');
      await status.updateComplete;
      observer.disconnect();
      expect(changes, 'the alert did not change').to.deep.equal([]);
      expect(retryButton(status)).to.equal(retry);
      expect(focusedPart(status)).to.equal('retry-button');
    });

    it('keeps focus in the element when an automatic re-check takes the focused retry away', async () => {
      const backend = await fakeBackend([failing(1), answer(waiting)]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      retryButton(status)!.focus();
      // Not the button: a re-check of its own (polling, a hidden page made visible).
      await status.refresh();
      await waitUntil(() => status.status === waiting, 'the re-check answered');
      await status.updateComplete;
      expect(retryButton(status)).to.equal(null);
      // Not lost to <body>: on the status that came instead.
      expect(document.activeElement).to.equal(status);
      expect(focusedPart(status)).to.equal('text');
    });

    it('leaves focus outside alone when a re-check changes what it shows', async () => {
      const backend = await fakeBackend([failing(1), answer(waiting)]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      const input = document.createElement('input');
      document.body.append(input);
      try {
        input.focus();
        await status.refresh();
        await waitUntil(() => status.status === waiting, 'the re-check answered');
        await status.updateComplete;
        expect(document.activeElement).to.equal(input);
      } finally {
        input.remove();
      }
    });

    it('offers no retry where trying again cannot help (404)', async () => {
      const backend = await fakeBackend([
        { method: 'GET', path: `${collection}/*`, status: 404, body: { title: 'Not found' } },
      ]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      expect(partText(status, 'text')).to.equal(MESSAGES.nb.errorNotFound);
      expect(retryButton(status)).to.equal(null);
      await expect(status).to.be.accessible();
    });

    it(`back from Altinn (${returnParam}), moves focus to the status once it is read`, async () => {
      setPageUrl(`?${returnParam}=${id}`);
      (document.activeElement as HTMLElement | null)?.blur();
      const backend = await fakeBackend([answer(waiting)]);
      const status = await statusElement(backend.endpoint);
      await settled(status);
      await waitUntil(() => focusedPart(status) === 'text', 'focus on the status');
      expect(document.activeElement).to.equal(status);
      // The person may have answered a moment ago: the backend is told to ask Altinn now.
      const [read] = await backend.requests();
      expect(read?.query).to.equal('refresh=true');
    });

    it('back from Altinn, leaves focus where the page put it', async () => {
      setPageUrl(`?${returnParam}=${id}`);
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
      try {
        const backend = await fakeBackend([answer(waiting)]);
        const status = await statusElement(backend.endpoint);
        await settled(status);
        await status.updateComplete;
        expect(document.activeElement).to.equal(input);
      } finally {
        input.remove();
      }
    });

    it('takes focus on its status text with focus(), as a target for the portal', async () => {
      const backend = await fakeBackend([answer(waiting)]);
      const status = await statusElement(backend.endpoint, id);
      await settled(status);
      await status.updateComplete;
      status.focus();
      expect(document.activeElement).to.equal(status);
      expect(focusedPart(status)).to.equal('text');
    });

    it('marks its text with the language it is in, whatever the page says', async () => {
      const backend = await fakeBackend([answer(waiting)]);
      const wrapper = await fixture<HTMLElement>(
        staticHtml`<div lang="se"><${name} endpoint=${backend.endpoint} request-id=${id}></${name}></div>`,
      );
      const status = wrapper.firstElementChild as StatusElement;
      await settled(status);
      expect(partText(status, 'text')).to.equal(waitingText);
      expect(status.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal(
        'nb',
      );
      await expect(status).to.be.accessible();
    });
  });
}
