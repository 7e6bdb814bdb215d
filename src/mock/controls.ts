import { none } from './auth.js';
import { consentRequestDetails } from './consent-api.js';
import { answerAs } from './consent-pages.js';
import { empty, json, readJson } from './http.js';
import { isObject, member } from './json-input.js';
import { AM, failure } from './problems.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockClient } from './types.js';

/**
 * Test controls under `/__mock/`, clearly not Altinn: a backend started elsewhere registers its
 * Maskinporten client and API key, a test reads the counters, resets, or answers a consent as the
 * user would (by the page's rules). Access requests are driven through their pages.
 */

export const controlRoutes: RouteTable = {
  base: '/__mock',
  routes: [
    // Forgets every request and counter; keeps clients and API keys.
    route('POST', '/reset', none, (_, { mock }) => (mock.reset(), empty(204))),
    route('GET', '/stats', none, (_, { mock }) => json(200, { ...mock.stats })),
    // A Maskinporten client (JSON `MockClient`).
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
    // The user accepts, rejects, or revokes an accepted consent.
    route('POST', '/consentrequests/{id}/{action}', none, answerConsent),
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

function answerConsent(_: Request, { mock, params }: RouteContext): Response {
  const request = mock.consents.get(params.id ?? '');
  const action = params.action?.toLowerCase();
  if (!request) return failure(AM.notFound, `No consent request with id ${params.id}`);
  if (action !== 'accept' && action !== 'reject' && action !== 'revoke') return empty(404);
  const refused = answerAs(mock, request, action);
  if (refused) {
    const detail = `Cannot ${action} consent request ${request.id} (status ${request.status})`;
    return failure(refused, detail);
  }
  return json(200, consentRequestDetails(mock, request, mock.nowMicros()));
}
