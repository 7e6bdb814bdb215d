/**
 * Return parameters: what this library adds to the URL Altinn sends the user back to, what it reads
 * there, and how it removes them again. What is read is a hint only: the status shown always comes
 * from the backend.
 */

/** The parameter this library adds to a consent request's `redirectUrl`. */
export const CONSENT_ID_PARAM = 'consentId';

/** The parameter this library adds to a system-user request's `redirectUrl` (Altinn appends nothing). */
export const SYSTEM_USER_REQUEST_ID_PARAM = 'systemUserRequestId';

/** Parameters that identify a request this library sent the user away for. */
const ID_PARAMS = [
  'consentId',
  'DelegationRequestId',
  'accessRequestId',
  'systemUserRequestId',
] as const;

/** Parameters Altinn appends on the way back; ours only when an id parameter is present too. */
const ALTINN_PARAMS = ['Status', 'ErrorMessage'] as const;

/** What a returning URL says. None of it is trusted. */
export interface ReturnParams {
  consentId?: string;
  delegationRequestId?: string;
  accessRequestId?: string;
  systemUserRequestId?: string;
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

/*
 * Queries are edited as text, pair by pair: `URLSearchParams` would re-encode the portal's own
 * parameters (`?flag&ids=1,2` would come back as `?flag=&ids=1%2C2`).
 */
function pairsOf(query: string): string[] {
  return query ? query.split('&').filter(Boolean) : [];
}

function nameOf(pair: string): string {
  const raw = (pair.split('=')[0] ?? '').replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function withoutNames(query: string, names: readonly string[]): string {
  return pairsOf(query)
    .filter((pair) => !names.includes(nameOf(pair)))
    .join('&');
}

function splitHash(hash: string): { route: string; query: string } {
  const at = hash.indexOf('?');
  return at === -1
    ? { route: hash, query: '' }
    : { route: hash.slice(0, at), query: hash.slice(at + 1) };
}

/** `returnUrl` with `name=value` added where Altinn will add its own parameters. Any earlier value is replaced. */
export function withReturnParam(returnUrl: string | URL, name: string, value: string): string {
  const url = new URL(returnUrl);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  // Like URLSearchParams.set: the first earlier value is replaced where it stood, others go.
  const add = (query: string): string => {
    const pairs = pairsOf(query);
    const at = pairs.findIndex((candidate) => nameOf(candidate) === name);
    if (at === -1) return [...pairs, pair].join('&');
    return pairs
      .map((candidate, index) => (index === at ? pair : candidate))
      .filter((candidate, index) => index === at || nameOf(candidate) !== name)
      .join('&');
  };
  if (usesHashRouting(url)) {
    const { route, query } = splitHash(url.hash);
    url.hash = `${route}?${add(query)}`;
  } else {
    url.search = `?${add(url.search.slice(1))}`;
  }
  return url.href;
}

/** Reads this library's and Altinn's return parameters from a URL (query and hash-route query). */
export function readReturnParams(href: string | URL): ReturnParams {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  for (const [name, value] of new URLSearchParams(splitHash(url.hash).query)) {
    params.append(name, value);
  }
  // Each under its name with a lower-case first letter (`DelegationRequestId`: `delegationRequestId`).
  const result: Record<string, string> = {};
  const read = (names: readonly string[]): void => {
    for (const name of names) {
      const value = params.get(name);
      if (value) result[name.charAt(0).toLowerCase() + name.slice(1)] = value;
    }
  };
  read(ID_PARAMS);
  // Altinn's own only next to one of ours.
  if (Object.keys(result).length) read(ALTINN_PARAMS);
  return result as ReturnParams;
}

/** The query without our parameters, or `undefined` when it holds none of our id parameters. */
function stripped(query: string): string | undefined {
  const names = pairsOf(query).map(nameOf);
  if (!ID_PARAMS.some((name) => names.includes(name))) return undefined;
  return withoutNames(query, [...ID_PARAMS, ...ALTINN_PARAMS]);
}

/**
 * `href` without this library's return parameters. `Status` and `ErrorMessage` are removed only next to
 * one of our id parameters, so a portal's own `Status` parameter survives.
 */
export function withoutReturnParams(href: string | URL): string {
  const url = new URL(href);
  const query = stripped(url.search.slice(1));
  if (query !== undefined) url.search = query ? `?${query}` : '';
  const { route, query: hashQuery } = splitHash(url.hash);
  const hashRest = stripped(hashQuery);
  if (hashRest !== undefined) url.hash = hashRest ? `${route}?${hashRest}` : route;
  // `URL` keeps a bare `?` or `#` when emptied; a clean address bar has neither.
  return url.href.replace(/\?(?=#|$)/, '').replace(/#$/, '');
}
