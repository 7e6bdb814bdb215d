/**
 * System-user requests ("systembruker") through Altinn 3 Authentication (../shared/altinn-api.md
 * §3.4): a vendor's system asks the signed-in person's organisation for a system user; the
 * organisation's access manager approves on Altinn's page, and Altinn sends the user back with
 * nothing appended. What is asked (the system, its rights and access packages, standard or agent)
 * is the portal's configuration, chosen by name; the organisation asked is the session's.
 *
 * The retry trap: Altinn answers a repeated POST with the same (system, organisation, externalRef)
 * with the old request whatever its status. Here `externalRef` is the request's own id, the
 * button's `Idempotency-Key`: a retry is the same request, a new question a new one. This is the one
 * place where Altinn's system-user request statuses become the view's.
 *
 * `Accepted` is believed only once Altinn confirms that the system user exists (`byquery`): then the
 * view reads `accepted`; when Altinn holds none (deleted since, say) it reads `revoked`, never a
 * system user that does not work. Both are final, so the store keeps the answer and Altinn is asked
 * once; a failed check leaves the request as it was, to be confirmed on a later read.
 */
import { parseAltinn } from './altinn-api.js';
import { readValidBody } from './body.js';
import { idempotencyKeyOf } from './access.js';
import { ProblemError, type Problem } from './problem.js';
import { ownRedirectUrl } from './redirect-url.js';
import { alreadyFinal, requestRoutes, type RequestKindApi } from './requests.js';
import {
  systemUserRequestBodySchema,
  systemUserRequestSchema,
  type RequestStatus,
  type SystemUserRequest,
} from './schemas.js';
import type { RequestChange, RequestRecord } from './store/request-store.js';
import type { HandlerModule, RouteContext } from './types.js';

/** One thing the vendor's system may ask a customer for. */
export interface SystemUserIntegration {
  /** Rights on Altinn resources, each a subset of what the system is registered with. */
  rights?: readonly { resource: string; action?: string }[];
  /** Access packages (`urn:altinn:accesspackage:…`). An agent request takes only these. */
  accessPackages?: readonly string[];
  /** `agent`: a system user that acts for the organisation's clients. Default `standard`. */
  type?: 'standard' | 'agent';
  /** The title Altinn shows for the integration. */
  title?: string;
  /**
   * The URLs registered on the system (`allowedRedirectUrls`) that Altinn may send the user back to,
   * absolute or as a path on the portal's own origins (`/systembruker`); a `redirectUrl` elsewhere is
   * refused before Altinn is asked (scheme, host, port and path must match; the query is free).
   * Leave out to let Altinn decide.
   */
  redirectUrls?: readonly string[];
}

export interface SystemUserOptions {
  /** The vendor's system in Altinn's system register, `<vendor orgnr>_<name>`. */
  systemId: string;
  /** The integrations by name; the element's `integration` attribute picks one. */
  integrations: Readonly<Record<string, SystemUserIntegration>>;
}

const BASE = '/authentication/api/v1/systemuser/request/vendor';
const BY_QUERY = '/authentication/api/v1/systemuser/vendor/byquery';
const WRITE = ['altinn:authentication/systemuser.request.write'];
const READ = ['altinn:authentication/systemuser.request.read'];

const STATUSES: Readonly<Record<SystemUserRequest['status'], RequestStatus>> = {
  new: 'created',
  accepted: 'accepted',
  rejected: 'rejected',
  denied: 'rejected',
  timedout: 'expired',
  other: 'unknown',
};

/** What a system-user request is, checked: the integration settled and the way back normalised. */
interface SystemUserAsk {
  name: string;
  integration: SystemUserIntegration;
  redirectUrl: string;
}

export function changeOf(request: SystemUserRequest): RequestChange {
  // Expiry is only the flag `timedOut`, computed on read; the status stays `New` (§3.4).
  const status = request.timedOut ? 'expired' : STATUSES[request.status];
  return { status, ...(request.confirmUrl ? { url: request.confirmUrl } : {}) };
}

