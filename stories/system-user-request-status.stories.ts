import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/elements/system-user-request-status/system-user-request-status.js';
import type { SystemUserRequestStatus } from '../src/elements/system-user-request-status/system-user-request-status.js';
import { SYSTEM_USER_STATUS_TEXTS, type SystemUserStatusTexts } from '../src/i18n/system-user.js';
import { SYSTEM_USER_REQUEST_ID } from '../test/support/fixtures.js';
import { endpoint, type ScenarioName } from './support/fake-backend.js';
import { elementIn, expectStatus, partText } from './support/play.js';

interface SystemUserStatusArgs {
  endpoint: string;
  lang?: 'nb' | 'nn' | 'en';
  'request-id'?: string;
  integration?: string;
  'poll-interval'?: number;
}

type Story = StoryObj<SystemUserStatusArgs>;

const TAG = 'system-user-request-status';

const meta: Meta<SystemUserStatusArgs> = {
  title: 'Elements/system-user-request-status',
  component: TAG,
  tags: ['autodocs'],
  args: { endpoint: endpoint('system-user/created', 'status'), integration: 'regnskap' },
  argTypes: { lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] } },
  parameters: {
    docs: {
      subtitle:
        'Every story talks to a fake backend inside Storybook (its endpoint names the scenario).',
    },
  },
  render: (args) =>
    html`<system-user-request-status
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      request-id=${args['request-id'] || nothing}
      integration=${args.integration || nothing}
      poll-interval=${args['poll-interval'] ?? nothing}
    ></system-user-request-status>`,
};

export default meta;

/** A story that shows one status, as the backend answers it, in `lang`. */
function shows(
  status: string,
  key: keyof SystemUserStatusTexts,
  description: string,
  lang: 'nb' | 'nn' | 'en' = 'nb',
): Story {
  return {
    args: {
      endpoint: endpoint(`system-user/${status}` as ScenarioName, `status-${lang}`),
      'request-id': SYSTEM_USER_REQUEST_ID,
      lang,
    },
    parameters: { docs: { description: { story: description } } },
    play: async ({ canvasElement }) => {
      const element = elementIn<SystemUserRequestStatus>(canvasElement, TAG);
      await expectStatus(element, status);
      await waitFor(() =>
        expect(partText(element, 'text')).toBe(SYSTEM_USER_STATUS_TEXTS[lang][key]),
      );
    },
  };
}

export const WaitsForApproval = shows(
  'created',
  'created',
  "The request waits for the organisation's access manager (tilgangsstyrer) to approve it in Altinn; the element follows it.",
);
export const WaitsForApprovalNynorsk = shows('created', 'created', 'The same, in nynorsk.', 'nn');
export const WaitsForApprovalEnglish = shows('created', 'created', 'The same, in English.', 'en');
export const Accepted = shows(
  'accepted',
  'accepted',
  'The access manager approved the system user.',
);
export const Rejected = shows('rejected', 'rejected', 'The access manager declined the request.');
export const Expired = shows(
  'expired',
  'expired',
  'Nobody answered within 180 days: Altinn timed the request out.',
);
export const Withdrawn = shows('withdrawn', 'withdrawn', 'The vendor withdrew the request.');
export const Revoked = shows(
  'revoked',
  'revoked',
  'Altinn says Accepted, but holds no such system user (deleted since): never shown as approved.',
);
export const Unknown = shows('unknown', 'unknown', 'A status this library does not know.');
