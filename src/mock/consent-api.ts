import { bearer, SCOPE_ORG, SCOPE_READ, SCOPE_WRITE } from './auth.js';
import { CONSENT_PAGE_PATH } from './consent-pages.js';
import { isExpired, type NewConsentRequest } from './consent-store.js';
import { empty, isJsonBody, json, parseUrl, readJson } from './http.js';
import { isGuid } from './ids.js';
import { isObject, member, type JsonObject } from './json-input.js';
import {
  AM,
  aspNetProblem,
  combined,
  failure,
  VLD,
  invalid,
  invalidField,
  problem,
  problemResponse,
  validationProblem,
  type ProblemBody,
  type ValidationError,
} from './problems.js';
import {
  ORGANIZATION_URN_PREFIX,
  PERSON_URN_PREFIX,
  isConsentResource,
  makeParty,
  parsePartyUrn,
  type Party,
  type PartyRef,
} from './registry.js';
import { route, type Caller, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { formatMicros, parseDateTimeMicros } from './time.js';
import type { MockConsentRequest, MockConsentRight, MockResource } from './types.js';

/**
 * The enterprise consent API (altinn-api.md 2.1–2.8): create, read, and the events feed.
 * Any read scope reads; only `.write` or `.org` creates.
 */

export const CONSENT_API_PATH = '/accessmanagement/api/v1/enterprise/consentrequests';
const READ_SCOPES = [SCOPE_READ, SCOPE_WRITE, SCOPE_ORG];

export const consentRoutes: RouteTable = {
  base: CONSENT_API_PATH,
  count: 'consentRequests',
  routes: [
    route('POST', '', bearer(SCOPE_WRITE, SCOPE_ORG), create),
    route('GET', '/events', bearer(...READ_SCOPES), listEvents),
    route('GET', '/{id:guid}', bearer(...READ_SCOPES), read),
  ],
};

const RESOURCE_TYPE = 'urn:altinn:resource';
const EVENTS_PAGE_SIZE = 100;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** The events feed only returns events older than this (altinn-api.md 2.7). */
const EVENTS_DELAY_MICROS = 5 * 60 * 1_000_000;
const EVENT_TYPE_FILTERS = ['accepted', 'rejected', 'revoked', 'deleted', 'used'];

// ---------------------------------------------------------------------------------------------
// POST: binding (JSON → typed request), then the controller's checks, then the service's rules.

/** A body that does not deserialize: ASP.NET stops at the first error. */
class BindingError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function notConverted(path: string, type: string): never {
  const at = path.replace(/\//g, '.');
  throw new BindingError(path, `The JSON value could not be converted to ${type}. Path: $${at}`);
}

type Binders = Record<string, (value: unknown, path: string) => unknown>;

/**
 * An object's members as System.Text.Json binds them: names in any case, each by its binder,
 * `null` for a missing or null member.
 */
function bindMembers<B extends Binders>(value: unknown, path: string, binders: B) {
  const object = isObject(value) ? value : notConverted(path || '/', 'an object');
  const bound = Object.entries(binders).map(([name, bind]) => {
    const found = member(object, name);
    return [name, found === undefined || found === null ? null : bind(found, `${path}/${name}`)];
  });
  return Object.fromEntries(bound) as { [K in keyof B]: ReturnType<B[K]> | null };
}

function bindString(value: unknown, path: string, type = 'System.String'): string {
  return typeof value === 'string' ? value : notConverted(path, type);
}

function bindArray<T>(value: unknown, path: string, bind: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) notConverted(path, 'an array');
  return value.map((item: unknown, index) => bind(item, `${path}/${index}`));
}

function bindParty(value: unknown, path: string): PartyRef {
  return (
    parsePartyUrn(bindString(value, path, 'ConsentPartyUrn')) ??
    notConverted(path, 'ConsentPartyUrn')
  );
}

/** A dictionary of strings; a null value binds as empty (then AM-00007 for metadata). */
function bindDictionary(value: unknown, path: string): Record<string, string> {
  const entries = Object.entries(isObject(value) ? value : notConverted(path, 'an object'));
  return Object.fromEntries(
    entries.map(([key, entry]) => [key, entry === null ? '' : bindString(entry, `${path}/${key}`)]),
  );
}

/** `ConsentRightDto`; each of its resources needs a `type` and a `value`. */
const RIGHT = {
  action: (value: unknown, path: string) => bindArray(value, path, bindString),
  resource: (value: unknown, path: string) =>
    bindArray(value, path, (item, itemPath) => {
      const { type, value: id } = bindMembers(item, itemPath, {
        type: bindString,
        value: bindString,
      });
      return {
        type: type ?? notConverted(`${itemPath}/type`, 'System.String'),
        value: id ?? notConverted(`${itemPath}/value`, 'System.String'),
      };
    }),
  metadata: bindDictionary,
};

/** `ConsentRequestDto`, its members in the order they are bound. */
const CONSENT_REQUEST = {
  id: (value: unknown, path: string) => {
    const id = bindString(value, path, 'System.Guid');
    return isGuid(id) ? id.toLowerCase() : notConverted(path, 'System.Guid');
  },
  from: bindParty,
  to: bindParty,
  requiredDelegator: bindParty,
  validTo: (value: unknown, path: string) =>
    parseDateTimeMicros(bindString(value, path, 'System.DateTimeOffset')) ??
    notConverted(path, 'System.DateTimeOffset'),
  consentRights: (value: unknown, path: string) =>
    bindArray(value, path, (item, itemPath) => bindMembers(item, itemPath, RIGHT)),
  redirectUrl: bindString,
  portalViewMode: (value: unknown, path: string): 'Hide' | 'Show' => {
    const mode = typeof value === 'string' ? value.toLowerCase() : value;
    if (mode === 'show' || mode === 1) return 'Show';
    return mode === 'hide' || mode === 0 ? 'Hide' : notConverted(path, 'ConsentPortalViewMode');
  },
  requestMessage: bindDictionary,
};

/** The members the DTO marks `required`: a body without them does not bind. */
const REQUIRED = ['id', 'from', 'to', 'validTo', 'consentRights', 'redirectUrl'];

type ConsentRequestInput = ReturnType<typeof bindConsentRequest>;
type RightInput = ConsentRequestInput['consentRights'][number];

function bindConsentRequest(value: unknown) {
  const input = bindMembers(value, '', CONSENT_REQUEST);
  // A JSON member is never `undefined`: `member` finds every one that is there, `null` or not.
  const missing = REQUIRED.filter((name) => member(value as JsonObject, name) === undefined);
  if (missing.length > 0 || !input.from || !input.to) {
    const names = missing.map((name) => `'${name}'`).join(', ');
    throw new BindingError(
      '/',
      `JSON deserialization for type 'ConsentRequestDto' was missing required properties including: ${names}.`,
    );
  }
  const { id, from, to, validTo, consentRights, portalViewMode, ...rest } = input;
  return {
    ...rest,
    id: id ?? '',
    from,
    to,
    validToMicros: validTo ?? 0,
    consentRights: consentRights ?? [],
    portalViewMode: portalViewMode ?? 'Hide',
  };
}

/**
 * Altinn's `IsValidUrl`: an absolute URI whose scheme is http, https, or a custom scheme matching
 * `^[a-z][a-z0-9+\-.]*$`. .NET lower-cases the scheme first, so in effect any absolute URI passes.
 */
function isValidRedirectUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+\-.]*):/i.exec(url)?.[1]?.toLowerCase();
  const parsed = parseUrl(url);
  if (!scheme || !parsed) return false;
  if (scheme !== 'http' && scheme !== 'https') return true;
  return /^https?:\/\//i.test(url) && parsed.hostname !== '';
}

