/**
 * Where Altinn may send the user back: a URL on one of the portal's own origins, compared as a
 * parsed URL (never as a string prefix), without user-info, and passed on in its normalised form.
 */
import type { RouteContext } from './handler.js';
import { ProblemError } from './problem.js';

export function ownRedirectUrl(context: RouteContext, raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    url.username !== '' ||
    url.password !== '' ||
    !context.ownOrigins.includes(url.origin)
  ) {
    throw new ProblemError({
      status: 400,
      code: 'redirect-not-allowed',
      title: 'Redirect not allowed',
      detail: `redirectUrl must be a URL on ${context.ownOrigins.join(' or ')}, without user name or password.`,
    });
  }
  return url.href;
}
