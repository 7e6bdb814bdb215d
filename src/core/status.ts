/**
 * Altinn's status vocabularies and their mapping into the normalised status: the one place where an
 * Altinn status (in any letter case) becomes one of the statuses of `request-status.ts`. The backend
 * uses it; the elements read only the normalised word, so none of this reaches the browser bundle.
 */

export * from './request-status.js';
import { hasExpired, type RequestStatus } from './request-status.js';

/** Altinn 3 consent statuses and event types (`ConsentRequestStatus`, `ConsentRequestEventType`). */
const CONSENT_VOCABULARY: ReadonlyMap<string, RequestStatus> = new Map([
  ['created', 'created'],
  ['accepted', 'accepted'],
  ['used', 'accepted'],
  ['rejected', 'rejected'],
  ['revoked', 'revoked'],
  ['deleted', 'withdrawn'],
  ['expired', 'expired'],
]);

/** What the consent status is derived from: Altinn's `status` (or `consentRequestStatus`), its events and `validTo`. */
export interface ConsentStatusSource {
  status?: string | null | undefined;
  eventTypes?: readonly string[] | undefined;
  validTo?: string | null | undefined;
}

/**
 * The normalised status of an Altinn 3 consent request.
 *
 * Altinn's GET adds a synthetic `Expired` event but may still report `status: Accepted` after `validTo`,
 * and older deployments return only events, so the status is derived from all three sources. A final
 * "no" (revoked, deleted, rejected) wins over expiry, expiry wins over acceptance, as Altinn's own UI does.
 */
export function consentStatus(
  source: ConsentStatusSource,
  now: number = Date.now(),
): RequestStatus {
  const seen = new Set<RequestStatus>();
  for (const name of [source.status, ...(source.eventTypes ?? [])]) {
    if (typeof name !== 'string') continue;
    const mapped = CONSENT_VOCABULARY.get(name.trim().toLowerCase());
    if (mapped) seen.add(mapped);
  }
  for (const final of ['revoked', 'withdrawn', 'rejected'] as const) {
    if (seen.has(final)) return final;
  }
  if (seen.has('expired') || hasExpired(source.validTo, now)) return 'expired';
  if (seen.has('accepted')) return 'accepted';
  if (seen.has('created')) return 'created';
  return 'unknown';
}

/** Altinn 2 `RequestStatus` of a delegation request ("Be om tilgang", `api/serviceowner/delegationRequests`). */
const ALTINN2_ACCESS_VOCABULARY: ReadonlyMap<string, RequestStatus> = new Map([
  ['created', 'created'],
  ['unopened', 'pending'],
  ['opened', 'pending'],
  // Altinn 2's filter documentation says Approved; NAV's client checks Accepted. Both mean granted.
  ['approved', 'accepted'],
  ['accepted', 'accepted'],
  ['rejected', 'rejected'],
  ['deleted', 'withdrawn'],
]);

/** Altinn 3 `RequestStatus` of a service owner delegation request. */
const ALTINN3_ACCESS_VOCABULARY: ReadonlyMap<string, RequestStatus> = new Map([
  ['draft', 'created'],
  ['pending', 'pending'],
  ['approved', 'accepted'],
  ['rejected', 'rejected'],
  ['withdrawn', 'withdrawn'],
  ['none', 'unknown'],
]);

/** The normalised status of an Altinn 2 delegation request's `RequestStatus`, in any letter case. */
export function altinn2AccessStatus(value: unknown): RequestStatus {
  return typeof value === 'string'
    ? (ALTINN2_ACCESS_VOCABULARY.get(value.trim().toLowerCase()) ?? 'unknown')
    : 'unknown';
}

/** The normalised status of an Altinn 3 delegation request's `status`, in any letter case. */
export function altinn3AccessStatus(value: unknown): RequestStatus {
  return typeof value === 'string'
    ? (ALTINN3_ACCESS_VOCABULARY.get(value.trim().toLowerCase()) ?? 'unknown')
    : 'unknown';
}
