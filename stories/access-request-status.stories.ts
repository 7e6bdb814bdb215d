import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect } from 'storybook/test';
import '../src/elements/access-request-status/access-request-status.js';
import type { AccessRequestStatus } from '../src/elements/access-request-status/access-request-status.js';
import type { MessageKey } from '../src/i18n/index.js';
import { ACCESS_REQUEST_ID, DELEGATION_REQUEST_ID } from '../test/support/fixtures.js';
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
interface AccessStatusArgs {
  endpoint: string;
  lang?: string;
  'request-id'?: string;
  /** Without an id: the resource whose latest access request the backend's list gives. */
  resource?: string;
  /** Read-only: the status the element reflects once the backend said it. */
  status?: string;
  'poll-interval'?: number;
  'max-poll-interval'?: number;
  /** Text for the `accepted` slot. */
  accepted?: string;
  /** Text for the `pending` slot. */
  pending?: string;
  onAltinnStatusChange?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<AccessStatusArgs>;

const TAG = 'access-request-status';

const statusElement = (canvasElement: HTMLElement): AccessRequestStatus =>
  elementIn<AccessRequestStatus>(canvasElement, TAG);

const meta: Meta<AccessStatusArgs> = {
  title: 'Elements/access-request-status',
  component: TAG,
  tags: ['autodocs'],
  args: {
    endpoint: endpoint('access/altinn3-pending', 'status'),
    'request-id': ACCESS_REQUEST_ID,
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    // Read-only: the element reflects what the backend said.
    status: { control: false },
    'poll-interval': { control: 'number' },
    'max-poll-interval': { control: 'number' },
  },
  parameters: {
    docs: {
      // Under the title; the description is the element's own, from custom-elements.json.
      subtitle:
        "Every story asks a fake backend inside Storybook (its endpoint names the scenario) about the access request in request-id; on a real page the id usually comes from Altinn 2's DelegationRequestId return parameter, or from the button on the same page. The backend maps Altinn's answers into the request view; each story is named after the Altinn 2 or Altinn 3 status the backend mapped. While a request waits (created, pending) the element polls.",
    },
  },
  render: (args) =>
    html`<access-request-status
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      request-id=${args['request-id'] || nothing}
      resource=${args.resource || nothing}
      poll-interval=${args['poll-interval'] ?? nothing}
      max-poll-interval=${args['max-poll-interval'] ?? nothing}
      @altinn-status-change=${args.onAltinnStatusChange}
      @altinn-request-error=${args.onAltinnRequestError}
      >${args.accepted ? html`<span slot="accepted">${args.accepted}</span>` : nothing}${
        args.pending ? html`<span slot="pending">${args.pending}</span>` : nothing
      }</access-request-status
    >`,
};

export default meta;

/** Whether the element says that the status updates by itself (while it polls). */
const hintShown = (element: Element): boolean =>
  Boolean(element.shadowRoot?.querySelector('[part~="hint"]'));

/** A story that shows the status an Altinn 2 or Altinn 3 answer maps to. */
function shows(
  api: 'Altinn 2' | 'Altinn 3' | 'view',
  scenario: ScenarioName,
  status: string,
  key: MessageKey,
  description: string,
  variant = 'status',
): Story {
  const requestId = api === 'Altinn 2' ? DELEGATION_REQUEST_ID : ACCESS_REQUEST_ID;
  return {
    args: { endpoint: endpoint(scenario, variant), 'request-id': requestId },
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement }) => {
      const element = statusElement(canvasElement);
      await expectStatus(element, status);
      await expectMessage(element, 'text', key);
      // It follows the request only while someone still has to act.
      await expect(hintShown(element)).toBe(status === 'created' || status === 'pending');
    },
  };
}

/** A story whose fetch fails, showing the error and the retry button. */
function failure(scenario: ScenarioName, key: MessageKey, description: string): Story {
  return {
    args: { endpoint: endpoint(scenario, 'status') },
    parameters: { docs: { description: { story: description } } },
    play: statusFailurePlay('access-request-status', key),
  };
}

export const NoRequest: Story = {
  name: 'None (no request id)',
  args: { endpoint: endpoint('access/never-called', 'none'), 'request-id': '' },
  parameters: {
    docs: {
      description: {
        story:
          'No `request-id`, no return parameter, nothing kept by a button and no button on the page: the element shows nothing and calls nothing.',
      },
    },
  },
  play: noRequestPlay('access-request-status'),
};

export const Loading: Story = {
  args: { endpoint: endpoint('access/slow-pending', 'loading') },
  parameters: {
    docs: {
      description: {
        story:
          'While the status is first fetched (this backend takes 8 s): a spinner, words, and `aria-busy`.',
      },
    },
  },
  play: loadingPlay('access-request-status'),
};

export const Altinn3Draft: Story = {
  name: 'Altinn 3: Draft (created)',
  ...shows(
    'Altinn 3',
    'access/altinn3-draft',
    'created',
    'accessCreated',
    'Altinn 3 `Draft`: the user has not sent the request yet; "Fortsett i Altinn" opens a new tab.',
  ),
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    const messages = messagesOf(element);
    await expect(partText(element, 'link')).toBe(
      `${messages.continueInAltinn} ${messages.opensInNewWindow}`,
    );
    await expect(part(element, 'link').getAttribute('target')).toBe('_blank');
  },
};

