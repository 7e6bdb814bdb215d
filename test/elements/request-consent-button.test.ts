import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  configure,
  resetConfig,
  type AltinnRequestCreatedEvent,
  type AltinnRequestErrorEvent,
  type ConsentRightInput,
  type RequestConsentButton,
  type RequestMessage,
} from '../../src/index.js';
import { recallPendingRequest } from '../../src/core/pending-request.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { consentView } from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import {
  innerButton,
  partText,
  recordNavigation,
  setPageUrl,
  shownText,
  textOf,
  UUID,
} from './helpers.js';

const VIEW_URI = 'https://am.ui.tt02.altinn.no/accessmanagement/ui/consent/request?id=$id';
const RETURN_URL = 'https://portal.example/loan/step-3';

const created = (extra: Partial<FakeRoute> = {}): FakeRoute => ({
  method: 'POST',
  path: '/consent-requests',
  status: 201,
  body: consentView({ id: '$id', url: VIEW_URI }),
  ...extra,
});

async function consentButton(endpoint: string, lang = 'nb'): Promise<RequestConsentButton> {
  return fixture<RequestConsentButton>(
    html`<request-consent-button
      always-new
      endpoint=${endpoint}
      lang=${lang}
      resource="standard-samtykke-for-dele-data"
      metadata='{"inntektsaar":"2024"}'
      valid-to="P90D"
      return-url=${RETURN_URL}
      >Hent inntekt</request-consent-button
    >`,
  );
}

