/**
 * The portal backend ("BFF") inside Storybook: a `fetch` that answers the elements' calls in the
 * browser, as the contract's backend would, with no server. Each story gives its element an
 * `endpoint` made by {@link endpoint}, such as `/storybook-backend/consent/server-error/~button`; the
 * part before `/~` names the scenario, the rest only makes the endpoint the story's own, so that a
 * docs page that renders many stories at once keeps them apart (call counts, ids kept by the buttons).
 *
 * `navigate` and `openWindow` never leave the Storybook iframe: they log an action instead.
 */
import { action } from 'storybook/actions';
import {
  ACCESS_REQUEST_ID,
  BLOCKED_POPUP_REQUEST_ID,
  CONSENT_ID,
  DELEGATION_REQUEST_ID,
  SYSTEM_USER_REQUEST_ID,
  altinn2AccessView,
  altinn3AccessView,
  altinn3DetailsLink,
  consentView,
  consentViewUri,
  daysFromNow,
  problem,
  systemUserConfirmUrl,
  systemUserView,
  type ViewFixture,
} from '../../test/support/fixtures.js';

/** Where the fake backend lives. */
export const BACKEND = '/storybook-backend';

/** One call that reached the fake backend. */
export interface FakeRequest {
  method: string;
  collection: 'consent-requests' | 'access-requests' | 'system-user-requests';
  /** The id in the path (`GET …/{id}`), if any. */
  id: string | undefined;
  /** `GET …?resource=…`: the list of the person's requests. */
  list: boolean;
  /** `POST …/lookup`: the ids asked for at once. */
  lookup: string[] | undefined;
  /** The parsed JSON body, `undefined` when there is none. */
  body: unknown;
  headers: Headers;
  /** 1 for the first call to this endpoint since the story started. */
  call: number;
}

/** How the fake backend answers one call. */
export type FakeAnswer =
  | {
      status: number;
      /** Sent as JSON (`application/problem+json` from 400 on). */
      json?: unknown;
      /** Sent as-is instead of `json`. */
      text?: string;
      headers?: Record<string, string>;
      /** Milliseconds to wait first; the wait ends early, with an AbortError, when the call is cancelled. */
      delayMs?: number;
    }
  /** The backend cannot be reached: `fetch` rejects with a TypeError, as a browser's does. */
  | { fail: 'network' }
  /** No answer ever: the call ends only when the element gives up (its time-out) or cancels it. */
  | { fail: 'no-answer' };

type Scenario = (request: FakeRequest) => FakeAnswer;

const created = (request: FakeRequest): number => (request.method === 'POST' ? 201 : 200);

/** The consent id a call is about: the path's, else the body's (the button makes the id). */
function consentId(request: FakeRequest): string {
  if (request.id) return request.id;
  const body = request.body as { id?: unknown } | undefined;
  return typeof body?.id === 'string' ? body.id : CONSENT_ID;
}

/** A view as the backend answers it: for a list, a list of one; for a lookup, one per id asked. */
function answerWith(
  request: FakeRequest,
  view: (id: string | undefined) => ViewFixture,
): FakeAnswer {
  const status = created(request);
  if (request.lookup) return { status, json: { items: request.lookup.map((id) => view(id)) } };
  if (request.list) return { status, json: { items: [view(undefined)] } };
  return { status, json: view(request.id) };
}

/** The consent request's view, with the status the backend mapped Altinn's answer to. */
const consent =
  (overrides: Partial<ViewFixture> | ((id: string) => Partial<ViewFixture>) = {}): Scenario =>
  (request) =>
    answerWith(request, (id) => {
      const requestId = id ?? consentId(request);
      const extra = typeof overrides === 'function' ? overrides(requestId) : overrides;
      return consentView({ id: requestId, updatedAt: daysFromNow(0), ...extra });
    });

/** An access request through Altinn 2 (the backend makes the id; the user comes back). */
const altinn2 =
  (status: string): Scenario =>
  (request) =>
    answerWith(request, (id) => altinn2AccessView({ id: id ?? DELEGATION_REQUEST_ID, status }));

/** An access request through Altinn 3 (the backend makes the id; Altinn opens in a new tab). */
const altinn3 =
  (status: string, id = ACCESS_REQUEST_ID, url?: (id: string) => string): Scenario =>
  (request) =>
    answerWith(request, (asked) => {
      const requestId = asked ?? id;
      return altinn3AccessView({
        id: requestId,
        status,
        ...(url ? { url: url(requestId) } : {}),
      });
    });

