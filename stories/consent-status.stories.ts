import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import '../src/elements/consent-status/consent-status.js';
import type { ConsentStatus } from '../src/elements/consent-status/consent-status.js';
import type { MessageKey } from '../src/i18n/index.js';
import { CONSENT_ID } from '../test/support/fixtures.js';
import { endpoint, type ScenarioName } from './support/fake-backend.js';
import {
  loadingPlay,
  noRequestPlay,
  statusFailurePlay,
  clickPart,
  elementIn,
  expectMessage,
  expectStatus,
  freshEndpoint,
  messagesOf,
  part,
  partText,
  withTimeout,
} from './support/play.js';
import { DESIGNSYSTEMET_THEME } from './support/theme.js';

/** The story's args: the element's attributes by their names, slot texts, events. */
interface ConsentStatusArgs {
  endpoint: string;
  lang?: string;
  'request-id'?: string;
  /** Read-only: the status the element reflects once the backend said it. */
  status?: string;
  /** Text for the `accepted` slot. */
  accepted?: string;
  /** Text for the `rejected` slot. */
  rejected?: string;
  onAltinnStatusChange?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<ConsentStatusArgs>;

const TAG = 'consent-status';

const statusElement = (canvasElement: HTMLElement): ConsentStatus =>
  elementIn<ConsentStatus>(canvasElement, TAG);

const meta: Meta<ConsentStatusArgs> = {
  title: 'Elements/consent-status',
  component: TAG,
  tags: ['autodocs'],
  args: {
    endpoint: endpoint('consent/accepted', 'status'),
    'request-id': CONSENT_ID,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    // Read-only: the element reflects what the backend said.
    status: { control: false },
  },
  parameters: {
    docs: {
      // Under the title; the description is the element's own, from custom-elements.json.
      subtitle:
        "Every story asks a fake backend inside Storybook (its endpoint names the scenario) about the consent request in request-id; on a real page the id usually comes from the consentId parameter Altinn's return adds to the URL. The backend maps Altinn's answers into the request view; each story is named after the Altinn status the backend mapped.",
    },
  },
  render: (args) =>
    html`<consent-status
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      request-id=${args['request-id'] || nothing}
      @altinn-status-change=${args.onAltinnStatusChange}
      @altinn-request-error=${args.onAltinnRequestError}
      >${args.accepted ? html`<span slot="accepted">${args.accepted}</span>` : nothing}${
        args.rejected ? html`<span slot="rejected">${args.rejected}</span>` : nothing
      }</consent-status
    >`,
};

export default meta;

/** A story that shows the status the scenario answers. */
function shows(
  scenario: ScenarioName,
  status: string,
  key: MessageKey | undefined,
  description: string,
  variant = 'status',
): Story {
  return {
    args: { endpoint: endpoint(scenario, variant) },
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement }) => {
      const element = statusElement(canvasElement);
      await expectStatus(element, status);
      if (key) await expectMessage(element, 'text', key);
    },
  };
}

/** A story whose fetch fails, showing the error and the retry button. */
function failure(scenario: ScenarioName, key: MessageKey, description: string): Story {
  return {
    args: { endpoint: endpoint(scenario, 'status') },
    parameters: { docs: { description: { story: description } } },
    play: statusFailurePlay('consent-status', key),
  };
}

export const NoRequest: Story = {
  name: 'None (no request id)',
  args: { endpoint: endpoint('consent/never-called', 'none'), 'request-id': '' },
  parameters: {
    docs: {
      description: {
        story:
          'No `request-id`, no `consentId` in the URL and nothing kept by a button: the element shows nothing and calls nothing.',
      },
    },
  },
  play: noRequestPlay('consent-status'),
};

export const Loading: Story = {
  args: { endpoint: endpoint('consent/slow-accepted', 'loading') },
  parameters: {
    docs: {
      description: {
        story:
          'While the status is first fetched (this backend takes 8 s): a spinner, words, and `aria-busy`.',
      },
    },
  },
  play: loadingPlay('consent-status'),
};

export const Created: Story = {
  ...shows(
    'consent/created',
    'created',
    'consentCreated',
    'Altinn `Created`: the user has not answered yet, and may continue in Altinn.',
  ),
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await expectMessage(element, 'text', 'consentCreated');
    await expectMessage(element, 'link', 'continueInAltinn');
  },
};

export const Pending = shows(
  'consent/pending-view',
  'pending',
  'consentPending',
  'A backend that answers the normalised view with `pending` (Altinn 3 consent itself has no such status).',
);

export const Accepted: Story = {
  ...shows(
    'consent/accepted',
    'accepted',
    undefined,
    'Altinn `Accepted`, with the date the consent is valid until.',
  ),
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'accepted');
    await expect(partText(element, 'text')).toMatch(/2027/);
  },
};

export const Used = shows(
  'consent/used',
  'accepted',
  undefined,
  'Altinn `Accepted` with a `Used` event: still granted.',
);

