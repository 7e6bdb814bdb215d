import {
  ALTINN2_API_PATH,
  altinn2SelfHref,
  moveDelegationRequest,
  delegationRequestJson,
  type NewDelegationRequest,
} from './access-store.js';
import { altinn2Error, apiKeyAndBearer } from './auth.js';
import { SCOPE_DELEGATION_REQUESTS_READ, SCOPE_DELEGATION_REQUESTS_WRITE } from './defaults.js';
import { empty, json, mediaType, readJson } from './http.js';
import { isGuid } from './ids.js';
import { isObject, member, type JsonObject } from './json-input.js';
import type { Caller, RouteContext, RouteTable } from './routes.js';
import type { MockState } from './state.js';
import type { MockDelegationRequest, MockRequestResource } from './types.js';

/**
 * Altinn 2's service owner API for access requests, `…/api/serviceowner/delegationRequests`
 * (altinn-api.md 3.1; Altinn's own docs, release 20.4): create, read, delete. Altinn II closed on
 * 19 June 2026; the list (`GET` with filters, OData and continuation) is not mocked, as the product
 * never lists.
 *
 * - Auth: header `ApiKey` and a Maskinporten token with `…delegationrequests.write` (POST, DELETE)
 *   or `.read` (GET); the token's consumer organisation is the service owner.
 * - Answers are HAL (`application/hal+json`, with `_links`) unless `application/json` appears in
 *   `Accept`: then plain JSON without links, as Altinn 2 does.
 * - Errors use ASP.NET Web API's `{ "Message": … }` (plus `ModelState` for invalid input). [I]
 */

export const altinn2Routes: RouteTable = {
  base: ALTINN2_API_PATH,
  count: 'altinn2DelegationRequests',
  routes: [
    {
      method: 'POST',
      path: '',
      auth: apiKeyAndBearer(SCOPE_DELEGATION_REQUESTS_WRITE),
      handle: create,
    },
    {
      method: 'GET',
      path: '/{id}',
      auth: apiKeyAndBearer(SCOPE_DELEGATION_REQUESTS_READ),
      handle: read,
    },
    {
      method: 'DELETE',
      path: '/{id}',
      auth: apiKeyAndBearer(SCOPE_DELEGATION_REQUESTS_WRITE),
      handle: remove,
    },
  ],
};

function modelStateError(modelState: Record<string, string[]>): Response {
  return altinn2Error(400, 'The request is invalid.', { ModelState: modelState });
}

/** Plain JSON as soon as `application/json` is acceptable; HAL otherwise. */
function wantsHal(request: Request): boolean {
  const accept = (request.headers.get('accept') ?? '')
    .split(',')
    .map((range) => range.split(';')[0]?.trim().toLowerCase());
  return !accept.includes('application/json');
}

function representation(
  request: Request,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return json(status, body, {
    'Content-Type': `${wantsHal(request) ? 'application/hal+json' : 'application/json'}; charset=utf-8`,
    ...headers,
  });
}

/** The caller's own request by id: 400 for a bad id, 404 unknown, 403 another service owner's. */
function ownRequest(mock: MockState, caller: Caller, id: string): MockDelegationRequest | Response {
  if (!isGuid(id)) {
    return altinn2Error(400, 'The request is invalid.', {
      MessageDetail: `The value '${id}' is not a valid Guid for the parameter 'id'.`,
    });
  }
  const request = mock.delegationRequests.get(id);
  if (!request)
    return altinn2Error(404, `No delegation request with id ${id.toLowerCase()} was found.`);
  if (request.serviceOwner !== caller.orgNumber) {
    return altinn2Error(403, 'The delegation request belongs to another service owner.');
  }
  return request;
}

function read(request: Request, { mock, caller, params }: RouteContext): Response {
  const found = ownRequest(mock, caller, params.id ?? '');
  if (found instanceof Response) return found;
  return representation(
    request,
    200,
    delegationRequestJson(found, mock.baseUrl, wantsHal(request)),
  );
}

/** `DELETE`: 204, the request is `Deleted`. */
function remove(_: Request, { mock, caller, params }: RouteContext): Response {
  const found = ownRequest(mock, caller, params.id ?? '');
  if (found instanceof Response) return found;
  moveDelegationRequest(found, 'delete', mock.nowMicros());
  return empty(204);
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

type ValidInput = Omit<NewDelegationRequest, 'serviceOwner'>;

function validate(
  mock: MockState,
  body: JsonObject,
  caller: Caller,
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
  } else if (!mock.parties.byNumber(coveredBy)) {
    fail('CoveredBy', `CoveredBy ${coveredBy} is not in the register.`);
  }

  const offeredBy = asText(member(body, 'OfferedBy'));
  if (member(body, 'OfferedBy') === undefined || member(body, 'OfferedBy') === null) {
    fail('OfferedBy', 'OfferedBy is required: the organisation number of the organisation asked.');
  } else if (offeredBy === undefined || !/^\d{9}$/.test(offeredBy)) {
    fail('OfferedBy', 'OfferedBy must be an organisation number (9 digits).');
  } else if (!mock.parties.organization(offeredBy)) {
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
      const service = mock.services.get(code, edition);
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

async function create(request: Request, { mock, caller }: RouteContext): Promise<Response> {
  const type = mediaType(request);
  if (!BODY_TYPES.includes(type) && !type.endsWith('+json')) {
    return altinn2Error(
      415,
      `The request entity's media type '${type || 'none'}' is not supported for this resource.`,
    );
  }
  const body = await readJson(request);
  if ('error' in body) {
    return modelStateError({ request: [`The body is not valid JSON: ${body.error}`] });
  }
  if (!isObject(body.value))
    return modelStateError({ request: ['The body must be a JSON object.'] });
  const result = validate(mock, body.value, caller);
  if ('modelState' in result) return modelStateError(result.modelState);

  const created = mock.delegationRequests.create(
    { serviceOwner: caller.orgNumber, ...result.input },
    mock.nowMicros(),
  );
  // 201 is the mock's choice: whether Altinn answers 200 or 201 is open (altinn-api.md 5).
  return representation(
    request,
    201,
    delegationRequestJson(created, mock.baseUrl, wantsHal(request)),
    { Location: altinn2SelfHref(mock.baseUrl, created.guid) },
  );
}
