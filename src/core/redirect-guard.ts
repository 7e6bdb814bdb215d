/**
 * The navigation guard: the only place that decides whether a URL from the backend may be opened.
 * An element navigates to Altinn only through {@link trustedAltinnUrl}.
 */

/** Altinn's production and test origins where users are sent (access management UI and the Altinn 2 portal). */
export const DEFAULT_ALTINN_ORIGINS: readonly string[] = Object.freeze([
  'https://am.ui.altinn.no',
  'https://am.ui.tt02.altinn.no',
  'https://www.altinn.no',
  'https://altinn.no',
  'https://tt02.altinn.no',
]);

/** Longest URL accepted; Altinn's URLs are far shorter, and a huge one is a sign of abuse. */
const MAX_URL_LENGTH = 4096;

/**
 * Characters that a genuine Altinn URL never holds but that parsers treat leniently: backslashes
 * (read as `/` in special schemes), whitespace and control characters (silently stripped).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPICIOUS_CHARACTERS = /[\\\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks one allow-list entry and returns it as a serialised origin. An entry must be an exact origin
 * (no path, query, user info): `https:`, or `http:` on a loopback host for a local mock.
 *
 * @throws TypeError for anything else, so a misconfiguration fails loudly at `configure()`.
 */
export function normaliseAllowedOrigin(entry: string): string {
  let url: URL | undefined;
  try {
    url = new URL(entry);
  } catch {
    // Said below.
  }
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    url.pathname !== '/'
  ) {
    throw new TypeError(
      `altinnOrigins: "${entry}" is not an origin like https://host:port (plain http: only for localhost or 127.0.0.1).`,
    );
  }
  return url.origin;
}

/**
 * Returns the parsed URL when `candidate` may be opened, else `undefined`.
 *
 * Rules: a string of a sane length with no backslash, whitespace or control character; an absolute
 * URL (protocol-relative and relative forms are refused); no user info; and an origin (scheme, host
 * and port) exactly equal to one on the list. Because the list holds only `https:` and loopback
 * `http:` origins, every other scheme (`javascript:`, `data:`, `blob:` …) fails the origin check.
 * Navigate to the returned URL's `href`, never to the original string.
 */
export function trustedAltinnUrl(
  candidate: unknown,
  allowedOrigins: readonly string[] = DEFAULT_ALTINN_ORIGINS,
): URL | undefined {
  if (typeof candidate !== 'string') return undefined;
  if (candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return undefined;
  if (SUSPICIOUS_CHARACTERS.test(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // `new URL('blob:https://x')` and friends have origin "null"; a list never holds that.
  return allowedOrigins.includes(url.origin) ? url : undefined;
}

/** True when {@link trustedAltinnUrl} accepts `candidate`. */
export function isTrustedAltinnUrl(
  candidate: unknown,
  allowedOrigins: readonly string[] = DEFAULT_ALTINN_ORIGINS,
): boolean {
  return trustedAltinnUrl(candidate, allowedOrigins) !== undefined;
}
