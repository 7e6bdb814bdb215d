import type { MockConsentRequest } from './types.js';

/**
 * Where Altinn sends the user back: after the consent page (altinn-api.md 2.6.5), the request's
 * `redirectUrl` with the outcome appended; after the Altinn 2 send page (3.1), `redirectUrl` with
 * `DelegationRequestId` and `Status=OK`.
 */

/** The parameters Altinn appends for each outcome. */
export const RETURN_PARAMETERS = {
  accepted: 'Status=OK',
  rejected: 'Status=Failed&ErrorMessage=User+did+not+give+consent',
  none: '',
} as const;

export type ConsentOutcome = keyof typeof RETURN_PARAMETERS;

/** The outcome as Altinn reads it: from the events, an Accepted event first, then a Rejected one. */
export function consentOutcome(request: Pick<MockConsentRequest, 'events'>): ConsentOutcome {
  const has = (type: string) => request.events.some((event) => event.eventType === type);
  return has('Accepted') ? 'accepted' : has('Rejected') ? 'rejected' : 'none';
}

/** The URL before its `#fragment`, and the fragment (with its `#`, or empty). */
function splitFragment(url: string): [string, string] {
  const hashAt = url.indexOf('#');
  return hashAt === -1 ? [url, ''] : [url.slice(0, hashAt), url.slice(hashAt)];
}

/**
 * Appends the outcome to `redirectUrl`, as a plain string operation:
 * - with a hash route (`#/`), at the very end, inside the fragment (`?` unless the fragment has a
 *   query already, then `&`);
 * - otherwise into the query, before any `#fragment` (`?` unless the URL has a query, then `&`).
 * With no outcome the bare `?` or `&` is still appended, as Altinn does.
 */
export function appendConsentOutcome(redirectUrl: string, outcome: ConsentOutcome): string {
  const parameters = RETURN_PARAMETERS[outcome];
  const [beforeFragment, fragment] = splitFragment(redirectUrl);
  if (redirectUrl.includes('#/')) {
    return `${redirectUrl}${fragment.includes('?') ? '&' : '?'}${parameters}`;
  }
  return `${beforeFragment}${beforeFragment.includes('?') ? '&' : '?'}${parameters}${fragment}`;
}

/**
 * The "Fortsett" link of Altinn 2's receipt (altinn-api.md 3.1): `DelegationRequestId=<guid>&Status=OK`
 * appended to the query (`?` unless the URL has a query, then `&`), and any `#fragment` kept at
 * the end, as Altinn does since release 21.5/21.6. `Status` is always `OK`: it says the page was
 * left through the button, not what the access manager decided.
 */
export function appendDelegationRequestOutcome(redirectUrl: string, guid: string): string {
  const [beforeFragment, fragment] = splitFragment(redirectUrl);
  const separator = !beforeFragment.includes('?') ? '?' : /[?&]$/.test(beforeFragment) ? '' : '&';
  return `${beforeFragment}${separator}DelegationRequestId=${encodeURIComponent(guid)}&Status=OK${fragment}`;
}