export const Altinn3Pending: Story = {
  name: 'Altinn 3: Pending',
  ...shows(
    'Altinn 3',
    'access/altinn3-pending',
    'pending',
    'accessPending',
    "Altinn 3 `Pending`: sent, waiting for the organisation's access manager.",
  ),
};

export const Altinn3Approved: Story = {
  name: 'Altinn 3: Approved (accepted)',
  ...shows(
    'Altinn 3',
    'access/altinn3-approved',
    'accepted',
    'accessAccepted',
    'Altinn 3 `Approved`.',
  ),
};

export const Altinn3Rejected: Story = {
  name: 'Altinn 3: Rejected',
  ...shows(
    'Altinn 3',
    'access/altinn3-rejected',
    'rejected',
    'accessRejected',
    'Altinn 3 `Rejected`.',
  ),
};

export const Altinn3Withdrawn: Story = {
  name: 'Altinn 3: Withdrawn',
  ...shows(
    'Altinn 3',
    'access/altinn3-withdrawn',
    'withdrawn',
    'accessWithdrawn',
    'Altinn 3 `Withdrawn`: cancelled by the asker.',
  ),
};

export const Altinn3None: Story = {
  name: 'Altinn 3: None (unknown)',
  ...shows(
    'Altinn 3',
    'access/altinn3-none',
    'unknown',
    'accessUnknown',
    'Altinn 3 `None`: shown neutrally, never as granted.',
  ),
};

export const Altinn2Created: Story = {
  name: 'Altinn 2: Created',
  ...shows(
    'Altinn 2',
    'access/altinn2-created',
    'created',
    'accessCreated',
    'Altinn 2 `Created`: the user has not sent the request yet; "Fortsett i Altinn" continues in this tab.',
  ),
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await expectMessage(element, 'link', 'continueInAltinn');
    await expect(part(element, 'link').hasAttribute('target')).toBe(false);
  },
};

export const Altinn2Unopened: Story = {
  name: 'Altinn 2: Unopened (pending)',
  ...shows(
    'Altinn 2',
    'access/altinn2-unopened',
    'pending',
    'accessPending',
    'Altinn 2 `Unopened`: sent, not yet opened by the access manager.',
  ),
};

export const Altinn2Opened: Story = {
  name: 'Altinn 2: Opened (pending)',
  ...shows(
    'Altinn 2',
    'access/altinn2-opened',
    'pending',
    'accessPending',
    'Altinn 2 `Opened`: the access manager has seen it.',
  ),
};

export const Altinn2Approved: Story = {
  name: 'Altinn 2: Approved (accepted)',
  ...shows(
    'Altinn 2',
    'access/altinn2-approved',
    'accepted',
    'accessAccepted',
    'Altinn 2 `Approved`.',
  ),
};

export const Altinn2Accepted: Story = {
  name: 'Altinn 2: Accepted',
  ...shows(
    'Altinn 2',
    'access/altinn2-accepted',
    'accepted',
    'accessAccepted',
    'Altinn 2 `Accepted`.',
  ),
};

export const Altinn2Rejected: Story = {
  name: 'Altinn 2: Rejected',
  ...shows(
    'Altinn 2',
    'access/altinn2-rejected',
    'rejected',
    'accessRejected',
    'Altinn 2 `Rejected`.',
  ),
};

export const Altinn2Deleted: Story = {
  name: 'Altinn 2: Deleted (withdrawn)',
  ...shows(
    'Altinn 2',
    'access/altinn2-deleted',
    'withdrawn',
    'accessWithdrawn',
    'Altinn 2 `Deleted`.',
  ),
};

export const Altinn2None: Story = {
  name: 'Altinn 2: None (unknown)',
  ...shows(
    'Altinn 2',
    'access/altinn2-none',
    'unknown',
    'accessUnknown',
    'A status outside the vocabulary: shown neutrally, never as granted.',
  ),
};

export const Revoked: Story = {
  name: 'Revoked (normalised view)',
  ...shows(
    'view',
    'access/revoked-view',
    'revoked',
    'accessRevoked',
    'A backend that answers the normalised view with `revoked`.',
  ),
};

export const Expired: Story = {
  name: 'Expired (normalised view)',
  ...shows(
    'view',
    'access/expired-view',
    'expired',
    'accessExpired',
    'A backend that answers the normalised view with `expired`.',
  ),
};

