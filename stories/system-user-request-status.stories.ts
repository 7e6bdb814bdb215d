import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/elements/system-user-request-status/system-user-request-status.js';
import type { SystemUserRequestStatus } from '../src/elements/system-user-request-status/system-user-request-status.js';
import type { MessageKey } from '../src/i18n/index.js';
import { SYSTEM_USER_STATUS_TEXTS, type SystemUserStatusTexts } from '../src/i18n/system-user.js';
import { SYSTEM_USER_REQUEST_ID } from '../test/support/fixtures.js';
import { endpoint, requestsTo, type ScenarioName } from './support/fake-backend.js';
import {
  clickPart,
  elementIn,
  expectMessage,
  expectStatus,
  freshEndpoint,
  langOf,
  loadingPlay,
  part,
  partText,
  statusFailurePlay,
  withTimeout,
} from './support/play.js';

/** The story's args: the element's attributes by their names, events. */
interface SystemUserStatusArgs {
  endpoint: string;
  lang?: 'nb' | 'nn' | 'en';
  'request-id'?: string;
  /** Without an id: the integration whose latest system-user request the backend's list gives. */
  integration?: string;
  'poll-interval'?: number;
  'max-poll-interval'?: number;
  onAltinnStatusChange?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<SystemUserStatusArgs>;

const TAG = 'system-user-request-status';

const statusElement = (canvasElement: HTMLElement): SystemUserRequestStatus =>
  elementIn<SystemUserRequestStatus>(canvasElement, TAG);

const meta: Meta<SystemUserStatusArgs> = {
  title: 'Elements/system-user-request-status',
  component: TAG,
  tags: ['autodocs'],
  args: {
    endpoint: endpoint('system-user/created', 'status'),
    'request-id': SYSTEM_USER_REQUEST_ID,
    integration: 'regnskap',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    'poll-interval': { control: 'number' },
    'max-poll-interval': { control: 'number' },
  },
  parameters: {
    docs: {
      subtitle:
        "Every story asks a fake backend inside Storybook (its endpoint names the scenario) about the system-user request in request-id; on a real page the id usually comes from the systemUserRequestId return parameter, or from the button on the same page. The backend maps Altinn's answers into the request view. While the request waits for approval (created) the element polls.",
    },
  },
  render: (args) =>
    html`<system-user-request-status
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      request-id=${args['request-id'] || nothing}
      integration=${args.integration || nothing}
      poll-interval=${args['poll-interval'] ?? nothing}
      max-poll-interval=${args['max-poll-interval'] ?? nothing}
      @altinn-status-change=${args.onAltinnStatusChange}
      @altinn-request-error=${args.onAltinnRequestError}
    ></system-user-request-status>`,
};

export default meta;

/** Waits until the part `name` says the element's own text `key`, in the element's language. */
async function says(
  element: Element,
  name: string,
  key: keyof SystemUserStatusTexts,
): Promise<void> {
  await waitFor(
    () => expect(partText(element, name)).toBe(SYSTEM_USER_STATUS_TEXTS[langOf(element)][key]),
    { timeout: 6000 },
  );
}

/** A story that shows one status, as the backend answers it, in `lang`. */
function shows(
  status: string,
  key: keyof SystemUserStatusTexts,
  description: string,
  lang: 'nb' | 'nn' | 'en' = 'nb',
  variant = `status-${lang}`,
): Story {
  return {
    args: {
      endpoint: endpoint(`system-user/${status}` as ScenarioName, variant),
      lang,
    },
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement }) => {
      const element = statusElement(canvasElement);
      await expectStatus(element, status);
      await says(element, 'text', key);
    },
  };
}

/** A story whose fetch fails, showing the error and the retry button where trying again helps. */
function failure(scenario: ScenarioName, key: MessageKey, description: string): Story {
  return {
    args: { endpoint: endpoint(scenario, 'status') },
    parameters: { docs: { description: { story: description } } },
    play: statusFailurePlay(TAG, key),
  };
}

const noneEndpoint = endpoint('system-user/earlier-none', 'none');

export const NoRequest: Story = {
  name: 'None (no request found)',
  args: { endpoint: noneEndpoint, 'request-id': '' },
  beforeEach: freshEndpoint(noneEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          "No `request-id`, no `systemUserRequestId` in the URL, nothing kept by a button: the element asks the backend's list for the person's latest request for its `integration`, finds none, and shows nothing.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await waitFor(() => expect(requestsTo(noneEndpoint).length).toBeGreaterThan(0));
    await element.updateComplete;
    await waitFor(() => expect(part(element, 'base').childElementCount).toBe(0));
    await expect(element.hasAttribute('status')).toBe(false);
  },
};

export const Loading: Story = {
  args: { endpoint: endpoint('system-user/slow', 'loading') },
  parameters: {
    docs: {
      description: {
        story:
          'While the status is first fetched (this backend takes 8 s): a spinner, words, and `aria-busy`.',
      },
    },
  },
  play: loadingPlay(TAG),
};

