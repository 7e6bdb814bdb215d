import { randomUUID } from 'node:crypto';
import { PARTY_UUID_URN_PREFIX, type Party, type PartyRegistry } from './registry.js';
import { formatAltinn2DateTime, formatMicros } from './time.js';
import type {
  MockAccessRequest,
  MockAccessRequestStatus,
  MockDelegationRequest,
  MockDelegationRequestStatus,
  MockRequestResource,
} from './types.js';

/**
 * Where access requests live ("Be om tilgang"), how their status moves, and the JSON Altinn
 * answers with:
 * - Altinn 2 delegation requests (altinn-api.md 3.1): Created → (user sends) Unopened → (access
 *   manager opens) Opened → Approved (or `Accepted`, see the option) | Rejected; Deleted by DELETE.
 * - Altinn 3 service owner delegation requests (3.2): Draft → (user confirms) Pending →
 *   Approved | Rejected; Draft → (user declines) Withdrawn; Draft | Pending → (withdraw) Withdrawn.
 */

export const ALTINN2_API_PATH = '/api/serviceowner/delegationrequests';
export const ALTINN2_SEND_PAGE_PATH = '/ui/DelegationRequest/send';
export const SERVICE_OWNER_API_PATH = '/accessmanagement/api/v1/serviceowner/delegationrequests';
export const DRAFT_PAGE_PATH = '/accessmanagement/ui/requests/resource';
export const RECEIVED_PAGE_PATH = '/accessmanagement/ui/requests/received';

// ---------------------------------------------------------------------------------------------
// Altinn 2

export interface NewDelegationRequest {
  serviceOwner: string;
  coveredBy: string;
  offeredBy: string;
  redirectUrl: string;
  requestMessage: string | null;
  keepSessionAlive: boolean;
  requestResources: MockRequestResource[];
}

export class DelegationRequestStore {
  readonly requests = new Map<string, MockDelegationRequest>();
  private sequence = 0;

  clear(): void {
    this.requests.clear();
  }

  get(guid: string): MockDelegationRequest | undefined {
    return this.requests.get(guid.toLowerCase());
  }

  create(input: NewDelegationRequest, nowMicros: number): MockDelegationRequest {
    const time = formatAltinn2DateTime(nowMicros);
    this.sequence += 1;
    const request: MockDelegationRequest = {
      guid: randomUUID(),
      requestStatus: 'Created',
      ...input,
      created: time,
      lastChanged: time,
      notifiedAccessManagers: [],
      sequence: this.sequence,
    };
    this.requests.set(request.guid, request);
    return request;
  }
}

/** Waiting for the organisation's access manager. */
export function isAltinn2Pending(request: MockDelegationRequest): boolean {
  return request.requestStatus === 'Unopened' || request.requestStatus === 'Opened';
}

function setAltinn2Status(
  request: MockDelegationRequest,
  status: MockDelegationRequestStatus,
  nowMicros: number,
): void {
  request.requestStatus = status;
  request.lastChanged = formatAltinn2DateTime(nowMicros);
}

/** The user sends it from the send page: only from Created. The message replaces the service owner's. */
export function sendDelegationRequest(
  request: MockDelegationRequest,
  message: string | null,
  recipients: string[],
  nowMicros: number,
): boolean {
  if (request.requestStatus !== 'Created') return false;
  request.requestMessage = message;
  request.notifiedAccessManagers = recipients;
  setAltinn2Status(request, 'Unopened', nowMicros);
  return true;
}

/** The access manager opens it: Unopened → Opened; anything else stays. */
export function openDelegationRequest(request: MockDelegationRequest, nowMicros: number): void {
  if (request.requestStatus === 'Unopened') setAltinn2Status(request, 'Opened', nowMicros);
}

/** The access manager decides: only while it waits (Unopened or Opened). */
export function decideDelegationRequest(
  request: MockDelegationRequest,
  decision: 'Approved' | 'Accepted' | 'Rejected',
  nowMicros: number,
): boolean {
  if (!isAltinn2Pending(request)) return false;
  setAltinn2Status(request, decision, nowMicros);
  return true;
}

/** `DELETE`: from any status; deleting again changes nothing. [I] */
export function deleteDelegationRequest(request: MockDelegationRequest, nowMicros: number): void {
  if (request.requestStatus !== 'Deleted') setAltinn2Status(request, 'Deleted', nowMicros);
}

export function altinn2SelfHref(baseUrl: string, guid: string): string {
  return `${baseUrl}${ALTINN2_API_PATH}/${guid}`;
}

export function altinn2SendHref(baseUrl: string, guid: string): string {
  return `${baseUrl}${ALTINN2_SEND_PAGE_PATH}/${guid}`;
}

/**
 * One delegation request as the API writes it: PascalCase, `AltinnAppId: null` for a service, and
 * with HAL `_links` (`self`, `sendRequest`) unless the caller asked for plain JSON.
 */
