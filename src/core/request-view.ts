/**
 * Turns whatever the backend answered into the one shape the elements render: the normalised
 * request view. The backend may answer that view itself or pass Altinn's own JSON straight through.
 */
import { consentRequestDetailsSchema, requestViewSchema } from './schemas.js';
import { consentStatus, viewStatus, type RequestKind, type RequestStatus } from './status.js';

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
  updatedAt?: string;
}

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
  const parsed = consentRequestDetailsSchema.safeParse(answer);
  if (!parsed.success) return undefined;
  const details = parsed.data;
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

function fromView(
  answer: Record<string, unknown>,
  kind: RequestKind,
  now: number,
): RequestView | undefined {
  const parsed = requestViewSchema.safeParse(answer);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  if (data.kind !== undefined && data.kind.toLowerCase() !== kind) return undefined;
  let status = viewStatus(data.status, data.validTo, now);
  // A backend that forwards only Altinn's `{ id, status }` speaks Altinn's vocabulary (e.g. `Deleted`).
  if (status === 'unknown' && kind === 'consent') {
    status = consentStatus({ status: data.status, validTo: data.validTo }, now);
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
  if (kind === 'consent' && CONSENT_DETAILS_MEMBERS.some((member) => member in answer)) {
    return fromConsentDetails(answer, now);
  }
  return fromView(answer, kind, now);
}
