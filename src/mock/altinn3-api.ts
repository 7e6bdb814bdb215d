import { randomUUID } from 'node:crypto';
import { bearer, SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE } from './auth.js';
import { empty, json } from './http.js';
import { isGuid, stableUuid } from './ids.js';
import { member, type JsonObject } from './json-input.js';
import { VLD, invalid, invalidField, jsonObjectBody, type ValidationError } from './problems.js';
import {
  ORGANIZATION_URN_PREFIX,
  PARTY_UUID_URN_PREFIX,
  parsePartyUrn,
  type Party,
} from './registry.js';
import { RequestStore, move, type Moves } from './request-store.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { formatMicros } from './time.js';
import type { MockAccessRequest, MockAccessRequestStatus } from './types.js';

/**
 * Altinn 3's service owner delegation requests (altinn-api.md 3.2, read with Access Management's
 * `RequestController`): create for a resource or an access package (status Draft, 202), read the
 * status, withdraw; the requests' store, their status moves and their JSON. There is no redirect
 * back: the user confirms on `links.detailsLink` and the portal polls `links.statusLink`. There is
 * no `GET {id}` in Altinn, so none here either.
 *
 * Not mocked, as the product never calls them: `GET _meta/urns/party`, and the root `POST`. The
 * root takes the parties in the delegation direction, `{ from: organisation asked (grantor), to:
 * person (receiver) }`, and swaps them into the same request `POST resource` makes from `{ from:
 * person (requester), to: organisation asked }`. NAV sends the root POST as `{ from: org, to:
 * person }`: a convention, not a bug (its first version had it the other way round).
 */

export const SERVICE_OWNER_API_PATH = '/accessmanagement/api/v1/serviceowner/delegationrequests';
/** The draft page, `links.detailsLink`. */
export const DRAFT_PAGE_PATH = '/accessmanagement/ui/requests/resource';

const WRITE = bearer(SCOPE_DELEGATION_REQUESTS_WRITE);

