import {
  recallPendingRequests,
  rememberPendingRequest,
  type PendingRequest,
} from '../../core/pending-request.js';
import { readReturnParams, withoutReturnParams } from '../../core/return-params.js';
import type { RequestKind } from '../../core/request-status.js';
import { resolveEndpoint } from './navigation.js';

/** Ids read from the URL when `sessionStorage` could not keep them. */
const keptInMemory = new Map<RequestKind, string>();
/** Ids read from this page's URL whose status element has not yet taken focus. */
const toFocus = new Map<RequestKind, string>();

/**
 * Takes this library's return parameters out of the address bar, so a reload or a shared link does
 * not repeat them, and keeps each id found as the pending request of its kind. Every status element
 * on the page then finds its id, whichever reads the URL first.
 */
export function takeReturnParams(): void {
  const location = globalThis.location;
  // Cheap first: a page with many status elements runs this for each of them. `RequestId` is in
  // DelegationRequestId, accessRequestId and systemUserRequestId.
  if (!location || !/consentId|RequestId/.test(location.href)) return;
  const params = readReturnParams(location.href);
  const found: [RequestKind, string | undefined][] = [
    ['consent', params.consentId],
    ['access', params.delegationRequestId ?? params.accessRequestId],
    ['system-user', params.systemUserRequestId],
  ];
  let any = false;
  for (const [kind, id] of found) {
    if (!id) continue;
    any = true;
    toFocus.set(kind, id.toLowerCase());
    // The button kept this id with the backend it used: keep that, so another backend's status
    // element on the page does not take it.
    const kept = recallPendingRequests(kind).find(
      (request) => request.id.toLowerCase() === id.toLowerCase(),
    );
    const pending: PendingRequest = { kind, id, createdAt: new Date().toISOString() };
    if (kept?.endpoint) pending.endpoint = kept.endpoint;
    if (!rememberPendingRequest(pending)) keptInMemory.set(kind, id);
  }
  if (any)
    globalThis.history.replaceState(
      globalThis.history.state,
      '',
      withoutReturnParams(location.href),
    );
}

/**
 * The id of the request of `kind` the user came back from (URL first, then `sessionStorage`): the
 * latest kept for `endpoint` (or for no particular backend); one for another backend is not this
 * element's.
 */
export function returnedRequestId(kind: RequestKind, endpoint: string): string | undefined {
  takeReturnParams();
  const kept = recallPendingRequests(kind);
  const mine = kept.find(
    (pending) => pending.endpoint === undefined || resolveEndpoint(pending.endpoint) === endpoint,
  );
  return mine ? mine.id : kept.length ? undefined : keptInMemory.get(kind);
}

/**
 * Whether the status element showing `id` of `kind` should take focus once it has read the status:
 * the id came back from Altinn in this page's URL, and no other element has claimed it.
 */
export function claimReturnFocus(kind: RequestKind, id: string | undefined): boolean {
  const mine = id !== undefined && toFocus.get(kind) === id.toLowerCase();
  if (mine) toFocus.delete(kind);
  return mine;
}
