import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { TemplateResult } from 'lit';
import {
  configure,
  resetConfig,
  type AltinnRequestCreatedEvent,
  type AccessRequestStatus,
  type AltinnRequestErrorEvent,
  type RequestAccessButton,
} from '../../src/index.js';
import { recallPendingRequest } from '../../src/core/pending-request.js';
import { MESSAGES } from '../../src/i18n/index.js';
import {
  ACCESS_REQUEST_ID,
  altinn2AccessView,
  altinn2SendRequestUrl,
  altinn3AccessView,
  altinn3DetailsLink,
  DELEGATION_REQUEST_ID,
} from '../support/fixtures.js';
import { fakeBackend, type FakeRoute, type RecordedRequest } from '../support/fake-backend.js';
import {
  innerButton,
  partText,
  recordNavigation,
  setPageUrl,
  shownText,
  textOf,
  UUID,
} from './helpers.js';

const RESOURCE = 'nav_tiltak_arbeidsavtale';
const ORG = '991825827';
const RETURN_URL = 'https://portal.example/reports?tab=access';
const SEND_REQUEST = altinn2SendRequestUrl(DELEGATION_REQUEST_ID);
const DETAILS_LINK = altinn3DetailsLink(ACCESS_REQUEST_ID);

/** `POST /access-requests`, answered by default with the view of an Altinn 2 request (created, back to the portal). */
const created = (extra: Partial<FakeRoute> = {}): FakeRoute => ({
  method: 'POST',
  path: '/access-requests',
  status: 201,
  body: altinn2AccessView(),
  ...extra,
});

/** `POST /access-requests`, answered with the view of an Altinn 3 request (created, in a new window). */
const createdA3 = (extra: Partial<FakeRoute> = {}): FakeRoute =>
  created({ status: 202, body: altinn3AccessView(), ...extra });

async function accessButton(
  endpoint: string,
  lang = 'nb',
  target = 'auto',
): Promise<RequestAccessButton> {
  return fixture<RequestAccessButton>(
    html`<request-access-button
      always-new
      endpoint=${endpoint}
      lang=${lang}
      resource=${RESOURCE}
      org=${ORG}
      target=${target}
      return-url=${RETURN_URL}
    ></request-access-button>`,
  );
}

const keyOf = (request: RecordedRequest | undefined): string | undefined =>
  request?.headers['idempotency-key'];

/** Every `console.error` line while `body` runs. */
async function consoleErrors(body: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    await body();
  } finally {
    console.error = original;
  }
  return lines;
}