describe('<request-consent-button>', () => {
  let navigation: ReturnType<typeof recordNavigation>;

  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });

  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  it('renders its slotted label as the accessible name of a native button', async () => {
    const backend = await fakeBackend([]);
    const element = await consentButton(backend.endpoint);
    const button = innerButton(element);
    expect(button.localName).to.equal('button');
    expect(shownText(element)).to.equal('Hent inntekt');
    await expect(element).to.be.accessible();
  });

  it('posts the request and sends the browser to the Altinn URL the backend returned', async () => {
    const backend = await fakeBackend([created()]);
    const element = await consentButton(backend.endpoint);
    const createdEvent = oneEvent(
      element,
      'altinn-request-created',
    ) as Promise<AltinnRequestCreatedEvent>;

    innerButton(element).click();
    const event = await createdEvent;
    await waitUntil(() => navigation.urls.length === 1, 'navigated');

    const [request] = await backend.requests();
    expect(request?.method).to.equal('POST');
    expect(request?.path).to.equal('/consent-requests');
    expect(request?.headers['content-type']).to.match(/^application\/json/);
    const body = request?.body as Record<string, unknown>;
    expect(body.id).to.match(UUID);
    expect(body.rights).to.deep.equal([
      { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } },
    ]);
    expect(body.validTo).to.equal('P90D');
    expect(body.redirectUrl).to.equal(`${RETURN_URL}?consentId=${String(body.id)}`);
    expect(body).not.to.have.any.keys('from', 'to', 'requestMessage');

    const expectedUrl = VIEW_URI.replace('$id', String(body.id));
    expect(navigation.urls).to.deep.equal([expectedUrl]);
    expect(event.detail).to.deep.equal({
      kind: 'consent',
      id: body.id,
      status: 'created',
      url: expectedUrl,
      navigation: 'redirect',
      endpoint: new URL(backend.endpoint, location.href).href,
    });
    expect(element.consentId).to.equal(body.id);
    expect(recallPendingRequest('consent')?.id).to.equal(body.id);
    expect(element.matches(':state(navigating)')).to.equal(true);
    expect(partText(element, 'message')).to.equal(MESSAGES.nb.navigatingToAltinn);
  });

  it('reads JSON strings set as properties, as React 19, Vue and Preact set attributes', async () => {
    const backend = await fakeBackend([created()]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${backend.endpoint}
        resource="standard-samtykke-for-dele-data"
        .metadata=${'{"inntektsaar":"2023"}' as unknown as Record<string, string>}
        .requestMessage=${'{"nb":"Vi trenger inntekten din."}' as unknown as RequestMessage}
        return-url=${RETURN_URL}
      ></request-consent-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1, 'navigated');
    const body = (await backend.requests())[0]?.body as Record<string, unknown>;
    expect(body.rights).to.deep.equal([
      { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
    ]);
    expect(body.requestMessage).to.deep.equal({ nb: 'Vi trenger inntekten din.' });

    // Malformed JSON there is a set-up error, as in the attribute.
    const rights = await fakeBackend([created()]);
    const broken = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${rights.endpoint}
        .rights=${'[{"resource": ' as unknown as ConsentRightInput[]}
      ></request-consent-button>`,
    );
    const error = oneEvent(broken, 'altinn-request-error') as Promise<AltinnRequestErrorEvent>;
    const originalError = console.error;
    console.error = () => {};
    try {
      innerButton(broken).click();
      expect((await error).detail.code).to.equal('invalid-input');
    } finally {
      console.error = originalError;
    }
    expect(await rights.requests()).to.deep.equal([]);
  });

  it('sends several rights, the request message and an absolute validTo as given', async () => {
    const backend = await fakeBackend([created()]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${backend.endpoint}
        .rights=${[
          { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
          {
            resource: 'standard-samtykke-for-dele-data',
            metadata: { inntektsaar: '2024' },
            action: 'consent',
          },
        ]}
        .requestMessage=${{ nb: 'Vi trenger inntekten din.', en: 'We need your income.' }}
        valid-to="2099-07-18T06:18:12+00:00"
      ></request-consent-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1);
    const body = (await backend.requests())[0]?.body as Record<string, unknown>;
    expect(body.rights).to.deep.equal([
      { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
      {
        resource: 'standard-samtykke-for-dele-data',
        metadata: { inntektsaar: '2024' },
        action: ['consent'],
      },
    ]);
    expect(body.requestMessage).to.deep.equal({
      nb: 'Vi trenger inntekten din.',
      en: 'We need your income.',
    });
    expect(body.validTo).to.equal('2099-07-18T06:18:12+00:00');
  });

  it('returns by default to this page, without the parameters of an earlier return', async () => {
    setPageUrl('?step=2&consentId=11111111-1111-4111-8111-111111111111&Status=OK');
    const backend = await fakeBackend([created()]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${backend.endpoint}
        resource="standard-samtykke-for-dele-data"
      ></request-consent-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1);
    const body = (await backend.requests())[0]?.body as Record<string, string>;
    expect(body.redirectUrl).to.equal(
      `${location.origin}${location.pathname}?step=2&consentId=${body.id}`,
    );
  });

  it('puts consentId inside a hash route, where Altinn puts its own parameters', async () => {
    const backend = await fakeBackend([created()]);
    const element = await consentButton(backend.endpoint);
    element.returnUrl = 'https://portal.example/app#/loan?step=2';
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1);
    const body = (await backend.requests())[0]?.body as Record<string, string>;
    expect(body.redirectUrl).to.equal(
      `https://portal.example/app#/loan?step=2&consentId=${body.id}`,
    );
  });

  it('does not send the user to Altinn for a request that no longer waits for them', async () => {
    const backend = await fakeBackend([
      created({
        status: 200,
        body: consentView({ id: '$id', url: VIEW_URI, status: 'accepted' }),
      }),
    ]);
    const element = await consentButton(backend.endpoint);
    const createdEvent = oneEvent(
      element,
      'altinn-request-created',
    ) as Promise<AltinnRequestCreatedEvent>;
    innerButton(element).click();
    expect((await createdEvent).detail.status).to.equal('accepted');
    await waitUntil(() => element.matches(':state(created)'));
    expect(navigation.urls).to.deep.equal([]);
    // Not "created": the request was answered before.
    expect(partText(element, 'message')).to.equal(MESSAGES.nb.consentButtonAnswered);
  });

  it('can be used with the keyboard alone', async () => {
    const backend = await fakeBackend([created()]);
    const element = await consentButton(backend.endpoint);
    element.focus();
    expect(element.shadowRoot?.activeElement).to.equal(innerButton(element));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => navigation.urls.length === 1, 'Enter sends the request');
  });

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
    it(`explains ${failure.name} in words, and a retry reuses the same consent id`, async () => {
      configure({ timeout: 400 });
      // The failing backend fails every time (Chromium may silently resend a request once when a
      // reused connection drops); the retry then goes to one that works.
      const failing = await fakeBackend([created(failure.route)]);
      const working = await fakeBackend([created()]);
      const element = await consentButton(failing.endpoint);
      const errorEvent = oneEvent(
        element,
        'altinn-request-error',
      ) as Promise<AltinnRequestErrorEvent>;
      innerButton(element).click();
      const { detail } = await errorEvent;
      expect(detail.code).to.equal(failure.code);
      expect(detail.kind).to.equal('consent');
      expect(detail.message).to.equal(failure.text);
      expect(detail.retryable).to.equal(true);
      await element.updateComplete;

      expect(element.matches(':state(error)')).to.equal(true);
      expect(partText(element, 'error')).to.equal(failure.text);
      const button = innerButton(element);
      expect(button.hasAttribute('aria-busy')).to.equal(false);
      expect(textOf(button, { visibleOnly: true })).to.equal(MESSAGES.nb.retry);
      expect(textOf(button)).to.equal(`${MESSAGES.nb.retry}: Hent inntekt`);
      expect(button.getAttribute('aria-describedby')).to.equal('error');
      await expect(element).to.be.accessible();
      expect(navigation.urls).to.deep.equal([]);

      element.endpoint = working.endpoint;
      button.click();
      await waitUntil(() => navigation.urls.length === 1, 'the retry goes through');
      const [failed] = await failing.requests();
      const [retried] = await working.requests();
      const failedId = (failed?.body as { id: string }).id;
      expect(failedId).to.match(UUID);
      expect((retried?.body as { id: string }).id).to.equal(failedId);
      expect(navigation.urls[0]).to.contain(failedId);
      expect(partText(element, 'error')).to.equal('');
    });
  }

  it('explains refusals by HTTP status, keeping the problem details for the portal', async () => {
    const backend = await fakeBackend([
      created({
        status: 400,
        body: { type: 'about:blank', title: 'Unknown resource', status: 400, code: 'AM-00005' },
        times: 1,
      }),
      created({ status: 401, body: { title: 'Not signed in', status: 401 }, times: 1 }),
    ]);
    const element = await consentButton(backend.endpoint, 'en');
    let errorEvent = oneEvent(element, 'altinn-request-error') as Promise<AltinnRequestErrorEvent>;
    innerButton(element).click();
    let { detail } = await errorEvent;
    expect(detail).to.include({ code: 'http-4xx', httpStatus: 400, retryable: false });
    expect(detail.problem?.code).to.equal('AM-00005');
    expect(detail.message).to.equal(MESSAGES.en.errorRefused);

    errorEvent = oneEvent(element, 'altinn-request-error') as Promise<AltinnRequestErrorEvent>;
    innerButton(element).click();
    ({ detail } = await errorEvent);
    expect(detail).to.include({ code: 'http-4xx', httpStatus: 401 });
    await element.updateComplete;
    expect(partText(element, 'error')).to.equal(MESSAGES.en.errorUnauthorized);
  });

  it('refuses an answer about another consent request', async () => {
    const backend = await fakeBackend([
      created({
        body: consentView({
          id: '22222222-2222-4222-8222-222222222222',
          url: VIEW_URI,
        }),
      }),
    ]);
    const element = await consentButton(backend.endpoint);
    const errorEvent = oneEvent(
      element,
      'altinn-request-error',
    ) as Promise<AltinnRequestErrorEvent>;
    innerButton(element).click();
    expect((await errorEvent).detail.code).to.equal('invalid-response');
    expect(navigation.urls).to.deep.equal([]);
  });

  it('says what is wrong with its own set-up, without calling the backend', async () => {
    const backend = await fakeBackend([created()]);
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const element = await fixture<RequestConsentButton>(
        html`<request-consent-button
          always-new
          endpoint=${backend.endpoint}
          resource="standard-samtykke-for-dele-data"
          metadata="{inntektsaar: 2024"
        ></request-consent-button>`,
      );
      const label = innerButton(element).textContent?.trim();
      const errorEvent = oneEvent(
        element,
        'altinn-request-error',
      ) as Promise<AltinnRequestErrorEvent>;
      innerButton(element).click();
      const { detail } = await errorEvent;
      expect(detail.code).to.equal('invalid-input');
      expect(detail.retryable).to.equal(false);
      expect(errors.join('\n')).to.contain('metadata: not valid JSON');
      // Trying again cannot help: the button keeps its label rather than offering "Prøv igjen".
      await element.updateComplete;
      expect(innerButton(element).textContent?.trim()).to.equal(label);

      element.removeAttribute('metadata');
      element.removeAttribute('resource');
      const second = oneEvent(element, 'altinn-request-error') as Promise<AltinnRequestErrorEvent>;
      innerButton(element).click();
      expect((await second).detail.code).to.equal('invalid-input');
      expect(errors.join('\n')).to.contain('resource');
    } finally {
      console.error = originalError;
    }
    expect(await backend.requests()).to.deep.equal([]);
  });

  it('navigates for real with the default settings, to an allowed origin', async () => {
    const backend = await fakeBackend([
      created({
        body: consentView({
          id: '$id',
          url: `${location.origin}/fake-altinn/accessmanagement/ui/consent/request?id=$id`,
        }),
      }),
    ]);
    const frame = document.createElement('iframe');
    frame.title = 'portal';
    frame.src = `/test/fixtures/consent-portal.html?endpoint=${encodeURIComponent(backend.endpoint)}`;
    document.body.append(frame);
    try {
      await waitUntil(
        () =>
          frame.contentDocument
            ?.querySelector('request-consent-button')
            ?.shadowRoot?.querySelector('button'),
        'the portal page rendered its button',
        { timeout: 10_000 },
      );
      const inner = frame.contentDocument!.querySelector('request-consent-button')!.shadowRoot!;
      inner.querySelector('button')!.click();
      await waitUntil(
        () => frame.contentDocument?.title === 'Fake Altinn',
        'landed in (fake) Altinn',
        {
          timeout: 5000,
        },
      );
      // The button asked the list first (this backend has none: a 404 does not stop it).
      const request = (await backend.requests()).find((sent) => sent.method === 'POST');
      const id = (request?.body as { id: string }).id;
      expect(frame.contentWindow!.location.href).to.equal(
        `${location.origin}/fake-altinn/accessmanagement/ui/consent/request?id=${id}`,
      );
    } finally {
      frame.remove();
    }
  });
});

