import { AM, type ProblemDescriptor } from './problems.js';
import type { Party } from './registry.js';
import { uuidv7 } from './ids.js';
import { formatMicros } from './time.js';
import type {
  MockConsentEvent,
  MockConsentEventType,
  MockConsentRequest,
  MockConsentRight,
  MockConsentStatus,
  MockResource,
} from './types.js';

/**
 * Where consent requests live, how their status moves (altinn-api.md 2.5), and the two JSON
 * shapes Altinn answers with: the `ConsentRequestDetails` DTO (201 and GET) and the internal
 * model of the idempotent 200 (2.4).
 */

export interface NewConsentRequest {
  id: string;
  from: Party;
  to: Party;
  requiredDelegator: Party | null;
  handledBy: Party | null;
  validToMicros: number;
  consentRights: MockConsentRight[];
  requestMessage: Record<string, string> | null;
  redirectUrl: string;
  portalViewMode: 'Hide' | 'Show';
  templateId: string;
  templateVersion: number;
}

export type Transition = { ok: true } | { ok: false; problem: ProblemDescriptor };

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

export class ConsentStore {
  readonly requests = new Map<string, MockConsentRequest>();

  clear(): void {
    this.requests.clear();
  }

  get(id: string): MockConsentRequest | undefined {
    return this.requests.get(id.toLowerCase());
  }

  create(input: NewConsentRequest, performedBy: Party, nowMicros: number): MockConsentRequest {
    const request: MockConsentRequest = {
      id: input.id,
      from: input.from.urn,
      to: input.to.urn,
      requiredDelegator: input.requiredDelegator?.urn ?? null,
      handledBy: input.handledBy?.urn ?? null,
      validTo: formatMicros(input.validToMicros),
      validToMicros: input.validToMicros,
      consentRights: input.consentRights,
      requestMessage: input.requestMessage,
      status: 'Created',
      consented: null,
      redirectUrl: input.redirectUrl,
      portalViewMode: input.portalViewMode,
      templateId: input.templateId,
      templateVersion: input.templateVersion,
      events: [],
    };
    addEvent(request, 'Created', performedBy, nowMicros);
    this.requests.set(request.id, request);
    return request;
  }
}

export function addEvent(
  request: MockConsentRequest,
  eventType: MockConsentEventType,
  performedBy: Party,
  nowMicros: number,
): MockConsentEvent {
  const event: MockConsentEvent = {
    consentEventID: uuidv7(Math.floor(nowMicros / 1000)),
    created: formatMicros(nowMicros),
    createdMicros: nowMicros,
    performedBy: performedBy.urn,
    performedByPartyUuid: performedBy.partyUuidUrn,
    eventType,
    consentRequestID: request.id,
  };
  request.events.push(event);
  return event;
}

export function isExpired(request: MockConsentRequest, nowMicros: number): boolean {
  return request.validToMicros < nowMicros;
}

/**
 * The user accepts. Only from Created (else AM-00002); accepting again is idempotent. The user must
 * be the required delegator when one is set, and able to delegate every requested action (else
 * AM-00000). An expired request is refused (AM-00013): Altinn's page offers no button for it.
 */
export function acceptRequest(
  request: MockConsentRequest,
  user: Party,
  resources: (id: string) => MockResource | undefined,
  nowMicros: number,
): Transition {
  if (!userMayAnswer(request, user, resources)) return { ok: false, problem: AM.notAuthorized };
  if (request.status === 'Accepted') return { ok: true };
  if (request.status !== 'Created') return { ok: false, problem: AM.cannotAccept };
  if (isExpired(request, nowMicros)) return { ok: false, problem: AM.expired };
  setStatus(request, 'Accepted', user, nowMicros);
  request.consented = formatMicros(nowMicros);
  return { ok: true };
}

/** The user rejects. Only from Created (else AM-00015); rejecting again is idempotent. */
export function rejectRequest(
  request: MockConsentRequest,
  user: Party,
  nowMicros: number,
): Transition {
  if (request.status === 'Rejected') return { ok: true };
  if (request.status !== 'Created') return { ok: false, problem: AM.cannotReject };
  if (isExpired(request, nowMicros)) return { ok: false, problem: AM.expired };
  setStatus(request, 'Rejected', user, nowMicros);
  return { ok: true };
}

