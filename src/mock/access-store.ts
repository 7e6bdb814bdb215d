import { randomUUID } from 'node:crypto';
import { PARTY_UUID_URN_PREFIX, type Party, type PartyRegistry } from './registry.js';
import { RequestStore } from './request-store.js';
import { formatAltinn2DateTime, formatMicros } from './time.js';
import type {
  MockAccessRequest,
  MockAccessRequestStatus,
  MockDelegationRequest,
  MockDelegationRequestStatus,
} from './types.js';

/**
 * Where access requests live ("Be om tilgang"), how their status moves, and the JSON Altinn
 * answers with, for Altinn 2's delegation requests (altinn-api.md 3.1) and Altinn 3's service
 * owner delegation requests (3.2).
 */

export const ALTINN2_API_PATH = '/api/serviceowner/delegationrequests';
export const ALTINN2_SEND_PAGE_PATH = '/ui/DelegationRequest/send';
export const SERVICE_OWNER_API_PATH = '/accessmanagement/api/v1/serviceowner/delegationrequests';
export const DRAFT_PAGE_PATH = '/accessmanagement/ui/requests/resource';
export const RECEIVED_PAGE_PATH = '/accessmanagement/ui/requests/received';

/** The moves of a request, by name: from which statuses, to which. */
type Moves<S extends string> = Record<string, { from: readonly S[]; to: S }>;

/** Makes the move, or `false` when the status does not allow it. */
function move<S extends string>(current: S, moves: Moves<S>, name: string, apply: (to: S) => void) {
  const allowed = moves[name];
  if (!allowed?.from.includes(current)) return false;
  apply(allowed.to);
  return true;
}

// Altinn 2: Created → (user sends) Unopened → (access manager opens) Opened → Approved (or
// `Accepted`, see the option) | Rejected; Deleted by DELETE from any status. [I]

const WAITING = ['Unopened', 'Opened'] as const;
const ALTINN2_MOVES: Moves<MockDelegationRequestStatus> = {
  send: { from: ['Created'], to: 'Unopened' },
  open: { from: ['Unopened'], to: 'Opened' },
  Approved: { from: WAITING, to: 'Approved' },
  Accepted: { from: WAITING, to: 'Accepted' },
  Rejected: { from: WAITING, to: 'Rejected' },
  delete: { from: ['Created', ...WAITING, 'Approved', 'Accepted', 'Rejected'], to: 'Deleted' },
};

export type NewDelegationRequest = Omit<
  MockDelegationRequest,
  'guid' | 'requestStatus' | 'created' | 'lastChanged' | 'notifiedAccessManagers'
>;

export class DelegationRequestStore extends RequestStore<MockDelegationRequest> {
  create(input: NewDelegationRequest, nowMicros: number): MockDelegationRequest {
    const [guid, time] = [randomUUID(), formatAltinn2DateTime(nowMicros)];
    const status = { requestStatus: 'Created', created: time, lastChanged: time } as const;
    return this.add(guid, { guid, ...status, ...input, notifiedAccessManagers: [] });
  }
}

/** `send`, `open`, `delete`, or the access manager's decision (`Approved`, `Accepted`, `Rejected`). */
export function moveDelegationRequest(
  request: MockDelegationRequest,
  name: 'send' | 'open' | 'delete' | 'Approved' | 'Accepted' | 'Rejected',
  nowMicros: number,
): boolean {
  return move(request.requestStatus, ALTINN2_MOVES, name, (to) => {
    request.requestStatus = to;
    request.lastChanged = formatAltinn2DateTime(nowMicros);
  });
}

/** Waiting for the organisation's access manager. */
export function isAltinn2Pending(request: MockDelegationRequest): boolean {
  return (WAITING as readonly string[]).includes(request.requestStatus);
}

export function altinn2SelfHref(baseUrl: string, guid: string): string {
  return `${baseUrl}${ALTINN2_API_PATH}/${guid}`;
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
  const links = {
    self: { href: altinn2SelfHref(baseUrl, request.guid) },
    sendRequest: { href: `${baseUrl}${ALTINN2_SEND_PAGE_PATH}/${request.guid}` },
  };
  return {
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
    ...(hal ? { _links: links } : {}),
  };
}

// Altinn 3: Draft → (user confirms) Pending → Approved | Rejected; Draft → (user declines)
// Withdrawn; Draft | Pending → (withdraw) Withdrawn (Altinn's `VerifyRequestStatusUpdate`).

const ALTINN3_MOVES: Moves<MockAccessRequestStatus> = {
  confirm: { from: ['Draft'], to: 'Pending' },
  decline: { from: ['Draft'], to: 'Withdrawn' },
  withdraw: { from: ['Draft', 'Pending'], to: 'Withdrawn' },
  approve: { from: ['Pending'], to: 'Approved' },
  reject: { from: ['Pending'], to: 'Rejected' },
};

export type NewAccessRequest = Omit<MockAccessRequest, 'id' | 'status' | 'lastUpdated'>;

export class AccessRequestStore extends RequestStore<MockAccessRequest> {
  /**
   * Altinn looks for a request with the same assignment (from, to, by), the same resource or
   * package and the initial status (Draft) first, and answers with it instead of making a second.
   */
  findDraft(input: NewAccessRequest): MockAccessRequest | undefined {
    const key = (request: NewAccessRequest) =>
      [request.type, request.from, request.to, request.by].join() +
      (request.resource ?? request.package)?.referenceId;
    return [...this.requests.values()].find(
      (request) => request.status === 'Draft' && key(request) === key(input),
    );
  }

  create(input: NewAccessRequest, nowMicros: number): MockAccessRequest {
    const id = randomUUID();
    return this.add(id, { ...input, id, status: 'Draft', lastUpdated: formatMicros(nowMicros) });
  }
}

export function moveAccessRequest(
  request: MockAccessRequest,
  name: 'confirm' | 'decline' | 'withdraw' | 'approve' | 'reject',
  nowMicros: number,
): boolean {
  return move(request.status, ALTINN3_MOVES, name, (to) => {
    request.status = to;
    request.lastUpdated = formatMicros(nowMicros);
  });
}

/**
 * `PartyEntityDto`. `type` and `variant` carry the names of Access Management's entity types and
 * variants; the values here (Organisasjon/Person, AS/ASA/…) are the mock's reading. [I]
 */
function partyEntity(party: Party): Record<string, unknown> {
  const isOrganization = party.kind === 'organization';
  return {
    id: party.partyUuidUrn.slice(PARTY_UUID_URN_PREFIX.length),
    name: party.name,
    type: isOrganization ? 'Organisasjon' : 'Person',
    variant: isOrganization
      ? (/\b(ASA|AS|ENK|DA|ANS|SA)$/.exec(party.name)?.[1] ?? 'ORGL')
      : 'Person',
    organizationIdentifier: isOrganization ? party.number : null,
    personIdentifier: isOrganization ? null : party.number,
  };
}

/** `RequestDto` as the service owner API answers it; `links` only here, in the create answer. */
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
    resource: request.resource && { ...request.resource },
    package: request.package && { ...request.package },
    links: {
      detailsLink: `${baseUrl}${DRAFT_PAGE_PATH}?requestId=${request.id}`,
      statusLink: `${baseUrl}${SERVICE_OWNER_API_PATH}/${request.id}/status`,
    },
    from: partyEntity(parties.orSynthetic(request.from)),
    to: partyEntity(parties.orSynthetic(request.to)),
    by: partyEntity(parties.orSynthetic(request.by)),
  };
}
