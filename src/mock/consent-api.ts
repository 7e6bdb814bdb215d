import { bearer } from './auth.js';
import {
  consentRequestDetails,
  internalConsentRequest,
  type NewConsentRequest,
} from './consent-store.js';
import { SCOPE_ORG, SCOPE_READ, SCOPE_WRITE } from './defaults.js';
import { empty, isJsonBody, json, readJson } from './http.js';
import { isGuid } from './ids.js';
import { hasMember, isObject, member } from './json-input.js';
import {
  AM,
  ProblemCollector,
  VLD,
  invalid,
  problem,
  problemResponse,
  unsupportedMediaType,
  validationProblem,
  type ProblemBody,
  type ValidationError,
} from './problems.js';
import {
  ORGANIZATION_URN_PREFIX,
  isConsentResource,
  makeParty,
  parsePartyUrn,
  type Party,
  type PartyRef,
} from './registry.js';
import type { Caller, RouteContext, RouteTable } from './routes.js';
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
    { method: 'POST', path: '', auth: bearer(SCOPE_WRITE, SCOPE_ORG), handle: create },
    { method: 'GET', path: '/events', auth: bearer(...READ_SCOPES), handle: listEvents },
    { method: 'GET', path: '/{id:guid}', auth: bearer(...READ_SCOPES), handle: read },
  ],
};

/** Where the user answers a request: am.ui's consent page (here on the mock's own origin). */
export function viewUri(mock: MockState, id: string): string {
  return `${mock.baseUrl}/accessmanagement/ui/consent/request?id=${id}`;
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

function bindString(value: unknown, path: string, type = 'System.String'): string {
  if (typeof value !== 'string') {
    throw new BindingError(
      path,
      `The JSON value could not be converted to ${type}. Path: $${path.replace(/\//g, '.')}`,
    );
  }
  return value;
}

function bindParty(value: unknown, path: string): PartyRef {
  const text = bindString(value, path, 'ConsentPartyUrn');
  const party = parsePartyUrn(text);
  if (!party) {
    throw new BindingError(
      path,
      `'${text}' is not a party URN the mock knows: urn:altinn:person:identifier-no:<11 digits> or urn:altinn:organization:identifier-no:<9 digits>`,
    );
  }
  return party;
}

function bindStringDictionary(value: unknown, path: string): Record<string, string> | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value))
    throw new BindingError(
      path,
      `The JSON value could not be converted to a dictionary of strings`,
    );
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) result[key] = '';
    else result[key] = bindString(entry, `${path}/${key}`);
  }
  return result;
}

function bindRight(value: unknown, index: number): RightInput {
  const path = `/consentRights/${index}`;
  if (!isObject(value)) throw new BindingError(path, 'A consent right must be an object');
  const action = member(value, 'action');
  const resource = member(value, 'resource');
  let actions: string[] | null = null;
  if (action !== undefined && action !== null) {
    if (!Array.isArray(action))
      throw new BindingError(`${path}/action`, 'action must be an array of strings');
    actions = action.map((item, i) => bindString(item, `${path}/action/${i}`));
  }
  let items: { type: string; value: string }[] | null = null;
  if (resource !== undefined && resource !== null) {
    if (!Array.isArray(resource))
      throw new BindingError(`${path}/resource`, 'resource must be an array');
    items = resource.map((item: unknown, i) => {
      const itemPath = `${path}/resource/${i}`;
      if (!isObject(item)) throw new BindingError(itemPath, 'A resource item must be an object');
      return {
        type: bindString(member(item, 'type'), `${itemPath}/type`),
        value: bindString(member(item, 'value'), `${itemPath}/value`),
      };
    });
  }
  return {
    action: actions,
    resource: items,
    metadata: bindStringDictionary(member(value, 'metadata'), `${path}/metadata`),
  };
}

