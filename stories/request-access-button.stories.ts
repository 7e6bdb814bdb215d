import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import '../src/elements/request-access-button/request-access-button.js';
import type { RequestAccessButton } from '../src/elements/request-access-button/request-access-button.js';
import type { MessageKey } from '../src/i18n/index.js';
import { endpoint, requestsTo, type ScenarioName } from './support/fake-backend.js';
import {
  buttonFailurePlay,
  clickPart,
  elementIn,
  expectMessage,
  expectState,
  freshEndpoint,
  messagesOf,
  part,
  partText,
  withTimeout,
} from './support/play.js';
import { DESIGNSYSTEMET_THEME } from './support/theme.js';

/** The story's args: the element's attributes by their names, the label (default slot), events. */
interface AccessButtonArgs {
  endpoint: string;
  lang?: string;
  resource?: string;
  package?: string;
  'service-code'?: string;
  'service-edition-code'?: string;
  services?: string;
  org?: string;
  target?: 'auto' | '_self' | '_blank';
  'return-url'?: string;
  disabled?: boolean;
  /** The label (the default slot). */
  default?: string;
  onAltinnRequestCreated?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<AccessButtonArgs>;

const TAG = 'request-access-button';

const button = (canvasElement: HTMLElement): RequestAccessButton =>
  elementIn<RequestAccessButton>(canvasElement, TAG);

/** An Altinn 2 service instead of an Altinn 3 resource. */
const ALTINN2 = { resource: '', 'service-code': '4751', 'service-edition-code': '1' } as const;

const meta: Meta<AccessButtonArgs> = {
  title: 'Elements/request-access-button',
  component: TAG,
  tags: ['autodocs'],
  args: {
    endpoint: endpoint('access/altinn3-draft', 'idle'),
    resource: 'nav_tiltak_arbeidsavtale',
    org: '991825827',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    services: { control: 'text' },
    target: { control: 'inline-radio', options: ['auto', '_self', '_blank'] },
    disabled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      // Under the title; the description is the element's own, from custom-elements.json.
      subtitle:
        'Every story talks to a fake backend inside Storybook (its endpoint names the scenario). Altinn 2 answers send the user to Altinn in this tab; Altinn 3 answers open Altinn in a new tab while the page stays. In Storybook both are logged in the Actions panel instead.',
    },
  },
  render: (args) =>
    html`<request-access-button
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      resource=${args.resource || nothing}
      package=${args.package || nothing}
      service-code=${args['service-code'] || nothing}
      service-edition-code=${args['service-edition-code'] || nothing}
      services=${args.services || nothing}
      org=${args.org || nothing}
      target=${args.target || nothing}
      return-url=${args['return-url'] || nothing}
      ?disabled=${args.disabled}
      @altinn-request-created=${args.onAltinnRequestCreated}
      @altinn-request-error=${args.onAltinnRequestError}
      >${args.default ?? nothing}</request-access-button
    >`,
};

export default meta;

/** A story that clicks the button and waits for an error the user can read. */
function failure(scenario: ScenarioName, key: MessageKey, description: string): Story {
  return {
    args: { endpoint: endpoint(scenario, 'button') },
    parameters: { docs: { description: { story: description } } },
    play: buttonFailurePlay('request-access-button', key, 'accessButtonLabel'),
  };
}

/** A story whose own attributes are wrong: an `invalid-input` error, and no backend call. */
function invalidInput(
  variant: string,
  args: Partial<AccessButtonArgs>,
  description: string,
): Story {
  return {
    args: { endpoint: endpoint('access/never-called', variant), ...args },
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement, args: storyArgs }) => {
      const element = button(canvasElement);
      await clickPart(element);
      await expectState(element, 'error');
      await expectMessage(element, 'error', 'errorInvalidInput');
      await expect(requestsTo(storyArgs.endpoint)).toHaveLength(0);
    },
  };
}

export const Idle: Story = {
  parameters: {
    docs: { description: { story: 'Waiting for a click; the label is the default one.' } },
  },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'accessButtonLabel');
  },
};

export const Busy: Story = {
  args: { endpoint: endpoint('access/slow', 'busy') },
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
    await expectMessage(element, 'message', 'accessButtonBusy');
  },
};