export const EarlierRequest: Story = {
  name: 'You asked on … (earlier request, from the list)',
  args: {
    endpoint: endpoint('access/earlier-pending', 'earlier'),
    'request-id': '',
    resource: 'nav_tiltak_arbeidsavtale',
  },
  parameters: {
    docs: {
      description: {
        story:
          "No id on the page (a reload, another device, next week): the element asks the backend's list for the person's latest request about its `resource`, and says when it was made.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'pending');
    await expectMessage(element, 'text', 'accessPending');
    await expect(partText(element, 'asked')).toMatch(/1\. desember 2026/);
  },
};

export const EarlierGranted: Story = {
  name: 'Already granted (earlier request, from the list)',
  args: {
    endpoint: endpoint('access/earlier-approved', 'earlier-granted'),
    'request-id': '',
    resource: 'nav_tiltak_arbeidsavtale',
  },
  parameters: {
    docs: {
      description: {
        story:
          'The person asked earlier and was granted access: the list says so, and the element shows it without any id on the page.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'accepted');
    await expectMessage(element, 'text', 'accessAccepted');
  },
};

const progressEndpoint = endpoint('access/progress', 'polling');

export const Polling: Story = {
  name: 'Polling: created → pending → accepted',
  args: { endpoint: progressEndpoint, 'poll-interval': 400, 'max-poll-interval': 800 },
  beforeEach: freshEndpoint(progressEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          'The element asks again while the request waits (every 0.4 s here, 3 s by default, less often as time goes by) and stops at a final status.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await expectStatus(element, 'pending');
    await expectStatus(element, 'accepted');
    await expect(element.polling).toBe(false);
    await expect(hintShown(element)).toBe(false);
  },
};

export const ErrorNetwork = failure(
  'access/network',
  'errorNetwork',
  'The backend cannot be reached (`network`); the element keeps trying, and offers to.',
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

export const ErrorNotARequest = failure(
  'access/not-a-request',
  'errorInvalidResponse',
  'The backend answers JSON that is not an access request (`invalid-response`).',
);

export const ErrorServer = failure(
  'access/server-error',
  'errorServer',
  'The backend answers 500 (`http-5xx`).',
);

export const ErrorBadRequest = failure(
  'access/bad-request',
  'errorRefused',
  'The backend answers 400 (`http-4xx`).',
);

export const ErrorUnauthorized = failure(
  'access/unauthorized',
  'errorUnauthorized',
  'The session has ended: 401 (`http-4xx`).',
);

export const ErrorForbidden = failure(
  'access/forbidden',
  'errorUnauthorized',
  'The user may not see this request: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'access/not-found',
  'errorNotFound',
  'The backend does not know the request: 404 (`http-4xx`); polling stops, the retry stays.',
);

export const ErrorTooManyRequests = failure(
  'access/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 (`http-4xx`).',
);

const retryEndpoint = endpoint('access/unavailable-then-approved', 'retry');

export const RetryAfterError: Story = {
  name: 'Retry after an error',
  // Long enough that the retry button, not the next poll, fetches again.
  args: { endpoint: retryEndpoint, 'poll-interval': 60_000 },
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
  ...shows('Altinn 3', 'access/altinn3-pending', 'pending', 'accessPending', 'Bokmål.', 'nb'),
  args: { lang: 'nb', endpoint: endpoint('access/altinn3-pending', 'nb') },
};

export const Nynorsk: Story = {
  ...shows('Altinn 3', 'access/altinn3-pending', 'pending', 'accessPending', 'Nynorsk.', 'nn'),
  args: { lang: 'nn', endpoint: endpoint('access/altinn3-pending', 'nn') },
};

export const English: Story = {
  ...shows('Altinn 3', 'access/altinn3-pending', 'pending', 'accessPending', 'English.', 'en'),
  args: { lang: 'en', endpoint: endpoint('access/altinn3-pending', 'en') },
};

export const EnglishError: Story = {
  name: 'English, error',
  ...failure('access/server-error', 'errorServer', 'An error, in English.'),
  args: { lang: 'en', endpoint: endpoint('access/server-error', 'en') },
};

export const TextInSlot: Story = {
  name: 'Text through a named slot',
  args: {
    endpoint: endpoint('access/altinn3-pending', 'slot'),
    pending: 'Daglig leder i RISKABEL HUMORISTISK TIGER AS har fått forespørselen.',
  },
  parameters: {
    docs: {
      description: { story: 'The `pending` slot replaces the default text of that status.' },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'pending');
    const slot = part(element, 'text').querySelector('slot');
    await expect(slot?.assignedNodes()[0]?.textContent).toBe(
      'Daglig leder i RISKABEL HUMORISTISK TIGER AS har fått forespørselen.',
    );
  },
};

export const Themed: Story = {
  name: 'Themed (Designsystemet tokens)',
  args: { endpoint: endpoint('access/altinn3-draft', 'themed') },
  parameters: {
    docs: {
      description: {
        story: 'The page sets Designsystemet `--ds-*` tokens on a wrapper; the box follows them.',
      },
    },
  },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <access-request-status
        endpoint=${args.endpoint}
        request-id=${args['request-id'] || nothing}
      ></access-request-status>
    </div>`,
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    const box = part(element, 'base').firstElementChild as HTMLElement;
    await expect(getComputedStyle(box).borderTopLeftRadius).toBe('12px');
    await expect(getComputedStyle(part(element, 'hint')).color).toBe('rgb(69, 80, 76)');
  },
};