export const altinn3Routes: RouteTable = {
  base: SERVICE_OWNER_API_PATH,
  count: 'altinn3DelegationRequests',
  routes: [
    route('POST', '/resource', WRITE, (request, context) => create(request, context, 'resource')),
    route('POST', '/package', WRITE, (request, context) => create(request, context, 'package')),
    // `.read` exactly: a client granted only `.write` cannot poll.
    route('GET', '/{id}/status', bearer(SCOPE_DELEGATION_REQUESTS_READ), status),
    route('PUT', '/{id}/withdraw', WRITE, withdraw),
  ],
};

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
function accessRequestDto(mock: MockState, request: MockAccessRequest): Record<string, unknown> {
  const { baseUrl, parties } = mock;
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

/** A request by id; a bad id is STD.VLD-00002, an unknown one AM.VLD-00035 (400, not 404). */
function findRequest(mock: MockState, id: string): MockAccessRequest | Response {
  if (!isGuid(id)) {
    return invalid(invalidField(VLD.invalidValue, ['/id'], `The value '${id}' is not valid.`));
  }
  const found = mock.accessRequests.get(id);
  return found ?? invalid(invalidField(VLD.requestNotFound, [], `No request with id ${id}`));
}

/** The status as a JSON string. Altinn's status route checks the scope only, not who created it. */
function status(_: Request, { mock, params }: RouteContext): Response {
  const request = findRequest(mock, params.id ?? '');
  return request instanceof Response ? request : json(200, request.status);
}

/**
 * Only the service owner that created it may withdraw it (else 403, as `Forbid()`), and only from
 * Draft or Pending; the answer is the new status as a JSON string.
 */
function withdraw(_: Request, { mock, caller, params }: RouteContext): Response {
  const request = findRequest(mock, params.id ?? '');
  if (request instanceof Response) return request;
  if (request.by !== ORGANIZATION_URN_PREFIX + caller.orgNumber) return empty(403);
  const from = request.status;
  if (!moveAccessRequest(request, 'withdraw', mock.nowMicros())) {
    const detail = `Changing request status from ${from} to Withdrawn is not allowed.`;
    return invalid(invalidField(VLD.requestUnsupportedStatusUpdate, ['$QUERY/party'], detail));
  }
  return json(200, request.status);
}

/**
 * Create: binding (System.Text.Json, names case-insensitive), the controller's checks (parties,
 * then what is asked), then the request service's (the resource is the caller's, no self-requests;
 * an equal Draft is answered instead of a new one).
 */
async function create(request: Request, { mock, caller }: RouteContext, type: AskedType) {
  const body = await jsonObjectBody(request);
  if (body instanceof Response) return body;
  const checks: Checks = { mock, body, errors: [] };
  const { errors } = checks;
  const [fromUrn, toUrn] = [stringMember(checks, 'from'), stringMember(checks, 'to')];
  if (errors.length > 0) return invalid(...errors);
  const [from, to] = [entity(checks, fromUrn, '/from'), entity(checks, toUrn, '/to')];
  const asked =
    type === 'package' ? askedPackage(checks) : errors.length === 0 && askedResource(checks);
  if (errors.length > 0 || !asked || !from || !to) return invalid(...errors);
  if (type === 'resource' && mock.resource(asked.referenceId)?.owner !== caller.orgNumber) {
    const detail = `Resource with reference ID '${asked.referenceId}' is not owned by serviceowner.`;
    return invalid(invalidField(VLD.requestedResourceNotOwned, ['resource'], detail));
  }
  if (from.urn === to.urn) {
    const detail = 'From and To cannot be the same.';
    return invalid(invalidField(VLD.requestFromSelfNotAllowed, [], detail));
  }
  const by = mock.parties.orSynthetic(ORGANIZATION_URN_PREFIX + caller.orgNumber);
  const input = {
    type,
    from: from.urn,
    to: to.urn,
    by: by.urn,
    resource: type === 'resource' ? asked : null,
    package: type === 'package' ? asked : null,
  };
  const stored =
    mock.accessRequests.findDraft(input) ?? mock.accessRequests.create(input, mock.nowMicros());
  return json(202, accessRequestDto(mock, stored));
}

type AskedType = MockAccessRequest['type'];

/** What the checks of a body share: the mock, the body, and the validation errors found. */
interface Checks {
  mock: MockState;
  body: JsonObject;
  errors: ValidationError[];
}

/** A string member; a missing required one is STD.VLD-00000, another type a JSON error. */
function stringMember({ body, errors }: Checks, name: string, required = true) {
  const value = member(body, name);
  if (typeof value === 'string') return value;
  if (value !== undefined && value !== null) {
    const detail = `The JSON value could not be converted to System.String. Path: $.${name}`;
    errors.push(invalidField(VLD.jsonError, [`/${name}`], detail));
  } else if (required) errors.push(invalidField(VLD.required, [`/${name}`]));
  return undefined;
}

/**
 * The controller's `GetEntity`: the URN must be one of the two documented forms (AMSO.VLD-00001)
 * and name a party in the register (AMSO.VLD-00002).
 */
function entity({ mock, errors }: Checks, urn: string | undefined, path: string) {
  const ref = urn === undefined ? undefined : parsePartyUrn(urn);
  const party = ref && mock.parties.find(ref);
  if (urn !== undefined && !ref) {
    errors.push(invalidField(VLD.invalidUrn, [path], `Urn ${urn} is not valid`));
  } else if (urn !== undefined && !party) {
    const detail = `Entity not found with matching urn '${urn}'`;
    errors.push(invalidField(VLD.objectNotFound, [path], detail));
  }
  return party;
}

type Asked = { id: string; referenceId: string } | undefined;

/**
 * `POST resource` `{ from: requester, to: organisation asked, resource, rightKeys? }`: the resource
 * exists (AMSO.VLD-00003) and may be delegated (AM.VLD-00049). `rightKeys` is bound (a list of
 * strings) and then ignored, as by Altinn.
 */
function askedResource(checks: Checks): Asked {
  const { mock, body, errors } = checks;
  const keys = member(body, 'rightKeys') ?? [];
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string')) {
    const detail = 'rightKeys must be an array of strings';
    errors.push(invalidField(VLD.jsonError, ['/rightKeys'], detail));
  }
  const id = stringMember(checks, 'resource');
  if (id === undefined) return undefined;
  const resource = mock.resource(id);
  const [problem, what] = !resource
    ? [VLD.requestedResourceNotFound, 'was not found']
    : [VLD.resourceIsNotDelegable, 'is not delegable'];
  if (!resource || resource.delegable === false) {
    errors.push(invalidField(problem, ['resource'], `Resource with reference ID '${id}' ${what}.`));
  }
  return errors.length > 0 || !resource
    ? undefined
    : { id: stableUuid('resource', resource.id), referenceId: resource.id };
}

/** `POST package` `{ from, to, package: <urn, its last part, or id> }`: it exists (AM.VLD-00011) and can be assigned (AM.VLD-00048). */
function askedPackage(checks: Checks): Asked {
  const value = stringMember(checks, 'package', false) ?? '';
  const { mock, errors } = checks;
  const found = value === '' ? undefined : mock.accessPackage(value);
  const [problem, detail] =
    value === ''
      ? [VLD.invalidUrn, 'Package must be defined.']
      : !found
        ? [VLD.packageNotExists, `No package was found with value '${value}'.`]
        : [VLD.packageIsNotAssignable, `Package '${value}' is not assignable.`];
  if (!found || found.assignable === false) {
    errors.push(invalidField(problem, ['/package'], detail));
  }
  return found && { id: found.id, referenceId: found.urn };
}