/** A system-user request: its id is the Idempotency-Key the button sent. */
const systemUser =
  (status: string, url?: (id: string) => string): Scenario =>
  (request) =>
    answerWith(request, (asked) => {
      const id = asked ?? request.headers.get('Idempotency-Key') ?? SYSTEM_USER_REQUEST_ID;
      return systemUserView({
        id,
        status,
        updatedAt: daysFromNow(0),
        ...(url ? { url: url(id) } : {}),
      });
    });

/** The normalised request view with any status word. */
const view =
  (kind: 'consent' | 'access', status: string, extra: Partial<ViewFixture> = {}): Scenario =>
  (request) =>
    answerWith(request, (id) => ({
      kind,
      id: id ?? (kind === 'consent' ? consentId(request) : ACCESS_REQUEST_ID),
      status,
      updatedAt: daysFromNow(0),
      ...extra,
    }));

/** The person's earlier request, as the list route answers it: made on 1 December. */
const earlier =
  (scenario: Scenario): Scenario =>
  (request) => {
    const answer = scenario(request);
    if ('fail' in answer || !request.list) return answer;
    const { items } = answer.json as { items: ViewFixture[] };
    return {
      ...answer,
      json: { items: items.map((item) => ({ ...item, createdAt: '2026-12-01T09:30:00Z' })) },
    };
  };

/** `scenario`, after `delayMs`. */
const slow =
  (delayMs: number, scenario: Scenario): Scenario =>
  (request) => {
    const answer = scenario(request);
    return 'fail' in answer ? answer : { ...answer, delayMs };
  };

/** 503 for the first call, then `scenario`: for stories that show a retry. */
const unavailableOnce =
  (scenario: Scenario): Scenario =>
  (request) =>
    request.call === 1
      ? {
          status: 503,
          json: problem(503, 'Service Unavailable', 'Altinn did not answer; try again.'),
          headers: { 'Retry-After': '1' },
        }
      : scenario(request);

/** The scenarios every kind shares: ways a backend call fails. */
function failures(): Record<string, Scenario> {
  return {
    network: () => ({ fail: 'network' }),
    'no-answer': () => ({ fail: 'no-answer' }),
    'invalid-json': () => ({ status: 200, text: '{"id": "77ed8698-e619-4066', headers: {} }),
    'not-a-request': () => ({ status: 200, json: { ok: true, message: 'Saved.' } }),
    'server-error': () => ({
      status: 500,
      json: problem(500, 'Internal Server Error', 'Something went wrong on our side.'),
    }),
    'bad-request': () => ({
      status: 400,
      json: problem(400, 'Bad Request', 'One or more validation errors occurred.', {
        code: 'STD-00000',
        errors: { validTo: ['validTo must lie in the future.'] },
      }),
    }),
    unauthorized: () => ({
      status: 401,
      json: problem(401, 'Unauthorized', 'The session has ended; sign in again.'),
      headers: { 'WWW-Authenticate': 'Bearer' },
    }),
    forbidden: () => ({
      status: 403,
      json: problem(403, 'Forbidden', 'The signed-in user may not ask for this.'),
    }),
    'not-found': () => ({
      status: 404,
      json: problem(404, 'Not Found', 'No such request.'),
    }),
    conflict: () => ({
      status: 409,
      json: problem(409, 'Conflict', 'A request with this id exists with other content.'),
    }),
    'too-many-requests': () => ({
      status: 429,
      json: problem(429, 'Too Many Requests', 'Slow down.'),
      headers: { 'Retry-After': '30' },
    }),
    'never-called': () => {
      console.error('Storybook fake backend: this story should not call the backend.');
      return { status: 500, json: problem(500, 'Internal Server Error', 'Unexpected call.') };
    },
  };
}

function prefixed(prefix: string, scenarios: Record<string, Scenario>): Record<string, Scenario> {
  return Object.fromEntries(
    Object.entries(scenarios).map(([name, scenario]) => [`${prefix}/${name}`, scenario]),
  );
}