function bindConsentRequest(body: unknown): ConsentRequestInput {
  if (!isObject(body)) throw new BindingError('/', 'The request body must be a JSON object');
  const missing = ['id', 'from', 'to', 'validTo', 'consentRights', 'redirectUrl'].filter(
    (name) => !hasMember(body, name),
  );

  const idValue = member(body, 'id');
  let id = '';
  if (idValue !== undefined) {
    id = bindString(idValue, '/id', 'System.Guid');
    if (!isGuid(id))
      throw new BindingError(
        '/id',
        'The JSON value could not be converted to System.Guid. Path: $.id',
      );
  }
  const from =
    member(body, 'from') === undefined ? undefined : bindParty(member(body, 'from'), '/from');
  const to = member(body, 'to') === undefined ? undefined : bindParty(member(body, 'to'), '/to');
  const delegatorValue = member(body, 'requiredDelegator');
  const requiredDelegator =
    delegatorValue === undefined || delegatorValue === null
      ? null
      : bindParty(delegatorValue, '/requiredDelegator');

  const validToValue = member(body, 'validTo');
  let validToMicros = 0;
  if (validToValue !== undefined) {
    const micros = parseDateTimeMicros(
      bindString(validToValue, '/validTo', 'System.DateTimeOffset'),
    );
    if (micros === undefined) {
      throw new BindingError(
        '/validTo',
        'The JSON value could not be converted to System.DateTimeOffset. Path: $.validTo',
      );
    }
    validToMicros = micros;
  }

  const rightsValue = member(body, 'consentRights');
  let consentRights: RightInput[] = [];
  if (rightsValue !== undefined && rightsValue !== null) {
    if (!Array.isArray(rightsValue))
      throw new BindingError('/consentRights', 'consentRights must be an array');
    consentRights = rightsValue.map((right: unknown, index) => bindRight(right, index));
  }

  const redirectValue = member(body, 'redirectUrl');
  const redirectUrl =
    redirectValue === undefined || redirectValue === null
      ? null
      : bindString(redirectValue, '/redirectUrl');

  const viewModeValue = member(body, 'portalViewMode');
  let portalViewMode: 'Hide' | 'Show' = 'Hide';
  if (viewModeValue !== undefined && viewModeValue !== null) {
    const mode = typeof viewModeValue === 'string' ? viewModeValue.toLowerCase() : viewModeValue;
    if (mode === 'show' || mode === 1) portalViewMode = 'Show';
    else if (mode !== 'hide' && mode !== 0) {
      throw new BindingError(
        '/portalViewMode',
        'The JSON value could not be converted to ConsentPortalViewMode (hide, show)',
      );
    }
  }

  const requestMessage = bindStringDictionary(member(body, 'requestMessage'), '/requestMessage');

  if (missing.length > 0 || !from || !to) {
    throw new BindingError(
      '/',
      `JSON deserialization for type 'ConsentRequestDto' was missing required properties including: ${missing.map((name) => `'${name}'`).join(', ')}.`,
    );
  }
  return {
    id: id.toLowerCase(),
    from,
    to,
    requiredDelegator,
    validToMicros,
    consentRights,
    requestMessage,
    redirectUrl,
    portalViewMode,
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
  return ref.kind === 'organization'
    ? problem(
        AM.unknownOrganization,
        `${field}: organization ${ref.number} is not in the register`,
        {
          orgnr: ORGANIZATION_URN_PREFIX + ref.number,
        },
      )
    : problem(AM.unknownPerson, `${field}: person ${ref.number} is not in the register`, {
        fnumber: `urn:altinn:person:identifier-no:${ref.number}`,
      });
}

function isProblem(value: Party | ProblemBody): value is ProblemBody {
  return 'code' in value;
}

function templateOf(resource: MockResource): string {
  return resource.consentTemplate ?? (isConsentResource(resource) ? 'default' : '');
}

/** The metadata rules (AM-00006/7/8); keys compare case-insensitively, as `MetadataDictionary` does. */
function validateMetadata(
  problems: ProblemCollector,
  index: number,
  right: RightInput,
  resource: MockResource,
): void {
  const declared = new Map(
    Object.entries(resource.consentMetadata ?? {}).map(([key, field]) => [
      key.toLowerCase(),
      field,
    ]),
  );
  const given = Object.entries(right.metadata ?? {});
  for (const [key, value] of given) {
    const lower = key.toLowerCase();
    if (!declared.has(lower)) {
      problems.add(
        problem(AM.unknownMetadata, `Resource '${resource.id}' has no metadata key '${lower}'`, {
          key: lower,
        }),
      );
    }
    if (value === '') {
      problems.add(
        problem(
          AM.emptyMetadataValue,
          `consentRights[${index}]: metadata '${lower}' has no value`,
          {
            [`ConsentRight index: ${index}, key`]: lower,
          },
        ),
      );
    }
  }
  for (const [key, field] of declared) {
    if (field.optional) continue;
    if (!given.some(([givenKey]) => givenKey.toLowerCase() === key)) {
      problems.add(
        problem(
          AM.missingMetadata,
          `consentRights[${index}]: resource '${resource.id}' requires metadata '${key}'`,
          {
            key,
          },
        ),
      );
    }
  }
}

/** `ValidateAndSetInternalIdentifiers`: parties first (each fails alone), then everything else at once. */
function validate(
  mock: MockState,
  input: ConsentRequestInput,
  handledBy: Party | null,
): { request: NewConsentRequest } | { problem: ProblemBody } {
  const from = lookUpParty(mock, input.from, 'from');
  if (isProblem(from)) return { problem: from };
  const to = lookUpParty(mock, input.to, 'to');
  if (isProblem(to)) return { problem: to };
  let requiredDelegator: Party | null = null;
  if (input.requiredDelegator) {
    const delegator = lookUpParty(mock, input.requiredDelegator, 'requiredDelegator');
    if (isProblem(delegator)) return { problem: delegator };
    requiredDelegator = delegator;
  }

  const problems = new ProblemCollector();
  const validationErrors: ValidationError[] = [];
  if (input.validToMicros < mock.nowMicros()) {
    validationErrors.push({ descriptor: VLD.timeNotInFuture, paths: ['ValidTo'] });
  }

  let templateId = '';
  const rights: MockConsentRight[] = [];
  if (input.consentRights.length === 0) {
    validationErrors.push({ descriptor: VLD.emptyList, paths: ['Resource'] });
  }
  input.consentRights.forEach((right, index) => {
    const rightErrors: ValidationError[] = [];
    if (!right.action || right.action.length === 0) {
      rightErrors.push({ descriptor: VLD.required, paths: [`/consentRight/${index}/action`] });
    }
    const item = right.resource?.length === 1 ? right.resource[0] : undefined;
    if (!item) {
      problems.add(
        problem(AM.invalidResource, `consentRights[${index}] must name exactly one resource`),
      );
    } else {
      const resource = item.type === RESOURCE_TYPE ? mock.resources.get(item.value) : undefined;
      if (!resource) {
        problems.add(
          problem(
            AM.invalidResource,
            `consentRights[${index}]: '${item.type}' '${item.value}' is not in the resource registry`,
          ),
        );
      } else if (!isConsentResource(resource)) {
        problems.add(
          problem(
            AM.invalidResource,
            `consentRights[${index}]: '${item.value}' is not a consent resource`,
          ),
        );
      } else {
        validateMetadata(problems, index, right, resource);
      }
      if (resource) {
        const template = templateOf(resource);
        if (templateId === '') {
          templateId = template;
        } else if (templateId.toLowerCase() !== template.toLowerCase()) {
          problems.add(
            problem(
              AM.mixedTemplates,
              `consentRights[${index}]: '${item.value}' uses consent template '${template}', earlier rights use '${templateId}'`,
            ),
          );
        }
        rights.push({
          action: right.action ?? [],
          resource: [
            { type: item.type, value: item.value, version: String(resource.version ?? 1) },
          ],
          metadata: right.metadata,
        });
      }
    }
    if (rightErrors.length > 0) problems.add(validationProblem(rightErrors));
  });

  if (input.redirectUrl === null || !isValidRedirectUrl(input.redirectUrl)) {
    validationErrors.push({ descriptor: VLD.invalidRedirectUrl, paths: ['RedirectUrl'] });
  }
  if (validationErrors.length > 0) problems.add(validationProblem(validationErrors));

  const failure = problems.build();
  if (failure) return { problem: failure };

  const template = mock.resources.template(templateId);
  return {
    request: {
      id: input.id,
      from,
      to,
      requiredDelegator,
      handledBy,
      validToMicros: input.validToMicros,
      consentRights: rights,
      requestMessage: input.requestMessage,
      redirectUrl: input.redirectUrl ?? '',
      portalViewMode: input.portalViewMode,
      templateId: template.id,
      templateVersion: template.version,
    },
  };
}

/** Binds the body as ASP.NET would; a body that does not bind is one STD.VLD-00017. */
async function bindBody(request: Request): Promise<ConsentRequestInput | Response> {
  if (!isJsonBody(request)) return unsupportedMediaType();
  const body = await readJson(request);
  try {
    if ('error' in body) {
      throw new BindingError('/', `The request body is not valid JSON: ${body.error}`);
    }
    return bindConsentRequest(body.value);
  } catch (error) {
    if (!(error instanceof BindingError)) throw error;
    return invalid({ descriptor: VLD.jsonError, paths: [error.path], detail: error.detail });
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
    const resource = item ? mock.resources.get(item.value) : undefined;
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
    return problemResponse(
      problem(AM.idExists, `A consent request with id ${input.id} exists for other parties`, {
        requestId: input.id,
      }),
    );
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
  if (!request) return problemResponse(problem(AM.notFound, `No consent request with id ${id}`));
  if (request.to !== ORGANIZATION_URN_PREFIX + caller.orgNumber) {
    return problemResponse(
      problem(AM.notAuthorized, `Only the receiver (to) may read consent request ${id}`),
    );
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

function listEvents(_: Request, { mock, caller, url }: RouteContext): Response {
  const query = url.searchParams;
  const errors: ValidationError[] = [];
  const time = (name: string): number | undefined => {
    const text = query.get(name);
    if (text === null || text === '') return undefined;
    const micros = parseDateTimeMicros(text);
    if (micros === undefined) {
      errors.push({
        descriptor: VLD.invalidValue,
        paths: [`/$QUERY/${name}`],
        detail: `The value '${text}' is not valid.`,
      });
    }
    return micros;
  };
  const createdAfter = time('createdAfter');
  const createdBefore = time('createdBefore');
  if (createdAfter !== undefined && createdBefore !== undefined && createdAfter >= createdBefore) {
    errors.push({ descriptor: VLD.invalidTimeRange, paths: ['/$QUERY/createdAfter'] });
  }
  const types = query.getAll('eventType').map((type) => type.toLowerCase());
  const badType = types.find((type) => !EVENT_TYPE_FILTERS.includes(type));
  if (badType !== undefined) {
    errors.push({
      descriptor: VLD.invalidEventType,
      paths: ['/$QUERY/eventType'],
      detail: `Unknown event type '${badType}'`,
    });
  }
  const requestId = query.get('consentRequestId');
  if (requestId !== null && !isGuid(requestId)) {
    errors.push({
      descriptor: VLD.invalidValue,
      paths: ['/$QUERY/consentRequestId'],
      detail: `The value '${requestId}' is not valid.`,
    });
  }
  // Opaque to callers; here the 16 bytes of the last event id, in RFC 4122 order, as Base64.
  const token = query.get('continuationToken');
  let after: string | undefined;
  if (token !== null && token !== '') {
    const bytes = Buffer.from(token, 'base64');
    if (
      bytes.length !== 16 ||
      bytes.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, '')
    ) {
      errors.push({
        descriptor: VLD.invalidContinuationToken,
        paths: ['/$QUERY/continuationToken'],
      });
    } else {
      after = bytes.toString('hex');
    }
  }
  if (errors.length > 0) return invalid(...errors);

  const receiver = ORGANIZATION_URN_PREFIX + caller.orgNumber;
  const latest = mock.nowMicros() - EVENTS_DELAY_MICROS;
  const events = [...mock.consents.requests.values()]
    .filter((request) => request.to === receiver)
    .filter((request) => requestId === null || request.id === requestId.toLowerCase())
    .flatMap((request) => request.events)
    .filter((event) => event.createdMicros < latest)
    .filter((event) => createdAfter === undefined || event.createdMicros > createdAfter)
    .filter((event) => createdBefore === undefined || event.createdMicros < createdBefore)
    .filter((event) => types.length === 0 || types.includes(event.eventType.toLowerCase()))
    .filter(
      (event) => after === undefined || guidBytes(event.consentEventID).toString('hex') > after,
    )
    .sort((a, b) =>
      a.consentEventID < b.consentEventID ? -1 : a.consentEventID > b.consentEventID ? 1 : 0,
    );
  const page = events.slice(0, EVENTS_PAGE_SIZE);

  let next: string | null = null;
  const last = page[page.length - 1];
  if (page.length === EVENTS_PAGE_SIZE && last) {
    const nextQuery = new URLSearchParams(query);
    nextQuery.set('continuationToken', guidBytes(last.consentEventID).toString('base64'));
    next = `${mock.baseUrl}${CONSENT_API_PATH}/events?${nextQuery.toString()}`;
  }
  return json(200, {
    links: { next },
    data: page.map((event) => ({
      consentRequestId: event.consentRequestID,
      eventType: event.eventType,
      changedDate: formatMicros(event.createdMicros),
    })),
  });
}
