import { bearer, SCOPE_ORG, SCOPE_READ, SCOPE_WRITE } from './auth.js';
import { CONSENT_PAGE_PATH } from './consent-pages.js';
import {
  consentRequestDetails,
  internalConsentRequest,
  type NewConsentRequest,
} from './consent-store.js';
import { empty, isJsonBody, json, readJson } from './http.js';
import { isGuid } from './ids.js';
import { hasMember, isObject, member, type JsonObject } from './json-input.js';
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
import type { MockConsentRight, MockResource } from './types.js';

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

/** Where the user answers a request: am.ui's consent page (here on the mock's own origin). */
export function viewUri(mock: MockState, id: string): string {
  return `${mock.baseUrl}${CONSENT_PAGE_PATH}?id=${id}`;
}

const RESOURCE_TYPE = 'urn:altinn:resource';
const EVENTS_PAGE_SIZE = 100;
/** The events feed only returns events older than this (altinn-api.md 2.7). */
const EVENTS_DELAY_MICROS = 5 * 60 * 1_000_000;
const EVENT_TYPE_FILTERS = ['accepted', 'rejected', 'revoked', 'deleted', 'used'];

// ---------------------------------------------------------------------------------------------
// POST: binding (JSON → typed request), then the controller's checks, then the service's rules.

interface RightInput {
  action: string[] | null;
  resource: { type: string; value: string }[] | null;
  metadata: Record<string, string> | null;
}

interface ConsentRequestInput {
  id: string;
  from: PartyRef;
  to: PartyRef;
  requiredDelegator: PartyRef | null;
  validToMicros: number;
  consentRights: RightInput[];
  requestMessage: Record<string, string> | null;
  redirectUrl: string | null;
  portalViewMode: 'Hide' | 'Show';
}

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

/** `null` for a missing or null member, else the member bound by `bind`. */
function optional<T>(value: unknown, bind: (value: unknown) => T): T | null {
  return value === undefined || value === null ? null : bind(value);
}

function bindString(value: unknown, path: string, type = 'System.String'): string {
  return typeof value === 'string' ? value : notConverted(path, type);
}

function bindArray<T>(value: unknown, path: string, bind: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) notConverted(path, 'an array');
  return value.map((item: unknown, index) => bind(item, `${path}/${index}`));
}

function bindObject(value: unknown, path: string): JsonObject {
  return isObject(value) ? value : notConverted(path, 'an object');
}

function bindParty(value: unknown, path: string): PartyRef {
  return (
    parsePartyUrn(bindString(value, path, 'ConsentPartyUrn')) ??
    notConverted(path, 'ConsentPartyUrn')
  );
}

/** A dictionary of strings; a null value binds as empty (then AM-00007 for metadata). */
function bindDictionary(value: unknown, path: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(bindObject(value, path)).map(([key, entry]) => [
      key,
      entry === null ? '' : bindString(entry, `${path}/${key}`),
    ]),
  );
}

function bindRight(value: unknown, path: string): RightInput {
  const right = bindObject(value, path);
  return {
    action: optional(member(right, 'action'), (v) => bindArray(v, `${path}/action`, bindString)),
    resource: optional(member(right, 'resource'), (v) =>
      bindArray(v, `${path}/resource`, (item, itemPath) => {
        const resource = bindObject(item, itemPath);
        return {
          type: bindString(member(resource, 'type'), `${itemPath}/type`),
          value: bindString(member(resource, 'value'), `${itemPath}/value`),
        };
      }),
    ),
    metadata: optional(member(right, 'metadata'), (v) => bindDictionary(v, `${path}/metadata`)),
  };
}

const REQUIRED = ['id', 'from', 'to', 'validTo', 'consentRights', 'redirectUrl'];

