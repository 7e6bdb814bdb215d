import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/elements/altinn-request-list/altinn-request-list.js';
import type { AltinnRequestList } from '../src/elements/altinn-request-list/altinn-request-list.js';
import { configure } from '../src/core/config.js';
import { REQUEST_LIST_TEXTS } from '../src/i18n/request-list.js';
import {
  ACCESS_RESOURCE,
  CONSENT_RESOURCE,
  altinn3AccessView,
  consentView,
  problem,
  systemUserView,
  type ViewFixture,
} from '../test/support/fixtures.js';
import { fakeFetch } from './support/fake-backend.js';
import { elementIn, part, partText } from './support/play.js';
import { DESIGNSYSTEMET_THEME } from './support/theme.js';

/**
 * The person's requests as the list routes answer them, by scenario: `/storybook-list/<scenario>`
 * is the story's endpoint. Lists, lookups and withdrawals are answered here; anything else goes to
 * the Storybook backend the other stories use.
 */
const LIST_BACKEND = '/storybook-list';

const day = (date: number, hour = 9): string =>
  new Date(Date.UTC(2026, 10, date, hour)).toISOString();

const MIXED: ViewFixture[] = [
  consentView({
    id: '77ed8698-e619-4066-9eb4-5c1eb3f16501',
    createdAt: day(30),
    subject: { resource: CONSENT_RESOURCE },
  }),
  altinn3AccessView({
    id: '0198a2b4-5c3d-7e8f-9a0b-1c2d3e4f5a01',
    status: 'pending',
    createdAt: day(28),
    updatedAt: day(28),
    subject: { resource: ACCESS_RESOURCE, org: '310456780' },
  }),
  consentView({
    id: '77ed8698-e619-4066-9eb4-5c1eb3f16502',
    status: 'accepted',
    createdAt: day(20),
    updatedAt: day(20, 10),
    validTo: '2027-03-31T12:00:00Z',
    subject: { name: 'Inntektsopplysninger 2024', resource: CONSENT_RESOURCE },
  }),
  systemUserView({
    id: '3f2b8c1e-9d4a-4e6b-8a7c-5d1e2f3a4b01',
    createdAt: day(15),
    subject: { integration: 'regnskap' },
  }),
  altinn3AccessView({
    id: '0198a2b4-5c3d-7e8f-9a0b-1c2d3e4f5a02',
    status: 'rejected',
    createdAt: day(10),
    updatedAt: day(12),
    subject: { package: 'urn:altinn:accesspackage:regnskapsforer-lonn', org: '310456780' },
  }),
];

const OLDER: ViewFixture[] = [3, 2, 1].map((date) =>
  consentView({
    id: `77ed8698-e619-4066-9eb4-5c1eb3f1650${date + 2}`,
    status: 'expired',
    createdAt: day(date),
    updatedAt: day(date + 1),
    subject: { resource: CONSENT_RESOURCE },
  }),
);

type ListScenario = (
  kind: string,
  cursor: string | null,
  state: string | null,
) => Response | Promise<Response>;

const json = (value: unknown, status = 200): Response =>
  new Response(JSON.stringify(value), {
    status,
    headers: {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    },
  });

const OPEN = new Set(['created', 'pending']);
/** The views of `kind` in `state` (`open`, `final` or all), as the list route filters them. */
const itemsOf = (kind: string, views: ViewFixture[], state: string | null = 'all') =>
  views.filter(
    (view) =>
      view.kind === kind &&
      (state === 'all' || !state || (state === 'open') === OPEN.has(view.status)),
  );

const SCENARIOS: Record<string, ListScenario> = {
  mixed: (kind, _cursor, state) => json({ items: itemsOf(kind, MIXED, state) }),
  paged: (kind, cursor) =>
    kind !== 'consent'
      ? json({ items: itemsOf(kind, MIXED) })
      : cursor
        ? json({ items: OLDER })
        : json({ items: itemsOf(kind, MIXED), next: 'page-2' }),
  empty: () => json({ items: [] }),
  loading: () => new Promise<Response>(() => undefined),
  error: () => json(problem(503, 'Service Unavailable', 'Try again in a moment.'), 503),
  'no-list': () => json(problem(404, 'Not Found', 'No such route.'), 404),
  'untrusted-url': (kind) =>
    json({
      items:
        kind === 'consent'
          ? [
              consentView({
                createdAt: day(30),
                url: 'https://am.ui.altinn.no.login-altinn.example/accessmanagement/ui/consent/request?id=1',
                subject: { resource: CONSENT_RESOURCE },
              }),
            ]
          : [],
    }),
};

