/**
 * The request a button sent the user away for, kept in `sessionStorage` so that a status element on
 * the page the user returns to can find its id even when the return URL carries none.
 */
import * as v from 'valibot';
import type { RequestKind } from './status.js';

export interface PendingRequest {
  kind: RequestKind;
  id: string;
  /** When the button created it (ISO 8601). */
  createdAt: string;
  /** The backend it was created through; a status element with another endpoint ignores it. */
  endpoint?: string;
}

const pendingRequestSchema = v.object({
  kind: v.picklist(['consent', 'access']),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  createdAt: v.string(),
  endpoint: v.optional(v.string()),
});

/** A kept request older than this is forgotten: the user did not come back. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const keyOf = (kind: RequestKind): string => `altinn-request-elements:pending:${kind}`;

/** `sessionStorage`, or `undefined` where it is missing or blocked (Node, some privacy modes). */
function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps `request` as the pending one of its kind; `false` when there is no usable store. */
export function rememberPendingRequest(request: PendingRequest, storage = sessionStore()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(keyOf(request.kind), JSON.stringify(request));
    return true;
  } catch {
    // A full or blocked store only loses the fallback; the return URL still carries the id.
    return false;
  }
}

export function recallPendingRequest(
  kind: RequestKind,
  storage = sessionStore(),
  now = Date.now(),
): PendingRequest | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(keyOf(kind));
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  let kept: unknown;
  try {
    kept = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!v.is(pendingRequestSchema, kept) || kept.kind !== kind) return undefined;
  const age = now - Date.parse(kept.createdAt);
  if (!(age <= MAX_AGE_MS)) return undefined;
  const { id, createdAt, endpoint } = kept;
  return endpoint === undefined ? { kind, id, createdAt } : { kind, id, createdAt, endpoint };
}

/** Forgets the kept request of `kind`, if it is the one with `id` (or any, without `id`). */
export function forgetPendingRequest(
  kind: RequestKind,
  id?: string,
  storage = sessionStore(),
): void {
  const kept = recallPendingRequest(kind, storage);
  // A different live request stays; an expired or corrupt entry goes too.
  if (id !== undefined && kept && kept.id !== id) return;
  try {
    storage?.removeItem(keyOf(kind));
  } catch {
    // Nothing to do: see rememberPendingRequest.
  }
}
