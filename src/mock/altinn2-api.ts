import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ALTINN2_API_PATH,
  altinn2SelfHref,
  deleteDelegationRequest,
  delegationRequestJson,
  type DelegationRequestStore,
} from './access-store.js';
import { SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE } from './defaults.js';
import {
  BodyTooLargeError,
  bearerToken,
  contentType,
  readBody,
  sendEmpty,
  sendJson,
} from './http.js';
import { isObject, member, type JsonObject } from './json-input.js';
import type { AccessTokenClaims, MockMaskinporten } from './maskinporten.js';
import type { PartyRegistry, ServiceRegistry } from './registry.js';
import type { MockDelegationRequest, MockRequestResource } from './types.js';

/**
 * The Altinn 2 service owner API for access requests, `…/api/serviceowner/delegationRequests`
 * (altinn-api.md 3.1; Altinn's own docs, release 20.4): create, read, list with continuation, delete.
 *
 * - Auth: header `ApiKey` (a key registered with the mock) and a Maskinporten token from the mock
 *   with `altinn:serviceowner/delegationrequests.write` (POST, DELETE) or `.read` (GET). The token's
 *   consumer organisation is the service owner.
 * - Answers are HAL (`application/hal+json`, with `_links` and `_embedded`) unless `application/json`
 *   appears in `Accept`: then plain JSON without links, as Altinn 2 does.
 * - Errors use ASP.NET Web API's `HttpError` shape, `{ "Message": … }` (plus `ModelState` for
 *   invalid input), which is what Altinn 2's Web API services answer with. [I]
 */

export interface Altinn2ApiContext {
  baseUrl: string;
  delegationRequests: DelegationRequestStore;
  parties: PartyRegistry;
  services: ServiceRegistry;
  maskinporten: MockMaskinporten;
  apiKeys: ReadonlySet<string>;
  delegationRequestsPageSize: number;
  nowMicros(): number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS_FILTERS = [
  'none',
  'created',
  'unopened',
  'opened',
  'approved',
  'accepted',
  'rejected',
  'deleted',
];

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { Message: message, ...extra }, headers);
}

/** `ModelState` errors, keyed by the property they concern. */
function sendInvalid(res: ServerResponse, modelState: Record<string, string[]>): void {
  sendError(res, 400, 'The request is invalid.', { ModelState: modelState });
}

/** Plain JSON as soon as `application/json` is acceptable; HAL otherwise. */
function wantsHal(req: IncomingMessage): boolean {
  const accept = (req.headers.accept ?? '')
    .split(',')
    .map((range) => range.split(';')[0]?.trim().toLowerCase());
  return !accept.includes('application/json');
}

function sendRepresentation(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, body, {
    'Content-Type': `${wantsHal(req) ? 'application/hal+json' : 'application/json'}; charset=utf-8`,
    ...headers,
  });
}

/** Routes a request under {@link ALTINN2_API_PATH}; `rest` is the path after it. */
export async function handleAltinn2Api(
  ctx: Altinn2ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  query: URLSearchParams,
): Promise<void> {
  const segment = rest.replace(/^\/|\/$/g, '');
  const method = req.method ?? 'GET';
  if (segment === '') {
    if (method === 'POST') {
      const caller = await authorize(ctx, req, res, SCOPE_DELEGATION_REQUESTS_WRITE);
      if (caller) await createDelegationRequest(ctx, req, res, caller);
      return;
    }
    if (method === 'GET') {
      const caller = await authorize(ctx, req, res, SCOPE_DELEGATION_REQUESTS_READ);
      if (caller) listDelegationRequests(ctx, req, res, caller, query);
      return;
    }
    return sendEmpty(res, 405, { Allow: 'GET, POST' });
  }
  if (segment.includes('/')) return sendEmpty(res, 404);
  if (method !== 'GET' && method !== 'DELETE') return sendEmpty(res, 405, { Allow: 'GET, DELETE' });
  const caller = await authorize(
    ctx,
    req,
    res,
    method === 'GET' ? SCOPE_DELEGATION_REQUESTS_READ : SCOPE_DELEGATION_REQUESTS_WRITE,
  );
  if (!caller) return;
  const request = findOwn(ctx, res, caller, segment);
  if (!request) return;
  if (method === 'GET') {
    return sendRepresentation(
      req,
      res,
      200,
      delegationRequestJson(request, ctx.baseUrl, wantsHal(req)),
    );
  }
  deleteDelegationRequest(request, ctx.nowMicros());
  sendEmpty(res, 204);
}

