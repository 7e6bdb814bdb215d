/**
 * The normalised status vocabulary of the contract, the only one the elements know: the backend maps
 * Altinn's words into it, one module per Altinn API (`src/server/consent.ts`, `access-altinn2.ts`,
 * `access-altinn3.ts`, `system-user.ts`).
 */

/** Every normalised status, in the order of the contract's table. */
export const REQUEST_STATUSES = [
  'created',
  'pending',
  'accepted',
  'rejected',
  'revoked',
  'withdrawn',
  'expired',
  'unknown',
] as const;

/** A request's status in this library's own vocabulary. */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The kinds of request this library speaks of. */
export type RequestKind = 'consent' | 'access' | 'system-user';

/** True for a status that will not change by waiting (polling stops there). */
export function isFinalStatus(status: RequestStatus): boolean {
  return !['created', 'pending', 'unknown'].includes(status);
}

/** Reads a status already in the normalised vocabulary, in any letter case; anything else is `unknown`. */
export function normaliseStatus(value: unknown): RequestStatus {
  if (typeof value !== 'string') return 'unknown';
  const lower = value.trim().toLowerCase();
  return (REQUEST_STATUSES as readonly string[]).includes(lower)
    ? (lower as RequestStatus)
    : 'unknown';
}

/** True when `validTo` is a parseable time at or before `now`. */
export function hasExpired(validTo: string | null | undefined, now: number): boolean {
  // NaN (no time, or none at all) is never at or before `now`.
  return Date.parse(validTo ?? '') <= now;
}

/**
 * A status from the backend's normalised view, with expiry applied: a backend that forgets to check
 * `validTo` must not make an ended consent look granted.
 */
export function viewStatus(
  status: unknown,
  validTo: string | null | undefined,
  now: number = Date.now(),
): RequestStatus {
  const normalised = normaliseStatus(status);
  if ((normalised === 'accepted' || normalised === 'created') && hasExpired(validTo, now)) {
    return 'expired';
  }
  return normalised;
}