describe('<request-consent-button> refuses hostile Altinn URLs', () => {
  const hostile = [
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://am.ui.altinn.no/0b9a7d2c-4c4f-4f7e-9a57-6b1e0f3e7d11',
    'file:///etc/passwd',
    'ftp://am.ui.altinn.no/consent',
    'http://am.ui.altinn.no/accessmanagement/ui/consent/request?id=1',
    'https://am.ui.altinn.no@evil.example/consent',
    'https://user:secret@am.ui.altinn.no/consent',
    'https://am.ui.altinn.no.evil.example/consent',
    'https://evilaltinn.no/consent',
    'https://am-ui-altinn.no/consent',
    'https://am.ui.altınn.no/consent',
    'https://xn--altinn-7ya.no/consent',
    'https://am.ui.altinn.no./consent',
    'https://am.ui.altinn.no:8443/consent',
    'https://altinn.no:444/',
    'https:\\\\evil.example/consent',
    'https://am.ui.altinn.no\\@evil.example/consent',
    'https://am.ui.altinn.no%2eevil.example/consent',
    'https://am.ui.altinn.no%2F@evil.example/consent',
    '%68ttps://am.ui.altinn.no/consent',
    '//evil.example/consent',
    '//am.ui.altinn.no/consent',
    '/accessmanagement/ui/consent/request?id=1',
    'https://evil.example/?next=https://am.ui.altinn.no/',
    'https://evil.example/#https://am.ui.altinn.no/',
    'https://127.0.0.1/consent',
    `${location.origin}/fake-altinn/consent`,
    '',
  ];

  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(() => {
    navigation = recordNavigation();
  });
  afterEach(() => resetConfig());

  it(`has at least 30 forms to try (${hostile.length})`, () => {
    expect(hostile.length).to.be.at.least(30);
  });

  for (const url of hostile) {
    it(`refuses ${JSON.stringify(url)}`, async () => {
      const backend = await fakeBackend([created({ body: consentView({ id: '$id', url: url }) })]);
      const element = await consentButton(backend.endpoint);
      const errors: AltinnRequestErrorEvent[] = [];
      element.addEventListener('altinn-request-error', (event) => errors.push(event));
      innerButton(element).click();
      // Wait for either outcome, so a guard that lets the URL through fails here at once.
      await waitUntil(() => errors.length > 0 || navigation.urls.length > 0, 'an outcome', {
        timeout: 10_000,
      });
      expect(navigation.urls).to.deep.equal([]);
      expect(navigation.windows).to.deep.equal([]);
      expect(errors[0]?.detail.code).to.equal('untrusted-redirect');
      expect(errors[0]?.detail.retryable).to.equal(false);
      await element.updateComplete;
      expect(partText(element, 'error')).to.equal(MESSAGES.nb.errorUntrustedRedirect);
    });
  }

  it('follows the allow-list that configure() sets, exactly', async () => {
    configure({ altinnOrigins: [location.origin] });
    const allowed = `${location.origin}/fake-altinn/consent?id=$id`;
    const backend = await fakeBackend([
      created({ body: consentView({ id: '$id', url: allowed }) }),
    ]);
    const element = await consentButton(backend.endpoint);
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1);
    expect(navigation.urls[0]).to.match(
      new RegExp(`^${location.origin}/fake-altinn/consent\\?id=`),
    );

    // The default Altinn origins are no longer on the list once it is replaced.
    const altinn = await fakeBackend([created()]);
    const second = await consentButton(altinn.endpoint);
    const errorEvent = oneEvent(second, 'altinn-request-error') as Promise<AltinnRequestErrorEvent>;
    innerButton(second).click();
    expect((await errorEvent).detail.code).to.equal('untrusted-redirect');
  });
});