/**
 * The API key first (403 without a known one), then the Maskinporten token (401), then its scope
 * (403). Altinn checks the key before anything else; the exact wording of its messages is the mock's.
 */
async function authorize(
  ctx: Altinn2ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  scope: string,
): Promise<AccessTokenClaims | undefined> {
  const key = req.headers.apikey;
  if (typeof key !== 'string' || !ctx.apiKeys.has(key)) {
    sendError(
      res,
      403,
      key === undefined
        ? 'The ApiKey header is missing. Send the API key Altinn issued to you.'
        : 'The ApiKey is not valid.',
    );
    return undefined;
  }
  const token = bearerToken(req);
  const claims = token ? await ctx.maskinporten.verifyAccessToken(token) : undefined;
  if (!claims) {
    sendError(
      res,
      401,
      'Authorization has been denied for this request.',
      {},
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
    return undefined;
  }
  if (!claims.scopes.includes(scope)) {
    sendError(res, 403, `The access token lacks the scope ${scope}.`);
    return undefined;
  }
  return claims;
}

function findOwn(
  ctx: Altinn2ApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  id: string,
): MockDelegationRequest | undefined {
  if (!GUID.test(id)) {
    sendError(res, 400, 'The request is invalid.', {
      MessageDetail: `The value '${id}' is not a valid Guid for the parameter 'id'.`,
    });
    return undefined;
  }
  const request = ctx.delegationRequests.get(id);
  if (!request) {
    sendError(res, 404, `No delegation request with id ${id.toLowerCase()} was found.`);
    return undefined;
  }
  if (request.serviceOwner !== caller.orgNumber) {
    sendError(res, 403, 'The delegation request belongs to another service owner.');
    return undefined;
  }
  return request;
}

// ---------------------------------------------------------------------------------------------
// POST: Json.NET binding (property names case-insensitive, numbers and strings converted as it
// converts them), then the service's checks; every problem is reported at once.

function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/** A string, or a whole number Json.NET would turn into one. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  return undefined;
}

function asInteger(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

interface ValidInput {
  coveredBy: string;
  offeredBy: string;
  redirectUrl: string;
  requestMessage: string | null;
  keepSessionAlive: boolean;
  requestResources: MockRequestResource[];
}

function validate(
  ctx: Altinn2ApiContext,
  body: JsonObject,
  caller: AccessTokenClaims,
): { input: ValidInput } | { modelState: Record<string, string[]> } {
  const modelState: Record<string, string[]> = {};
  const fail = (key: string, message: string): void => {
    (modelState[key] ??= []).push(message);
  };

  const coveredBy = asText(member(body, 'CoveredBy'));
  if (member(body, 'CoveredBy') === undefined || member(body, 'CoveredBy') === null) {
    fail(
      'CoveredBy',
      'CoveredBy is required: who asks for access (a national identity number or an organisation number).',
    );
  } else if (coveredBy === undefined || !/^(\d{9}|\d{11})$/.test(coveredBy)) {
    fail(
      'CoveredBy',
      'CoveredBy must be a national identity number (11 digits) or an organisation number (9 digits).',
    );
  } else if (
    !ctx.parties.find({
      kind: coveredBy.length === 11 ? 'person' : 'organization',
      number: coveredBy,
    })
  ) {
    fail('CoveredBy', `CoveredBy ${coveredBy} is not in the register.`);
  }

  const offeredBy = asText(member(body, 'OfferedBy'));
  if (member(body, 'OfferedBy') === undefined || member(body, 'OfferedBy') === null) {
    fail('OfferedBy', 'OfferedBy is required: the organisation number of the organisation asked.');
  } else if (offeredBy === undefined || !/^\d{9}$/.test(offeredBy)) {
    fail('OfferedBy', 'OfferedBy must be an organisation number (9 digits).');
  } else if (!ctx.parties.organization(offeredBy)) {
    fail('OfferedBy', `OfferedBy ${offeredBy} is not in the register.`);
  }
  if (coveredBy !== undefined && coveredBy === offeredBy) {
    fail('OfferedBy', 'CoveredBy and OfferedBy must differ: nobody asks itself for access.');
  }

  const redirectValue = member(body, 'RedirectUrl');
  if (typeof redirectValue !== 'string' || redirectValue.trim() === '') {
    fail('RedirectUrl', 'RedirectUrl is required: where "Fortsett" takes the user after sending.');
  } else if (!isHttpUrl(redirectValue)) {
    fail('RedirectUrl', 'RedirectUrl must be an absolute http or https URL.');
  }

  const keepValue = member(body, 'KeepSessionAlive');
  if (keepValue !== undefined && keepValue !== null && typeof keepValue !== 'boolean') {
    fail('KeepSessionAlive', 'KeepSessionAlive must be true or false.');
  }
  const messageValue = member(body, 'RequestMessage');
  if (messageValue !== undefined && messageValue !== null && typeof messageValue !== 'string') {
    fail('RequestMessage', 'RequestMessage must be a string.');
  }

  const resourcesValue = member(body, 'RequestResources');
  const requestResources: MockRequestResource[] = [];
  if (!Array.isArray(resourcesValue) || resourcesValue.length === 0) {
    fail(
      'RequestResources',
      'RequestResources must name at least one service (ServiceCode and ServiceEditionCode).',
    );
  } else {
    resourcesValue.forEach((item: unknown, index) => {
      const key = `RequestResources[${index}]`;
      if (!isObject(item)) return fail(key, `${key} must be an object.`);
      const appId = member(item, 'AltinnAppId');
      const code = asText(member(item, 'ServiceCode'));
      const edition = asInteger(member(item, 'ServiceEditionCode'));
      if (code === undefined && typeof appId === 'string') {
        return fail(
          key,
          `${key}: AltinnAppId (Altinn 3 apps) is not supported by the mock; name a ServiceCode and a ServiceEditionCode.`,
        );
      }
      if (code === undefined || code === '') return fail(key, `${key}: ServiceCode is required.`);
      if (edition === undefined)
        return fail(key, `${key}: ServiceEditionCode must be a whole number.`);
      const service = ctx.services.get(code, edition);
      if (!service) return fail(key, `${key}: no service ${code} edition ${edition} exists.`);
      if (service.owner !== caller.orgNumber) {
        return fail(
          key,
          `${key}: service ${code} edition ${edition} belongs to another service owner; a service owner may only ask for access to its own services.`,
        );
      }
      requestResources.push({
        serviceCode: code,
        serviceEditionCode: edition,
        operations: [...(service.operations ?? ['Read', 'Write'])],
      });
    });
  }

  if (
    Object.keys(modelState).length > 0 ||
    !coveredBy ||
    !offeredBy ||
    typeof redirectValue !== 'string'
  ) {
    return { modelState };
  }
  return {
    input: {
      coveredBy,
      offeredBy,
      redirectUrl: redirectValue,
      requestMessage: typeof messageValue === 'string' ? messageValue : null,
      keepSessionAlive: keepValue === true,
      requestResources,
    },
  };
}

const BODY_TYPES = ['application/json', 'application/hal+json', 'text/json'];

async function createDelegationRequest(
  ctx: Altinn2ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  caller: AccessTokenClaims,
): Promise<void> {
  const type = contentType(req);
  if (!BODY_TYPES.includes(type) && !type.endsWith('+json')) {
    return sendError(
      res,
      415,
      `The request entity's media type '${type || 'none'}' is not supported for this resource.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendEmpty(res, 413);
    return sendInvalid(res, {
      request: [`The body is not valid JSON: ${(error as Error).message}`],
    });
  }
  if (!isObject(body)) return sendInvalid(res, { request: ['The body must be a JSON object.'] });
  const result = validate(ctx, body, caller);
  if ('modelState' in result) return sendInvalid(res, result.modelState);

  const request = ctx.delegationRequests.create(
    { serviceOwner: caller.orgNumber, ...result.input },
    ctx.nowMicros(),
  );
  // 201 is the mock's choice: whether Altinn answers 200 or 201 is open (altinn-api.md 5).
  sendRepresentation(req, res, 201, delegationRequestJson(request, ctx.baseUrl, wantsHal(req)), {
    Location: altinn2SelfHref(ctx.baseUrl, request.guid),
  });
}

// ---------------------------------------------------------------------------------------------
// GET list: filters, OData `$filter` (the two forms Altinn's docs show), continuation.

/** Query names bind case-insensitively, as in ASP.NET. */
function queryValues(query: URLSearchParams, name: RegExp): string[] {
  const values: string[] = [];
  for (const [key, value] of query) if (name.test(key)) values.push(value);
  return values;
}

function encodeContinuation(sequence: number): string {
  return Buffer.from(`after:${sequence}`).toString('base64url');
}

function decodeContinuation(token: string): number | undefined {
  const match = /^after:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] ? Number(match[1]) : undefined;
}

