import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import '../src/elements/request-consent-button/request-consent-button.js';
import type { RequestConsentButton } from '../src/elements/request-consent-button/request-consent-button.js';
import { endpoint, requestsTo, type FakeRequest } from './support/fake-backend.js';
import {
  buttonFailurePlay,
  clickPart,
  elementIn,
  expectMessage,
  expectState,
  freshEndpoint,
  part,
  withTimeout,
} from './support/play.js';
import { DESIGNSYSTEMET_THEME } from './support/theme.js';

/** The story's args: the element's attributes by their names, the label (default slot), events. */
interface ConsentButtonArgs {
  endpoint: string;
  lang?: string;
  resource?: string;
  metadata?: string;
  rights?: string;
  'valid-to'?: string;
  'request-message'?: string;
  'return-url'?: string;
  disabled?: boolean;
  /** The label (the default slot). */
  default?: string;
  onAltinnRequestCreated?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<ConsentButtonArgs>;

const TAG = 'request-consent-button';

const button = (canvasElement: HTMLElement): RequestConsentButton =>
  elementIn<RequestConsentButton>(canvasElement, TAG);

const meta: Meta<ConsentButtonArgs> = {
  title: 'Elements/request-consent-button',
  component: TAG,
  tags: ['autodocs'],
  args: {
    endpoint: endpoint('consent/created', 'idle'),
    resource: 'standard-samtykke-for-dele-data',
    metadata: '{"inntektsaar":"2024"}',
    'valid-to': 'P90D',
    'request-message': '{"nb":"Banken ber om inntektsopplysningene dine for 2024."}',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    metadata: { control: 'text' },
    rights: { control: 'text' },
    'request-message': { control: 'text' },
    disabled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      // Under the title; the description is the element's own, from custom-elements.json.
      subtitle:
        'Every story talks to a fake backend inside Storybook (its endpoint names the scenario); navigation to Altinn is logged in the Actions panel instead of leaving the page.',
    },
  },
  render: (args) =>
    html`<request-consent-button
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      resource=${args.resource || nothing}
      metadata=${args.metadata || nothing}
      rights=${args.rights || nothing}
      valid-to=${args['valid-to'] || nothing}
      request-message=${args['request-message'] || nothing}
      return-url=${args['return-url'] || nothing}
      ?disabled=${args.disabled}
      @altinn-request-created=${args.onAltinnRequestCreated}
      @altinn-request-error=${args.onAltinnRequestError}
      >${args.default ?? nothing}</request-consent-button
    >`,
};

export default meta;

/** A story that clicks the button and waits for an error the user can read. */
function failure(
  scenario: Parameters<typeof endpoint>[0],
  key: Parameters<typeof expectMessage>[2],
  description: string,
): Story {
  return {
    args: { endpoint: endpoint(scenario, 'button') },
    parameters: { docs: { description: { story: description } } },
    play: buttonFailurePlay('request-consent-button', key, 'consentButtonLabel'),
  };
}

export const Idle: Story = {
  parameters: {
    docs: { description: { story: 'Waiting for a click; the label is the default one.' } },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await expectMessage(element, 'button', 'consentButtonLabel');
    await expect(element.matches(':state(busy)')).toBe(false);
  },
};

