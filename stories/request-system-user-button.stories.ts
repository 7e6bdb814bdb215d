import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/elements/request-system-user-button/request-system-user-button.js';
import type { RequestSystemUserButton } from '../src/elements/request-system-user-button/request-system-user-button.js';
import type { MessageKey } from '../src/i18n/index.js';
import { SYSTEM_USER_BUTTON_TEXTS, type SystemUserButtonTexts } from '../src/i18n/system-user.js';
import { endpoint, requestsTo, type ScenarioName } from './support/fake-backend.js';
import {
  buttonFailurePlay,
  clickPart,
  elementIn,
  expectMessage,
  expectState,
  freshEndpoint,
  langOf,
  part,
  partText,
  withTimeout,
} from './support/play.js';
import { DESIGNSYSTEMET_THEME } from './support/theme.js';

/** The story's args: the element's attributes by their names, the label (default slot), events. */
interface SystemUserButtonArgs {
  endpoint: string;
  lang?: 'nb' | 'nn' | 'en';
  integration?: string;
  'return-url'?: string;
  disabled?: boolean;
  'always-new'?: boolean;
  /** The label (the default slot). */
  default?: string;
  onAltinnRequestCreated?: (event: Event) => void;
  onAltinnRequestError?: (event: Event) => void;
}

type Story = StoryObj<SystemUserButtonArgs>;

const TAG = 'request-system-user-button';

const button = (canvasElement: HTMLElement): RequestSystemUserButton =>
  elementIn<RequestSystemUserButton>(canvasElement, TAG);

const meta: Meta<SystemUserButtonArgs> = {
  title: 'Elements/request-system-user-button',
  component: TAG,
  tags: ['autodocs'],
  args: { endpoint: endpoint('system-user/created', 'idle'), integration: 'regnskap' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    disabled: { control: 'boolean' },
    'always-new': { control: 'boolean' },
  },
  parameters: {
    docs: {
      subtitle:
        "Every story talks to a fake backend inside Storybook (its endpoint names the scenario). A click creates the request and sends the user to Altinn, where the organisation's access manager (tilgangsstyrer) approves it; in Storybook the navigation is logged in the Actions panel instead.",
    },
  },
  render: (args) =>
    html`<request-system-user-button
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      integration=${args.integration || nothing}
      return-url=${args['return-url'] || nothing}
      ?disabled=${args.disabled}
      ?always-new=${args['always-new']}
      @altinn-request-created=${args.onAltinnRequestCreated}
      @altinn-request-error=${args.onAltinnRequestError}
      >${args.default ?? nothing}</request-system-user-button
    >`,
};

export default meta;

/** Waits until the part `name` says the button's own text `key`, in the element's language. */
async function says(
  element: Element,
  name: string,
  key: keyof SystemUserButtonTexts,
): Promise<void> {
  await waitFor(
    () => expect(partText(element, name)).toBe(SYSTEM_USER_BUTTON_TEXTS[langOf(element)][key]),
    { timeout: 6000 },
  );
}

/** A story that clicks the button and waits for an error the user can read. */
function failure(scenario: ScenarioName, key: MessageKey, description: string): Story {
  return {
    args: { endpoint: endpoint(scenario, 'button') },
    parameters: { docs: { description: { story: description } } },
    play: buttonFailurePlay(TAG, key, (lang) => SYSTEM_USER_BUTTON_TEXTS[lang].label),
  };
}

/** A story in `lang`: the label in that language. */
function inLanguage(lang: 'nb' | 'nn' | 'en'): Story {
  return {
    args: { lang, endpoint: endpoint('system-user/created', lang) },
    play: async ({ canvasElement }) => says(button(canvasElement), 'button', 'label'),
  };
}

export const Idle: Story = {
  parameters: { docs: { description: { story: 'The default label, "Be om systembruker".' } } },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await says(element, 'button', 'label');
    await expect(element.matches(':state(busy)')).toBe(false);
  },
};

export const Busy: Story = {
  args: { endpoint: endpoint('system-user/slow', 'busy') },
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
    await says(element, 'message', 'busy');
  },
};

export const Navigating: Story = {
  args: { endpoint: endpoint('system-user/created', 'navigating') },
  parameters: {
    docs: {
      description: {
        story:
          "The backend created the request: the browser is on its way to Altinn's approval page (logged as `navigate`). Altinn logs the user out after the answer and sends them to `return-url`, with `systemUserRequestId` added by the element.",
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'navigating');
    await expectMessage(element, 'message', 'navigatingToAltinn');
    const [created] = requestsTo(args.endpoint);
    await expect(created?.headers.get('Idempotency-Key')).toBe(element.idempotencyKey);
  },
};

export const CreatedPortalStays: Story = {
  name: 'Created (navigation cancelled)',
  args: { endpoint: endpoint('system-user/created', 'cancelled') },
  parameters: {
    docs: {
      description: {
        story: 'The page called `preventDefault()` on `altinn-request-created`: the page stays.',
      },
    },
  },
  render: (args) =>
    html`<request-system-user-button
      endpoint=${args.endpoint}
      integration=${args.integration || nothing}
      @altinn-request-created=${(event: Event) => {
        event.preventDefault();
        args.onAltinnRequestCreated?.(event);
      }}
    ></request-system-user-button>`,
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await says(element, 'message', 'created');
  },
};