/** Every scenario, by name. */
const SCENARIOS = {
  ...prefixed('consent', {
    ...failures(),
    created: consent(),
    accepted: consent({ status: 'accepted', validTo: '2027-03-31T12:00:00Z' }),
    used: consent({ status: 'accepted' }),
    rejected: consent({ status: 'rejected' }),
    revoked: consent({ status: 'revoked' }),
    deleted: consent({ status: 'withdrawn' }),
    expired: consent({ status: 'expired' }),
    'past-valid-to': consent({ status: 'accepted', validTo: daysFromNow(-2) }),
    'unknown-status': consent({ status: 'opened' }),
    'pending-view': view('consent', 'pending'),
    'earlier-created': earlier(consent()),
    'earlier-accepted': earlier(consent({ status: 'accepted', validTo: '2027-03-31T12:00:00Z' })),
    slow: slow(8000, consent()),
    'slow-accepted': slow(8000, consent({ status: 'accepted' })),
    'untrusted-redirect': consent((id) => ({
      url: consentViewUri(id, 'https://am.ui.tt02.altinn.no.login-altinn.example'),
    })),
    'unavailable-then-created': unavailableOnce(consent()),
    'unavailable-then-accepted': unavailableOnce(
      consent({ status: 'accepted', validTo: '2027-03-31T12:00:00Z' }),
    ),
  }),
  ...prefixed('access', {
    ...failures(),
    'altinn2-created': altinn2('created'),
    'altinn2-unopened': altinn2('pending'),
    'altinn2-opened': altinn2('pending'),
    'altinn2-approved': altinn2('accepted'),
    'altinn2-accepted': altinn2('accepted'),
    'altinn2-rejected': altinn2('rejected'),
    'altinn2-deleted': altinn2('withdrawn'),
    'altinn2-none': altinn2('unknown'),
    'altinn3-draft': altinn3('created'),
    'altinn3-pending': altinn3('pending'),
    'altinn3-approved': altinn3('accepted'),
    'altinn3-rejected': altinn3('rejected'),
    'altinn3-withdrawn': altinn3('withdrawn'),
    'altinn3-none': altinn3('unknown'),
    'altinn3-popup-blocked': altinn3('created', BLOCKED_POPUP_REQUEST_ID),
    'earlier-pending': earlier(altinn3('pending')),
    'earlier-approved': earlier(altinn3('accepted')),
    'revoked-view': view('access', 'revoked'),
    'expired-view': view('access', 'expired'),
    slow: slow(8000, altinn2('created')),
    'slow-pending': slow(8000, altinn3('pending')),
    'untrusted-redirect': altinn3('created', ACCESS_REQUEST_ID, (id) =>
      altinn3DetailsLink(id, 'http://am.ui.tt02.altinn.no'),
    ),
    'unavailable-then-altinn2-created': unavailableOnce(altinn2('created')),
    'unavailable-then-approved': unavailableOnce(altinn3('accepted')),
    /** Draft, then Pending, then Approved: what polling sees while the user and the manager act. */
    progress: (request) =>
      altinn3(request.call <= 1 ? 'created' : request.call === 2 ? 'pending' : 'accepted')(request),
  }),
  ...prefixed('system-user', {
    ...failures(),
    created: systemUser('created'),
    accepted: systemUser('accepted'),
    rejected: systemUser('rejected'),
    expired: systemUser('expired'),
    withdrawn: systemUser('withdrawn'),
    revoked: systemUser('revoked'),
    unknown: systemUser('unknown'),
    'earlier-none': () => ({ status: 200, json: { items: [] } }),
    'earlier-created': earlier(systemUser('created')),
    'earlier-accepted': earlier(systemUser('accepted')),
    slow: slow(8000, systemUser('created')),
    'untrusted-redirect': systemUser('created', (id) =>
      systemUserConfirmUrl(id, 'https://am.ui.tt02.altinn.no.login-altinn.example'),
    ),
    'unavailable-then-created': unavailableOnce(systemUser('created')),
    'unavailable-then-accepted': unavailableOnce(systemUser('accepted')),
    /** Waiting, then approved by the access manager: what polling sees. */
    progress: (request) => systemUser(request.call <= 1 ? 'created' : 'accepted')(request),
  }),
} satisfies Record<string, Scenario>;

/** The name of a scenario of the fake backend. */
export type ScenarioName = keyof typeof SCENARIOS;

/**
 * The endpoint of `scenario` for one story: give each story its own `variant` when several stories
 * use one scenario.
 */
export function endpoint(scenario: ScenarioName, variant?: string): string {
  return `${BACKEND}/${scenario}${variant ? `/~${encodeURIComponent(variant)}` : ''}`;
}

/** Calls per endpoint (the path before the collection), since the story started. */
const calls = new Map<string, FakeRequest[]>();