export const Busy: Story = {
  args: { endpoint: endpoint('consent/slow', 'busy') },
  parameters: {
    docs: {
      description: {
        story:
          'After a click, while the backend creates the request (this one takes 8 s): `aria-busy`, a spinner, and further clicks are ignored.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'busy');
    await expect(part(element, 'button').getAttribute('aria-busy')).toBe('true');
    await expectMessage(element, 'message', 'consentButtonBusy');
  },
};

export const Navigating: Story = {
  args: { endpoint: endpoint('consent/created', 'navigating') },
  parameters: {
    docs: {
      description: {
        story:
          'The backend created the request: the browser is on its way to Altinn (in Storybook the URL is logged as the `navigate` action and the page stays).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'navigating');
    await expectMessage(element, 'message', 'navigatingToAltinn');
  },
};

export const CreatedPortalStays: Story = {
  name: 'Created (navigation cancelled)',
  args: { endpoint: endpoint('consent/created', 'cancelled') },
  parameters: {
    docs: {
      description: {
        story:
          'The page called `preventDefault()` on `altinn-request-created`: the request exists, and the page stays (e.g. to open Altinn its own way).',
      },
    },
  },
  render: (args) =>
    html`<request-consent-button
      endpoint=${args.endpoint}
      resource=${args.resource || nothing}
      metadata=${args.metadata || nothing}
      @altinn-request-created=${(event: Event) => {
        event.preventDefault();
        args.onAltinnRequestCreated?.(event);
      }}
    ></request-consent-button>`,
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'consentButtonCreated');
  },
};

export const CreatedAlreadyAnswered: Story = {
  name: 'Created (already answered)',
  args: { endpoint: endpoint('consent/accepted', 'button') },
  parameters: {
    docs: {
      description: {
        story:
          'The backend answers with a request that no longer waits for the user (here already accepted): nothing to do in Altinn, so the page stays.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'consentButtonAnswered');
  },
};

export const AlreadyGiven: Story = {
  name: 'Already given (an earlier consent)',
  // One resource without metadata: what the list can be asked about.
  args: { endpoint: endpoint('consent/earlier-accepted', 'given'), metadata: '' },
  parameters: {
    docs: {
      description: {
        story:
          "Before asking anew, a button with one `resource` (and no `metadata`) asks the backend's list for the person's latest consent request for it: it was accepted and is still valid, so the button says so and asks nothing (`always-new` turns this off).",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'consentButtonGranted');
    await expect(requestsTo(endpoint('consent/earlier-accepted', 'given'))).toHaveLength(1);
  },
};

export const ErrorNetwork = failure(
  'consent/network',
  'errorNetwork',
  'The backend cannot be reached (`network`).',
);

export const ErrorTimeout: Story = {
  ...failure(
    'consent/no-answer',
    'errorTimeout',
    'The backend does not answer in time (`timeout`). In its own canvas this story sets the time-out to 1.5 s; on the docs page, where the other stories would feel it too, the default of 15 s applies.',
  ),
  beforeEach: withTimeout(1500),
};

export const ErrorInvalidResponse = failure(
  'consent/invalid-json',
  'errorInvalidResponse',
  'The backend answers 200 with something that is not JSON (`invalid-response`).',
);

export const ErrorServer = failure(
  'consent/server-error',
  'errorServer',
  'The backend answers 500 with a problem (`http-5xx`).',
);

export const ErrorBadRequest = failure(
  'consent/bad-request',
  'errorRefused',
  'The backend refuses the request with 400 and validation errors (`http-4xx`).',
);

export const ErrorUnauthorized = failure(
  'consent/unauthorized',
  'errorUnauthorized',
  "The user's session has ended: 401 (`http-4xx`).",
);

export const ErrorForbidden = failure(
  'consent/forbidden',
  'errorUnauthorized',
  'The signed-in user may not ask for this: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'consent/not-found',
  'errorNotFound',
  'The backend answers 404 (`http-4xx`).',
);

export const ErrorConflict = failure(
  'consent/conflict',
  'errorRefused',
  'The consent id exists with other content: 409 (`http-4xx`).',
);

export const ErrorTooManyRequests = failure(
  'consent/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 with `Retry-After` (`http-4xx`).',
);

export const ErrorUntrustedRedirect = failure(
  'consent/untrusted-redirect',
  'errorUntrustedRedirect',
  "The backend's URL is not on the Altinn allow-list (a look-alike host): nothing is opened (`untrusted-redirect`).",
);

export const ErrorMissingResource: Story = {
  name: 'Error: invalid input (no resource)',
  args: { endpoint: endpoint('consent/never-called', 'no-resource'), resource: '' },
  parameters: {
    docs: {
      description: {
        story:
          'Neither `resource` nor `rights` is set: a developer error (`invalid-input`); the console says what is wrong, and the backend is not called.',
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'error');
    await expectMessage(element, 'error', 'errorInvalidInput');
    await expect(requestsTo(args.endpoint)).toHaveLength(0);
  },
};

export const ErrorInvalidMetadata: Story = {
  name: 'Error: invalid input (metadata not JSON)',
  args: {
    endpoint: endpoint('consent/never-called', 'bad-metadata'),
    metadata: '{inntektsaar: 2024}',
  },
  parameters: {
    docs: {
      description: { story: '`metadata` is not valid JSON (`invalid-input`).' },
    },
  },
  play: async ({ canvasElement, args }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'error');
    await expectMessage(element, 'error', 'errorInvalidInput');
    await expect(requestsTo(args.endpoint)).toHaveLength(0);
  },
};

const retryEndpoint = endpoint('consent/unavailable-then-created', 'retry');

export const RetryAfterError: Story = {
  name: 'Retry after an error',
  args: { endpoint: retryEndpoint },
  beforeEach: freshEndpoint(retryEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          'The first call fails with 503; "Prøv igjen" sends the same consent id again, and this time the user is sent to Altinn.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectMessage(element, 'error', 'errorServer');
    await clickPart(element);
    await expectState(element, 'navigating');
    const ids = requestsTo(retryEndpoint).map(
      (request: FakeRequest) => (request.body as { id: string }).id,
    );
    await expect(ids).toHaveLength(2);
    await expect(ids[1]).toBe(ids[0]);
  },
};

export const Disabled: Story = {
  args: { endpoint: endpoint('consent/never-called', 'disabled'), disabled: true },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await expect(part(element, 'button')).toBeDisabled();
  },
};

export const Bokmal: Story = {
  name: 'Bokmål',
  args: { lang: 'nb', endpoint: endpoint('consent/created', 'nb') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'consentButtonLabel');
  },
};

export const Nynorsk: Story = {
  args: { lang: 'nn', endpoint: endpoint('consent/created', 'nn') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'consentButtonLabel');
  },
};

export const English: Story = {
  args: { lang: 'en', endpoint: endpoint('consent/created', 'en') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'consentButtonLabel');
  },
};

export const EnglishError: Story = {
  name: 'English, error',
  ...failure('consent/server-error', 'errorServer', 'An error, in English.'),
  args: { lang: 'en', endpoint: endpoint('consent/server-error', 'en') },
};

export const LabelInSlot: Story = {
  name: 'Label through the slot',
  args: {
    endpoint: endpoint('consent/created', 'label'),
    default: 'Hent inntektsopplysninger fra Skatteetaten',
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await expect(element.textContent).toBe('Hent inntektsopplysninger fra Skatteetaten');
  },
};

export const Themed: Story = {
  name: 'Themed (Designsystemet tokens)',
  args: { endpoint: endpoint('consent/created', 'themed') },
  parameters: {
    docs: {
      description: {
        story:
          'The page sets Designsystemet `--ds-*` tokens on a wrapper; the button, its texts and its focus ring follow them.',
      },
    },
  },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <request-consent-button
        endpoint=${args.endpoint}
        resource=${args.resource || nothing}
        metadata=${args.metadata || nothing}
        @altinn-request-error=${args.onAltinnRequestError}
      ></request-consent-button>
    </div>`,
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await expect(getComputedStyle(part(element, 'button')).backgroundColor).toBe(
      'rgb(27, 107, 74)',
    );
    await clickPart(element);
    await expectState(element, 'navigating');
  },
};