export const NavigatingAltinn2: Story = {
  name: 'Navigating (Altinn 2)',
  args: { ...ALTINN2, endpoint: endpoint('access/altinn2-created', 'navigating') },
  parameters: {
    docs: {
      description: {
        story:
          "An Altinn 2 service: the backend answers Altinn's delegation request, and the browser goes to its `sendRequest` page in this tab (logged as `navigate`); Altinn sends the user back with `DelegationRequestId`.",
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

export const OpenedInNewTab: Story = {
  name: 'Opened in a new tab (Altinn 3)',
  args: { endpoint: endpoint('access/altinn3-draft', 'opened') },
  parameters: {
    docs: {
      description: {
        story:
          'An Altinn 3 resource: Altinn has no way back, so its page opens in a new tab (logged as `openWindow`) and this page stays, with a link in case the tab was lost.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'opened');
    await expectMessage(element, 'message', 'openedInNewWindow');
    const messages = messagesOf(element);
    await expect(partText(element, 'link')).toBe(
      `${messages.continueInAltinn} ${messages.opensInNewWindow}`,
    );
  },
};

export const PopupBlocked: Story = {
  name: 'Opened, but the pop-up was blocked',
  args: { endpoint: endpoint('access/altinn3-popup-blocked', 'blocked') },
  parameters: {
    docs: {
      description: {
        story:
          "The browser's pop-up blocker stopped the new tab: the element says so and offers the link.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'opened');
    await expectMessage(element, 'message', 'popupBlocked');
    await expect(part(element, 'link').getAttribute('target')).toBe('_blank');
  },
};

export const TargetSelf: Story = {
  name: 'target="_self" (Altinn 3 in this tab)',
  args: { target: '_self', endpoint: endpoint('access/altinn3-draft', 'self') },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'navigating');
  },
};

export const TargetBlank: Story = {
  name: 'target="_blank" (Altinn 2 in a new tab)',
  args: { ...ALTINN2, target: '_blank', endpoint: endpoint('access/altinn2-created', 'blank') },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'opened');
    await expectMessage(element, 'message', 'openedInNewWindow');
  },
};

export const AccessPackage: Story = {
  name: 'Access package',
  args: {
    resource: '',
    package: 'urn:altinn:accesspackage:regnskapsforer-lonn',
    endpoint: endpoint('access/altinn3-draft', 'package'),
  },
  parameters: {
    docs: { description: { story: 'Asks for an Altinn 3 access package instead of a resource.' } },
  },
  play: async ({ canvasElement, args }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'opened');
    const [request] = requestsTo(args.endpoint);
    await expect(request?.body).toMatchObject({ package: args.package, org: args.org });
  },
};

export const AlreadyGranted: Story = {
  name: 'Already granted (an earlier request)',
  args: { endpoint: endpoint('access/earlier-approved', 'granted') },
  parameters: {
    docs: {
      description: {
        story:
          "Before asking anew, the button asks the backend's list for the person's latest request about the same resource: it was granted, so the button says so and asks nothing (`always-new` turns this off).",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'accessButtonGranted');
  },
};

export const AlreadySent: Story = {
  name: 'Already sent (an earlier request, pending)',
  args: { endpoint: endpoint('access/earlier-pending', 'sent') },
  parameters: {
    docs: {
      description: {
        story:
          'The latest request about the same resource waits for the access manager: the button says it is sent, and asks nothing anew.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'accessButtonAnswered');
  },
};

export const CreatedPortalStays: Story = {
  name: 'Created (navigation cancelled)',
  args: { endpoint: endpoint('access/altinn3-draft', 'cancelled') },
  parameters: {
    docs: {
      description: {
        story: 'The page called `preventDefault()` on `altinn-request-created`: the page stays.',
      },
    },
  },
  render: (args) =>
    html`<request-access-button
      endpoint=${args.endpoint}
      resource=${args.resource || nothing}
      org=${args.org || nothing}
      @altinn-request-created=${(event: Event) => {
        event.preventDefault();
        args.onAltinnRequestCreated?.(event);
      }}
    ></request-access-button>`,
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'accessButtonCreated');
  },
};

export const CreatedAlreadySent: Story = {
  name: 'Created (already sent)',
  args: { ...ALTINN2, endpoint: endpoint('access/altinn2-unopened', 'button') },
  parameters: {
    docs: {
      description: {
        story:
          'The backend answers with a request that no longer waits for the user (Altinn 2 `Unopened`: sent to the access manager): nothing to do in Altinn.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await expectMessage(element, 'message', 'accessButtonAnswered');
  },
};

export const ErrorNetwork = failure(
  'access/network',
  'errorNetwork',
  'The backend cannot be reached (`network`).',
);

export const ErrorTimeout: Story = {
  ...failure(
    'access/no-answer',
    'errorTimeout',
    'The backend does not answer in time (`timeout`). In its own canvas this story sets the time-out to 1.5 s; on the docs page, where the other stories would feel it too, the default of 15 s applies.',
  ),
  beforeEach: withTimeout(1500),
};

export const ErrorInvalidResponse = failure(
  'access/invalid-json',
  'errorInvalidResponse',
  'The backend answers something that is not JSON (`invalid-response`).',
);

export const ErrorServer = failure(
  'access/server-error',
  'errorServer',
  'The backend answers 500 (`http-5xx`).',
);

export const ErrorBadRequest = failure(
  'access/bad-request',
  'errorRefused',
  'The backend refuses the request with 400 (`http-4xx`).',
);

export const ErrorUnauthorized = failure(
  'access/unauthorized',
  'errorUnauthorized',
  "The user's session has ended: 401 (`http-4xx`).",
);

export const ErrorForbidden = failure(
  'access/forbidden',
  'errorUnauthorized',
  'The user may not ask for access here: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'access/not-found',
  'errorNotFound',
  'The backend answers 404, e.g. an unknown resource (`http-4xx`).',
);

export const ErrorConflict = failure(
  'access/conflict',
  'errorRefused',
  'The Idempotency-Key was used for another request: 409 (`http-4xx`).',
);

export const ErrorTooManyRequests = failure(
  'access/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 with `Retry-After` (`http-4xx`).',
);

export const ErrorUntrustedRedirect = failure(
  'access/untrusted-redirect',
  'errorUntrustedRedirect',
  "Altinn's page would be opened over plain `http:`: not on the allow-list, nothing is opened (`untrusted-redirect`).",
);

export const ErrorNothingNamed: Story = {
  name: 'Error: invalid input (nothing asked for)',
  ...invalidInput(
    'nothing',
    { resource: '' },
    'None of `resource`, `package` or an Altinn 2 service is set (`invalid-input`).',
  ),
};

export const ErrorTwoNamed: Story = {
  name: 'Error: invalid input (resource and package)',
  ...invalidInput(
    'two',
    { package: 'urn:altinn:accesspackage:regnskapsforer-lonn' },
    'Both `resource` and `package` are set; exactly one is allowed (`invalid-input`).',
  ),
};

export const ErrorInvalidOrg: Story = {
  name: 'Error: invalid input (organisation number)',
  ...invalidInput(
    'org',
    { org: '991825828' },
    '`org` fails its mod-11 check digit (`invalid-input`).',
  ),
};

const retryEndpoint = endpoint('access/unavailable-then-altinn2-created', 'retry');

export const RetryAfterError: Story = {
  name: 'Retry after an error',
  args: { ...ALTINN2, endpoint: retryEndpoint },
  beforeEach: freshEndpoint(retryEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          'The first call fails with 503; "Prøv igjen" sends the same `Idempotency-Key` again, and this time the user is sent to Altinn.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectMessage(element, 'error', 'errorServer');
    await clickPart(element);
    await expectState(element, 'navigating');
    const keys = requestsTo(retryEndpoint).map((request) => request.headers.get('Idempotency-Key'));
    await expect(keys).toHaveLength(2);
    await expect(keys[0]).toBeTruthy();
    await expect(keys[1]).toBe(keys[0]);
  },
};

export const Disabled: Story = {
  args: { endpoint: endpoint('access/never-called', 'disabled'), disabled: true },
  play: async ({ canvasElement }) => {
    await expect(part(button(canvasElement), 'button')).toBeDisabled();
  },
};

export const Bokmal: Story = {
  name: 'Bokmål',
  args: { lang: 'nb', endpoint: endpoint('access/altinn3-draft', 'nb') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'accessButtonLabel');
  },
};

export const Nynorsk: Story = {
  args: { lang: 'nn', endpoint: endpoint('access/altinn3-draft', 'nn') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'accessButtonLabel');
  },
};

export const English: Story = {
  args: { lang: 'en', endpoint: endpoint('access/altinn3-draft', 'en') },
  play: async ({ canvasElement }) => {
    await expectMessage(button(canvasElement), 'button', 'accessButtonLabel');
  },
};

export const EnglishOpened: Story = {
  name: 'English, opened in a new tab',
  args: { lang: 'en', endpoint: endpoint('access/altinn3-draft', 'en-opened') },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectMessage(element, 'message', 'openedInNewWindow');
  },
};

export const LabelInSlot: Story = {
  name: 'Label through the slot',
  args: {
    endpoint: endpoint('access/altinn3-draft', 'label'),
    default: 'Be om tilgang til arbeidsavtaler',
  },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement).textContent).toBe('Be om tilgang til arbeidsavtaler');
  },
};

export const Themed: Story = {
  name: 'Themed (Designsystemet tokens)',
  args: { endpoint: endpoint('access/altinn3-draft', 'themed') },
  parameters: {
    docs: {
      description: {
        story:
          'The page sets Designsystemet `--ds-*` tokens on a wrapper; the button, the link and the texts follow them.',
      },
    },
  },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <request-access-button
        endpoint=${args.endpoint}
        resource=${args.resource || nothing}
        org=${args.org || nothing}
      ></request-access-button>
    </div>`,
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await expect(getComputedStyle(part(element, 'button')).backgroundColor).toBe(
      'rgb(27, 107, 74)',
    );
    await clickPart(element);
    await expectState(element, 'opened');
    await expect(getComputedStyle(part(element, 'link')).color).toBe('rgb(23, 96, 63)');
  },
};
