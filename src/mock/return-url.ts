import type { MockConsentRequest } from './types.js';

/**
 * Where Altinn sends the user after the consent page (altinn-api.md 2.6.5): the request's
 * `redirectUrl` with the outcome appended.
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
  if (request.events.some((event) => event.eventType === 'Accepted')) return 'accepted';
  if (request.events.some((event) => event.eventType === 'Rejected')) return 'rejected';
  return 'none';
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
  const hashAt = redirectUrl.indexOf('#');
  if (redirectUrl.includes('#/')) {
    const fragment = redirectUrl.slice(hashAt);
    return `${redirectUrl}${fragment.includes('?') ? '&' : '?'}${parameters}`;
  }
  const beforeFragment = hashAt === -1 ? redirectUrl : redirectUrl.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : redirectUrl.slice(hashAt);
  return `${beforeFragment}${beforeFragment.includes('?') ? '&' : '?'}${parameters}${fragment}`;
}