/** The register lookup: AM-00003 for an unknown organisation, AM-00004 for an unknown person. */
function lookUpParty(mock: MockState, ref: PartyRef, field: string): Party | ProblemBody {
  const party = mock.parties.find(ref);
  if (party) return party;
  const what = `${field}: ${ref.kind} ${ref.number} is not in the register`;
  return ref.kind === 'organization'
    ? problem(AM.unknownOrganization, what, { orgnr: ORGANIZATION_URN_PREFIX + ref.number })
    : problem(AM.unknownPerson, what, { fnumber: PERSON_URN_PREFIX + ref.number });
}

/** The metadata rules (AM-00006/7/8); keys compare case-insensitively, as `MetadataDictionary` does. */
function metadataProblems(index: number, right: RightInput, resource: MockResource): ProblemBody[] {
  const declared = Object.keys(resource.consentMetadata ?? {}).map((key) => key.toLowerCase());
  const given = new Map(Object.entries(right.metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const at = `consentRights[${index}]`;
  const problems: ProblemBody[] = [];
  for (const [key, value] of given) {
    if (!declared.includes(key)) {
      const detail = `Resource '${resource.id}' has no metadata key '${key}'`;
      problems.push(problem(AM.unknownMetadata, detail, { key }));
    }
    if (value === '') {
      const extension = { [`ConsentRight index: ${index}, key`]: key };
      problems.push(
        problem(AM.emptyMetadataValue, `${at}: metadata '${key}' has no value`, extension),
      );
    }
  }
  // Every declared key is required: Altinn ignores the registry's `Optional` flag (altinn-api.md 2.3).
  for (const key of declared.filter((declaredKey) => !given.has(declaredKey))) {
    const detail = `${at}: '${resource.id}' requires metadata '${key}'`;
    problems.push(problem(AM.missingMetadata, detail, { key }));
  }
  return problems;
}

/** `ValidateAndSetInternalIdentifiers`: parties first (each fails alone), then everything else at once. */
function validate(
  mock: MockState,
  input: ConsentRequestInput,
  handledBy: Party | null,
): { request: NewConsentRequest } | { problem: ProblemBody } {
  const { from, to, requiredDelegator } = input;
  const urns: Record<string, string | null> = {};
  for (const [field, ref] of Object.entries({ from, to, requiredDelegator })) {
    const party = ref && lookUpParty(mock, ref, field);
    if (party && 'code' in party) return { problem: party };
    urns[field] = party?.urn ?? null;
  }

  const problems: ProblemBody[] = [];
  const errors: ValidationError[] = [];
  if (input.validToMicros < mock.nowMicros()) {
    errors.push(invalidField(VLD.timeNotInFuture, ['ValidTo']));
  }
  if (input.consentRights.length === 0) errors.push(invalidField(VLD.emptyList, ['Resource']));
  let templateId = '';
  const rights: MockConsentRight[] = [];
  input.consentRights.forEach((right, index) => {
    const at = `consentRights[${index}]`;
    const item = right.resource?.length === 1 ? right.resource[0] : undefined;
    const resource = item?.type === RESOURCE_TYPE ? mock.resource(item.value) : undefined;
    if (!item) problems.push(problem(AM.invalidResource, `${at} must name exactly one resource`));
    else if (!resource)
      problems.push(problem(AM.invalidResource, `${at}: '${item.value}' is not in the registry`));
    else if (!isConsentResource(resource))
      problems.push(problem(AM.invalidResource, `${at}: '${item.value}' is no consent resource`));
    else problems.push(...metadataProblems(index, right, resource));
    if (item && resource) {
      const template = resource.consentTemplate ?? (isConsentResource(resource) ? 'default' : '');
      templateId ||= template;
      if (templateId.toLowerCase() !== template.toLowerCase()) {
        const detail = `${at}: template '${template}', not '${templateId}'`;
        problems.push(problem(AM.mixedTemplates, detail));
      }
      const version = String(resource.version ?? 1);
      rights.push({
        action: right.action ?? [],
        resource: [{ type: item.type, value: item.value, version }],
        metadata: right.metadata,
      });
    }
    if (!right.action?.length) {
      const paths = [`/consentRight/${index}/action`];
      problems.push(validationProblem([{ descriptor: VLD.required, paths }]));
    }
  });
  if (input.redirectUrl === null || !isValidRedirectUrl(input.redirectUrl)) {
    errors.push(invalidField(VLD.invalidRedirectUrl, ['RedirectUrl']));
  }
  if (errors.length > 0) problems.push(validationProblem(errors));
  const refused = combined(problems);
  if (refused) return { problem: refused };
  return {
    request: {
      ...input,
      from: urns.from ?? '',
      to: urns.to ?? '',
      requiredDelegator: urns.requiredDelegator ?? null,
      handledBy: handledBy?.urn ?? null,
      consentRights: rights,
      redirectUrl: input.redirectUrl ?? '',
      templateId,
      // Altinn's consent templates are all at version 1.
      templateVersion: 1,
    },
  };
}

/** Binds the body as ASP.NET would; a body that does not bind is one STD.VLD-00017. */
async function bindBody(request: Request): Promise<ConsentRequestInput | Response> {
  if (!isJsonBody(request)) return aspNetProblem(415);
  const body = await readJson(request);
  try {
    if ('error' in body) {
      throw new BindingError('/', `The request body is not valid JSON: ${body.error}`);
    }
    return bindConsentRequest(body.value);
  } catch (error) {
    if (!(error instanceof BindingError)) throw error;
    return invalid(invalidField(VLD.jsonError, [error.path], error.detail));
  }
}

/**
 * The controller (`ConsentController.CreateRequest`, altinn-api.md 2.1): `to` must be the token's
 * consumer unless the token has `.org` (else `Forbid()`: 403, empty body). `handledBy` is the
 * token's `supplier` (a client acting with `consumer_org`), or the `.org` caller asking for another.
 */
function handlerOf(mock: MockState, caller: Caller, to: PartyRef): Party | null | Response {
  const toIsCaller = to.kind === 'organization' && to.number === caller.orgNumber;
  const actsForOthers = !toIsCaller && caller.scopes.includes(SCOPE_ORG);
  if (!toIsCaller && !actsForOthers) return empty(403);
  const handler = caller.supplier ?? (actsForOthers ? caller.orgNumber : undefined);
  if (handler === undefined) return null;
  const party = lookUpParty(mock, { kind: 'organization', number: handler }, 'handledBy');
  return 'code' in party ? problemResponse(party) : party;
}

async function create(request: Request, { mock, caller }: RouteContext): Promise<Response> {
  const input = await bindBody(request);
  if (input instanceof Response) return input;
  const handledBy = handlerOf(mock, caller, input.to);
  if (handledBy instanceof Response) return handledBy;
  // The PDP's `requestconsent` check on each resource: a deny is 403 with an empty body.
  for (const right of input.consentRights) {
    const item = right.resource?.length === 1 ? right.resource[0] : undefined;
    const resource = item ? mock.resource(item.value) : undefined;
    if (resource?.requesters && !resource.requesters.includes(caller.orgNumber)) return empty(403);
  }

  const result = validate(mock, input, handledBy);
  if ('problem' in result) return problemResponse(result.problem);

  // Validation comes first; only then does Altinn notice the id exists. Same parties: the stored
  // request as it is (the new body is not compared), in the internal model's shape, with 200.
  const existing = mock.consents.get(input.id);
  if (existing) {
    if (existing.from === result.request.from && existing.to === result.request.to) {
      return json(200, consentJson(mock, existing, true));
    }
    const detail = `A consent request with id ${input.id} exists for other parties`;
    return failure(AM.idExists, detail, { requestId: input.id });
  }
  // The Created event is the consumer's, even for a caller outside the register (`.org`).
  const performedBy =
    mock.parties.organization(caller.orgNumber) ?? makeParty('organization', caller.orgNumber);
  const created = mock.consents.create(result.request, performedBy, mock.nowMicros());
  return json(201, consentRequestDetails(mock, created), {
    Location: `${mock.baseUrl}${CONSENT_API_PATH}/${created.id}`,
  });
}

// ---------------------------------------------------------------------------------------------
// The JSON of a request

/**
 * The JSON of a request. `internal`: the idempotent 200 of `POST /consentrequests`, Altinn's
 * internal model, not the DTO: the status is `consentRequestStatus`, `templateId` and
 * `templateVersion` appear, resources carry `version`, the events' `performedBy` stays a party
 * uuid URN, and `portalViewMode` is left out.
 */
function consentJson(mock: MockState, request: MockConsentRequest, internal: boolean) {
  return {
    id: request.id,
    from: request.from,
    to: request.to,
    requiredDelegator: request.requiredDelegator,
    handledBy: request.handledBy,
    validTo: request.validTo,
    consentRights: request.consentRights.map((right) => ({
      action: [...right.action],
      resource: right.resource.map(({ type, value, version }) =>
        internal ? { type, value, version } : { type, value },
      ),
      metadata: right.metadata ? { ...right.metadata } : null,
    })),
    requestMessage: request.requestMessage ? { ...request.requestMessage } : null,
    [internal ? 'consentRequestStatus' : 'status']: request.status,
    consented: request.consented,
    redirectUrl: request.redirectUrl,
    consentRequestEvents: request.events.map((event) => ({
      consentEventID: event.consentEventID,
      created: event.created,
      performedBy: internal ? event.performedByPartyUuid : event.performedBy,
      eventType: event.eventType,
      consentRequestID: event.consentRequestID,
    })),
    viewUri: `${mock.baseUrl}${CONSENT_PAGE_PATH}?id=${request.id}`,
    ...(internal
      ? { templateId: request.templateId, templateVersion: request.templateVersion }
      : { portalViewMode: request.portalViewMode }),
  };
}

/**
 * `ConsentRequestDetails` as the 201 and `GET /consentrequests/{id}` answer it. On GET, when
 * `validTo` has passed and no Expired event exists, Altinn adds one (created = validTo, performedBy
 * = to) without storing it and without touching `status`; its two ids are empty GUIDs, as the
 * event is built without them.
 */
export function consentRequestDetails(
  mock: MockState,
  request: MockConsentRequest,
  nowMicros?: number,
): Record<string, unknown> {
  const details = consentJson(mock, request, false);
  const expired = nowMicros !== undefined && isExpired(request, nowMicros);
  if (expired && !request.events.some((event) => event.eventType === 'Expired')) {
    details.consentRequestEvents.push({
      consentEventID: EMPTY_GUID,
      created: request.validTo,
      performedBy: request.to,
      eventType: 'Expired',
      consentRequestID: EMPTY_GUID,
    });
  }
  return details;
}

// ---------------------------------------------------------------------------------------------
// GET /consentrequests/{id}

/** Only the receiver (`to`) may read a request: a `.org` caller cannot read back what it made for another. */
function read(_: Request, { mock, caller, params }: RouteContext): Response {
  const id = (params.id ?? '').toLowerCase();
  const request = mock.consents.get(id);
  if (!request) return failure(AM.notFound, `No consent request with id ${id}`);
  if (request.to !== ORGANIZATION_URN_PREFIX + caller.orgNumber) {
    return failure(AM.notAuthorized, `Only the receiver (to) may read consent request ${id}`);
  }
  return json(200, consentRequestDetails(mock, request, mock.nowMicros()));
}

// ---------------------------------------------------------------------------------------------
// GET /consentrequests/events

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ''), 'hex');
}