describe('<request-access-button>', () => {
  let navigation: ReturnType<typeof recordNavigation>;

  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });

  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  it('is a native button named "Be om tilgang" by default', async () => {
    const backend = await fakeBackend([]);
    const element = await accessButton(backend.endpoint);
    const button = innerButton(element);
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    expect(shownText(element)).to.equal(MESSAGES.nb.accessButtonLabel);
    expect(element.matches(':state(busy)')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('uses its slotted label', async () => {
    const element = await fixture<RequestAccessButton>(
      html`<request-access-button always-new resource=${RESOURCE}
        >Søk om tilgang til rapporten</request-access-button
      >`,
    );
    expect(shownText(element)).to.equal('Søk om tilgang til rapporten');
    await expect(element).to.be.accessible();
  });

  describe('the body of POST /access-requests', () => {
    const cases: {
      name: string;
      template: (endpoint: string) => TemplateResult;
      body: Record<string, unknown>;
    }[] = [
      {
        name: 'an Altinn 3 resource and an organisation',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            resource=${RESOURCE}
            org=${ORG}
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: { resource: RESOURCE, org: ORG, redirectUrl: RETURN_URL },
      },
      {
        name: 'an access package',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            package="urn:altinn:accesspackage:skattegrunnlag"
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: { package: 'urn:altinn:accesspackage:skattegrunnlag', redirectUrl: RETURN_URL },
      },
      {
        name: 'an Altinn 2 service code and edition',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            service-code="4751"
            service-edition-code="2"
            org=${ORG}
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: {
          services: [{ serviceCode: '4751', serviceEditionCode: 2 }],
          org: ORG,
          redirectUrl: RETURN_URL,
        },
      },
      {
        name: 'an Altinn 2 service code without an edition (edition 1)',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            service-code="4751"
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: {
          services: [{ serviceCode: '4751', serviceEditionCode: 1 }],
          redirectUrl: RETURN_URL,
        },
      },
      {
        name: 'several Altinn 2 services through the services property',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            .services=${[
              { serviceCode: '4751', serviceEditionCode: 1 },
              { serviceCode: '5252', serviceEditionCode: 3 },
            ]}
            org=${ORG}
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: {
          services: [
            { serviceCode: '4751', serviceEditionCode: 1 },
            { serviceCode: '5252', serviceEditionCode: 3 },
          ],
          org: ORG,
          redirectUrl: RETURN_URL,
        },
      },
      {
        // React 19, Vue and Preact set services='[…]' on a custom element as the property.
        name: 'several Altinn 2 services as a JSON string in the services property',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            .services=${'[{"serviceCode":"4751","serviceEditionCode":1}]'}
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: {
          services: [{ serviceCode: '4751', serviceEditionCode: 1 }],
          redirectUrl: RETURN_URL,
        },
      },
      {
        name: 'several Altinn 2 services through the services attribute (JSON)',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            endpoint=${endpoint}
            services='[{"serviceCode":"4751","serviceEditionCode":1},{"serviceCode":"5252","serviceEditionCode":3}]'
            return-url=${RETURN_URL}
          ></request-access-button>`,
        body: {
          services: [
            { serviceCode: '4751', serviceEditionCode: 1 },
            { serviceCode: '5252', serviceEditionCode: 3 },
          ],
          redirectUrl: RETURN_URL,
        },
      },
    ];

    for (const { name, template, body } of cases) {
      it(`asks for ${name}, with a UUID Idempotency-Key`, async () => {
        const backend = await fakeBackend([created()]);
        const element = await fixture<RequestAccessButton>(template(backend.endpoint));
        innerButton(element).click();
        await waitUntil(() => navigation.urls.length === 1, 'navigated');
        const requests = await backend.requests();
        expect(requests.length).to.equal(1);
        const [request] = requests;
        expect(request?.method).to.equal('POST');
        expect(request?.path).to.equal('/access-requests');
        expect(request?.headers['content-type']).to.match(/^application\/json/);
        expect(request?.body).to.deep.equal(body);
        expect(keyOf(request)).to.match(UUID);
        expect(element.idempotencyKey).to.equal(keyOf(request));
      });
    }

    it('returns by default to this page, without the parameters of an earlier return', async () => {
      setPageUrl(`?step=2&DelegationRequestId=${DELEGATION_REQUEST_ID}&Status=OK#top`);
      const backend = await fakeBackend([created()]);
      const element = await fixture<RequestAccessButton>(
        html`<request-access-button
          always-new
          endpoint=${backend.endpoint}
          resource=${RESOURCE}
        ></request-access-button>`,
      );
      innerButton(element).click();
      await waitUntil(() => navigation.urls.length === 1);
      const body = (await backend.requests())[0]?.body as Record<string, string>;
      expect(body.redirectUrl).to.equal(`${location.origin}${location.pathname}?step=2#top`);
    });

    it('drops accessRequestId and a Status next to it, but keeps a portal Status alone', async () => {
      const backend = await fakeBackend([created()]);
      const redirectUrlFrom = async (search: string): Promise<string> => {
        setPageUrl(search);
        const element = await fixture<RequestAccessButton>(
          html`<request-access-button
            always-new
            endpoint=${backend.endpoint}
            resource=${RESOURCE}
          ></request-access-button>`,
        );
        const before = navigation.urls.length;
        innerButton(element).click();
        await waitUntil(() => navigation.urls.length === before + 1);
        const requests = await backend.requests();
        return (requests.at(-1)?.body as Record<string, string>).redirectUrl ?? '';
      };
      const page = `${location.origin}${location.pathname}`;
      expect(await redirectUrlFrom('?accessRequestId=abc&Status=OK')).to.equal(page);
      expect(await redirectUrlFrom('?Status=draft')).to.equal(`${page}?Status=draft`);
    });

    it('resolves a relative return-url against the page', async () => {
      const backend = await fakeBackend([created()]);
      const element = await fixture<RequestAccessButton>(
        html`<request-access-button
          always-new
          endpoint=${backend.endpoint}
          resource=${RESOURCE}
          return-url="/reports?tab=2"
        ></request-access-button>`,
      );
      innerButton(element).click();
      await waitUntil(() => navigation.urls.length === 1);
      const body = (await backend.requests())[0]?.body as Record<string, string>;
      expect(body.redirectUrl).to.equal(`${location.origin}/reports?tab=2`);
    });
  });

  describe('a retry', () => {
    const failures: { name: string; route: Partial<FakeRoute>; code: string; text: string }[] = [
      {
        name: 'a 500',
        route: { status: 500, body: { title: 'Boom', status: 500 } },
        code: 'http-5xx',
        text: MESSAGES.nb.errorServer,
      },
      {
        name: 'a time-out',
        route: { delayMs: 3000 },
        code: 'timeout',
        text: MESSAGES.nb.errorTimeout,
      },
      {
        name: 'a network failure',
        route: { fail: 'network' },
        code: 'network',
        text: MESSAGES.nb.errorNetwork,
      },
      {
        name: 'invalid JSON',
        route: { raw: '<html>proxy error</html>', contentType: 'application/json' },
        code: 'invalid-response',
        text: MESSAGES.nb.errorInvalidResponse,
      },
    ];

    for (const failure of failures) {
      it(`after ${failure.name} is explained in words and sends the same Idempotency-Key`, async () => {
        configure({ timeout: 400 });
        // The failing backend fails every time (Chromium may silently resend a request once when a
        // reused connection drops); the retry then goes to one that works.
        const failing = await fakeBackend([created(failure.route)]);
        const working = await fakeBackend([created()]);
        const element = await accessButton(failing.endpoint);
        const errorEvent = oneEvent(
          element,
          'altinn-request-error',
        ) as Promise<AltinnRequestErrorEvent>;
        innerButton(element).click();
        const { detail } = await errorEvent;
        expect(detail.code).to.equal(failure.code);
        expect(detail.kind).to.equal('access');
        expect(detail.message).to.equal(failure.text);
        expect(detail.retryable).to.equal(true);
        await element.updateComplete;

        expect(element.matches(':state(error)')).to.equal(true);
        expect(partText(element, 'error')).to.equal(failure.text);
        const button = innerButton(element);
        expect(button.hasAttribute('aria-busy')).to.equal(false);
        expect(textOf(button, { visibleOnly: true })).to.equal(MESSAGES.nb.retry);
        expect(textOf(button)).to.equal(`${MESSAGES.nb.retry}: ${MESSAGES.nb.accessButtonLabel}`);
        expect(button.getAttribute('aria-describedby')).to.equal('error');
        await expect(element).to.be.accessible();
        expect(navigation.urls).to.deep.equal([]);
        expect(navigation.windows).to.deep.equal([]);

        element.endpoint = working.endpoint;
        button.click();
        await waitUntil(() => navigation.urls.length === 1, 'the retry goes through');
        const failed = await failing.requests();
        const [retried] = await working.requests();
        const key = keyOf(failed[0]);
        expect(key).to.match(UUID);
        // Every attempt, Chromium's silent resends included, carries the one key.
        expect(failed.map(keyOf)).to.deep.equal(failed.map(() => key));
        expect(keyOf(retried)).to.equal(key);
        expect(navigation.urls).to.deep.equal([SEND_REQUEST]);
        expect(partText(element, 'error')).to.equal('');
        expect(element.matches(':state(error)')).to.equal(false);
      });
    }

    it('makes a new Idempotency-Key once what is asked for changes', async () => {
      const backend = await fakeBackend([
        created({ status: 503, body: { title: 'Unavailable', status: 503 } }),
      ]);
      const element = await accessButton(backend.endpoint);
      const attempt = async (): Promise<void> => {
        const failed = oneEvent(element, 'altinn-request-error');
        innerButton(element).click();
        await failed;
      };

      await attempt();
      await attempt();
      element.resource = 'nav_tiltak_lonnstilskudd';
      await attempt();
      element.org = '889640782';
      await attempt();
      element.returnUrl = 'https://portal.example/other';
      await attempt();

      const keys = (await backend.requests()).map(keyOf);
      expect(keys.length).to.equal(5);
      for (const key of keys) expect(key).to.match(UUID);
      const [first, again, resource, org, returnUrl] = keys;
      expect(again).to.equal(first);
      expect(new Set([first, resource, org, returnUrl]).size).to.equal(4);
      expect(element.idempotencyKey).to.equal(returnUrl);
    });
  });

  describe('the way to Altinn', () => {
    it('sends the user to sendRequest in this tab for an Altinn 2 answer', async () => {
      const backend = await fakeBackend([created()]);
      const element = await accessButton(backend.endpoint);
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      const event = await createdEvent;
      await waitUntil(() => navigation.urls.length === 1, 'navigated');
      await element.updateComplete;

      expect(navigation.urls).to.deep.equal([SEND_REQUEST]);
      expect(navigation.windows).to.deep.equal([]);
      // The contract's members (the element may add more, e.g. the endpoint used).
      expect(event.detail).to.include({
        kind: 'access',
        id: DELEGATION_REQUEST_ID,
        status: 'created',
        url: SEND_REQUEST,
        navigation: 'redirect',
      });
      expect(event.detail.endpoint).to.equal(new URL(backend.endpoint, location.href).href);
      expect(event.cancelable).to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(element.matches(':state(navigating)')).to.equal(true);
      expect(partText(element, 'message')).to.equal(MESSAGES.nb.navigatingToAltinn);
      expect(innerButton(element).getAttribute('aria-disabled')).to.equal('true');
      expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);
      // Kept for the status element on the page Altinn sends the user back to.
      expect(recallPendingRequest('access')).to.include({
        id: DELEGATION_REQUEST_ID,
        endpoint: new URL(backend.endpoint, location.href).href,
      });
    });

    it('is ready for a new request once a status element on the page sees this one end', async () => {
      const backend = await fakeBackend([
        createdA3({ times: 1 }),
        {
          method: 'GET',
          path: `/access-requests/${ACCESS_REQUEST_ID}`,
          body: altinn3AccessView({ status: 'pending' }),
          times: 1,
        },
        {
          method: 'GET',
          path: `/access-requests/${ACCESS_REQUEST_ID}`,
          body: altinn3AccessView({ status: 'accepted' }),
        },
        createdA3(),
      ]);
      const element = await accessButton(backend.endpoint);
      innerButton(element).click();
      await waitUntil(() => element.matches(':state(opened)'), 'opened');
      const status = await fixture<AccessRequestStatus>(
        html`<access-request-status
          endpoint=${backend.endpoint}
          poll-interval="250"
        ></access-request-status>`,
      );
      await waitUntil(() => status.status === 'pending', 'pending shown');
      // Still pending: the note stays.
      expect(element.matches(':state(opened)')).to.equal(true);

      await waitUntil(() => !element.matches(':state(opened)'), 'idle after Approved', {
        timeout: 10_000,
      });
      await element.updateComplete;
      expect(element.state).to.equal('idle');
      expect(partText(element, 'message')).to.equal('');
      expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);

      // A new click asks anew, under a new idempotency key.
      innerButton(element).click();
      await waitUntil(() => element.matches(':state(opened)'), 'opened again');
      const posts = (await backend.requests()).filter((request) => request.method === 'POST');
      expect(posts).to.have.length(2);
      expect(keyOf(posts[1])).to.match(UUID).and.not.equal(keyOf(posts[0]));
    });

    it('opens detailsLink in a new window for an Altinn 3 answer, and the page stays', async () => {
      const backend = await fakeBackend([createdA3()]);
      const element = await accessButton(backend.endpoint);
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      const event = await createdEvent;
      await waitUntil(() => element.matches(':state(opened)'), 'opened');
      await element.updateComplete;

      expect(event.detail).to.include({
        kind: 'access',
        id: ACCESS_REQUEST_ID,
        status: 'created',
        url: DETAILS_LINK,
        navigation: 'new-window',
      });
      expect(navigation.windows).to.deep.equal([DETAILS_LINK]);
      expect(navigation.urls).to.deep.equal([]);
      expect(partText(element, 'message')).to.equal(MESSAGES.nb.openedInNewWindow);
      const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
      expect(link?.href).to.equal(DETAILS_LINK);
      expect(link?.target).to.equal('_blank');
      expect(link?.rel.split(/\s+/)).to.include('noopener');
      expect(link?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
        `${MESSAGES.nb.continueInAltinn} ${MESSAGES.nb.opensInNewWindow}`,
      );
      // The button works again: the user may open Altinn once more.
      const button = innerButton(element);
      expect(button.hasAttribute('aria-disabled')).to.equal(false);
      expect(button.hasAttribute('aria-busy')).to.equal(false);
      expect(recallPendingRequest('access')?.id).to.equal(ACCESS_REQUEST_ID);
      await expect(element).to.be.accessible();
    });

    it('still offers the link when a pop-up blocker stopped the new window', async () => {
      const blocked: string[] = [];
      configure({
        openWindow: (url) => {
          blocked.push(url);
          return false;
        },
      });
      const backend = await fakeBackend([createdA3()]);
      const element = await accessButton(backend.endpoint);
      innerButton(element).click();
      await waitUntil(() => blocked.length === 1, 'tried to open a window');
      await element.updateComplete;
      expect(blocked).to.deep.equal([DETAILS_LINK]);
      expect(navigation.urls).to.deep.equal([]);
      const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
      expect(link?.href).to.equal(DETAILS_LINK);
      expect(link?.target).to.equal('_blank');
      expect(link?.rel.split(/\s+/)).to.include('noopener');
    });

    it('opens an Altinn 2 answer in a new window with target="_blank"', async () => {
      const backend = await fakeBackend([created()]);
      const element = await accessButton(backend.endpoint, 'nb', '_blank');
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      expect((await createdEvent).detail.navigation).to.equal('new-window');
      await waitUntil(() => element.matches(':state(opened)'));
      expect(navigation.windows).to.deep.equal([SEND_REQUEST]);
      expect(navigation.urls).to.deep.equal([]);
    });

    it('opens an Altinn 3 answer in this tab with target="_self"', async () => {
      const backend = await fakeBackend([createdA3()]);
      const element = await accessButton(backend.endpoint, 'nb', '_self');
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      expect((await createdEvent).detail.navigation).to.equal('redirect');
      await waitUntil(() => navigation.urls.length === 1);
      expect(navigation.urls).to.deep.equal([DETAILS_LINK]);
      expect(navigation.windows).to.deep.equal([]);
      expect(element.matches(':state(navigating)')).to.equal(true);
    });

    it('follows a normalised view that asks for a new window', async () => {
      const backend = await fakeBackend([
        created({
          body: {
            kind: 'access',
            id: ACCESS_REQUEST_ID,
            status: 'created',
            url: DETAILS_LINK,
            navigation: 'new-window',
          },
        }),
      ]);
      const element = await accessButton(backend.endpoint);
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      expect((await createdEvent).detail).to.include({
        kind: 'access',
        id: ACCESS_REQUEST_ID,
        status: 'created',
        url: DETAILS_LINK,
        navigation: 'new-window',
      });
      await waitUntil(() => element.matches(':state(opened)'));
      expect(navigation.windows).to.deep.equal([DETAILS_LINK]);
      expect(navigation.urls).to.deep.equal([]);
    });

    it('follows a normalised view without navigation in this tab', async () => {
      const backend = await fakeBackend([
        created({
          body: { kind: 'access', id: DELEGATION_REQUEST_ID, status: 'created', url: SEND_REQUEST },
        }),
      ]);
      const element = await accessButton(backend.endpoint);
      innerButton(element).click();
      await waitUntil(() => navigation.urls.length === 1);
      expect(navigation.urls).to.deep.equal([SEND_REQUEST]);
      expect(navigation.windows).to.deep.equal([]);
    });

    const alreadySent: { name: string; body: unknown }[] = [
      { name: 'Altinn 2 pending', body: altinn2AccessView({ status: 'pending' }) },
      { name: 'Altinn 3 pending', body: altinn3AccessView({ status: 'pending' }) },
      {
        name: 'a normalised pending view',
        body: {
          kind: 'access',
          id: ACCESS_REQUEST_ID,
          status: 'pending',
          url: DETAILS_LINK,
          navigation: 'new-window',
        },
      },
    ];

    for (const { name, body } of alreadySent) {
      it(`opens nothing for a request that is already pending (${name})`, async () => {
        const backend = await fakeBackend([created({ status: 200, body })]);
        const element = await accessButton(backend.endpoint);
        const createdEvent = oneEvent(
          element,
          'altinn-request-created',
        ) as Promise<AltinnRequestCreatedEvent>;
        innerButton(element).click();
        expect((await createdEvent).detail.status).to.equal('pending');
        await waitUntil(() => element.matches(':state(created)'), 'created');
        await aTimeout(50);
        expect(navigation.urls).to.deep.equal([]);
        expect(navigation.windows).to.deep.equal([]);
        expect(partText(element, 'message')).to.equal(MESSAGES.nb.accessButtonAnswered);
        expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);
      });
    }

    it('stays on the page when altinn-request-created is cancelled', async () => {
      const backend = await fakeBackend([created(), createdA3()]);
      const element = await accessButton(backend.endpoint);
      element.addEventListener('altinn-request-created', (event) => event.preventDefault());
      innerButton(element).click();
      await waitUntil(() => element.matches(':state(created)'), 'created');
      expect(navigation.urls).to.deep.equal([]);
      expect(partText(element, 'message')).to.equal(MESSAGES.nb.accessButtonCreated);
      await expect(element).to.be.accessible();

      // The same for an answer that would open a new window.
      const a3 = await fakeBackend([createdA3()]);
      element.endpoint = a3.endpoint;
      const createdEvent = oneEvent(
        element,
        'altinn-request-created',
      ) as Promise<AltinnRequestCreatedEvent>;
      innerButton(element).click();
      const event = await createdEvent;
      expect(event.defaultPrevented).to.equal(true);
      await element.updateComplete;
      await aTimeout(50);
      expect(element.matches(':state(created)')).to.equal(true);
      expect(navigation.windows).to.deep.equal([]);
      expect(navigation.urls).to.deep.equal([]);
      expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);
    });
  });

  describe('says what is wrong with its own set-up, without calling the backend', () => {
    const cases: {
      name: string;
      template: (endpoint: string) => TemplateResult;
      mentions: string[];
    }[] = [
      {
        name: 'nothing to ask for',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            lang="nb"
            endpoint=${endpoint}
            org=${ORG}
          ></request-access-button>`,
        mentions: ['resource', 'package', 'services'],
      },
      {
        name: 'a resource and a package at once',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            lang="nb"
            endpoint=${endpoint}
            resource=${RESOURCE}
            package="urn:altinn:accesspackage:skattegrunnlag"
          ></request-access-button>`,
        mentions: ['resource', 'package'],
      },
      {
        name: 'a resource and an Altinn 2 service at once',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            lang="nb"
            endpoint=${endpoint}
            resource=${RESOURCE}
            service-code="4751"
          ></request-access-button>`,
        mentions: ['resource', 'services'],
      },
      {
        name: 'an organisation number with a wrong check digit',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            lang="nb"
            endpoint=${endpoint}
            resource=${RESOURCE}
            org="991825828"
          ></request-access-button>`,
        mentions: ['org'],
      },
      {
        name: 'an organisation number of 8 digits',
        template: (endpoint) =>
          html`<request-access-button
            always-new
            lang="nb"
            endpoint=${endpoint}
            resource=${RESOURCE}
            org="99182582"
          ></request-access-button>`,
        mentions: ['org'],
      },
    ];

    for (const { name, template, mentions } of cases) {
      it(name, async () => {
        const backend = await fakeBackend([created()]);
        let detail: AltinnRequestErrorEvent['detail'] | undefined;
        let element: RequestAccessButton | undefined;
        const errors = await consoleErrors(async () => {
          element = await fixture<RequestAccessButton>(template(backend.endpoint));
          const errorEvent = oneEvent(
            element,
            'altinn-request-error',
          ) as Promise<AltinnRequestErrorEvent>;
          innerButton(element).click();
          ({ detail } = await errorEvent);
        });
        expect(detail?.code).to.equal('invalid-input');
        expect(detail?.kind).to.equal('access');
        expect(detail?.retryable).to.equal(false);
        const logged = errors.join('\n');
        expect(logged).to.contain('<request-access-button>');
        for (const field of mentions) expect(logged).to.contain(field);
        await element!.updateComplete;
        expect(element!.matches(':state(error)')).to.equal(true);
        expect(partText(element!, 'error')).to.equal(MESSAGES.nb.errorInvalidInput);
        expect(await backend.requests()).to.deep.equal([]);
        expect(navigation.urls).to.deep.equal([]);
      });
    }
  });

  it('speaks English and nynorsk', async () => {
    const backend = await fakeBackend([createdA3({ delayMs: 200 })]);
    const english = await accessButton(backend.endpoint, 'en');
    expect(shownText(english)).to.equal('Request access');
    expect(shownText(english)).to.equal(MESSAGES.en.accessButtonLabel);
    innerButton(english).click();
    await english.updateComplete;
    expect(partText(english, 'message')).to.equal(MESSAGES.en.accessButtonBusy);
    await waitUntil(() => english.matches(':state(opened)'));
    expect(partText(english, 'message')).to.equal(MESSAGES.en.openedInNewWindow);
    expect(partText(english, 'link')).to.equal(
      `${MESSAGES.en.continueInAltinn} ${MESSAGES.en.opensInNewWindow}`,
    );

    const failing = await fakeBackend([
      created({ status: 503, body: { title: 'Unavailable', status: 503 }, delayMs: 200 }),
    ]);
    const nynorsk = await accessButton(failing.endpoint, 'nn-NO');
    expect(shownText(nynorsk)).to.equal(MESSAGES.nn.accessButtonLabel);
    innerButton(nynorsk).click();
    await nynorsk.updateComplete;
    expect(partText(nynorsk, 'message')).to.equal(MESSAGES.nn.accessButtonBusy);
    await waitUntil(() => nynorsk.matches(':state(error)'), 'failed');
    expect(partText(nynorsk, 'error')).to.equal(MESSAGES.nn.errorServer);
    expect(textOf(innerButton(nynorsk))).to.equal(
      `${MESSAGES.nn.retry}: ${MESSAGES.nn.accessButtonLabel}`,
    );
  });
});