export const CreatedNoLongerWaits: Story = {
  name: 'Created (no longer waits for approval)',
  args: { endpoint: endpoint('system-user/rejected', 'button') },
  parameters: {
    docs: {
      description: {
        story:
          'The backend answers with a request that no longer waits for approval (here declined): nothing to do in Altinn, so the page stays.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await says(element, 'message', 'answered');
  },
};

const earlierWaiting = endpoint('system-user/earlier-created', 'continue');

export const ContinueEarlier: Story = {
  name: 'Continue an earlier request (waits for approval)',
  args: { endpoint: earlierWaiting },
  beforeEach: freshEndpoint(earlierWaiting),
  parameters: {
    docs: {
      description: {
        story:
          "Before asking anew, the button asks the backend's list for the person's latest system-user request for the same `integration`: it still waits for approval, so the user goes to Altinn for that one, and no new request is made.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'navigating');
    await expect(requestsTo(earlierWaiting).map((request) => request.method)).toEqual(['GET']);
  },
};

const earlierApproved = endpoint('system-user/earlier-accepted', 'granted');

export const AlreadyApproved: Story = {
  name: 'Already approved (an earlier request)',
  args: { endpoint: earlierApproved },
  beforeEach: freshEndpoint(earlierApproved),
  parameters: {
    docs: {
      description: {
        story:
          'The latest request for the same `integration` was approved: the button says so and asks nothing (`always-new` turns this off).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'created');
    await says(element, 'message', 'granted');
    await expect(requestsTo(earlierApproved).map((request) => request.method)).toEqual(['GET']);
  },
};

const alwaysNewEndpoint = endpoint('system-user/earlier-created', 'always-new');

export const AlwaysNew: Story = {
  name: 'always-new (asks anew)',
  args: { endpoint: alwaysNewEndpoint, 'always-new': true },
  beforeEach: freshEndpoint(alwaysNewEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          "With `always-new` the button does not read the person's earlier requests: every click asks anew.",
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectState(element, 'navigating');
    await expect(requestsTo(alwaysNewEndpoint).map((request) => request.method)).toEqual(['POST']);
  },
};

export const ErrorNetwork = failure(
  'system-user/network',
  'errorNetwork',
  'The backend cannot be reached (`network`); "Prøv igjen" sends the same `Idempotency-Key`.',
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

export const ErrorServer = failure(
  'system-user/server-error',
  'errorServer',
  'The backend answers 500 (`http-5xx`).',
);

export const ErrorBadRequest = failure(
  'system-user/bad-request',
  'errorRefused',
  'The backend refuses the request with 400, e.g. a `return-url` not registered for the system (`http-4xx`): trying again would not help, so the button keeps its label.',
);

export const ErrorUnauthorized = failure(
  'system-user/unauthorized',
  'errorUnauthorized',
  "The user's session has ended: 401 (`http-4xx`).",
);

export const ErrorForbidden = failure(
  'system-user/forbidden',
  'errorUnauthorized',
  'The user may not ask for a system user for this organisation: 403 (`http-4xx`).',
);

export const ErrorNotFound = failure(
  'system-user/not-found',
  'errorNotFound',
  'The backend answers 404, e.g. an unknown `integration` (`http-4xx`).',
);

export const ErrorTooManyRequests = failure(
  'system-user/too-many-requests',
  'errorTooManyRequests',
  'Rate limited: 429 with `Retry-After` (`http-4xx`).',
);

export const ErrorUntrustedRedirect = failure(
  'system-user/untrusted-redirect',
  'errorUntrustedRedirect',
  "The backend's approval URL is not on the Altinn allow-list (a look-alike host): nothing is opened (`untrusted-redirect`).",
);

const retryEndpoint = endpoint('system-user/unavailable-then-created', 'retry');

export const RetryAfterError: Story = {
  name: 'Retry after an error',
  args: { endpoint: retryEndpoint },
  beforeEach: freshEndpoint(retryEndpoint),
  parameters: {
    docs: {
      description: {
        story:
          'The first call fails with 503; "Prøv igjen" sends the same `Idempotency-Key` again (so Altinn makes one request), and this time the user is sent to Altinn.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = button(canvasElement);
    await clickPart(element);
    await expectMessage(element, 'error', 'errorServer');
    await clickPart(element);
    await expectState(element, 'navigating');
    const keys = requestsTo(retryEndpoint)
      .filter((request) => request.method === 'POST')
      .map((request) => request.headers.get('Idempotency-Key'));
    await expect(keys).toHaveLength(2);
    await expect(keys[0]).toBeTruthy();
    await expect(keys[1]).toBe(keys[0]);
  },
};

export const Disabled: Story = {
  args: { endpoint: endpoint('system-user/never-called', 'disabled'), disabled: true },
  play: async ({ canvasElement }) => {
    await expect(part(button(canvasElement), 'button')).toBeDisabled();
  },
};

export const Bokmal: Story = { name: 'Bokmål', ...inLanguage('nb') };

export const Nynorsk = inLanguage('nn');

export const English = inLanguage('en');

export const EnglishError: Story = {
  name: 'English, error',
  ...failure('system-user/server-error', 'errorServer', 'An error, in English.'),
  args: { lang: 'en', endpoint: endpoint('system-user/server-error', 'en') },
};

export const Labelled: Story = {
  args: { default: 'Be om systembruker for Regnskapssystemet' },
  parameters: { docs: { description: { story: "The portal's own label, in the default slot." } } },
  play: async ({ canvasElement }) => {
    await expect(button(canvasElement).textContent).toBe(
      'Be om systembruker for Regnskapssystemet',
    );
  },
};

export const Themed: Story = {
  name: 'Themed (Designsystemet tokens)',
  args: { endpoint: endpoint('system-user/created', 'themed') },
  parameters: {
    docs: {
      description: {
        story:
          'The page sets Designsystemet `--ds-*` tokens on a wrapper; the button and its texts follow them.',
      },
    },
  },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <request-system-user-button
        endpoint=${args.endpoint}
        integration=${args.integration || nothing}
      ></request-system-user-button>
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