export function delegationRequestJson(
  request: MockDelegationRequest,
  baseUrl: string,
  hal: boolean,
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    Guid: request.guid,
    RequestStatus: request.requestStatus,
    CoveredBy: request.coveredBy,
    OfferedBy: request.offeredBy,
    RedirectUrl: request.redirectUrl,
    RequestMessage: request.requestMessage,
    KeepSessionAlive: request.keepSessionAlive,
    Created: request.created,
    LastChanged: request.lastChanged,
    RequestResources: request.requestResources.map((resource) => ({
      ServiceCode: resource.serviceCode,
      ServiceEditionCode: resource.serviceEditionCode,
      AltinnAppId: null,
      Operations: [...resource.operations],
    })),
  };
  if (hal) {
    json._links = {
      self: { href: altinn2SelfHref(baseUrl, request.guid) },
      sendRequest: { href: altinn2SendHref(baseUrl, request.guid) },
    };
  }
  return json;
}

// ---------------------------------------------------------------------------------------------
// Altinn 3

export interface NewAccessRequest {
  type: 'resource' | 'package';
  from: Party;
  to: Party;
  by: Party;
  resource: { id: string; referenceId: string } | null;
  package: { id: string; referenceId: string } | null;
  rightKeys: string[] | null;
  createdWith: MockAccessRequest['createdWith'];
}

export class AccessRequestStore {
  readonly requests = new Map<string, MockAccessRequest>();

  clear(): void {
    this.requests.clear();
  }

  get(id: string): MockAccessRequest | undefined {
    return this.requests.get(id.toLowerCase());
  }

  /**
   * Altinn looks for a request with the same assignment (from, to, by), the same resource or
   * package and the initial status (Draft) first, and answers with it instead of making a second.
   */
  findDraft(input: NewAccessRequest): MockAccessRequest | undefined {
    return [...this.requests.values()].find(
      (request) =>
        request.status === 'Draft' &&
        request.type === input.type &&
        request.from === input.from.urn &&
        request.to === input.to.urn &&
        request.by === input.by.urn &&
        (input.type === 'resource'
          ? request.resource?.referenceId === input.resource?.referenceId
          : request.package?.referenceId === input.package?.referenceId),
    );
  }

  create(input: NewAccessRequest, nowMicros: number): MockAccessRequest {
    const request: MockAccessRequest = {
      id: randomUUID(),
      type: input.type,
      status: 'Draft',
      from: input.from.urn,
      to: input.to.urn,
      by: input.by.urn,
      resource: input.resource,
      package: input.package,
      rightKeys: input.rightKeys,
      createdWith: input.createdWith,
      lastUpdated: formatMicros(nowMicros),
    };
    this.requests.set(request.id, request);
    return request;
  }
}

/** The moves each actor may make, from which statuses (Altinn's `VerifyRequestStatusUpdate`). */
const TRANSITIONS = {
  confirm: { from: ['Draft'], to: 'Pending' },
  decline: { from: ['Draft'], to: 'Withdrawn' },
  withdraw: { from: ['Draft', 'Pending'], to: 'Withdrawn' },
  approve: { from: ['Pending'], to: 'Approved' },
  reject: { from: ['Pending'], to: 'Rejected' },
} as const satisfies Record<
  string,
  { from: readonly MockAccessRequestStatus[]; to: MockAccessRequestStatus }
>;

export type AccessRequestMove = keyof typeof TRANSITIONS;

/** Moves the request, or returns `false` when its status does not allow the move. */
export function moveAccessRequest(
  request: MockAccessRequest,
  move: AccessRequestMove,
  nowMicros: number,
): boolean {
  const transition = TRANSITIONS[move];
  if (!(transition.from as readonly MockAccessRequestStatus[]).includes(request.status)) {
    return false;
  }
  request.status = transition.to;
  request.lastUpdated = formatMicros(nowMicros);
  return true;
}

/**
 * `PartyEntityDto`. `type` and `variant` carry the names of Access Management's entity types and
 * variants; the values here (Organisasjon/Person, AS/ASA/…) are the mock's reading. [I]
 */
export function partyEntity(party: Party): Record<string, unknown> {
  const isOrganization = party.kind === 'organization';
  const variant = isOrganization
    ? (/\b(ASA|AS|ENK|DA|ANS|SA)$/.exec(party.name)?.[1] ?? 'ORGL')
    : 'Person';
  return {
    id: party.partyUuidUrn.slice(PARTY_UUID_URN_PREFIX.length),
    name: party.name,
    type: isOrganization ? 'Organisasjon' : 'Person',
    variant,
    organizationIdentifier: isOrganization ? party.number : null,
    personIdentifier: isOrganization ? null : party.number,
  };
}

export function draftPageHref(baseUrl: string, id: string): string {
  return `${baseUrl}${DRAFT_PAGE_PATH}?requestId=${id}`;
}

/** `RequestDto` as the service owner API answers it. */
export function accessRequestDto(
  request: MockAccessRequest,
  baseUrl: string,
  parties: PartyRegistry,
): Record<string, unknown> {
  return {
    id: request.id,
    status: request.status,
    type: request.type,
    lastUpdated: request.lastUpdated,
    lastUpdatedBy: null,
    resource: request.resource ? { ...request.resource } : null,
    package: request.package ? { ...request.package } : null,
    links: {
      detailsLink: draftPageHref(baseUrl, request.id),
      statusLink: `${baseUrl}${SERVICE_OWNER_API_PATH}/${request.id}/status`,
    },
    from: partyEntity(parties.orSynthetic(request.from)),
    to: partyEntity(parties.orSynthetic(request.to)),
    by: partyEntity(parties.orSynthetic(request.by)),
  };
}