const ROUTE =
  /^\/storybook-list\/(?<scenario>[^/]+)(?:\/~[^/]*)?\/(?<kind>consent|access|system-user)-requests(?:\/(?<id>[^/]+))?$/;

const listFetch: typeof fetch = async (input, init) => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const url = new URL(href, globalThis.location.href);
  if (!url.pathname.startsWith(`${LIST_BACKEND}/`)) return fakeFetch(input, init);
  const { scenario = '', kind = '', id } = ROUTE.exec(url.pathname)?.groups ?? {};
  const method = (init?.method ?? 'GET').toUpperCase();
  const known = MIXED.filter((view) => view.kind === kind);
  if (id === 'lookup') {
    const { ids } = JSON.parse(String(init?.body)) as { ids: string[] };
    return json({ items: known.filter((view) => ids.includes(view.id)) });
  }
  if (method === 'DELETE' && id) {
    const view = known.find((candidate) => candidate.id === id);
    return view
      ? json({ ...view, status: 'withdrawn', url: undefined, updatedAt: day(30, 12) })
      : json(problem(404, 'Not Found', 'No such request.'), 404);
  }
  const answer = SCENARIOS[scenario];
  return answer
    ? answer(kind, url.searchParams.get('cursor'), url.searchParams.get('state'))
    : json(problem(404, 'Not Found', `No scenario "${scenario}".`), 404);
};

interface ListArgs {
  endpoint: string;
  lang?: 'nb' | 'nn' | 'en';
  kinds?: string;
  state?: 'open' | 'final' | 'all';
  'page-size'?: number;
  'request-url'?: string;
}

type Story = StoryObj<ListArgs>;

const TAG = 'altinn-request-list';
const list = (canvasElement: HTMLElement) => elementIn<AltinnRequestList>(canvasElement, TAG);
const rows = (element: AltinnRequestList) => [
  ...(element.shadowRoot?.querySelectorAll('li[part~="row"]') ?? []),
];
const WAIT = { timeout: 6000 };

const meta: Meta<ListArgs> = {
  title: 'Elements/altinn-request-list',
  component: TAG,
  tags: ['autodocs'],
  args: { endpoint: `${LIST_BACKEND}/mixed` },
  argTypes: {
    lang: { control: 'inline-radio', options: ['nb', 'nn', 'en'] },
    state: { control: 'inline-radio', options: ['open', 'final', 'all'] },
  },
  parameters: {
    docs: {
      subtitle:
        "The person's consents and requests, with what they can do next. Every story reads a fake backend inside Storybook (its endpoint names the scenario).",
    },
  },
  // Lists, lookups and withdrawals are this file's; the rest goes on to the shared fake backend.
  // Not undone after the story: a docs page shows many lists at once, and they keep polling.
  beforeEach: () => void configure({ fetch: listFetch }),
  render: (args) =>
    html`<altinn-request-list
      endpoint=${args.endpoint}
      lang=${args.lang || nothing}
      kinds=${args.kinds || nothing}
      state=${args.state || nothing}
      page-size=${args['page-size'] ?? nothing}
      request-url=${args['request-url'] || nothing}
    ></altinn-request-list>`,
};

export default meta;

export const Mixed: Story = {
  name: 'Every kind, with what the person can do next',
  parameters: {
    docs: {
      description: {
        story:
          'Newest first: a consent still waiting in Altinn (continue there), an open access request (withdraw it), a granted consent (see it in Altinn), a system-user request, and a rejected access request (ask again).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(5), WAIT);
    expect(part(element, 'withdraw-button').textContent?.trim()).toBe(
      REQUEST_LIST_TEXTS.nb.withdraw,
    );
  },
};

export const Nynorsk: Story = {
  args: { lang: 'nn', endpoint: `${LIST_BACKEND}/mixed/~nn` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(5), WAIT);
    expect(partText(element, 'status')).toBe(REQUEST_LIST_TEXTS.nn.created);
  },
};

export const English: Story = {
  args: { lang: 'en', endpoint: `${LIST_BACKEND}/mixed/~en` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(5), WAIT);
    expect(partText(element, 'status')).toBe(REQUEST_LIST_TEXTS.en.created);
  },
};

