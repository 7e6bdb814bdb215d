import { randomUUID } from 'node:crypto';
import {
  altinn2Error,
  apiKeyAndBearer,
  SCOPE_DELEGATION_REQUESTS_READ,
  SCOPE_DELEGATION_REQUESTS_WRITE,
} from './auth.js';
import { empty, json, mediaType, parseUrl, queryValues, readJson } from './http.js';
import { isGuid } from './ids.js';
import { isObject, member, type JsonObject } from './json-input.js';
import { RequestStore, move, type Moves } from './request-store.js';
import { route, type Caller, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { formatAltinn2DateTime } from './time.js';
import type {
  MockDelegationRequest,
  MockDelegationRequestStatus,
  MockRequestResource,
} from './types.js';

/**
 * Altinn 2's service owner API for access requests, `…/api/serviceowner/delegationRequests`
 * (altinn-api.md 3.1; Altinn's own docs, release 20.4): create, read, list, delete; the requests'
 * store, their status moves and their JSON. Altinn II closed on 19 June 2026. The list takes the
 * filters a backend uses to find a request whose answer it lost (`serviceCode`, `serviceEditionCode`, `coveredBy`, `offeredBy`, `status[n]`); OData
 * `$filter` and continuation are not mocked.
 *
 * - Auth: header `ApiKey` and a Maskinporten token with `…delegationrequests.write` (POST, DELETE)
 *   or `.read` (GET); the token's consumer organisation is the service owner.
 * - Answers are HAL (`application/hal+json`, with `_links`) unless `application/json` appears in
 *   `Accept`: then plain JSON without links, as Altinn 2 does.
 * - Errors use ASP.NET Web API's `{ "Message": … }` (plus `ModelState` for invalid input). [I]
 */

export const ALTINN2_API_PATH = '/api/serviceowner/delegationrequests';
export const ALTINN2_SEND_PAGE_PATH = '/ui/DelegationRequest/send';

const [READ, WRITE] = [SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE];

export const altinn2Routes: RouteTable = {
  base: ALTINN2_API_PATH,
  count: 'altinn2DelegationRequests',
  routes: [
    route('POST', '', apiKeyAndBearer(WRITE), create),
    route('GET', '', apiKeyAndBearer(READ), list),
    route('GET', '/{id}', apiKeyAndBearer(READ), read),
    route('DELETE', '/{id}', apiKeyAndBearer(WRITE), remove),
  ],
};

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

/**
 * One delegation request as the API writes it: PascalCase, `AltinnAppId: null` for a service, and
 * with HAL `_links` (`self`, `sendRequest`) unless the caller asked for plain JSON.
 */
function delegationRequestJson(mock: MockState, request: MockDelegationRequest, hal: boolean) {
  const links = {
    self: { href: `${mock.baseUrl}${ALTINN2_API_PATH}/${request.guid}` },
    sendRequest: { href: `${mock.baseUrl}${ALTINN2_SEND_PAGE_PATH}/${request.guid}` },
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

type ModelState = Record<string, string[]>;

function modelStateError(modelState: ModelState): Response {
  return altinn2Error(400, 'The request is invalid.', { ModelState: modelState });
}

/** Plain JSON as soon as `application/json` is acceptable; HAL otherwise. */
function wantsHal(request: Request): boolean {
  const accept = (request.headers.get('accept') ?? '').split(',');
  return !accept.some((range) => range.split(';')[0]?.trim().toLowerCase() === 'application/json');
}

function representation(request: Request, status: number, body: unknown, headers = {}): Response {
  const type = wantsHal(request) ? 'application/hal+json' : 'application/json';
  return json(status, body, { 'Content-Type': `${type}; charset=utf-8`, ...headers });
}

/** The caller's own request by id: 400 for a bad id, 404 unknown, 403 another service owner's. */
function ownRequest(mock: MockState, caller: Caller, id: string): MockDelegationRequest | Response {
  if (!isGuid(id)) {
    const detail = `The value '${id}' is not a valid Guid for the parameter 'id'.`;
    return altinn2Error(400, 'The request is invalid.', { MessageDetail: detail });
  }
  const request = mock.delegationRequests.get(id);
  if (!request) return altinn2Error(404, `No delegation request ${id.toLowerCase()} was found.`);
  if (request.serviceOwner !== caller.orgNumber) {
    return altinn2Error(403, 'The delegation request belongs to another service owner.');
  }
  return request;
}

function read(request: Request, { mock, caller, params }: RouteContext): Response {
  const found = ownRequest(mock, caller, params.id ?? '');
  if (found instanceof Response) return found;
  return representation(request, 200, delegationRequestJson(mock, found, wantsHal(request)));
}

/** `GET` with filters: the caller's requests, oldest first, in one page. Names in any case, as ASP.NET binds them. */
function list(request: Request, { mock, caller, url }: RouteContext): Response {
  const query = url.searchParams;
  const one = (name: string) => queryValues(query, name)[0]?.trim() || undefined;
  const statuses = [...query]
    .filter(([key]) => /^status(\[\d*\])?$/i.test(key))
    .map(([, value]) => value.trim().toLowerCase());
  const [code, edition] = [one('serviceCode'), one('serviceEditionCode')];
  const [coveredBy, offeredBy] = [one('coveredBy'), one('offeredBy')];
  const asksFor = (resource: MockRequestResource) =>
    resource.serviceCode === code &&
    (edition === undefined || String(resource.serviceEditionCode) === edition);
  const items = [...mock.delegationRequests.requests.values()].filter(
    (item) =>
      item.serviceOwner === caller.orgNumber &&
      (statuses.length === 0 || statuses.includes(item.requestStatus.toLowerCase())) &&
      (coveredBy === undefined || item.coveredBy === coveredBy) &&
      (offeredBy === undefined || item.offeredBy === offeredBy) &&
      (code === undefined || item.requestResources.some(asksFor)),
  );
  return representation(request, 200, {
    _links: { self: { href: `${mock.baseUrl}${ALTINN2_API_PATH}` } },
    _embedded: {
      delegationRequests: items.map((item) => delegationRequestJson(mock, item, true)),
    },
  });
}

/** `DELETE`: 204, the request is `Deleted`. */
function remove(_: Request, { mock, caller, params }: RouteContext): Response {
  const found = ownRequest(mock, caller, params.id ?? '');
  if (found instanceof Response) return found;
  moveDelegationRequest(found, 'delete', mock.nowMicros());
  return empty(204);
}

// POST: Json.NET binding (names in any case, numbers and strings converted as it converts them).

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && Boolean(parseUrl(url)?.hostname);
}

/** A string, or a whole number Json.NET would turn into one. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  return typeof value === 'string' ? value : undefined;
}

function asInteger(value: unknown): number | undefined {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** What the checks of a body share: where they write what is wrong (`ModelState`). */
interface Checks {
  mock: MockState;
  caller: Caller;
  fail(key: string, message: string): void;
}

/** The party numbers: required, digits of the right length, in the register. */
function partyNumber({ mock, fail }: Checks, body: JsonObject, name: 'CoveredBy' | 'OfferedBy') {
  const value = member(body, name);
  const number = asText(value);
  const orgOnly = name === 'OfferedBy';
  const what = `${orgOnly ? '' : 'a national identity number (11 digits) or '}an organisation number (9 digits)`;
  if (value === undefined || value === null) fail(name, `${name} is required.`);
  else if (number === undefined || !(orgOnly ? /^\d{9}$/ : /^(\d{9}|\d{11})$/).test(number)) {
    fail(name, `${name} must be ${what}.`);
  } else if (!(orgOnly ? mock.parties.organization(number) : mock.parties.byNumber(number))) {
    fail(name, `${name} ${number} is not in the register.`);
  } else return number;
  return undefined;
}

/** The requested services: each one of the caller's own (a service owner asks only for its own). */
function services({ mock, caller, fail }: Checks, value: unknown): MockRequestResource[] {
  if (!Array.isArray(value) || value.length === 0) {
    const detail = 'must name at least one service (ServiceCode and ServiceEditionCode).';
    fail('RequestResources', `RequestResources ${detail}`);
    return [];
  }
  return value.flatMap((item: unknown, index) => {
    const key = `RequestResources[${index}]`;
    const code = isObject(item) ? asText(member(item, 'ServiceCode')) : undefined;
    const edition = isObject(item) ? asInteger(member(item, 'ServiceEditionCode')) : undefined;
    const service = code && edition !== undefined ? mock.service(code, edition) : undefined;
    const name = `service ${code} edition ${edition}`;
    if (!isObject(item)) fail(key, `${key} must be an object.`);
    else if (code === undefined && typeof member(item, 'AltinnAppId') === 'string') {
      fail(key, `${key}: AltinnAppId (Altinn 3 apps) is not mocked; name a ServiceCode.`);
    } else if (!code) fail(key, `${key}: ServiceCode is required.`);
    else if (edition === undefined) fail(key, `${key}: ServiceEditionCode must be a whole number.`);
    else if (!service) fail(key, `${key}: no ${name} exists.`);
    else if (service.owner !== caller.orgNumber)
      fail(key, `${key}: ${name} belongs to another service owner.`);
    else {
      const operations = [...(service.operations ?? ['Read', 'Write'])];
      return [{ serviceCode: code, serviceEditionCode: edition, operations }];
    }
    return [];
  });
}

/** The body as the service checks it; every problem is reported at once, in `ModelState`. */
function validate(
  mock: MockState,
  body: JsonObject,
  caller: Caller,
): NewDelegationRequest | { modelState: ModelState } {
  const modelState: ModelState = {};
  const fail = (key: string, message: string) => void (modelState[key] ??= []).push(message);
  const checks = { mock, caller, fail };
  const coveredBy = partyNumber(checks, body, 'CoveredBy');
  const offeredBy = partyNumber(checks, body, 'OfferedBy');
  if (coveredBy !== undefined && coveredBy === offeredBy) {
    fail('OfferedBy', 'CoveredBy and OfferedBy must differ: nobody asks itself for access.');
  }
  const redirectUrl = member(body, 'RedirectUrl');
  if (typeof redirectUrl !== 'string' || redirectUrl.trim() === '') {
    fail('RedirectUrl', 'RedirectUrl is required: where "Fortsett" takes the user after sending.');
  } else if (!isHttpUrl(redirectUrl)) {
    fail('RedirectUrl', 'RedirectUrl must be an absolute http or https URL.');
  }
  const keep = member(body, 'KeepSessionAlive') ?? null;
  if (keep !== null && typeof keep !== 'boolean') {
    fail('KeepSessionAlive', 'KeepSessionAlive must be true or false.');
  }
  const message = member(body, 'RequestMessage') ?? null;
  if (message !== null && typeof message !== 'string') {
    fail('RequestMessage', 'RequestMessage must be a string.');
  }
  const requestResources = services(checks, member(body, 'RequestResources'));
  if (Object.keys(modelState).length > 0 || !coveredBy || !offeredBy) return { modelState };
  return {
    serviceOwner: caller.orgNumber,
    coveredBy,
    offeredBy,
    redirectUrl: String(redirectUrl),
    requestMessage: typeof message === 'string' ? message : null,
    keepSessionAlive: keep === true,
    requestResources,
  };
}

const BODY_TYPES = ['application/json', 'application/hal+json', 'text/json'];

async function create(request: Request, { mock, caller }: RouteContext): Promise<Response> {
  const type = mediaType(request);
  if (!BODY_TYPES.includes(type) && !type.endsWith('+json')) {
    const message = `The request entity's media type '${type || 'none'}' is not supported for this resource.`;
    return altinn2Error(415, message);
  }
  const body = await readJson(request);
  if (!('value' in body) || !isObject(body.value)) {
    const unbound = 'error' in body ? `The body is not valid JSON: ${body.error}` : undefined;
    return modelStateError({ request: [unbound ?? 'The body must be a JSON object.'] });
  }
  const input = validate(mock, body.value, caller);
  if ('modelState' in input) return modelStateError(input.modelState);
  const created = mock.delegationRequests.create(input, mock.nowMicros());
  // 201 is the mock's choice: whether Altinn answers 200 or 201 is open (altinn-api.md 5).
  const item = delegationRequestJson(mock, created, wantsHal(request));
  return representation(request, 201, item, {
    Location: `${mock.baseUrl}${ALTINN2_API_PATH}/${created.guid}`,
  });
}
