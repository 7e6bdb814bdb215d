import {
  SERVICE_OWNER_API_PATH,
  accessRequestDto,
  moveAccessRequest,
  type NewAccessRequest,
} from './access-store.js';
import { bearer } from './auth.js';
import { SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE } from './defaults.js';
import { empty, json } from './http.js';
import { isGuid, stableUuid } from './ids.js';
import { member, type JsonObject } from './json-input.js';
import { VLD, invalid, invalidField, jsonObjectBody, type ValidationError } from './problems.js';
import { ORGANIZATION_URN_PREFIX, parsePartyUrn, type Party } from './registry.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import type { MockAccessRequest } from './types.js';

/**
 * Altinn 3's service owner delegation requests (altinn-api.md 3.2, read with Access Management's
 * `RequestController`): create for a resource or an access package (status Draft, 202), read the
 * status, withdraw. There is no redirect back: the user confirms on `links.detailsLink` and the
 * portal polls `links.statusLink`. There is no `GET {id}` in Altinn, so none here either.
 *
 * Not mocked, as the product never calls them: `GET _meta/urns/party`, and the root `POST`, which
 * takes the parties in the delegation direction (`{ from: organisation asked, to: person }`, as NAV
 * sends it) and makes the same request as `POST resource` with `{ from: person, to: organisation }`.
 */

export const altinn3Routes: RouteTable = {
  base: SERVICE_OWNER_API_PATH,
  count: 'altinn3DelegationRequests',
  routes: [
    route('POST', '/resource', bearer(SCOPE_DELEGATION_REQUESTS_WRITE), (request, context) =>
      create(request, context, forResource),
    ),
    route('POST', '/package', bearer(SCOPE_DELEGATION_REQUESTS_WRITE), (request, context) =>
      create(request, context, forPackage),
    ),
    // `.read` exactly: a client granted only `.write` cannot poll.
    route('GET', '/{id}/status', bearer(SCOPE_DELEGATION_REQUESTS_READ), status),
    route('PUT', '/{id}/withdraw', bearer(SCOPE_DELEGATION_REQUESTS_WRITE), withdraw),
  ],
};

