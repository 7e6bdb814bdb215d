/**
 * The one set of fixtures for the browser side: request views as the contract's backend answers them,
 * problem details, and Altinn's URLs. Element tests, the stories and both fake backends (the test
 * runner's and Storybook's) use these, so a change of the view shows up everywhere at once.
 *
 * Plain data and functions only: this module runs in the browser and in Node.
 */

/** A consent request id (the element makes it). */
export const CONSENT_ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
/** An access request id made by the backend (Altinn 2's `Guid`). */
export const DELEGATION_REQUEST_ID = '1a9e3a32-7c1f-4c55-9b0e-3f4c0d6b2a11';
/** An access request id made by the backend (Altinn 3). */
export const ACCESS_REQUEST_ID = '0198a2b4-5c3d-7e8f-9a0b-1c2d3e4f5a6b';
/** The Altinn 3 request whose new tab Storybook's fake pop-up blocker stops. */
export const BLOCKED_POPUP_REQUEST_ID = '0198a2b4-5c3d-7e8f-9a0b-b10cced0b10c';
/** A system-user request id: made by the element, sent as the Idempotency-Key. */
export const SYSTEM_USER_REQUEST_ID = '3f2b8c1e-9d4a-4e6b-8a7c-5d1e2f3a4b5c';
/** An id that no element in the fixtures asks about: a backend that answers with it is wrong. */
export const OTHER_REQUEST_ID = '5c0ffee0-0000-4000-8000-00000000a11e';

export const CONSENT_RESOURCE = 'standard-samtykke-for-dele-data';
export const ACCESS_RESOURCE = 'app_skd_sirius-skattemelding';
/** A valid organisation number (mod-11 check digit right). */
export const ORG = '991825827';

/** Where Altinn's test environment shows a consent request to the user. */
export function consentViewUri(id: string, origin = 'https://am.ui.tt02.altinn.no'): string {
  return `${origin}/accessmanagement/ui/consent/request?id=${id}`;
}

/** Where Altinn 2's test environment lets the user send a delegation request. */
export function altinn2SendRequestUrl(guid: string, origin = 'https://tt02.altinn.no'): string {
  return `${origin}/ui/DelegationRequest/send/${guid}`;
}

/** Where Altinn 3's test environment shows a delegation request to the user. */
export function altinn3DetailsLink(id: string, origin = 'https://am.ui.tt02.altinn.no'): string {
  return `${origin}/accessmanagement/ui/requests/resource?requestId=${id}`;
}

/** An ISO 8601 time `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
}

/** The request view, the only shape the backend answers (contract v2). */
export interface ViewFixture {
  kind: 'consent' | 'access' | 'system-user';
  id: string;
  status: string;
  url?: string;
  navigation?: 'redirect' | 'new-window';
  validTo?: string;
  createdAt?: string;
  updatedAt?: string;
  subject?: Record<string, unknown>;
}

/**
 * A consent request's view: `created`, with Altinn's page, valid for 90 more days. `'$id'` as the id
 * works with the test runner's fake backend, which puts the id asked about in its place.
 */
export function consentView(overrides: Partial<ViewFixture> = {}): ViewFixture {
  const id = overrides.id ?? CONSENT_ID;
  return {
    kind: 'consent',
    id,
    status: 'created',
    url: consentViewUri(id),
    navigation: 'redirect',
    validTo: daysFromNow(90),
    ...overrides,
  };
}

/** An access request's view through Altinn 2: `created`, sent back to the portal (`redirect`). */
export function altinn2AccessView(overrides: Partial<ViewFixture> = {}): ViewFixture {
  const id = overrides.id ?? DELEGATION_REQUEST_ID;
  return {
    kind: 'access',
    id,
    status: 'created',
    url: altinn2SendRequestUrl(id),
    navigation: 'redirect',
    ...overrides,
  };
}

/** An access request's view through Altinn 3: `created`, finished in a new window while the page polls. */
export function altinn3AccessView(overrides: Partial<ViewFixture> = {}): ViewFixture {
  const id = overrides.id ?? ACCESS_REQUEST_ID;
  return {
    kind: 'access',
    id,
    status: 'created',
    url: altinn3DetailsLink(id),
    navigation: 'new-window',
    ...overrides,
  };
}

/** Where Altinn's test environment lets the organisation approve a system-user request. */
export function systemUserConfirmUrl(id: string, origin = 'https://am.ui.tt02.altinn.no'): string {
  return `${origin}/authfront/ui/auth/vendorrequest?id=${id}`;
}

/** A system-user request's view: `created` (waits for approval in Altinn), back to the portal after. */
export function systemUserView(overrides: Partial<ViewFixture> = {}): ViewFixture {
  const id = overrides.id ?? SYSTEM_USER_REQUEST_ID;
  return {
    kind: 'system-user',
    id,
    status: 'created',
    url: systemUserConfirmUrl(id),
    navigation: 'redirect',
    ...overrides,
  };
}

/** `{ items, next? }`, as the list route answers. */
export function viewList(
  items: ViewFixture[],
  next?: string,
): { items: ViewFixture[]; next?: string } {
  return next === undefined ? { items } : { items, next };
}

/** An RFC 9457 problem details body. */
export interface ProblemFixture {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  [extension: string]: unknown;
}

export function problem(
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): ProblemFixture {
  return {
    type: `https://datatracker.ietf.org/doc/html/rfc9110#status.${status}`,
    title,
    status,
    detail,
    ...extra,
  };
}
