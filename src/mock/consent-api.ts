import type { IncomingMessage, ServerResponse } from 'node:http';
import { SCOPE_ORG, SCOPE_READ, SCOPE_WRITE } from './defaults.js';
import {
  BodyTooLargeError,
  isJsonBody,
  readBody,
  sendEmpty,
  sendJson,
  sendProblem,
  sendUnsupportedMediaType,
} from './http.js';
import { hasMember, isObject, member } from './json-input.js';
import { authorizeBearer, type AccessTokenClaims, type MockMaskinporten } from './maskinporten.js';
import {
  AM,
  ProblemCollector,
  VLD,
  problem,
  validationProblem,
  type ProblemBody,
  type ValidationError,
} from './problems.js';
import {
  ORGANIZATION_URN_PREFIX,
  isConsentResource,
  parsePartyUrn,
  type Party,
  type PartyRegistry,
  type PartyUrn,
  type ResourceRegistry,
} from './registry.js';
import {
  consentRequestDetails,
  internalConsentRequest,
  type ConsentStore,
  type NewConsentRequest,
} from './store.js';
import { formatMicros, parseDateTimeMicros } from './time.js';
import type { MockConsentRight, MockResource } from './types.js';

/**
 * The enterprise consent API, `…/accessmanagement/api/v1/enterprise/consentrequests`
 * (altinn-api.md 2.1–2.8): create, read, and the events feed.
 */

export interface ConsentApiContext {
  baseUrl: string;
  store: ConsentStore;
  parties: PartyRegistry;
  resources: ResourceRegistry;
  maskinporten: MockMaskinporten;
  nowMicros(): number;
  viewUri(id: string): string;
}

export const CONSENT_API_PATH = '/accessmanagement/api/v1/enterprise/consentrequests';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_TYPE = 'urn:altinn:resource';
const EVENTS_PAGE_SIZE = 100;
/** The events feed only returns events older than this (altinn-api.md 2.7). */
const EVENTS_DELAY_MICROS = 5 * 60 * 1_000_000;
const EVENT_TYPE_FILTERS = ['accepted', 'rejected', 'revoked', 'deleted', 'used'];