/** A request by id; a bad id is STD.VLD-00002, an unknown one AM.VLD-00035 (400, not 404). */
function findRequest(mock: MockState, id: string): MockAccessRequest | Response {
  if (!isGuid(id)) {
    return invalid(invalidField(VLD.invalidValue, ['/id'], `The value '${id}' is not valid.`));
  }
  return (
    mock.accessRequests.get(id) ??
    invalid(invalidField(VLD.requestNotFound, [], `No request with id ${id}`))
  );
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

// ---------------------------------------------------------------------------------------------
// Create: binding (System.Text.Json, names case-insensitive), the controller's checks, then the
// request service's (no self-requests; an equal Draft is answered instead of a new one).

type Build = (
  mock: MockState,
  body: JsonObject,
  parties: { from: Party | undefined; to: Party | undefined; by: Party },
  errors: ValidationError[],
) => NewAccessRequest | undefined;

async function create(
  request: Request,
  { mock, caller }: RouteContext,
  build: Build,
): Promise<Response> {
  const body = await jsonObjectBody(request);
  if (body instanceof Response) return body;
  const errors: ValidationError[] = [];
  const fromUrn = stringMember(body, 'from', errors);
  const toUrn = stringMember(body, 'to', errors);
  if (errors.length > 0) return invalid(...errors);
  const from = entity(mock, fromUrn, '/from', errors);
  const to = entity(mock, toUrn, '/to', errors);
  const by = mock.parties.orSynthetic(ORGANIZATION_URN_PREFIX + caller.orgNumber);
  const input = build(mock, body, { from, to, by }, errors);
  if (errors.length > 0 || !input) return invalid(...errors);
  if (input.resource) {
    const resource = mock.resources.get(input.resource.referenceId);
    if (resource?.owner !== caller.orgNumber) {
      const detail = `Resource with reference ID '${input.resource.referenceId}' is not owned by serviceowner.`;
      return invalid(invalidField(VLD.requestedResourceNotOwned, ['resource'], detail));
    }
  }
  if (input.from.urn === input.to.urn) {
    return invalid(
      invalidField(VLD.requestFromSelfNotAllowed, [], 'From and To cannot be the same.'),
    );
  }
  const stored =
    mock.accessRequests.findDraft(input) ?? mock.accessRequests.create(input, mock.nowMicros());
  return json(202, accessRequestDto(stored, mock.baseUrl, mock.parties));
}

/** A string member; a missing required one is STD.VLD-00000, another type a JSON error. */
function stringMember(
  body: JsonObject,
  name: string,
  errors: ValidationError[],
  required = true,
): string | undefined {
  const value = member(body, name);
  if (value === undefined || value === null) {
    if (required) errors.push(invalidField(VLD.required, [`/${name}`]));
    return undefined;
  }
  if (typeof value === 'string') return value;
  const detail = `The JSON value could not be converted to System.String. Path: $.${name}`;
  errors.push(invalidField(VLD.jsonError, [`/${name}`], detail));
  return undefined;
}

/**
 * The controller's `GetEntity`: the URN must be one of the two documented forms (AMSO.VLD-00001)
 * and name a party in the register (AMSO.VLD-00002).
 */
function entity(
  mock: MockState,
  urn: string | undefined,
  path: string,
  errors: ValidationError[],
): Party | undefined {
  if (urn === undefined) return undefined;
  const ref = parsePartyUrn(urn);
  const party = ref && mock.parties.find(ref);
  if (!ref) errors.push(invalidField(VLD.invalidUrn, [path], `Urn ${urn} is not valid`));
  else if (!party) {
    const detail = `Entity not found with matching urn '${urn}'`;
    errors.push(invalidField(VLD.objectNotFound, [path], detail));
  }
  return party || undefined;
}

/** `POST resource` `{ from: requester, to: organisation asked, resource, rightKeys? }`: it exists (AMSO.VLD-00003) and may be delegated (AM.VLD-00049). `rightKeys` is accepted and ignored, as by Altinn. */
const forResource: Build = (mock, body, { from, to, by }, errors) => {
  if (errors.length > 0 || !from || !to) return undefined;
  const rightKeys = member(body, 'rightKeys');
  const keys = rightKeys ?? [];
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string')) {
    errors.push(
      invalidField(VLD.jsonError, ['/rightKeys'], 'rightKeys must be an array of strings'),
    );
  }
  const id = stringMember(body, 'resource', errors);
  if (id === undefined) return undefined;
  const resource = mock.resources.get(id);
  const problem = !resource
    ? VLD.requestedResourceNotFound
    : resource.delegable === false
      ? VLD.resourceIsNotDelegable
      : undefined;
  const what = !resource ? 'was not found' : 'is not delegable';
  if (problem)
    errors.push(invalidField(problem, ['resource'], `Resource with reference ID '${id}' ${what}.`));
  if (errors.length > 0 || !resource) return undefined;
  return {
    from,
    to,
    by,
    type: 'resource',
    resource: { id: stableUuid('resource', resource.id), referenceId: resource.id },
    package: null,
    rightKeys: Array.isArray(rightKeys) ? (rightKeys as string[]) : null,
    createdWith: 'resource',
  };
};

/** `POST package` `{ from, to, package: <urn, its last part, or id> }`: it exists (AM.VLD-00011) and can be assigned (AM.VLD-00048). */
const forPackage: Build = (mock, body, { from, to, by }, errors) => {
  const value = stringMember(body, 'package', errors, false) ?? '';
  const found = value === '' ? undefined : mock.packages.find(value);
  const [problem, detail] =
    value === ''
      ? [VLD.invalidUrn, 'Package must be defined.']
      : !found
        ? [VLD.packageNotExists, `No package was found with value '${value}'.`]
        : [VLD.packageIsNotAssignable, `Package '${value}' is not assignable.`];
  if (!found || found.assignable === false)
    errors.push(invalidField(problem, ['/package'], detail));
  if (errors.length > 0 || !found || !from || !to) return undefined;
  return {
    from,
    to,
    by,
    type: 'package',
    resource: null,
    package: { id: found.id, referenceId: found.urn },
    rightKeys: null,
    createdWith: 'package',
  };
};