/**
 * Altinn's refusals of a create that are the portal's doing, not the person's, in words that say what
 * to fix: the vendor's system or token (502, as Altinn's 401 and 403 are: nothing the person can
 * change) and an integration's access packages (400, as Altinn's other refusals of what was asked).
 */
function createProblem(code: string, integration: string): Problem | undefined {
  const portal = {
    status: 502,
    code: 'altinn-unauthorized',
    title: 'Altinn did not authorise the portal for this request',
  };
  const refused = { status: 400, code, title: 'Altinn refused the request' };
  const details: Record<string, Problem> = {
    'AUTH-00011': {
      ...portal,
      detail:
        "Altinn's system register holds no system systemUser.systemId of the portal's organisation (AUTH-00011): check the system id and the organisation of the Maskinporten client.",
    },
    'AUTH-00023': {
      ...portal,
      detail:
        "Altinn found no organisation (consumer) in the portal's token (AUTH-00023): system-user requests need the vendor's Maskinporten token.",
    },
    'AUTH-00064': {
      ...refused,
      detail: `An access package of the integration ${integration} cannot be given to a standard system user (one meant for clients, or one that cannot be delegated) (AUTH-00064): make it an agent request, or leave the package out.`,
    },
    'AUTH-00065': {
      ...refused,
      detail: `An access package of the integration ${integration} is not meant for client relationships, the only kind an agent system user takes (AUTH-00065): make it a standard request, or leave the package out.`,
    },
  };
  return Object.hasOwn(details, code) ? details[code] : undefined;
}

/** A URL without its query and fragment, as Altinn compares it with the registered ones. */
function leftPart(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/**
 * Whether Altinn holds the system user an accepted request made (`GET …/systemuser/vendor/byquery`,
 * scope `.request.write` as in `SystemUserController`): `false` for Altinn's 404, `undefined` when
 * Altinn could not say (the failure goes to `onError`).
 */
async function systemUserExists(
  context: RouteContext,
  request: SystemUserRequest,
): Promise<boolean | undefined> {
  const query = new URLSearchParams({
    'system-id': request.systemId,
    orgno: request.partyOrgNo,
    'external-ref': request.externalRef ?? request.partyOrgNo,
  });
  try {
    await context.altinn.send('GET', `${BY_QUERY}?${query.toString()}`, WRITE);
    return true;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.status === 404) return false;
    context.onError(error);
    return undefined;
  }
}