/** The query's filters, or the validation errors (AM.VLD-00051…53, STD.VLD-00002) they give. */
function eventFilters(query: URLSearchParams) {
  const errors: ValidationError[] = [];
  const invalidValue = (name: string, value: string): void => {
    const detail = `The value '${value}' is not valid.`;
    errors.push({ descriptor: VLD.invalidValue, paths: [`/$QUERY/${name}`], detail });
  };
  const time = (name: string): number | undefined => {
    const text = query.get(name) || undefined;
    const micros = text === undefined ? undefined : parseDateTimeMicros(text);
    if (text !== undefined && micros === undefined) invalidValue(name, text);
    return micros;
  };
  const after = time('createdAfter') ?? -Infinity;
  const before = time('createdBefore') ?? Infinity;
  if (after >= before) errors.push(invalidField(VLD.invalidTimeRange, ['/$QUERY/createdAfter']));
  const sent = query.getAll('eventType');
  const types = sent.map((type) => type.toLowerCase());
  const badType = types.find((type) => !EVENT_TYPE_FILTERS.includes(type));
  if (badType !== undefined) {
    const detail = `Unknown event type '${badType}'`;
    errors.push({ descriptor: VLD.invalidEventType, paths: ['/$QUERY/eventType'], detail });
  }
  const requestId = query.get('consentRequestId');
  if (requestId !== null && !isGuid(requestId)) invalidValue('consentRequestId', requestId);
  // Opaque to callers; here the 16 bytes of the last event id, in RFC 4122 order, as Base64.
  const token = query.get('continuationToken') || undefined;
  const bytes = Buffer.from(token ?? '', 'base64');
  // What is not Base64 does not come back the same when the decoded bytes are encoded again.
  const sameAgain = bytes.toString('base64').replace(/=+$/, '') === token?.replace(/=+$/, '');
  if (token !== undefined && (bytes.length !== 16 || !sameAgain)) {
    errors.push(invalidField(VLD.invalidContinuationToken, ['/$QUERY/continuationToken']));
  }
  const lastSeen = token === undefined ? '' : bytes.toString('hex');
  // Validated in any case, then cast to Postgres' lower-case enum: another case fails there. [I]
  const castFails = badType === undefined && sent.some((type) => type !== type.toLowerCase());
  return { errors, castFails, after, before, types, requestId: requestId?.toLowerCase(), lastSeen };
}