/** `ConsentRequestDto` as System.Text.Json binds it: names in any case, required members last. */
function bindConsentRequest(value: unknown): ConsentRequestInput {
  const body = bindObject(value, '/');
  const id = optional(member(body, 'id'), (v) => bindString(v, '/id', 'System.Guid'));
  if (id !== null && !isGuid(id)) notConverted('/id', 'System.Guid');
  const from = optional(member(body, 'from'), (v) => bindParty(v, '/from'));
  const to = optional(member(body, 'to'), (v) => bindParty(v, '/to'));
  const requiredDelegator = optional(member(body, 'requiredDelegator'), (v) =>
    bindParty(v, '/requiredDelegator'),
  );
  const validTo = optional(member(body, 'validTo'), (v) => {
    const text = bindString(v, '/validTo', 'System.DateTimeOffset');
    return parseDateTimeMicros(text) ?? notConverted('/validTo', 'System.DateTimeOffset');
  });
  const consentRights = optional(member(body, 'consentRights'), (v) =>
    bindArray(v, '/consentRights', bindRight),
  );
  const redirectUrl = optional(member(body, 'redirectUrl'), (v) => bindString(v, '/redirectUrl'));
  const portalViewMode = optional(member(body, 'portalViewMode'), (v) => {
    const mode = typeof v === 'string' ? v.toLowerCase() : v;
    if (mode === 'show' || mode === 1) return 'Show';
    return mode === 'hide' || mode === 0
      ? 'Hide'
      : notConverted('/portalViewMode', 'ConsentPortalViewMode');
  });
  const requestMessage = optional(member(body, 'requestMessage'), (v) =>
    bindDictionary(v, '/requestMessage'),
  );
  const missing = REQUIRED.filter((name) => !hasMember(body, name));
  if (missing.length > 0 || !from || !to) {
    const names = missing.map((name) => `'${name}'`).join(', ');
    throw new BindingError(
      '/',
      `JSON deserialization for type 'ConsentRequestDto' was missing required properties including: ${names}.`,
    );
  }
  return {
    id: (id ?? '').toLowerCase(),
    from,
    to,
    requiredDelegator,
    validToMicros: validTo ?? 0,
    consentRights: consentRights ?? [],
    requestMessage,
    redirectUrl,
    portalViewMode: portalViewMode ?? 'Hide',
  };
}

/**
 * Altinn's `IsValidUrl`: an absolute URI whose scheme is http, https, or a custom scheme matching
 * `^[a-z][a-z0-9+\-.]*$`. .NET lower-cases the scheme first, so in effect any absolute URI passes.
 */
export function isValidRedirectUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+\-.]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (scheme === 'http' || scheme === 'https')
    return /^https?:\/\//i.test(url) && parsed.hostname !== '';
  return true;
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
  const parties: [PartyRef | null, string][] = [
    [input.from, 'from'],
    [input.to, 'to'],
    [input.requiredDelegator, 'requiredDelegator'],
  ];
  const [from, to, requiredDelegator] = parties.map(([ref, field]) =>
    ref ? lookUpParty(mock, ref, field) : null,
  );
  for (const party of [from, to, requiredDelegator]) {
    if (party && 'code' in party) return { problem: party };
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
        problems.push(
          problem(AM.mixedTemplates, `${at}: template '${template}', not '${templateId}'`),
        );
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
      from: from as Party,
      to: to as Party,
      requiredDelegator: requiredDelegator as Party | null,
      handledBy,
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
    if (existing.from === result.request.from.urn && existing.to === result.request.to.urn) {
      return json(200, internalConsentRequest(existing, viewUri(mock, existing.id)));
    }
    const detail = `A consent request with id ${input.id} exists for other parties`;
    return failure(AM.idExists, detail, { requestId: input.id });
  }
  // The Created event is the consumer's, even for a caller outside the register (`.org`).
  const performedBy =
    mock.parties.organization(caller.orgNumber) ?? makeParty('organization', caller.orgNumber);
  const created = mock.consents.create(result.request, performedBy, mock.nowMicros());
  return json(201, consentRequestDetails(created, viewUri(mock, created.id)), {
    Location: `${mock.baseUrl}${CONSENT_API_PATH}/${created.id}`,
  });
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
  return json(
    200,
    consentRequestDetails(request, viewUri(mock, request.id), { nowMicros: mock.nowMicros() }),
  );
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
  const trimmed = (text: string) => text.replace(/=+$/, '');
  if (
    token !== undefined &&
    (bytes.length !== 16 || trimmed(bytes.toString('base64')) !== trimmed(token))
  ) {
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
  return json(200, {
    links: {
      next: last ? `${mock.baseUrl}${CONSENT_API_PATH}/events?${nextQuery.toString()}` : null,
    },
    data: page.map((event) => ({
      consentRequestId: event.consentRequestID,
      eventType: event.eventType,
      changedDate: formatMicros(event.createdMicros),
    })),
  });
}