export function systemUserModule(options: SystemUserOptions): HandlerModule {
  const names = Object.keys(options.integrations);
  if (!/^\d{9}_\S+$/.test(options.systemId)) {
    throw new TypeError('systemUser.systemId must be "<vendor organisation number>_<name>".');
  }
  if (names.length === 0) throw new TypeError('systemUser.integrations names none.');
  for (const [name, integration] of Object.entries(options.integrations)) {
    if (!integration.rights?.length && !integration.accessPackages?.length) {
      throw new TypeError(`systemUser.integrations.${name} asks for no rights or access packages.`);
    }
  }

  function organizationOf(context: RouteContext): string {
    const organization = context.identity.organization;
    if (!organization) {
      throw new ProblemError({
        status: 403,
        code: 'no-organization',
        title: 'Not acting for an organisation',
        detail: 'A system user is asked of the organisation the person acts for.',
      });
    }
    return organization;
  }

  /** The request as Altinn holds it now. */
  async function readRequest(
    context: RouteContext,
    record: RequestRecord,
  ): Promise<SystemUserRequest> {
    const agent = options.integrations[String(record.subject.integration)]?.type === 'agent';
    const answer = await context.altinn.send(
      'GET',
      `${BASE}${agent ? '/agent' : ''}/${encodeURIComponent(record.altinnId ?? record.id)}`,
      READ,
    );
    const found = parseAltinn(systemUserRequestSchema, answer.body);
    // Altinn checks only that the system is the caller's; the organisation must be the record's.
    if (found.partyOrgNo !== record.organization) {
      throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
    }
    return found;
  }

  const api: RequestKindApi<SystemUserAsk> = {
    kind: 'system-user',
    filters: ['integration'],

    async readBody(context) {
      const body = await readValidBody(context, systemUserRequestBodySchema, {
        title: 'Invalid system-user request',
        serverFields: ['systemId', 'partyOrgNo', 'externalRef', 'rights', 'accessPackages'],
      });
      const name = body.integration ?? (names.length === 1 ? names[0] : undefined);
      const integration = name === undefined ? undefined : options.integrations[name];
      if (name === undefined || !integration || !Object.hasOwn(options.integrations, name)) {
        throw new ProblemError({
          status: 400,
          code: 'integration-not-found',
          title: 'No such integration',
          detail: `integration: one of ${names.join(', ')}.`,
        });
      }
      const redirectUrl = ownRedirectUrl(context, body.redirectUrl);
      const registered = integration.redirectUrls;
      const asked = new URL(redirectUrl);
      const matches = (entry: string) =>
        entry.startsWith('/')
          ? asked.pathname === entry
          : leftPart(entry) === leftPart(redirectUrl);
      if (registered && !registered.some(matches)) {
        throw new ProblemError({
          status: 400,
          code: 'redirect-not-registered',
          title: 'Redirect not registered',
          detail: `redirectUrl must be one of the system's registered URLs: ${registered.join(', ')}.`,
        });
      }
      organizationOf(context);
      return { name, integration, redirectUrl };
    },

    idempotencyKey(context) {
      const key = idempotencyKeyOf(context);
      if (key === undefined) {
        throw new ProblemError({
          status: 400,
          code: 'invalid-body',
          title: 'Idempotency-Key missing',
          detail: 'Send an Idempotency-Key (a UUID): it is the request’s id.',
        });
      }
      return key;
    },

    async create(context, ask) {
      const id = idempotencyKeyOf(context) as string;
      // The way back names the request, as Altinn appends nothing (the match ignores the query).
      const back = new URL(ask.redirectUrl);
      back.searchParams.set('systemUserRequestId', id);
      const { integration } = ask;
      const agent = integration.type === 'agent';
      const post = context.altinn.send('POST', agent ? `${BASE}/agent` : BASE, WRITE, {
        systemId: options.systemId,
        partyOrgNo: organizationOf(context),
        externalRef: id,
        ...(integration.title ? { integrationTitle: integration.title } : {}),
        ...(!agent && integration.rights?.length
          ? {
              rights: integration.rights.map((right) => ({
                ...(right.action ? { action: right.action } : {}),
                resource: [{ id: 'urn:altinn:resource', value: right.resource }],
              })),
            }
          : {}),
        ...(integration.accessPackages?.length
          ? { accessPackages: integration.accessPackages.map((urn) => ({ urn })) }
          : {}),
        redirectUrl: back.href,
      });
      const answer = await post.catch((error: unknown) => {
        const code = error instanceof ProblemError ? (error.altinnCode ?? error.problem.code) : '';
        const problem = createProblem(code, ask.name);
        throw problem ? new ProblemError(problem, code) : error;
      });
      const created = parseAltinn(systemUserRequestSchema, answer.body);
      return {
        kind: 'system-user',
        id,
        altinnId: created.id,
        organization: organizationOf(context),
        subject: { integration: ask.name, org: organizationOf(context) },
        navigation: 'redirect',
        ...changeOf(created),
      };
    },

    async refresh(context, record) {
      const found = await readRequest(context, record);
      const change = changeOf(found);
      if (change.status !== 'accepted') return change;
      const exists = await systemUserExists(context, found);
      if (exists === undefined) return { status: record.status };
      return exists ? change : { status: 'revoked' };
    },

    // DELETE has no ownership check in Altinn (§3.4): the record in the store said whose it is.
    // Nor a check of the status: a request answered since it was last read keeps its answer.
    async withdraw(context, record) {
      const { status } = changeOf(await readRequest(context, record));
      if (status !== 'created') throw alreadyFinal(status);
      await context.altinn.send(
        'DELETE',
        `${BASE}/${encodeURIComponent(record.altinnId ?? record.id)}`,
        WRITE,
      );
      return { status: 'withdrawn' };
    },
  };
  return requestRoutes(api);
}
