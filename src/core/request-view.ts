/**
 * Turns Altinn's answers (or a view) into the normalised request view, on the server: the backend
 * answers only views (contract v2), and the elements read them with `view.ts`.
 */
import { is } from 'valibot';
import { consentRequestDetailsSchema, requestViewSchema } from './schemas.js';
import {
  altinn2AccessStatus,
  altinn3AccessStatus,
  consentStatus,
  viewStatus,
  type RequestKind,
} from './status.js';

export type { Navigation, RequestView } from './view.js';
import type { Navigation, RequestView } from './view.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function navigationOf(value: string | null | undefined): Navigation | undefined {
  const lower = value?.toLowerCase();
  return lower === 'redirect' || lower === 'new-window' ? lower : undefined;
}

/** Members that only Altinn's consent request has (never the normalised view). */
const CONSENT_DETAILS_MEMBERS = [
  'viewUri',
  'consentRequestEvents',
  'consentRequestStatus',
  'consentRights',
];

function fromConsentDetails(answer: Record<string, unknown>, now: number): RequestView | undefined {
  if (!is(consentRequestDetailsSchema, answer)) return undefined;
  const details = answer;
  const events = details.consentRequestEvents ?? [];
  // By time, not by text: offsets differ between events.
  const latestEvent = events
    .map((event) => event.created)
    .filter(
      (created): created is string =>
        typeof created === 'string' && !Number.isNaN(Date.parse(created)),
    )
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);
  const view: RequestView = {
    kind: 'consent',
    id: details.id,
    status: consentStatus(
      {
        status: details.status ?? details.consentRequestStatus,
        eventTypes: events.map((event) => event.eventType),
        validTo: details.validTo,
      },
      now,
    ),
    navigation: 'redirect',
  };
  if (details.viewUri) view.url = details.viewUri;
  if (details.validTo) view.validTo = details.validTo;
  if (latestEvent) view.updatedAt = latestEvent;
  return view;
}

/** A member of `record` by name in any letter case (Altinn 2 answers PascalCase, some clients camelCase). */
function member(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function textMember(record: Record<string, unknown>, name: string): string | undefined {
  const value = member(record, name);
  return typeof value === 'string' && value ? value : undefined;
}

/** An Altinn 2 delegation request (HAL with `_links.sendRequest`, or plain JSON without links). */
function fromAltinn2DelegationRequest(answer: Record<string, unknown>): RequestView | undefined {
  const id = textMember(answer, 'Guid');
  const status = textMember(answer, 'RequestStatus');
  if (!id || !status) return undefined;
  const view: RequestView = {
    kind: 'access',
    id,
    status: altinn2AccessStatus(status),
    navigation: 'redirect',
  };
  const links = member(answer, '_links');
  const sendRequest = isRecord(links) ? member(links, 'sendRequest') : undefined;
  const href = isRecord(sendRequest) ? textMember(sendRequest, 'href') : undefined;
  if (href) view.url = href;
  const changed = textMember(answer, 'LastChanged') ?? textMember(answer, 'Created');
  if (changed) view.updatedAt = changed;
  return view;
}

/** An Altinn 3 service owner delegation request (`RequestDto`, with `links.detailsLink`). */
function fromAltinn3DelegationRequest(answer: Record<string, unknown>): RequestView | undefined {
  const id = textMember(answer, 'id');
  const status = textMember(answer, 'status');
  if (!id || !status) return undefined;
  // No redirect back exists: the user finishes in a new window while this page polls.
  const view: RequestView = {
    kind: 'access',
    id,
    status: altinn3AccessStatus(status),
    navigation: 'new-window',
  };
  const links = member(answer, 'links');
  const details = isRecord(links) ? textMember(links, 'detailsLink') : undefined;
  if (details) view.url = details;
  const updated = textMember(answer, 'lastUpdated');
  if (updated) view.updatedAt = updated;
  return view;
}

function fromView(
  answer: Record<string, unknown>,
  kind: RequestKind,
  now: number,
): RequestView | undefined {
  if (!is(requestViewSchema, answer)) return undefined;
  const data = answer;
  if (data.kind !== undefined && data.kind.toLowerCase() !== kind) return undefined;
  let status = viewStatus(data.status, data.validTo, now);
  // A backend that forwards only Altinn's `{ id, status }` speaks Altinn's vocabulary (e.g. `Deleted`).
  if (status === 'unknown' && kind === 'consent') {
    status = consentStatus({ status: data.status, validTo: data.validTo }, now);
  }
  // Likewise Altinn 3's (`Draft`) or Altinn 2's (`Unopened`) vocabulary for access requests.
  if (status === 'unknown' && kind === 'access') {
    status = altinn3AccessStatus(data.status);
    if (status === 'unknown') status = altinn2AccessStatus(data.status);
  }
  const view: RequestView = { kind, id: data.id, status };
  if (data.url) view.url = data.url;
  const navigation = navigationOf(data.navigation);
  if (navigation) view.navigation = navigation;
  if (data.validTo) view.validTo = data.validTo;
  if (data.updatedAt) view.updatedAt = data.updatedAt;
  return view;
}

/**
 * The request view of a backend answer, or `undefined` when the answer is neither the normalised view
 * nor an Altinn request of the expected kind.
 */
export function toRequestView(
  answer: unknown,
  kind: RequestKind,
  now: number = Date.now(),
): RequestView | undefined {
  if (!isRecord(answer)) return undefined;
  if (kind === 'consent' && CONSENT_DETAILS_MEMBERS.some((name) => name in answer)) {
    return fromConsentDetails(answer, now);
  }
  if (kind === 'access') {
    if (member(answer, 'Guid') !== undefined || '_links' in answer)
      return fromAltinn2DelegationRequest(answer);
    if (isRecord(answer.links) || 'lastUpdated' in answer)
      return fromAltinn3DelegationRequest(answer);
  }
  return fromView(answer, kind, now);
}
