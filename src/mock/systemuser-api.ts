import { randomUUID } from 'node:crypto';
import { bearer, SCOPE_SYSTEM_USER_REQUEST_READ, SCOPE_SYSTEM_USER_REQUEST_WRITE } from './auth.js';
import { empty, json, parseUrl } from './http.js';
import { isObject, member, type JsonObject } from './json-input.js';
import { AUTH, VLD, aspNetProblem, failure, invalid, jsonObjectBody } from './problems.js';
import { RequestStore } from './request-store.js';
import { route, type Caller, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { formatMicros } from './time.js';
import type { MockSystem, MockSystemUser, MockSystemUserRequest } from './types.js';

/**
 * System-user requests (altinn-api.md 3.4, AUTHN `RequestSystemUserController`): a vendor asks a
 * customer organisation to create a system user for one of its registered systems. The traps are
 * Altinn's: a repeated POST with the same (systemId, partyOrgNo, externalRef) answers 200 with the
 * old request whatever its status; `timedOut` after 180 days is computed on read while the status
 * stays `New`; DELETE checks no ownership; `escalated` is never shown to the vendor.
 */

export const SYSTEM_USER_API_PATH = '/authentication/api/v1/systemuser';
export const SYSTEM_USER_PAGE_PATH = '/accessmanagement/ui/systemuser';
const TIMEOUT_MICROS = 180 * 24 * 3600 * 1_000_000;
const LIST_PAGE_SIZE = 100;

export class SystemUserRequestStore extends RequestStore<MockSystemUserRequest> {
  readonly users = new Map<string, MockSystemUser>();

  override clear(): void {
    super.clear();
    this.users.clear();
  }

  /** A request that is not deleted: what every route sees. */
  live(id: string): MockSystemUserRequest | undefined {
    const found = this.get(id);
    return found && !found.deleted ? found : undefined;
  }

  /** The live requests of a system, through the vendor's or the agent routes. */
  bySystem(systemId: string, agent: boolean): MockSystemUserRequest[] {
    const all = [...this.requests.values()];
    return all.filter((r) => !r.deleted && r.agent === agent && r.systemId === systemId);
  }

  /** The live request for the triple a retry is recognised by. */
  find(agent: boolean, systemId: string, orgNo: string, externalRef: string) {
    return this.bySystem(systemId, agent).find(
      (r) => r.partyOrgNo === orgNo && r.externalRef === externalRef,
    );
  }

  user(systemId: string, orgNo: string, externalRef: string): MockSystemUser | undefined {
    return [...this.users.values()].find(
      (u) => u.systemId === systemId && u.reporteeOrgNo === orgNo && u.externalRef === externalRef,
    );
  }

  /** The access manager's approval: the request is Accepted and the system user exists. */
  accept(request: MockSystemUserRequest, nowMicros: number): void {
    request.status = 'Accepted';
    const { systemId, partyOrgNo: reporteeOrgNo, externalRef, integrationTitle, agent } = request;
    const id = randomUUID();
    const user = { id, systemId, reporteeOrgNo, externalRef, integrationTitle, agent };
    this.users.set(id, { ...user, createdMicros: nowMicros });
  }
}

export function isTimedOut(request: MockSystemUserRequest, nowMicros: number): boolean {
  return nowMicros - request.createdMicros > TIMEOUT_MICROS;
}

const WRITE = bearer(SCOPE_SYSTEM_USER_REQUEST_WRITE);
const READ = bearer(SCOPE_SYSTEM_USER_REQUEST_READ);

export const systemUserRoutes: RouteTable = {
  base: SYSTEM_USER_API_PATH,
  count: 'systemUserRequests',
  routes: [
    route('POST', '/request/vendor', WRITE, (request, context) => create(request, context, false)),
    route('POST', '/request/vendor/agent', WRITE, (request, ctx) => create(request, ctx, true)),
    route('GET', '/request/vendor/{id:guid}', READ, (_, context) => read(context, false)),
    route('GET', '/request/vendor/agent/{id:guid}', READ, (_, context) => read(context, true)),
    route('GET', '/request/vendor/byexternalref/{systemId}/{orgNo}/{ref}', READ, byRef(false)),
    route('GET', '/request/vendor/agent/byexternalref/{systemId}/{orgNo}/{ref}', READ, byRef(true)),
    route('GET', '/request/vendor/bysystem/{systemId}', READ, (_, ctx) => bySystem(ctx, false)),
    route('GET', '/request/vendor/agent/bysystem/{systemId}', READ, (_, c) => bySystem(c, true)),
    // Soft delete by id alone: Altinn checks no ownership (`DeleteRequestByRequestId`).
    route('DELETE', '/request/vendor/{id:guid}', WRITE, (_, { mock, params }) => {
      const found = mock.systemUserRequests.live(params.id ?? '');
      if (!found) return notFound(params.id ?? '');
      found.deleted = true;
      return empty(202);
    }),
    // Not under `/request`, and `.request.write`, as in `SystemUserController`.
    route('GET', '/vendor/byquery', WRITE, byQuery),
  ],
};

/** The vendor's view: `escalated` is not copied (always false), `timedOut` is computed now. */
export function vendorJson(mock: MockState, request: MockSystemUserRequest): JsonObject {
  const { id, integrationTitle, externalRef, systemId, partyOrgNo, rights, status } = request;
  const page = request.agent ? 'agentrequest' : 'request';
  return {
    id,
    integrationTitle,
    externalRef,
    systemId,
    partyOrgNo,
    ...(request.agent ? {} : { rights }),
    accessPackages: request.accessPackages,
    status,
    redirectUrl: request.redirectUrl,
    confirmUrl: `${mock.baseUrl}${SYSTEM_USER_PAGE_PATH}/${page}?id=${id}&DONTCHOOSEREPORTEE=true`,
    escalated: false,
    created: formatMicros(request.createdMicros),
    timedOut: isTimedOut(request, mock.nowMicros()),
  };
}

function notFound(id: string): Response {
  return failure(AUTH.requestNotFound, `No system user request with id ${id}`);
}

/** The caller's own system (the token's consumer is its vendor), or AUTH-00011. */
function ownSystem(mock: MockState, caller: Caller, systemId: string): MockSystem | Response {
  const system = mock.systems.get(systemId);
  if (system && vendorOf(system.id) === caller.orgNumber) return system;
  const detail = `System ${systemId} is not registered for ${caller.orgNumber}`;
  return failure(AUTH.systemNotFound, detail);
}

/** The vendor of a system: its id is `<vendorOrgnr>_<name>`. */
export function vendorOf(systemId: string): string {
  return systemId.split('_')[0] ?? '';
}

function read({ mock, caller, params }: RouteContext, agent: boolean): Response {
  const found = mock.systemUserRequests.live(params.id ?? '');
  if (!found || found.agent !== agent) return notFound(params.id ?? '');
  const system = ownSystem(mock, caller, found.systemId);
  return system instanceof Response ? system : json(200, vendorJson(mock, found));
}

function byRef(agent: boolean) {
  return (_: Request, { mock, caller, params }: RouteContext): Response => {
    const { systemId = '', orgNo = '', ref = '' } = params;
    const system = ownSystem(mock, caller, systemId);
    if (system instanceof Response) return system;
    const found = mock.systemUserRequests.find(agent, systemId, orgNo, ref);
    return found ? json(200, vendorJson(mock, found)) : notFound(`${systemId}/${orgNo}/${ref}`);
  };
}

/** Paginated as Altinn pages: `{ links: { next }, data }`, `token` naming where to go on. */
function bySystem({ mock, caller, params, url }: RouteContext, agent: boolean): Response {
  const system = ownSystem(mock, caller, params.systemId ?? '');
  if (system instanceof Response) return system;
  const all = mock.systemUserRequests.bySystem(system.id, agent);
  const from = Number(url.searchParams.get('token') ?? '0') || 0;
  const data = all.slice(from, from + LIST_PAGE_SIZE).map((r) => vendorJson(mock, r));
  const more = from + LIST_PAGE_SIZE < all.length;
  const next = more ? `${url.origin}${url.pathname}?token=${from + LIST_PAGE_SIZE}` : null;
  return json(200, { links: { next }, data });
}

/** Whether the system user exists, once a request was approved: 404 (ASP.NET's) when not. */
function byQuery(_: Request, { mock, caller, url }: RouteContext): Response {
  const query = (name: string) => url.searchParams.get(name) ?? '';
  const system = ownSystem(mock, caller, query('system-id'));
  if (system instanceof Response) return system;
  const orgNo = query('orgno');
  const user = mock.systemUserRequests.user(system.id, orgNo, query('external-ref') || orgNo);
  if (!user) return aspNetProblem(404);
  return json(200, {
    id: user.id,
    integrationTitle: user.integrationTitle,
    systemId: user.systemId,
    productName: system.name.nb,
    reporteeOrgNo: user.reporteeOrgNo,
    created: formatMicros(user.createdMicros),
    isDeleted: false,
    supplierName: mock.parties.organization(caller.orgNumber)?.name ?? caller.orgNumber,
    supplierOrgno: caller.orgNumber,
    externalRef: user.externalRef,
    userType: user.agent ? 'Agent' : 'Standard',
  });
}

/** `GetLeftPart(UriPartial.Path)`: scheme, host, port and path; `undefined` for no absolute URL. */
function leftPart(url: string): string | undefined {
  const parsed = parseUrl(url);
  return parsed && `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

function text(body: JsonObject, name: string): string | undefined {
  const value = member(body, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `POST vendor[/agent]`: the retry lookup first, then Altinn's checks in the order a backend meets them. */
async function create(request: Request, context: RouteContext, agent: boolean) {
  const { mock, caller } = context;
  const body = await jsonObjectBody(request);
  if (body instanceof Response) return body;
  const [systemId, partyOrgNo] = [text(body, 'systemId'), text(body, 'partyOrgNo')];
  if (!systemId || !partyOrgNo) {
    const missing = [systemId ? [] : ['/systemId'], partyOrgNo ? [] : ['/partyOrgNo']].flat();
    return invalid({ descriptor: VLD.required, paths: missing });
  }
  const system = ownSystem(mock, caller, systemId);
  if (system instanceof Response) return system;
  // The retry trap: an existing request for the triple answers, whatever its status.
  const externalRef = text(body, 'externalRef') ?? partyOrgNo;
  const existing = mock.systemUserRequests.find(agent, systemId, partyOrgNo, externalRef);
  if (existing && existing.status !== 'Timedout') return json(200, vendorJson(mock, existing));
  if (mock.systemUserRequests.user(systemId, partyOrgNo, externalRef)) {
    return failure(AUTH.systemUserExists, `${partyOrgNo} has a system user for ${systemId}`);
  }
  if (!mock.parties.organization(partyOrgNo)) {
    return failure(AUTH.unknownParty, `Organisation ${partyOrgNo} is not in the register`);
  }
  const rights = agent ? [] : listOf(body, 'rights');
  const urns = listOf(body, 'accessPackages').map((pkg) => String(member(pkg, 'urn')));
  if (agent && urns.length === 0) {
    return failure(AUTH.packagesRequired, 'An agent system user needs access packages');
  }
  if (rights.length + urns.length === 0) {
    return failure(AUTH.nothingRequested, 'Name rights, access packages, or both');
  }
  const resources = rights.flatMap((right) => listOf(right, 'resource'));
  const badRight = resources.find(
    (resource) => !system.rights.includes(String(member(resource, 'value'))),
  );
  if (rights.length > 0 && (resources.length === 0 || badRight)) {
    const what = badRight ? String(member(badRight, 'value')) : 'a right without a resource';
    return failure(AUTH.rightsNotAllowed, `${what} is not among the rights of ${systemId}`);
  }
  const unregistered = urns.find((urn) => !system.accessPackages.includes(urn));
  if (unregistered) {
    return failure(AUTH.packagesNotAllowed, `${unregistered} is not a package of ${systemId}`);
  }
  // Altinn's `IsAssignable` for a standard system user (AUTH-00064), `IsDelegable` for an agent.
  const flag = agent ? 'delegable' : 'assignable';
  const stuck = urns.find((urn) => mock.accessPackage(urn)?.[flag] === false);
  if (stuck) {
    const [problem, who] = agent ? [AUTH.notForClients, 'an agent'] : [AUTH.notAssignable, 'a'];
    return failure(problem, `${stuck} cannot be delegated to ${who} system user`);
  }
  const redirectUrl = text(body, 'redirectUrl') ?? null;
  if (redirectUrl !== null) {
    if (system.allowedRedirectUrls.length === 0) {
      return failure(AUTH.noRedirectUrls, `${systemId} has no allowedRedirectUrls`);
    }
    const left = leftPart(redirectUrl);
    if (!left || !system.allowedRedirectUrls.some((allowed) => leftPart(allowed) === left)) {
      const detail = `${redirectUrl} is not registered for ${systemId}`;
      return failure(AUTH.redirectUrlNotAllowed, detail);
    }
  }
  const id = randomUUID();
  const created = mock.systemUserRequests.add(id, {
    id,
    agent,
    systemId,
    partyOrgNo,
    externalRef,
    integrationTitle: text(body, 'integrationTitle') ?? null,
    rights: rights.map((right) => ({
      action: typeof member(right, 'action') === 'string' ? String(member(right, 'action')) : null,
      resource: listOf(right, 'resource').map((r) => ({
        id: String(member(r, 'id')),
        value: String(member(r, 'value')),
      })),
    })),
    accessPackages: urns.map((urn) => ({ urn })),
    status: 'New',
    redirectUrl,
    escalated: false,
    createdMicros: mock.nowMicros(),
    deleted: false,
  });
  const location = `${mock.baseUrl}${SYSTEM_USER_API_PATH}/request/${created.id}`;
  return json(201, vendorJson(mock, created), { Location: location });
}

/** The objects of an array member; anything else counts as none. */
function listOf(body: JsonObject, name: string): JsonObject[] {
  const value = member(body, name);
  return Array.isArray(value) ? value.filter(isObject) : [];
}