/** What reached `endpoint` since {@link resetEndpoint}, oldest first. */
export function requestsTo(endpointUrl: string): readonly FakeRequest[] {
  return calls.get(new URL(endpointUrl, globalThis.location.href).pathname) ?? [];
}

/** Forgets the calls to `endpoint` (a story's `beforeEach`), so its first call is call 1 again. */
export function resetEndpoint(endpointUrl: string): void {
  calls.delete(new URL(endpointUrl, globalThis.location.href).pathname);
}

const ROUTE =
  /^(?<base>.+?)\/(?<collection>consent-requests|access-requests|system-user-requests)(?:\/(?<id>[^/]+))?\/?$/;

/** The ids of a `…/lookup` body. */
function lookupIds(body: unknown): string[] | undefined {
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : undefined;
}

/** Waits `ms` (forever when `undefined`); rejects with an AbortError as soon as `signal` aborts. */
function pause(ms: number | undefined, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    };
    if (signal?.aborted) {
      aborted();
      return;
    }
    const timer =
      ms === undefined
        ? undefined
        : setTimeout(() => {
            signal?.removeEventListener('abort', aborted);
            resolve();
          }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

function problemResponse(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify(problem(status, title, detail)), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/**
 * The `fetch` for `configure({ fetch })`: answers calls under {@link BACKEND} from the scenarios, and
 * passes anything else to the browser's `fetch`.
 */
export const fakeFetch: typeof fetch = async (input, init) => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const url = new URL(href, globalThis.location.href);
  if (!url.pathname.startsWith(`${BACKEND}/`)) return globalThis.fetch(input, init);

  const route = ROUTE.exec(url.pathname);
  const base = route?.groups?.base ?? url.pathname;
  const name = base
    .slice(BACKEND.length + 1)
    .split('/')
    .filter((segment) => !segment.startsWith('~'))
    .join('/');
  const scenario = (SCENARIOS as Record<string, Scenario>)[name];
  const method = (init?.method ?? 'GET').toUpperCase();
  if (!route?.groups || !scenario) {
    console.warn(`Storybook fake backend: no scenario for ${method} ${url.pathname}`);
    return problemResponse(404, 'Not Found', `No scenario "${name}" in the Storybook backend.`);
  }

  const history = calls.get(base) ?? [];
  calls.set(base, history);
  // The buttons' look at the person's earlier requests: none, but in the `earlier-…` scenarios.
  // Not counted, so each story's calls are those it is about.
  if (method === 'GET' && route.groups.id === undefined && !name.includes('/earlier-')) {
    await pause(50, init?.signal);
    return new Response(JSON.stringify({ items: [] }), {
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const body = parseBody(init?.body);
  const pathId = route.groups.id === undefined ? undefined : decodeURIComponent(route.groups.id);
  const lookup = method === 'POST' && pathId === 'lookup' ? lookupIds(body) : undefined;
  const request: FakeRequest = {
    method,
    collection: route.groups.collection as FakeRequest['collection'],
    id: lookup ? undefined : pathId,
    list: method === 'GET' && pathId === undefined,
    lookup,
    body,
    headers: new Headers(init?.headers),
    call: history.length + 1,
  };
  history.push(request);

  const answer = scenario(request);
  const signal = init?.signal;
  if ('fail' in answer) {
    if (answer.fail === 'network') {
      await pause(50, signal);
      throw new TypeError('Failed to fetch');
    }
    await pause(undefined, signal);
    throw new DOMException('The operation was aborted.', 'AbortError');
  }
  await pause(answer.delayMs ?? 150, signal);
  const problemJson = answer.status >= 400 && answer.json !== undefined;
  return new Response(answer.text ?? JSON.stringify(answer.json), {
    status: answer.status,
    headers: {
      'Content-Type': problemJson ? 'application/problem+json' : 'application/json',
      ...answer.headers,
    },
  });
};

/** `configure({ navigate })` for Storybook: logs the URL instead of leaving the iframe. */
export function navigate(url: string): void {
  action('navigate (Storybook stays on the page)')(url);
}

/**
 * `configure({ openWindow })` for Storybook: logs the URL instead of opening a tab, and plays a
 * pop-up blocker for the request {@link BLOCKED_POPUP_REQUEST_ID}.
 */
export function openWindow(url: string): boolean {
  const blocked = new URL(url).searchParams.get('requestId') === BLOCKED_POPUP_REQUEST_ID;
  action(blocked ? 'openWindow (blocked by a pop-up blocker)' : 'openWindow')(url);
  return !blocked;
}
