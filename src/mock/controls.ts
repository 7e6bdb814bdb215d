import { none } from './auth.js';
import { viewUri } from './consent-api.js';
import { answerAs } from './consent-pages.js';
import { consentRequestDetails } from './consent-store.js';
import { empty, json, readJson } from './http.js';
import { isObject, member } from './json-input.js';
import { AM, problem, problemResponse } from './problems.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import type { MockClient, MockConsentRequest } from './types.js';

/**
 * Test controls under `/__mock/`, clearly not Altinn: they let a test (or the demo) answer a
 * consent as the user would (by the page's rules), and read or reset the mock's state. Access
 * requests are driven through their pages.
 */

export const controlRoutes: RouteTable = {
  base: '/__mock',
  routes: [
    // Forgets every consent and access request and every counter; keeps clients and API keys.
    route('POST', '/reset', none, (_, { mock }) => (mock.reset(), empty(204))),
    route('GET', '/stats', none, (_, { mock }) => json(200, { ...mock.stats })),
    // A Maskinporten client (JSON `MockClient`), for a backend started elsewhere.
    route('POST', '/clients', none, (request, { mock }) =>
      register(request, (body) => mock.registerClient(body as MockClient)),
    ),
    // An Altinn 2 API key, `{ "key": "…" }`.
    route('POST', '/api-keys', none, (request, { mock }) =>
      register(request, (body) => {
        const key = isObject(body) ? member(body, 'key') : undefined;
        if (typeof key !== 'string') throw new TypeError('Send { "key": "<API key>" }');
        mock.registerApiKey(key);
      }),
    ),
    route('GET', '/consentrequests', none, (_, { mock }) =>
      json(
        200,
        [...mock.consents.requests.values()].map((request) => details(mock, request)),
      ),
    ),
    route('GET', '/consentrequests/{id}', none, consentControl),
    // The user accepts, rejects, or revokes an accepted consent.
    route('POST', '/consentrequests/{id}/{action}', none, consentControl),
  ],
};

async function register(request: Request, add: (body: unknown) => void): Promise<Response> {
  const body = await readJson(request);
  try {
    if ('error' in body) throw new TypeError(body.error);
    add(body.value);
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : 'Invalid input' });
  }
  return empty(204);
}

function details(mock: MockState, request: MockConsentRequest): Record<string, unknown> {
  return consentRequestDetails(request, viewUri(mock, request.id), { nowMicros: mock.nowMicros() });
}

function consentControl(_: Request, { mock, params }: RouteContext): Response {
  const request = mock.consents.get(params.id ?? '');
  if (!request)
    return problemResponse(problem(AM.notFound, `No consent request with id ${params.id}`));
  const action = params.action?.toLowerCase();
  if (action === undefined) return json(200, details(mock, request));
  if (action !== 'accept' && action !== 'reject' && action !== 'revoke') return empty(404);
  const outcome = answerAs(mock, request, action);
  if (!outcome.ok) {
    const detail = `Cannot ${action} consent request ${request.id} (status ${request.status})`;
    return problemResponse(problem(outcome.problem, detail));
  }
  return json(200, details(mock, request));
}
