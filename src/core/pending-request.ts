/**
 * The request a button sent the user away for, kept in `sessionStorage` so that a status element on
 * the page the user returns to can find its id even when the return URL carries none.
 */
import type { RequestKind } from './request-status.js';

export interface PendingRequest {
  kind: RequestKind;
  id: string;
  /** When the button created it (ISO 8601). */
  createdAt: string;
  /** The backend it was created through; a status element with another endpoint ignores it. */
  endpoint?: string;
}

/** True for what {@link rememberPendingRequest} wrote; anything else in the store is ignored. */
function isPendingRequest(kept: unknown): kept is PendingRequest {
  const { id, createdAt, endpoint } = (kept ?? {}) as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= 100 &&
    typeof createdAt === 'string' &&
    (endpoint === undefined || typeof endpoint === 'string')
  );
}

/** A kept request older than this is forgotten: the user did not come back. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Backends kept per kind: one request each, the latest. */
const MAX_KEPT = 8;

const keyOf = (kind: RequestKind): string => `altinn-request-elements:pending:${kind}`;

/** The page's `sessionStorage`, once found: reaching it is slow, and many elements ask. */
let foundStore: Storage | undefined;

/** `sessionStorage`, or `undefined` where it is missing or blocked (Node, some privacy modes). */
function sessionStore(): Storage | undefined {
  try {
    return (foundStore ??= globalThis.sessionStorage);
  } catch {
    return undefined;
  }
}

/** What is stored for `kind`: a list, newest first, one request per backend. */
function readKept(kind: RequestKind, storage: Storage | undefined): unknown[] {
  try {
    const kept: unknown = JSON.parse(storage?.getItem(keyOf(kind)) ?? '[]');
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

function writeKept(
  kind: RequestKind,
  kept: PendingRequest[],
  storage: Storage | undefined,
): boolean {
  if (!storage) return false;
  try {
    if (kept.length) storage.setItem(keyOf(kind), JSON.stringify(kept));
    else storage.removeItem(keyOf(kind));
    return true;
  } catch {
    // A full or blocked store only loses the fallback; the return URL still carries the id.
    return false;
  }
}

/**
 * Keeps `request` as the pending one of its kind for its backend (`endpoint`): a page with two
 * backends keeps one request for each. `false` when there is no usable store.
 */
export function rememberPendingRequest(request: PendingRequest, storage = sessionStore()): boolean {
  const others = recallPendingRequests(request.kind, storage).filter(
    (kept) => kept.endpoint !== request.endpoint && kept.id !== request.id,
  );
  return writeKept(request.kind, [request, ...others].slice(0, MAX_KEPT), storage);
}

/** Every live request of `kind` kept, newest first (one per backend). */
export function recallPendingRequests(
  kind: RequestKind,
  storage = sessionStore(),
  now = Date.now(),
): PendingRequest[] {
  return readKept(kind, storage).flatMap((kept): PendingRequest[] => {
    if (!isPendingRequest(kept) || kept.kind !== kind) return [];
    const age = now - Date.parse(kept.createdAt);
    if (!(age <= MAX_AGE_MS)) return [];
    const { id, createdAt, endpoint } = kept;
    return [endpoint === undefined ? { kind, id, createdAt } : { kind, id, createdAt, endpoint }];
  });
}

/** The latest live request of `kind`, whichever backend it went through. */
export function recallPendingRequest(
  kind: RequestKind,
  storage = sessionStore(),
  now = Date.now(),
): PendingRequest | undefined {
  return recallPendingRequests(kind, storage, now)[0];
}

/** Forgets the kept request of `kind` with `id` (every one of the kind, without `id`). */
export function forgetPendingRequest(
  kind: RequestKind,
  id?: string,
  storage = sessionStore(),
): void {
  if (id === undefined) {
    writeKept(kind, [], storage);
    return;
  }
  const kept = readKept(kind, storage);
  const others = recallPendingRequests(kind, storage).filter(
    (request) => request.id.toLowerCase() !== id.toLowerCase(),
  );
  // Many status elements learn final statuses at once: touch the store only when there is something
  // to forget (expired or corrupt entries go too).
  if (others.length !== kept.length) writeKept(kind, others, storage);
}