/** Routes a request under {@link CONSENT_API_PATH}; `rest` is the path after it. */
export async function handleConsentApi(
  ctx: ConsentApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
  query: URLSearchParams,
): Promise<void> {
  const segment = rest.replace(/^\/|\/$/g, '');
  if (segment === '') {
    if (req.method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    const caller = await authorize(ctx, req, res, [SCOPE_WRITE]);
    if (caller) await createConsentRequest(ctx, req, res, caller);
    return;
  }
  if (segment.toLowerCase() === 'events') {
    if (req.method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
    const caller = await authorize(ctx, req, res, [SCOPE_READ, SCOPE_WRITE, SCOPE_ORG]);
    if (caller) listEvents(ctx, res, caller, query);
    return;
  }
  // `{id:guid}`: anything else does not match the route.
  if (!GUID.test(segment)) return sendEmpty(res, 404);
  if (req.method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
  const caller = await authorize(ctx, req, res, [SCOPE_READ, SCOPE_WRITE, SCOPE_ORG]);
  if (caller) getConsentRequest(ctx, res, caller, segment.toLowerCase());
}

/** 401 with an empty body without a valid token; 403 with an empty body without one of `scopes`. */
function authorize(
  ctx: ConsentApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  scopes: string[],
): Promise<AccessTokenClaims | undefined> {
  return authorizeBearer(ctx.maskinporten, req, res, scopes);
}

// ---------------------------------------------------------------------------------------------
// POST: binding (JSON → typed request), then the controller's checks, then the service's rules.

interface RightInput {
  action: string[] | null;
  resource: { type: string; value: string }[] | null;
  metadata: Record<string, string> | null;
}

interface ConsentRequestInput {
  id: string;
  from: PartyUrn;
  to: PartyUrn;
  requiredDelegator: PartyUrn | null;
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

function bindParty(value: unknown, path: string): PartyUrn {
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
    if (!GUID.test(id))
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
function lookUpParty(ctx: ConsentApiContext, ref: PartyUrn, field: string): Party | ProblemBody {
  const party = ctx.parties.find(ref);
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
  ctx: ConsentApiContext,
  input: ConsentRequestInput,
  handledBy: Party | null,
): { request: NewConsentRequest } | { problem: ProblemBody } {
  const from = lookUpParty(ctx, input.from, 'from');
  if (isProblem(from)) return { problem: from };
  const to = lookUpParty(ctx, input.to, 'to');
  if (isProblem(to)) return { problem: to };
  let requiredDelegator: Party | null = null;
  if (input.requiredDelegator) {
    const delegator = lookUpParty(ctx, input.requiredDelegator, 'requiredDelegator');
    if (isProblem(delegator)) return { problem: delegator };
    requiredDelegator = delegator;
  }

  const problems = new ProblemCollector();
  const validationErrors: ValidationError[] = [];
  if (input.validToMicros < ctx.nowMicros()) {
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
      const resource = item.type === RESOURCE_TYPE ? ctx.resources.get(item.value) : undefined;
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

  const template = ctx.resources.template(templateId);
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

async function createConsentRequest(
  ctx: ConsentApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  caller: AccessTokenClaims,
): Promise<void> {
  if (!isJsonBody(req)) return sendUnsupportedMediaType(res);
  let input: ConsentRequestInput;
  try {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendEmpty(res, 413);
      throw new BindingError(
        '/',
        `The request body is not valid JSON: ${(error as Error).message}`,
      );
    }
    input = bindConsentRequest(body);
  } catch (error) {
    if (!(error instanceof BindingError)) throw error;
    return sendProblem(
      res,
      validationProblem([{ descriptor: VLD.jsonError, paths: [error.path], detail: error.detail }]),
    );
  }

  // The controller: `to` must be the caller's organisation, unless the token has the `.org` scope
  // (a resource owner asking on behalf of another organisation, which then is `handledBy`).
  const actsForOthers = caller.scopes.includes(SCOPE_ORG);
  if (
    !actsForOthers &&
    !(input.to.kind === 'organization' && input.to.number === caller.orgNumber)
  ) {
    return sendProblem(
      res,
      problem(AM.notAuthorized, `'to' must be the organisation of the token (${caller.orgNumber})`),
    );
  }
  // The PDP's `requestconsent` check on each resource: a deny is 403 with an empty body.
  for (const right of input.consentRights) {
    const item = right.resource?.length === 1 ? right.resource[0] : undefined;
    const resource = item ? ctx.resources.get(item.value) : undefined;
    if (resource?.requesters && !resource.requesters.includes(caller.orgNumber))
      return sendEmpty(res, 403);
  }

  let handledBy: Party | null = null;
  if (
    actsForOthers &&
    !(input.to.kind === 'organization' && input.to.number === caller.orgNumber)
  ) {
    const handler = lookUpParty(
      ctx,
      { kind: 'organization', number: caller.orgNumber },
      'handledBy',
    );
    if (isProblem(handler)) return sendProblem(res, handler);
    handledBy = handler;
  }

  const result = validate(ctx, input, handledBy);
  if ('problem' in result) return sendProblem(res, result.problem);

  // Validation comes first; only then does Altinn notice the id exists. Same parties: the stored
  // request as it is (the new body is not compared), in the internal model's shape, with 200.
  const existing = ctx.store.get(input.id);
  if (existing) {
    if (existing.from === result.request.from.urn && existing.to === result.request.to.urn) {
      return sendJson(res, 200, internalConsentRequest(existing, ctx.viewUri(existing.id)));
    }
    return sendProblem(
      res,
      problem(AM.idExists, `A consent request with id ${input.id} exists for other parties`, {
        requestId: input.id,
      }),
    );
  }

  const performedBy =
    ctx.parties.organization(caller.orgNumber) ?? lookUpOrganization(ctx, caller.orgNumber);
  const created = ctx.store.create(result.request, performedBy, ctx.nowMicros());
  sendJson(res, 201, consentRequestDetails(created, ctx.viewUri(created.id)), {
    Location: `${ctx.baseUrl}${CONSENT_API_PATH}/${created.id}`,
  });
}

/** A caller outside the register still performs the Created event (only with the `.org` scope). */
function lookUpOrganization(ctx: ConsentApiContext, number: string): Party {
  return {
    kind: 'organization',
    number,
    urn: ORGANIZATION_URN_PREFIX + number,
    partyUuidUrn: `urn:altinn:party:uuid:00000000-0000-4000-8000-${number.padStart(12, '0')}`,
    name: number,
  };
}

// ---------------------------------------------------------------------------------------------
// GET /consentrequests/{id}

function getConsentRequest(
  ctx: ConsentApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  id: string,
): void {
  const request = ctx.store.get(id);
  if (!request) return sendProblem(res, problem(AM.notFound, `No consent request with id ${id}`));
  if (request.to !== ORGANIZATION_URN_PREFIX + caller.orgNumber) {
    return sendProblem(
      res,
      problem(AM.notAuthorized, `Only the receiver (to) may read consent request ${id}`),
    );
  }
  sendJson(
    res,
    200,
    consentRequestDetails(request, ctx.viewUri(request.id), { nowMicros: ctx.nowMicros() }),
  );
}

// ---------------------------------------------------------------------------------------------
// GET /consentrequests/events

function guidBytes(guid: string): Buffer {
  return Buffer.from(guid.replace(/-/g, ''), 'hex');
}

function listEvents(
  ctx: ConsentApiContext,
  res: ServerResponse,
  caller: AccessTokenClaims,
  query: URLSearchParams,
): void {
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
  if (requestId !== null && !GUID.test(requestId)) {
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
  if (errors.length > 0) return sendProblem(res, validationProblem(errors));

  const receiver = ORGANIZATION_URN_PREFIX + caller.orgNumber;
  const latest = ctx.nowMicros() - EVENTS_DELAY_MICROS;
  const events = [...ctx.store.requests.values()]
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
    next = `${ctx.baseUrl}${CONSENT_API_PATH}/events?${nextQuery.toString()}`;
  }
  sendJson(res, 200, {
    links: { next },
    data: page.map((event) => ({
      consentRequestId: event.consentRequestID,
      eventType: event.eventType,
      changedDate: formatMicros(event.createdMicros),
    })),
  });
}