describe('<request-access-button> refuses hostile Altinn URLs', () => {
  const hostile = [
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' https://tt02.altinn.no/ui/DelegationRequest/send/1',
    'data:text/html,<script>alert(1)</script>',
    'http://tt02.altinn.no/ui/DelegationRequest/send/1',
    'http://am.ui.tt02.altinn.no/accessmanagement/ui/requests/resource?requestId=1',
    'https://tt02.altinn.no.evil.example/ui/DelegationRequest/send/1',
    'https://am.ui.tt02.altinn.no.evil.example/accessmanagement/ui/requests',
    'https://tt02-altinn.no/ui/DelegationRequest/send/1',
    'https://eviltt02.altinn.no.example/ui',
    'https://tt02.altınn.no/ui/DelegationRequest/send/1',
    'https://platform.tt02.altinn.no/accessmanagement/api/v1/serviceowner/delegationrequests/1',
    'https://tt02.altinn.no@evil.example/ui/DelegationRequest/send/1',
    'https://user:secret@tt02.altinn.no/ui/DelegationRequest/send/1',
    'https://am.ui.tt02.altinn.no:8443/accessmanagement/ui/requests/resource',
    'https://tt02.altinn.no:444/ui/DelegationRequest/send/1',
    '//tt02.altinn.no/ui/DelegationRequest/send/1',
    '//evil.example/ui/DelegationRequest/send/1',
    '/ui/DelegationRequest/send/1',
    'https:\\\\evil.example/ui',
    'https://tt02.altinn.no\\@evil.example/ui',
    'https://tt02.altinn.no%2eevil.example/ui',
    'https://evil.example/?next=https://tt02.altinn.no/ui/DelegationRequest/send/1',
    `${location.origin}/fake-altinn/ui/DelegationRequest/send/1`,
    '',
  ];

  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });
  afterEach(() => resetConfig());

  it(`has at least a good dozen forms to try (${hostile.length})`, () => {
    expect(hostile.length).to.be.at.least(20);
  });

  const shapes: { api: string; body: (url: string) => unknown }[] = [
    {
      api: 'a request back to the portal (Altinn 2)',
      body: (url) => altinn2AccessView({ url }),
    },
    {
      api: 'a request in a new window (Altinn 3)',
      body: (url) => altinn3AccessView({ url }),
    },
  ];

  for (const { api, body } of shapes) {
    for (const url of hostile) {
      it(`refuses ${JSON.stringify(url)} in ${api}`, async () => {
        const backend = await fakeBackend([created({ body: body(url) })]);
        const element = await accessButton(backend.endpoint);
        const errors: AltinnRequestErrorEvent[] = [];
        const createdEvents: Event[] = [];
        element.addEventListener('altinn-request-error', (event) => errors.push(event));
        element.addEventListener('altinn-request-created', (event) => createdEvents.push(event));
        innerButton(element).click();
        // Wait for either outcome, so a guard that lets the URL through fails here at once.
        await waitUntil(
          () => errors.length > 0 || navigation.urls.length > 0 || navigation.windows.length > 0,
          'an outcome',
          { timeout: 10_000 },
        );
        expect(navigation.urls).to.deep.equal([]);
        expect(navigation.windows).to.deep.equal([]);
        expect(createdEvents).to.deep.equal([]);
        expect(errors[0]?.detail.code).to.equal('untrusted-redirect');
        expect(errors[0]?.detail.retryable).to.equal(false);
        await element.updateComplete;
        expect(partText(element, 'error')).to.equal(MESSAGES.nb.errorUntrustedRedirect);
        expect(element.shadowRoot!.querySelector('[part="link"]')).to.equal(null);
      });
    }
  }
});

describe('<request-access-button> and a pop-up blocker', () => {
  afterEach(() => resetConfig());

  it('says the new tab was blocked, and offers the link', async () => {
    recordNavigation();
    configure({ openWindow: () => false });
    const backend = await fakeBackend([
      {
        method: 'POST',
        path: '/access-requests',
        status: 201,
        body: altinn3AccessView({ id: ACCESS_REQUEST_ID }),
      },
    ]);
    const element = await fixture<RequestAccessButton>(
      html`<request-access-button
        always-new
        endpoint=${backend.endpoint}
        lang="nb"
        resource="lonnsmodul-tilgang"
      ></request-access-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => element.matches(':state(opened)'), 'opened');
    expect(partText(element, 'message')).to.equal(MESSAGES.nb.popupBlocked);
    const link = element.shadowRoot!.querySelector<HTMLAnchorElement>('[part="link"]');
    expect(link?.href).to.equal(altinn3DetailsLink(ACCESS_REQUEST_ID));
    await expect(element).to.be.accessible();
  });
});