export const WaitsForApproval: Story = {
  ...shows(
    'created',
    'created',
    "The request waits for the organisation's access manager (tilgangsstyrer) to approve it in Altinn (Altinn `New`); the element follows it, and offers the way to Altinn's approval page.",
  ),
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await says(element, 'text', 'created');
    await expectMessage(element, 'link', 'continueInAltinn');
    await expectMessage(element, 'hint', 'statusUpdatesAutomatically');
  },
};

export const Escalated = shows(
  'created',
  'created',
  "Someone in the organisation who may not approve it forwarded the request to the access manager (escalated). Altinn does not tell the vendor, so the request is still `created`, and the text says what is true either way: it waits for the organisation's access manager.",
  'nb',
  'escalated',
);

export const WaitsForApprovalNynorsk = shows('created', 'created', 'The same, in nynorsk.', 'nn');
export const WaitsForApprovalEnglish = shows('created', 'created', 'The same, in English.', 'en');
export const Accepted = shows(
  'accepted',
  'accepted',
  'The access manager approved the system user.',
);
export const Rejected = shows(
  'rejected',
  'rejected',
  'The access manager declined the request (Altinn `Rejected` or `Denied`).',
);
export const Expired = shows(
  'expired',
  'expired',
  'Nobody answered within 180 days: Altinn timed the request out (`timedOut`).',
);
export const Withdrawn = shows('withdrawn', 'withdrawn', 'The vendor withdrew the request.');
export const Revoked = shows(
  'revoked',
  'revoked',
  'Altinn says Accepted, but holds no such system user (deleted since): never shown as approved.',
);
export const Unknown = shows('unknown', 'unknown', 'A status this library does not know.');

export const UntrustedLink: Story = {
  name: 'Waits, with a link off the allow-list',
  args: { endpoint: endpoint('system-user/untrusted-redirect', 'status') },
  parameters: {
    docs: {
      description: {
        story:
          "The backend's approval URL is not on the Altinn allow-list (a look-alike host): the status is shown, the link is not.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await says(element, 'text', 'created');
    await expect(element.shadowRoot?.querySelector('[part~="link"]')).toBeNull();
  },
};

export const EarlierRequest: Story = {
  name: 'You asked on … (earlier request, from the list)',
  args: { endpoint: endpoint('system-user/earlier-created', 'earlier'), 'request-id': '' },
  parameters: {
    docs: {
      description: {
        story:
          "No id on the page (a reload, another device, next week): the element asks the backend's list for the person's latest request for its `integration`, and says when it was made.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await says(element, 'text', 'created');
    await expect(partText(element, 'asked')).toMatch(/1\. desember 2026/);
  },
};

const progressEndpoint = endpoint('system-user/progress', 'polling');

export const Polling: Story = {
  name: 'Polling: created → accepted',
  args: { endpoint: progressEndpoint, 'poll-interval': 400, 'max-poll-interval': 800 },
  beforeEach: freshEndpoint(progressEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          'The element asks again while the request waits (every 0.4 s here, 3 s by default, less often as time goes by) and stops once the access manager has answered.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = statusElement(canvasElement);
    await expectStatus(element, 'created');
    await expectStatus(element, 'accepted');
    await expect(element.polling).toBe(false);
  },
};

export const ErrorNetwork = failure(
  'system-user/network',
  'errorNetwork',
  'The backend cannot be reached (`network`); the element keeps trying, and offers to.',
);

export const ErrorTimeout: Story = {
  ...failure(
    'system-user/no-answer',
    'errorTimeout',
    'The backend does not answer in time (`timeout`). In its own canvas this story sets the time-out to 1.5 s; on the docs page, where the other stories would feel it too, the default of 15 s applies.',
  ),
  beforeEach: withTimeout(1500),
};

export const ErrorInvalidResponse = failure(
  'system-user/invalid-json',
  'errorInvalidResponse',
  'The backend answers something that is not JSON (`invalid-response`).',
);

export const ErrorNotARequest = failure(
  'system-user/not-a-request',
  'errorInvalidResponse',
  'The backend answers JSON that is not a system-user request (`invalid-response`).',
);

export const ErrorServer = failure(
  'system-user/server-error',
  'errorServer',
  'The backend answers 500 (`http-5xx`).',
);

export const ErrorUnauthorized = failure(
  'system-user/unauthorized',
  'errorUnauthorized',
  'The session has ended: 401 (`http-4xx`); no retry, as trying again would not help.',
);

export const ErrorForbidden = failure(
  'system-user/forbidden',
  'errorUnauthorized',
  'The user may not see this request: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'system-user/not-found',
  'errorNotFound',
  'The backend does not know the request: 404 (`http-4xx`); polling stops, and there is no retry.',
);

export const ErrorTooManyRequests = failure(
  'system-user/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 (`http-4xx`).',
);

const retryEndpoint = endpoint('system-user/unavailable-then-accepted', 'retry');

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

export const EnglishError: Story = {
  name: 'English, error',
  ...failure('system-user/server-error', 'errorServer', 'An error, in English.'),
  args: { lang: 'en', endpoint: endpoint('system-user/server-error', 'en') },
};
