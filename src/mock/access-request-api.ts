import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  accessRequestDto,
  moveAccessRequest,
  partyOrSynthetic,
  type AccessRequestStore,
  type NewAccessRequest,
} from './access-store.js';
import { SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE } from './defaults.js';
import {
  BodyTooLargeError,
  isJsonBody,
  readBody,
  sendEmpty,
  sendJson,
  sendProblem,
  sendUnsupportedMediaType,
} from './http.js';
import { isObject, member, type JsonObject } from './json-input.js';
import { authorizeBearer, type AccessTokenClaims, type MockMaskinporten } from './maskinporten.js';
import { VLD, validationProblem, type ValidationError } from './problems.js';
import {
  ORGANIZATION_URN_PREFIX,
  PERSON_URN_PREFIX,
  stableUuid,
  type PackageRegistry,
  type Party,
  type PartyRegistry,
  type ResourceRegistry,
} from './registry.js';
import type { MockAccessRequest } from './types.js';

/**
 * Altinn 3's service owner delegation requests, `…/accessmanagement/api/v1/serviceowner/delegationrequests`
 * (altinn-api.md 3.2, read with Access Management's `RequestController`): create for a resource or
 * an access package (status Draft, 202), read the status, withdraw. There is no redirect back: the
 * user confirms on `links.detailsLink` and the portal polls `links.statusLink`.
 *
 * Routes: `GET _meta/urns/party`, `POST resource`, `POST package`, `POST` (root), `GET {id}/status`,
 * `PUT {id}/withdraw`. There is no `GET {id}` in the controller, so the mock has none either.
 */