/** Only the receiver's requests, only events older than five minutes, oldest first, 100 a page. */
function listEvents(_: Request, { mock, caller, url }: RouteContext): Response {
  const filters = eventFilters(url.searchParams);
  if (filters.errors.length > 0) return invalid(...filters.errors);
  if (filters.castFails) {
    return json(500, { title: 'An error occurred while processing your request.', status: 500 });
  }
  const { after, before, types, requestId, lastSeen } = filters;
  const receiver = ORGANIZATION_URN_PREFIX + caller.orgNumber;
  const latest = mock.nowMicros() - EVENTS_DELAY_MICROS;
  const page = [...mock.consents.requests.values()]
    .filter((request) => request.to === receiver && (requestId ?? request.id) === request.id)
    .flatMap((request) => request.events)
    .filter(({ createdMicros: at }) => at < latest && at > after && at < before)
    .filter((event) => types.length === 0 || types.includes(event.eventType.toLowerCase()))
    .filter((event) => guidBytes(event.consentEventID).toString('hex') > lastSeen)
    .sort((a, b) => a.consentEventID.localeCompare(b.consentEventID))
    .slice(0, EVENTS_PAGE_SIZE);
  const last = page[EVENTS_PAGE_SIZE - 1];
  const nextQuery = new URLSearchParams(url.searchParams);
  if (last) nextQuery.set('continuationToken', guidBytes(last.consentEventID).toString('base64'));
  const next = last ? `${mock.baseUrl}${CONSENT_API_PATH}/events?${nextQuery.toString()}` : null;
  return json(200, {
    links: { next },
    data: page.map((event) => ({
      consentRequestId: event.consentRequestID,
      eventType: event.eventType,
      changedDate: formatMicros(event.createdMicros),
    })),
  });
}
