/**
 * The request view, the one shape the backend answers (contract v2), and its small reader. The
 * browser reads a few fields by hand: the backend has mapped Altinn already, and a schema library
 * would cost more than the elements themselves.
 */
import { viewStatus, type RequestKind, type RequestStatus } from './request-status.js';

/** How the user is sent to Altinn: in the same tab, or in a new one while this page polls. */
export type Navigation = 'redirect' | 'new-window';

/** The normalised request view. */
export interface RequestView {
  kind: RequestKind;
  id: string;
  status: RequestStatus;
  /** Where the user acts in Altinn; not yet checked against the allow-list. */
  url?: string;
  navigation?: Navigation;
  validTo?: string;
  /** When the request was made (ISO 8601): "you asked on 1 December". */
  createdAt?: string;
  updatedAt?: string;
  /** What was asked for, e.g. `{ resource }` (list answers). */
  subject?: Record<string, unknown>;
}

/** True when two request ids name the same request (UUIDs compare in any letter case). */
export function sameRequestId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * The view in `answer` when it is a view of `kind` (and about `id`, when given), else `undefined`.
 * An answer without its `kind`, or about another request, is never believed.
 */
export function readView(
  answer: unknown,
  kind: RequestKind,
  id?: string,
  now: number = Date.now(),
): RequestView | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const data = answer as Record<string, unknown>;
  if (data.kind !== kind || !isText(data.id) || typeof data.status !== 'string') return undefined;
  if (id !== undefined && !sameRequestId(data.id, id)) return undefined;
  const validTo = isText(data.validTo) ? data.validTo : undefined;
  const view: RequestView = { kind, id: data.id, status: viewStatus(data.status, validTo, now) };
  for (const key of ['url', 'validTo', 'createdAt', 'updatedAt'] as const) {
    if (isText(data[key])) view[key] = data[key];
  }
  if (data.navigation === 'redirect' || data.navigation === 'new-window') {
    view.navigation = data.navigation;
  }
  if (data.subject instanceof Object) view.subject = data.subject as Record<string, unknown>;
  return view;
}