export interface ServiceOwnerApiContext {
  baseUrl: string;
  accessRequests: AccessRequestStore;
  parties: PartyRegistry;
  resources: ResourceRegistry;
  packages: PackageRegistry;
  maskinporten: MockMaskinporten;
  nowMicros(): number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VALID_URNS = ['urn:altinn:person:identifier-no', 'urn:altinn:organization:identifier-no'];
const READ_SCOPES = [SCOPE_DELEGATION_REQUESTS_READ];
const WRITE_SCOPES = [SCOPE_DELEGATION_REQUESTS_WRITE];

/** Routes a request under `SERVICE_OWNER_API_PATH`; `rest` is the path after it. */
export async function handleServiceOwnerApi(
  ctx: ServiceOwnerApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
): Promise<void> {
  const path = rest.replace(/^\/|\/$/g, '');
  const lower = path.toLowerCase();
  const method = req.method ?? 'GET';

  if (lower === '_meta/urns/party') {
    return method === 'GET'
      ? sendJson(res, 200, VALID_URNS)
      : sendEmpty(res, 405, { Allow: 'GET' });
  }
  if (lower === '' || lower === 'resource' || lower === 'package') {
    if (method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    const caller = await authorizeBearer(ctx.maskinporten, req, res, WRITE_SCOPES);
    if (!caller) return;
    const body = await readJsonBody(req, res);
    if (body === undefined) return;
    if (lower === 'resource') return createForResource(ctx, res, caller, body);
    if (lower === 'package') return createForPackage(ctx, res, caller, body);
    return createWithRoot(ctx, res, caller, body);
  }
  const match = /^([^/]+)\/(status|withdraw)$/.exec(lower);
  if (!match?.[1]) return sendEmpty(res, 404);
  const [, id, action] = match;
  if (action === 'status') {
    if (method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
    if (!(await authorizeBearer(ctx.maskinporten, req, res, READ_SCOPES))) return;
    const request = findRequest(ctx, res, id);
    // Altinn's status route checks the scope only, not who created the request.
    if (request) sendJson(res, 200, request.status);
    return;
  }
  if (method !== 'PUT') return sendEmpty(res, 405, { Allow: 'PUT' });
  const caller = await authorizeBearer(ctx.maskinporten, req, res, WRITE_SCOPES);
  if (!caller) return;
  const request = findRequest(ctx, res, id);
  if (request) withdraw(ctx, res, caller, request);
}

function findRequest(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  id: string,
): MockAccessRequest | undefined {
  if (!GUID.test(id)) {
    sendProblem(
      res,
      validationProblem([
        { descriptor: VLD.invalidValue, paths: ['/id'], detail: `The value '${id}' is not valid.` },
      ]),
    );
    return undefined;
  }
  const request = ctx.accessRequests.get(id);
  if (!request) {
    sendProblem(
      res,
      validationProblem([
        { descriptor: VLD.requestNotFound, paths: [], detail: `No request with id ${id}` },
      ]),
    );
  }
  return request;
}

/**
 * Only the service owner that created it may withdraw it (else 403, as `Forbid()`), and only from
 * Draft or Pending; the answer is the new status as a JSON string.
 */
function withdraw(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  request: MockAccessRequest,
): void {
  if (request.by !== ORGANIZATION_URN_PREFIX + caller.orgNumber) return sendEmpty(res, 403);
  const from = request.status;
  if (!moveAccessRequest(request, 'withdraw', ctx.nowMicros())) {
    return sendProblem(
      res,
      validationProblem([
        {
          descriptor: VLD.requestUnsupportedStatusUpdate,
          paths: ['$QUERY/party'],
          detail: `Changing request status from ${from} to Withdrawn is not allowed.`,
        },
      ]),
    );
  }
  sendJson(res, 200, request.status);
}

// ---------------------------------------------------------------------------------------------
// Create: binding (System.Text.Json, names case-insensitive), the controller's checks, then the
// request service's (no self-requests; an equal Draft is answered instead of a new one).

async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<JsonObject | undefined> {
  if (!isJsonBody(req)) {
    sendUnsupportedMediaType(res);
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendEmpty(res, 413);
      return undefined;
    }
    body = undefined;
  }
  if (!isObject(body)) {
    sendProblem(
      res,
      validationProblem([
        {
          descriptor: VLD.jsonError,
          paths: ['/'],
          detail: 'The request body must be a JSON object.',
        },
      ]),
    );
    return undefined;
  }
  return body;
}

/** A required string member; a missing one is STD.VLD-00000, another type a JSON error. */
function stringMember(
  body: JsonObject,
  name: string,
  errors: ValidationError[],
  required = true,
): string | undefined {
  const value = member(body, name);
  if (value === undefined || value === null) {
    if (required) errors.push({ descriptor: VLD.required, paths: [`/${name}`] });
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push({
      descriptor: VLD.jsonError,
      paths: [`/${name}`],
      detail: `The JSON value could not be converted to System.String. Path: $.${name}`,
    });
    return undefined;
  }
  return value;
}

/**
 * The controller's `GetEntity`: the URN must start with one of the two prefixes (AMSO.VLD-00001)
 * and name a party in the register (AMSO.VLD-00002).
 */
function entity(
  ctx: ServiceOwnerApiContext,
  urn: string | undefined,
  path: string,
  errors: ValidationError[],
): Party | undefined {
  if (urn === undefined) return undefined;
  const at = urn.lastIndexOf(':');
  const prefix = urn.slice(0, Math.max(at, 0));
  if (!VALID_URNS.some((valid) => urn.startsWith(valid)) || !VALID_URNS.includes(prefix)) {
    errors.push({ descriptor: VLD.invalidUrn, paths: [path], detail: `Urn ${urn} is not valid` });
    return undefined;
  }
  const number = urn.slice(at + 1);
  const party = ctx.parties.find({
    kind: prefix === PERSON_URN_PREFIX.slice(0, -1) ? 'person' : 'organization',
    number,
  });
  if (!party) {
    errors.push({
      descriptor: VLD.objectNotFound,
      paths: [path],
      detail: `Entity not found with matching urn '${urn}'`,
    });
  }
  return party;
}

function fail(res: ServerResponse, errors: ValidationError[]): boolean {
  if (errors.length === 0) return false;
  sendProblem(res, validationProblem(errors));
  return true;
}

/** The resource checks: it exists (AMSO.VLD-00003), may be delegated (AM.VLD-00049), is the caller's. */
function resourceReference(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  reference: { id?: string; referenceId?: string },
): { id: string; referenceId: string } | undefined {
  const resource =
    reference.referenceId !== undefined && reference.referenceId !== ''
      ? ctx.resources.get(reference.referenceId)
      : ctx.resources
          .all()
          .find(
            (candidate) => stableUuid('resource', candidate.id) === reference.id?.toLowerCase(),
          );
  const label = reference.referenceId ?? reference.id ?? '';
  const errors: ValidationError[] = [];
  if (!resource) {
    errors.push({
      descriptor: VLD.requestedResourceNotFound,
      paths: ['resource'],
      detail: `Resource with reference ID '${label}' was not found.`,
    });
  } else if (resource.delegable === false) {
    errors.push({
      descriptor: VLD.resourceIsNotDelegable,
      paths: ['resource'],
      detail: `Resource with reference ID '${label}' is not delegable.`,
    });
  }
  if (fail(res, errors)) return undefined;
  if (!resource || resource.owner !== caller.orgNumber) {
    fail(res, [
      {
        descriptor: VLD.requestedResourceNotOwned,
        paths: ['resource'],
        detail: `Resource with reference ID '${label}' is not owned by serviceowner.`,
      },
    ]);
    return undefined;
  }
  return { id: stableUuid('resource', resource.id), referenceId: resource.id };
}

/** The package checks: it exists (AM.VLD-00011) and can be assigned (AM.VLD-00048). */
function packageReference(
  ctx: ServiceOwnerApiContext,
  value: string | undefined,
  errors: ValidationError[],
): { id: string; referenceId: string } | undefined {
  if (value === undefined || value === '') return undefined;
  const found = ctx.packages.find(value);
  if (!found) {
    errors.push({
      descriptor: VLD.packageNotExists,
      paths: ['/package'],
      detail: `No package was found with value '${value}'.`,
    });
    return undefined;
  }
  if (found.assignable === false) {
    errors.push({
      descriptor: VLD.packageIsNotAssignable,
      paths: ['/package'],
      detail: `Package '${value}' is not assignable.`,
    });
  }
  return { id: found.id, referenceId: found.urn };
}

/** The request service: no self-requests, and an equal Draft is answered instead of a new one. */
function store(ctx: ServiceOwnerApiContext, res: ServerResponse, input: NewAccessRequest): void {
  if (input.from.urn === input.to.urn) {
    fail(res, [
      {
        descriptor: VLD.requestFromSelfNotAllowed,
        paths: [],
        detail: 'From and To cannot be the same.',
      },
    ]);
    return;
  }
  const request =
    ctx.accessRequests.findDraft(input) ?? ctx.accessRequests.create(input, ctx.nowMicros());
  sendJson(res, 202, accessRequestDto(request, ctx.baseUrl, ctx.parties));
}

function serviceOwner(ctx: ServiceOwnerApiContext, caller: AccessTokenClaims): Party {
  return partyOrSynthetic(ctx.parties, ORGANIZATION_URN_PREFIX + caller.orgNumber);
}

/** `POST resource` `{ from: requester, to: organisation asked, resource, rightKeys? }`. */
function createForResource(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  body: JsonObject,
): void {
  const errors: ValidationError[] = [];
  const fromUrn = stringMember(body, 'from', errors);
  const toUrn = stringMember(body, 'to', errors);
  const resourceId = stringMember(body, 'resource', errors);
  const rightKeysValue = member(body, 'rightKeys');
  let rightKeys: string[] | null = null;
  if (rightKeysValue !== undefined && rightKeysValue !== null) {
    if (!Array.isArray(rightKeysValue) || rightKeysValue.some((key) => typeof key !== 'string')) {
      errors.push({
        descriptor: VLD.jsonError,
        paths: ['/rightKeys'],
        detail: 'rightKeys must be an array of strings',
      });
    } else {
      rightKeys = rightKeysValue as string[];
    }
  }
  if (fail(res, errors)) return;
  const from = entity(ctx, fromUrn, '/from', errors);
  const to = entity(ctx, toUrn, '/to', errors);
  if (fail(res, errors) || !from || !to) return;
  const resource = resourceReference(ctx, res, caller, { referenceId: resourceId ?? '' });
  if (!resource) return;
  store(ctx, res, {
    type: 'resource',
    from,
    to,
    by: serviceOwner(ctx, caller),
    resource,
    package: null,
    rightKeys,
    createdWith: 'resource',
  });
}

/** `POST package` `{ from: requester, to: organisation asked, package: <urn, its last part, or id> }`. */
function createForPackage(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  body: JsonObject,
): void {
  const errors: ValidationError[] = [];
  const fromUrn = stringMember(body, 'from', errors);
  const toUrn = stringMember(body, 'to', errors);
  const packageValue = stringMember(body, 'package', errors, false);
  if (fail(res, errors)) return;
  if (packageValue === undefined || packageValue === '') {
    errors.push({
      descriptor: VLD.invalidUrn,
      paths: ['/package'],
      detail: 'Package must be defined.',
    });
  }
  const from = entity(ctx, fromUrn, '/from', errors);
  const to = entity(ctx, toUrn, '/to', errors);
  const pkg = packageReference(ctx, packageValue, errors);
  if (fail(res, errors) || !from || !to || !pkg) return;
  store(ctx, res, {
    type: 'package',
    from,
    to,
    by: serviceOwner(ctx, caller),
    resource: null,
    package: pkg,
    rightKeys: null,
    createdWith: 'package',
  });
}

/** `{ id?, referenceId? }`, or `undefined` when the member is absent or null. */
function reference(
  body: JsonObject,
  name: string,
  errors: ValidationError[],
): { id?: string; referenceId?: string } | undefined {
  const value = member(body, name);
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    errors.push({
      descriptor: VLD.jsonError,
      paths: [`/${name}`],
      detail: `${name} must be an object { id?, referenceId? }`,
    });
    return undefined;
  }
  const result: { id?: string; referenceId?: string } = {};
  const id = member(value, 'id');
  const referenceId = member(value, 'referenceId');
  if (typeof id === 'string') result.id = id;
  if (typeof referenceId === 'string') result.referenceId = referenceId;
  return result;
}

function hasValue(ref: { id?: string; referenceId?: string } | undefined): boolean {
  return (
    ref !== undefined &&
    ((ref.referenceId !== undefined && ref.referenceId !== '') ||
      (ref.id !== undefined && GUID.test(ref.id) && !/^0{8}-/.test(ref.id)))
  );
}

/**
 * `POST` (root) `{ from, to, resource: { referenceId } | package: { referenceId } }`.
 *
 * The pitfall of altinn-api.md 3.2 [C], kept on purpose: this endpoint hands the body's `from` to
 * the request's internal `to` and the body's `to` to its internal `from`, the opposite of `POST
 * resource` and `POST package` (Altinn fixed only those two). So the same body gives a request
 * whose `from` and `to` come back swapped, and `{ from: person, to: organisation }` makes the
 * organisation the requester and the person the party asked: it never reaches the organisation's
 * access managers. NAV sends exactly that and reads the organisation back from `response.from`.
 */
function createWithRoot(
  ctx: ServiceOwnerApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  body: JsonObject,
): void {
  const errors: ValidationError[] = [];
  const resourceRef = reference(body, 'resource', errors);
  const packageRef = reference(body, 'package', errors);
  if (resourceRef === undefined && packageRef === undefined) {
    for (const path of ['resource', 'package']) {
      errors.push({
        descriptor: VLD.requestMissingResourceOrPackage,
        paths: [path],
        detail: 'Either package or resource must be defined.',
      });
    }
  }
  if (hasValue(resourceRef) && hasValue(packageRef)) {
    for (const path of ['resource', 'package']) {
      errors.push({
        descriptor: VLD.resourceAndPackageIsSpecified,
        paths: [path],
        detail: 'Both package and resource are specified. Only one must be defined.',
      });
    }
  }
  const fromUrn = stringMember(body, 'from', errors);
  const toUrn = stringMember(body, 'to', errors);
  const bodyFrom = entity(ctx, fromUrn, 'connection/from', errors);
  const bodyTo = entity(ctx, toUrn, 'connection/to', errors);
  if (fail(res, errors) || !bodyFrom || !bodyTo) return;

  // The swap: internal from = the body's `to`, internal to = the body's `from`.
  const common = { from: bodyTo, to: bodyFrom, by: serviceOwner(ctx, caller), rightKeys: null };
  if (hasValue(resourceRef) && resourceRef) {
    const resource = resourceReference(ctx, res, caller, resourceRef);
    if (!resource) return;
    return store(ctx, res, {
      ...common,
      type: 'resource',
      resource,
      package: null,
      createdWith: 'root',
    });
  }
  if (hasValue(packageRef) && packageRef) {
    const pkg = packageReference(ctx, packageRef.referenceId || packageRef.id, errors);
    if (fail(res, errors) || !pkg) return;
    return store(ctx, res, {
      ...common,
      type: 'package',
      resource: null,
      package: pkg,
      createdWith: 'root',
    });
  }
  // Members present but empty: Altinn reports neither found.
  fail(res, [
    { descriptor: VLD.requestedResourceNotFound, paths: ['resource'] },
    { descriptor: VLD.requestedPackageNotFound, paths: ['package'] },
  ]);
}