/** The user revokes an accepted consent. Only from Accepted (else AM-00010); idempotent. */
export function revokeRequest(
  request: MockConsentRequest,
  user: Party,
  nowMicros: number,
): Transition {
  if (request.status === 'Revoked') return { ok: true };
  if (request.status !== 'Accepted') return { ok: false, problem: AM.cannotRevoke };
  setStatus(request, 'Revoked', user, nowMicros);
  return { ok: true };
}

function setStatus(
  request: MockConsentRequest,
  status: MockConsentStatus & MockConsentEventType,
  user: Party,
  nowMicros: number,
): void {
  request.status = status;
  addEvent(request, status, user, nowMicros);
}

function userMayAnswer(
  request: MockConsentRequest,
  user: Party,
  resources: (id: string) => MockResource | undefined,
): boolean {
  if (request.requiredDelegator !== null && request.requiredDelegator !== user.urn) return false;
  return request.consentRights.every((right) => {
    const resource = right.resource[0] ? resources(right.resource[0].value) : undefined;
    const delegable = (resource?.actions ?? ['consent']).map((a) => a.toLowerCase());
    return resource !== undefined && right.action.every((a) => delegable.includes(a.toLowerCase()));
  });
}

function rightsJson(request: MockConsentRequest, withVersion: boolean): unknown[] {
  return request.consentRights.map((right) => ({
    action: [...right.action],
    resource: right.resource.map((item) =>
      withVersion
        ? { type: item.type, value: item.value, version: item.version }
        : { type: item.type, value: item.value },
    ),
    metadata: right.metadata ? { ...right.metadata } : null,
  }));
}

/**
 * `ConsentRequestDetails` as the 201 and `GET /consentrequests/{id}` answer it. On GET, when
 * `validTo` has passed and no Expired event exists, Altinn adds one (created = validTo, performedBy
 * = to) without storing it and without touching `status`; its two ids are empty GUIDs, as the
 * event is built without them.
 */
export function consentRequestDetails(
  request: MockConsentRequest,
  viewUri: string,
  options: { nowMicros?: number } = {},
): Record<string, unknown> {
  const events: Record<string, unknown>[] = request.events.map((event) => ({
    consentEventID: event.consentEventID,
    created: event.created,
    performedBy: event.performedBy,
    eventType: event.eventType,
    consentRequestID: event.consentRequestID,
  }));
  if (
    options.nowMicros !== undefined &&
    isExpired(request, options.nowMicros) &&
    !request.events.some((event) => event.eventType === 'Expired')
  ) {
    events.push({
      consentEventID: EMPTY_GUID,
      created: request.validTo,
      performedBy: request.to,
      eventType: 'Expired',
      consentRequestID: EMPTY_GUID,
    });
  }
  return {
    id: request.id,
    from: request.from,
    to: request.to,
    requiredDelegator: request.requiredDelegator,
    handledBy: request.handledBy,
    validTo: request.validTo,
    consentRights: rightsJson(request, false),
    requestMessage: request.requestMessage ? { ...request.requestMessage } : null,
    status: request.status,
    consented: request.consented,
    redirectUrl: request.redirectUrl,
    consentRequestEvents: events,
    viewUri,
    portalViewMode: request.portalViewMode,
  };
}

/**
 * The idempotent 200 of `POST /consentrequests`: Altinn's internal model, not the DTO. The status
 * is `consentRequestStatus`; `templateId` and `templateVersion` appear; resources carry `version`;
 * parties are mapped to external URNs but the events' `performedBy` stays a party uuid URN.
 */
export function internalConsentRequest(
  request: MockConsentRequest,
  viewUri: string,
): Record<string, unknown> {
  return {
    id: request.id,
    from: request.from,
    requiredDelegator: request.requiredDelegator,
    to: request.to,
    handledBy: request.handledBy,
    validTo: request.validTo,
    consentRights: rightsJson(request, true),
    requestMessage: request.requestMessage ? { ...request.requestMessage } : null,
    consentRequestStatus: request.status,
    consented: request.consented,
    consentRequestEvents: request.events.map((event) => ({
      consentEventID: event.consentEventID,
      created: event.created,
      performedBy: event.performedByPartyUuid,
      eventType: event.eventType,
      consentRequestID: event.consentRequestID,
    })),
    redirectUrl: request.redirectUrl,
    viewUri,
    templateId: request.templateId,
    templateVersion: request.templateVersion,
  };
}
