import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/elements/request-system-user-button/request-system-user-button.js';
import type { RequestSystemUserButton } from '../src/elements/request-system-user-button/request-system-user-button.js';
import { SYSTEM_USER_BUTTON_TEXTS } from '../src/i18n/system-user.js';
import { endpoint } from './support/fake-backend.js';
import { elementIn, partText } from './support/play.js';

interface SystemUserButtonArgs {
  endpoint: string;
  lang?: 'nb' | 'nn' | 'en';
  integration?: string;
  'return-url'?: string;
  disabled?: boolean;
  /** The label (the default slot). */
  default?: string;
}

type Story = StoryObj<SystemUserButtonArgs>;

const TAG = 'request-system-user-button';

const meta: Meta<SystemUserButtonArgs> = {
  title: 'Elements/request-system-user-button',
  component: TAG,
  tags: ['autodocs'],
  args: { endpoint: endpoint('system-user/created', 'idle'), integration: 'regnskap' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    disabled: { control: 'boolean' },
  },
  parameters: {
    docs: {
      subtitle:
        'Every story talks to a fake backend inside Storybook (its endpoint names the scenario). A click creates the request and sends the user to Altinn; in Storybook the navigation is logged in the Actions panel instead.',
    },
  },
  render: (args) =>
    html`<request-system-user-button
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      integration=${args.integration || nothing}
      return-url=${args['return-url'] || nothing}
      ?disabled=${args.disabled}
      >${args.default ?? nothing}</request-system-user-button
    >`,
};

export default meta;

const labelled =
  (lang: 'nb' | 'nn' | 'en'): Story['play'] =>
  async ({ canvasElement }) => {
    const element = elementIn<RequestSystemUserButton>(canvasElement, TAG);
    await waitFor(() =>
      expect(partText(element, 'button')).toBe(SYSTEM_USER_BUTTON_TEXTS[lang].label),
    );
  };

export const Idle: Story = {
  parameters: { docs: { description: { story: 'The default label, "Be om systembruker".' } } },
  play: labelled('nb'),
};

export const Nynorsk: Story = { args: { lang: 'nn' }, play: labelled('nn') };

export const English: Story = { args: { lang: 'en' }, play: labelled('en') };

export const Labelled: Story = {
  args: { default: 'Be om systembruker for Regnskapssystemet' },
  parameters: { docs: { description: { story: "The portal's own label, in the default slot." } } },
};

export const Disabled: Story = { args: { disabled: true } };