/** `CoveredBy eq '…'` and/or `OfferedBy eq '…'`, joined with `and`; anything else is refused. */
function parseODataFilter(filter: string): Record<string, string> | undefined {
  const conditions: Record<string, string> = {};
  for (const part of filter.trim().split(/\s+and\s+/i)) {
    const match = /^(coveredby|offeredby)\s+eq\s+'([^']*)'$/i.exec(part.trim());
    if (!match?.[1] || match[2] === undefined) return undefined;
    conditions[match[1].toLowerCase()] = match[2];
  }
  return conditions;
}

function listDelegationRequests(
  ctx: Altinn2ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  caller: AccessTokenClaims,
  query: URLSearchParams,
): void {
  const one = (name: string): string | undefined =>
    queryValues(query, new RegExp(`^${name.replace('$', '\\$')}$`, 'i')).find(
      (value) => value !== '',
    );

  const serviceCode = one('serviceCode');
  const editionText = one('serviceEditionCode');
  const serviceEdition = editionText === undefined ? undefined : asInteger(editionText);
  if (editionText !== undefined && serviceEdition === undefined) {
    return sendInvalid(res, {
      serviceEditionCode: [`The value '${editionText}' is not a whole number.`],
    });
  }
  const statuses = queryValues(query, /^status(\[\d*\])?$/i)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '');
  const badStatus = statuses.find((status) => !STATUS_FILTERS.includes(status));
  if (badStatus !== undefined) {
    return sendInvalid(res, {
      status: [`The value '${badStatus}' is not valid. Use ${STATUS_FILTERS.join(', ')}.`],
    });
  }
  // Approved and Accepted are one state, spelled two ways ([C] in altinn-api.md 3.1).
  const wanted = new Set(
    statuses
      .filter((status) => status !== 'none')
      .flatMap((status) =>
        status === 'approved' || status === 'accepted' ? ['approved', 'accepted'] : [status],
      ),
  );

  let coveredBy = one('coveredBy');
  let offeredBy = one('offeredBy');
  const filter = one('$filter');
  if (filter !== undefined) {
    const conditions = parseODataFilter(filter);
    if (!conditions) {
      return sendError(
        res,
        400,
        `The mock supports only $filter=CoveredBy eq '…' and/or OfferedBy eq '…', not: ${filter}`,
      );
    }
    coveredBy = conditions.coveredby ?? coveredBy;
    offeredBy = conditions.offeredby ?? offeredBy;
  }

  const continuation = one('continuation');
  let after = 0;
  if (continuation !== undefined) {
    const decoded = decodeContinuation(continuation);
    if (decoded === undefined) return sendError(res, 400, 'The continuation token is not valid.');
    after = decoded;
  }

  const matching = [...ctx.delegationRequests.requests.values()]
    .filter((request) => request.serviceOwner === caller.orgNumber)
    .filter((request) => request.sequence > after)
    .filter((request) => wanted.size === 0 || wanted.has(request.requestStatus.toLowerCase()))
    .filter((request) => coveredBy === undefined || request.coveredBy === coveredBy)
    .filter((request) => offeredBy === undefined || request.offeredBy === offeredBy)
    .filter(
      (request) =>
        serviceCode === undefined ||
        request.requestResources.some(
          (resource) =>
            resource.serviceCode === serviceCode &&
            (serviceEdition === undefined || resource.serviceEditionCode === serviceEdition),
        ),
    )
    .sort((a, b) => a.sequence - b.sequence);
  const page = matching.slice(0, ctx.delegationRequestsPageSize);
  const last = page[page.length - 1];
  // A next link only when more remain, as the last page of NAV's tt02 fixture has none. [I]
  const token =
    matching.length > page.length && last ? encodeContinuation(last.sequence) : undefined;

  const hal = wantsHal(req);
  const items = page.map((request) => delegationRequestJson(request, ctx.baseUrl, hal));
  const listHref = `${ctx.baseUrl}${ALTINN2_API_PATH}`;
  let body: Record<string, unknown>;
  if (hal) {
    const links: Record<string, { href: string }> = { self: { href: listHref } };
    if (token) {
      const nextQuery = new URLSearchParams(
        [...query].filter(([key]) => key.toLowerCase() !== 'continuation'),
      );
      nextQuery.set('continuation', token);
      links.next = { href: `${listHref}?${nextQuery.toString()}` };
    }
    body = { _links: links, _embedded: { delegationRequests: items } };
  } else {
    // Plain JSON drops `_links` and `_embedded`; the list's shape here is the mock's reading. [I]
    body = { delegationRequests: items };
  }
  if (token) body.continuationtoken = token;
  sendRepresentation(req, res, 200, body);
}