export const ConfirmWithdrawal: Story = {
  name: 'Withdrawing: the confirmation',
  args: { kinds: 'access', endpoint: `${LIST_BACKEND}/mixed/~confirm` },
  parameters: {
    docs: {
      description: {
        story:
          'Withdrawing an open access request asks first; "Nei, behold den" undoes it, and focus moves between the buttons.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(2), WAIT);
    await userEvent.click(part(element, 'withdraw-button'));
    await waitFor(() => expect(part(element, 'confirm-button')).toBeTruthy(), WAIT);
    expect(element.shadowRoot?.activeElement).toBe(part(element, 'cancel-button'));
  },
};

export const Withdrawn: Story = {
  name: 'Withdrawing: done',
  args: { kinds: 'access', endpoint: `${LIST_BACKEND}/mixed/~withdrawn` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(2), WAIT);
    await userEvent.click(part(element, 'withdraw-button'));
    await userEvent.click(part(element, 'confirm-button'));
    await waitFor(
      () => expect(partText(element, 'status')).toBe(REQUEST_LIST_TEXTS.nb.withdrawn),
      WAIT,
    );
  },
};

export const AskAgainAtThePortal: Story = {
  name: 'Ask again, at the portal’s request-url',
  args: {
    state: 'final',
    'request-url': '/be-om-tilgang',
    endpoint: `${LIST_BACKEND}/mixed/~again`,
  },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    // Only what has ended: a granted consent, and a rejected access request to ask again for.
    await waitFor(() => expect(rows(element)).toHaveLength(2), WAIT);
    const links = [...(element.shadowRoot?.querySelectorAll('a[part~="link"]') ?? [])];
    const again = links.find((link) => link.textContent?.trim() === REQUEST_LIST_TEXTS.nb.again);
    expect(again?.getAttribute('href')).toContain('/be-om-tilgang');
  },
};

export const Paging: Story = {
  name: 'More than a page ("Vis flere")',
  args: { 'page-size': 3, endpoint: `${LIST_BACKEND}/paged` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(part(element, 'more-button')).toBeTruthy(), WAIT);
  },
};

export const Loading: Story = {
  args: { endpoint: `${LIST_BACKEND}/loading` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(element.matches(':state(loading)')).toBe(true), WAIT);
  },
};

export const Empty: Story = {
  args: { endpoint: `${LIST_BACKEND}/empty` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(
      () => expect(partText(element, 'message')).toBe(REQUEST_LIST_TEXTS.nb.empty),
      WAIT,
    );
  },
};

export const Failure: Story = {
  name: 'The list cannot be read (try again)',
  args: { endpoint: `${LIST_BACKEND}/error` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(part(element, 'retry-button')).toBeTruthy(), WAIT);
  },
};

export const NoListRoute: Story = {
  name: 'The backend has no list route',
  parameters: {
    docs: {
      description: {
        story:
          'A backend without the list routes of contract v2: the person reads that the overview is not available; the console tells the developer why.',
      },
    },
  },
  args: { endpoint: `${LIST_BACKEND}/no-list` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(
      () => expect(partText(element, 'message')).toBe(REQUEST_LIST_TEXTS.nb.noList),
      WAIT,
    );
  },
};

export const UntrustedUrl: Story = {
  name: 'An Altinn URL off the allow-list: no link',
  args: { kinds: 'consent', endpoint: `${LIST_BACKEND}/untrusted-url` },
  play: async ({ canvasElement }) => {
    const element = list(canvasElement);
    await waitFor(() => expect(rows(element)).toHaveLength(1), WAIT);
    expect(element.shadowRoot?.querySelector('a')).toBeNull();
  },
};

export const Designsystemet: Story = {
  name: 'In a Designsystemet theme',
  args: { endpoint: `${LIST_BACKEND}/mixed/~themed` },
  render: (args) =>
    html`<div style=${DESIGNSYSTEMET_THEME}>
      <altinn-request-list endpoint=${args.endpoint}></altinn-request-list>
    </div>`,
};
