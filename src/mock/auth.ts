import { bearerToken, empty, json } from './http.js';
import { ANONYMOUS, type Auth } from './routes.js';
import type { MockState } from './state.js';

/** The scopes Altinn's APIs ask for, and the three kinds of auth the mock's routes need. */

/** Scopes of the consent API (altinn-api.md 2.1). */
export const SCOPE_WRITE = 'altinn:consentrequests.write';
export const SCOPE_READ = 'altinn:consentrequests.read';
export const SCOPE_ORG = 'altinn:consentrequests.org';

/** Scopes of both service owner delegation request APIs, Altinn 2 and 3 (altinn-api.md 3.1, 3.2). */
export const SCOPE_DELEGATION_REQUESTS_WRITE = 'altinn:serviceowner/delegationrequests.write';
export const SCOPE_DELEGATION_REQUESTS_READ = 'altinn:serviceowner/delegationrequests.read';

/** Scopes of system-user requests (altinn-api.md 3.4: the code's, not the docs' `systemuser.write`). */
export const SCOPE_SYSTEM_USER_REQUEST_WRITE = 'altinn:authentication/systemuser.request.write';
export const SCOPE_SYSTEM_USER_REQUEST_READ = 'altinn:authentication/systemuser.request.read';

/** Pages, test controls and Maskinporten itself: anyone. */
export const none: Auth = () => Promise.resolve(ANONYMOUS);

function caller(request: Request, mock: MockState) {
  const token = bearerToken(request);
  return token ? mock.maskinporten.verifyAccessToken(token) : Promise.resolve(undefined);
}

/**
 * Altinn 3's policy check: 401 with an empty body without a valid token of the mock's, 403 with an
 * empty body when the token has none of `scopes`.
 */
export function bearer(...scopes: string[]): Auth {
  return async (request, mock) => {
    const found = await caller(request, mock);
    if (!found) return empty(401, { 'WWW-Authenticate': 'Bearer' });
    return found.scopes.some((scope) => scopes.includes(scope)) ? found : empty(403);
  };
}

/** Altinn 2's errors: ASP.NET Web API's `HttpError`, `{ "Message": … }`. [I] */
export function altinn2Error(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return json(status, { Message: message, ...extra }, headers);
}

/**
 * Altinn 2's service owner API: the `ApiKey` header first (403 without a known one), then the
 * Maskinporten token (401), then its scope (403). The wording of the messages is the mock's.
 */
export function apiKeyAndBearer(scope: string): Auth {
  return async (request, mock) => {
    const key = request.headers.get('apikey');
    if (key === null || !mock.apiKeys.has(key)) {
      const missing = 'The ApiKey header is missing. Send the API key Altinn issued to you.';
      return altinn2Error(403, key === null ? missing : 'The ApiKey is not valid.');
    }
    const found = await caller(request, mock);
    if (!found) {
      const message = 'Authorization has been denied for this request.';
      return altinn2Error(401, message, {}, { 'WWW-Authenticate': 'Bearer' });
    }
    if (found.scopes.includes(scope)) return found;
    return altinn2Error(403, `The access token lacks the scope ${scope}.`);
  };
}