export const Rejected = shows(
  'consent/rejected',
  'rejected',
  'consentRejected',
  'Altinn `Rejected`: the user said no.',
);

export const Revoked = shows(
  'consent/revoked',
  'revoked',
  'consentRevoked',
  'Altinn `Revoked`: granted, then taken back.',
);

export const Withdrawn = shows(
  'consent/deleted',
  'withdrawn',
  'consentWithdrawn',
  'Altinn `Deleted`: the request was cancelled by the asker.',
);

export const Expired = shows(
  'consent/expired',
  'expired',
  'consentExpired',
  'Altinn `Expired` (an `Expired` event).',
);

export const ExpiredPastValidTo: Story = {
  name: 'Expired (validTo passed)',
  ...shows(
    'consent/past-valid-to',
    'expired',
    'consentExpired',
    'Altinn still says `Accepted`, but `validTo` has passed: expired.',
  ),
};

export const Unknown = shows(
  'consent/unknown-status',
  'unknown',
  'consentUnknown',
  'A status this library does not know: shown neutrally, never as granted.',
);

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
  'The backend answers something that is not JSON (`invalid-response`).',
);

export const ErrorNotARequest = failure(
  'consent/not-a-request',
  'errorInvalidResponse',
  'The backend answers JSON that is not a consent request (`invalid-response`).',
);

export const ErrorServer = failure(
  'consent/server-error',
  'errorServer',
  'The backend answers 500 (`http-5xx`).',
);

export const ErrorBadRequest = failure(
  'consent/bad-request',
  'errorRefused',
  'The backend answers 400 (`http-4xx`).',
);

export const ErrorUnauthorized = failure(
  'consent/unauthorized',
  'errorUnauthorized',
  'The session has ended: 401 (`http-4xx`).',
);

export const ErrorForbidden = failure(
  'consent/forbidden',
  'errorUnauthorized',
  'The user may not see this request: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'consent/not-found',
  'errorNotFound',
  'The backend does not know the request: 404 (`http-4xx`).',
);

export const ErrorTooManyRequests = failure(
  'consent/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 (`http-4xx`).',
);

const retryEndpoint = endpoint('consent/unavailable-then-accepted', 'retry');

export const RetryAfterError: Story = {
  name: 'Retry after an error',
  args: { endpoint: retryEndpoint },
  beforeEach: freshEndpoint(retryEndpoint),
  parameters: {
    docs: {
      description: {
        story: 'The first fetch fails with 503; "Prøv igjen" fetches again, and the status shows.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectMessage(element, 'text', 'errorServer');
    await clickPart(element, 'retry-button');
    await expectStatus(element, 'accepted');
  },
};

export const Bokmal: Story = {
  name: 'Bokmål',
  ...shows('consent/accepted', 'accepted', undefined, 'Accepted, in bokmål.', 'nb'),
  args: { lang: 'nb', endpoint: endpoint('consent/accepted', 'nb') },
};

export const Nynorsk: Story = {
  ...shows('consent/accepted', 'accepted', undefined, 'Accepted, in nynorsk.', 'nn'),
  args: { lang: 'nn', endpoint: endpoint('consent/accepted', 'nn') },
};

export const English: Story = {
  ...shows('consent/accepted', 'accepted', undefined, 'Accepted, in English.', 'en'),
  args: { lang: 'en', endpoint: endpoint('consent/accepted', 'en') },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'accepted');
    await expect(partText(element, 'text')).toBe(
      'You have given consent. It is valid until 31 March 2027.',
    );
  },
};

export const EnglishError: Story = {
  name: 'English, error',
  ...failure('consent/server-error', 'errorServer', 'An error, in English.'),
  args: { lang: 'en', endpoint: endpoint('consent/server-error', 'en') },
};

export const TextInSlot: Story = {
  name: 'Text through a named slot',
  args: {
    endpoint: endpoint('consent/accepted', 'slot'),
    accepted: 'Takk! Vi henter inntektsopplysningene dine fra Skatteetaten.',
  },
  parameters: {
    docs: {
      description: { story: 'The `accepted` slot replaces the default text of that status.' },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'accepted');
    const slot = part(element, 'text').querySelector('slot');
    await expect(slot?.assignedNodes()[0]?.textContent).toBe(
      'Takk! Vi henter inntektsopplysningene dine fra Skatteetaten.',
    );
  },
};

export const Themed: Story = {
  name: 'Themed (Designsystemet tokens)',
  args: { endpoint: endpoint('consent/created', 'themed') },
  parameters: {
    docs: {
      description: {
        story: 'The page sets Designsystemet `--ds-*` tokens on a wrapper; the box follows them.',
      },
    },
  },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <consent-status
        endpoint=${args.endpoint}
        request-id=${args['request-id'] || nothing}
      ></consent-status>
    </div>`,
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    const box = part(element, 'base').firstElementChild as HTMLElement;
    await expect(getComputedStyle(box).borderTopLeftRadius).toBe('12px');
    await expect(partText(element, 'link')).toBe(messagesOf(element).continueInAltinn);
  },
};
