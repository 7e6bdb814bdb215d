import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { resetConfig, type RequestConsentButton } from '../../src/index.js';
import { consentView } from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import { innerButton, recordNavigation, setPageUrl } from './helpers.js';

const VIEW_URI = 'https://am.ui.tt02.altinn.no/accessmanagement/ui/consent/request?id=$id';

const created: FakeRoute = {
  method: 'POST',
  path: '/consent-requests',
  status: 201,
  body: consentView({ id: '$id', url: VIEW_URI }),
};

describe('<request-consent-button on-behalf-of>', () => {
  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });
  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  it('asks for consent on behalf of the organisation, naming none itself', async () => {
    const backend = await fakeBackend([created]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        endpoint=${backend.endpoint}
        on-behalf-of="organization"
        resource="samtykke-skattegrunnlag"
        metadata='{"inntektsaar":"2024"}'
        return-url="https://portal.example/bedriftslan"
        >Gi samtykke</request-consent-button
      >`,
    );
    expect(element.onBehalfOf).to.equal('organization');
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1, 'navigated');
    const requests = await backend.requests();
    // No list lookup first: the list does not tell a person's consent from the organisation's.
    expect(requests.map((request) => request.method)).to.deep.equal(['POST']);
    const body = requests[0]?.body as Record<string, unknown>;
    expect(body.onBehalfOf).to.equal('organization');
    expect(body).not.to.have.any.keys('from', 'to', 'requiredDelegator', 'organization');
    await expect(element).to.be.accessible();
  });

  it('sends no onBehalfOf without the attribute', async () => {
    const backend = await fakeBackend([created]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${backend.endpoint}
        resource="standard-samtykke-for-dele-data"
        metadata='{"inntektsaar":"2024"}'
        return-url="https://portal.example/soknad"
      ></request-consent-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => navigation.urls.length === 1, 'navigated');
    const body = (await backend.requests())[0]?.body as Record<string, unknown>;
    expect(body).not.to.have.any.keys('onBehalfOf');
  });

  it('passes another value on, and shows the backend’s refusal', async () => {
    const backend = await fakeBackend([
      {
        method: 'POST',
        path: '/consent-requests',
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Invalid consent request',
          status: 400,
          code: 'invalid-body',
        },
      },
    ]);
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button
        always-new
        endpoint=${backend.endpoint}
        on-behalf-of="person"
        resource="standard-samtykke-for-dele-data"
        metadata='{"inntektsaar":"2024"}'
        return-url="https://portal.example/soknad"
      ></request-consent-button>`,
    );
    innerButton(element).click();
    await waitUntil(() => element.matches(':state(error)'), 'shows the error');
    const body = (await backend.requests())[0]?.body as Record<string, unknown>;
    expect(body.onBehalfOf).to.equal('person');
    expect(navigation.urls).to.deep.equal([]);
  });
});
