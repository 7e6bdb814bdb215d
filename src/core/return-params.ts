/**
 * Return parameters: what this library adds to the URL Altinn sends the user back to, what it reads
 * there, and how it removes them again. What is read is a hint only: the status shown always comes
 * from the backend.
 */

/** The parameter this library adds to a consent request's `redirectUrl`. */
export const CONSENT_ID_PARAM = 'consentId';

/** Parameters that identify a request this library sent the user away for. */
const ID_PARAMS = ['consentId', 'DelegationRequestId', 'accessRequestId'] as const;

/** Parameters Altinn appends on the way back; ours only when an id parameter is present too. */
const ALTINN_PARAMS = ['Status', 'ErrorMessage'] as const;

/** What a returning URL says. None of it is trusted. */
export interface ReturnParams {
  consentId?: string;
  delegationRequestId?: string;
  accessRequestId?: string;
  /** `OK` or `Failed`, as Altinn appends it: a hint only. */
  status?: string;
  errorMessage?: string;
}

/**
 * Altinn puts its parameters inside the fragment when `redirectUrl` contains `#/` (hash routing), and
 * in the query string otherwise; this library does the same so that both arrive in one place.
 */
function usesHashRouting(url: URL): boolean {
  return url.hash.startsWith('#/');
}

function splitHash(hash: string): { route: string; params: URLSearchParams } {
  const at = hash.indexOf('?');
  return at === -1
    ? { route: hash, params: new URLSearchParams() }
    : { route: hash.slice(0, at), params: new URLSearchParams(hash.slice(at + 1)) };
}

/** `returnUrl` with `name=value` added where Altinn will add its own parameters. Any earlier value is replaced. */
export function withReturnParam(returnUrl: string | URL, name: string, value: string): string {
  const url = new URL(returnUrl);
  if (usesHashRouting(url)) {
    const { route, params } = splitHash(url.hash);
    params.set(name, value);
    url.hash = `${route}?${params.toString()}`;
  } else {
    url.searchParams.set(name, value);
  }
  return url.href;
}

function allParams(url: URL): URLSearchParams {
  const merged = new URLSearchParams(url.search);
  for (const [name, value] of splitHash(url.hash).params) merged.append(name, value);
  return merged;
}

/** Reads this library's and Altinn's return parameters from a URL (query and hash-route query). */
export function readReturnParams(href: string | URL): ReturnParams {
  const params = allParams(new URL(href));
  const result: ReturnParams = {};
  const consentId = params.get('consentId');
  const delegationRequestId = params.get('DelegationRequestId');
  const accessRequestId = params.get('accessRequestId');
  if (consentId) result.consentId = consentId;
  if (delegationRequestId) result.delegationRequestId = delegationRequestId;
  if (accessRequestId) result.accessRequestId = accessRequestId;
  if (consentId || delegationRequestId || accessRequestId) {
    const status = params.get('Status');
    const errorMessage = params.get('ErrorMessage');
    if (status) result.status = status;
    if (errorMessage) result.errorMessage = errorMessage;
  }
  return result;
}

function strip(params: URLSearchParams): boolean {
  const ours = ID_PARAMS.some((name) => params.has(name));
  if (!ours) return false;
  for (const name of [...ID_PARAMS, ...ALTINN_PARAMS]) params.delete(name);
  return true;
}

/**
 * `href` without this library's return parameters. `Status` and `ErrorMessage` are removed only next to
 * one of our id parameters, so a portal's own `Status` parameter survives.
 */
export function withoutReturnParams(href: string | URL): string {
  const url = new URL(href);
  const query = new URLSearchParams(url.search);
  if (strip(query)) url.search = query.toString();
  const { route, params } = splitHash(url.hash);
  if (strip(params)) {
    const rest = params.toString();
    url.hash = rest ? `${route}?${rest}` : route;
  }
  // `URL` keeps a bare `?` or `#` when emptied; a clean address bar has neither.
  return url.href.replace(/\?(?=#|$)/, '').replace(/#$/, '');
}
