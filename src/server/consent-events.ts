/**
 * Revocations the portal learns about without the person coming back: a reader of Altinn's consent
 * events feed (altinn-api.md 2.7) that writes what it announces into the store, so a consent
 * revoked in Altinn reads `revoked` in lists, lookups and status elements.
 *
 * The feed holds only requests whose `to` is the portal's organisation, oldest first, 100 a page,
 * and only events older than five minutes: a revocation arrives five minutes and one interval
 * late. Its continuation token is kept in the store, so a restarted instance goes on from there.
 */
import { AltinnApi } from './altinn-api.js';
import { environmentUrls, type AltinnEnvironment } from './environments.js';
import type { TokenSource } from './maskinporten.js';
import type { RequestStatus } from './schemas.js';
import type { RequestStore } from './store/request-store.js';

const EVENTS = '/accessmanagement/api/v1/enterprise/consentrequests/events';
const READ = ['altinn:consentrequests.read'];
const FEED_URL = `https://platform.altinn.no${EVENTS}`;

/**
 * What each event makes of a request, and from which statuses: a "no" after a "yes" wins, never
 * the other way round; events are read again after a restart, so each is applied at most once in effect.
 * Lower case, as the feed's filter must be sent (Altinn casts it to a lower-case Postgres enum).
 */
const MOVES: Readonly<Record<string, { to: RequestStatus; from: readonly RequestStatus[] }>> = {
  accepted: { to: 'accepted', from: ['created', 'pending', 'unknown'] },
  rejected: { to: 'rejected', from: ['created', 'pending', 'unknown'] },
  revoked: { to: 'revoked', from: ['created', 'pending', 'unknown', 'accepted', 'expired'] },
  deleted: { to: 'withdrawn', from: ['created', 'pending', 'unknown', 'accepted', 'expired'] },
};

export interface ConsentEventsOptions {
  /** `tt02`, `prod`, or `{ platformUrl }` (e.g. the local mock). */
  environment: AltinnEnvironment;
  /** Maskinporten tokens, as the handler's (scope `altinn:consentrequests.read`). */
  tokenSource: TokenSource | TokenSource['getToken'];
  /** The handler's store. */
  store: RequestStore;
  /** The organisation that receives the consents (`consent.organization`): names the feed's position. */
  organization: string;
  /** Pages read at most in one run (100 events a page). Default 50; the next run goes on. */
  maxPages?: number;
  fetch?: typeof fetch;
  /** Milliseconds before one Altinn call gives up. Default 15000. */
  timeout?: number;
  onError?: (error: unknown) => void;
}

/** What one run did. */
export interface ConsentEventsResult {
  /** Pages read. */
  pages: number;
  /** Events read. */
  events: number;
  /** Requests in the store whose status changed. */
  updated: number;
}

/** The store's name of the feed's position, per organisation (one store may serve several). */
export const feedName = (organization: string): string => `consent-events:${organization}`;

/** One run over an Altinn API the caller already has (the handler's). */
export async function readConsentEvents(
  altinn: AltinnApi,
  store: RequestStore,
  organization: string,
  maxPages = 50,
): Promise<ConsentEventsResult> {
  const feed = feedName(organization);
  const result: ConsentEventsResult = { pages: 0, events: 0, updated: 0 };
  let position = await store.feedPosition(feed);
  while (result.pages < maxPages) {
    const query = new URLSearchParams(Object.keys(MOVES).map((type) => ['eventType', type]));
    if (position) query.set('continuationToken', position);
    const answer = await altinn.send('GET', `${EVENTS}?${query.toString()}`, READ);
    result.pages += 1;
    const { data, links } = (answer.body ?? {}) as { data?: unknown; links?: { next?: unknown } };
    for (const item of Array.isArray(data) ? data : []) {
      const { consentRequestId: id, eventType } = item as Record<string, unknown>;
      // PascalCase in the answer, lower case in the docs: compared in any case.
      const move = typeof eventType === 'string' ? MOVES[eventType.toLowerCase()] : undefined;
      result.events += 1;
      if (!move || typeof id !== 'string') continue;
      if (await store.settle('consent', id.toLowerCase(), move.to, move.from)) result.updated += 1;
    }
    // `next` comes only with a full page; it carries the token of that page's last event. A page
    // that is not full is read again next time (the feed gives no token for it; moves repeat harmlessly).
    const next = typeof links?.next === 'string' ? links.next : undefined;
    // Only its token is read (the next call goes to the configured platform): a relative link
    // resolves against the feed's path.
    const token = next ? new URL(next, FEED_URL).searchParams.get('continuationToken') : null;
    if (!token || token === position) break;
    position = token;
    await store.saveFeedPosition(feed, position);
  }
  return result;
}

/**
 * Reads Altinn's consent events feed from where the last run stopped, and writes each consent's
 * new status (accepted, rejected, revoked, deleted → withdrawn) into the store. Run it every few
 * minutes (a timer, a cron job), or let the handler run it (`consent.eventsEveryMinutes`).
 */
export function syncConsentEvents(options: ConsentEventsOptions): Promise<ConsentEventsResult> {
  const altinn = new AltinnApi({
    platformUrl: environmentUrls(options.environment).platformUrl,
    tokenSource:
      typeof options.tokenSource === 'function'
        ? { getToken: options.tokenSource }
        : options.tokenSource,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return readConsentEvents(altinn, options.store, options.organization, options.maxPages);
}
