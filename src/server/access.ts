/**
 * The access module ("Be om tilgang"): `POST /access-requests`, `GET /access-requests/{id}` and
 * `DELETE /access-requests/{id}` (withdraw), against Altinn 3's service owner delegation requests or
 * Altinn 2's `delegationRequests` (../shared/altinn-api.md section 3). Who asks is the signed-in
 * person from `identify`; the organisation asked is checked; what is asked must be on the portal's
 * lists. Answers are the normalised view.
 */
import { isUuid } from '../core/ids.js';
import { isOrganizationNumber } from '../core/organization-number.js';
import { toRequestView, type RequestView } from '../core/request-view.js';
import {
  accessRequestBodySchema,
  type AccessRequestBody,
  type Altinn2Service,
} from '../core/schemas.js';
import { altinn3AccessStatus } from '../core/status.js';
import { readValidBody } from './body.js';
import type { AltinnEnvironmentUrls } from './environments.js';
import type { HandlerModule, RouteContext } from './handler.js';
import { fingerprintOf, Idempotency, type IdempotencyStore } from './idempotency.js';
import { json, ProblemError } from './problem.js';
import { ownRedirectUrl } from './redirect-url.js';
import { SignedIds } from './signed-ids.js';

export interface AccessOptions {
  /**
   * `altinn3` (default): Altinn 3's service owner delegation requests; the user finishes in a new tab
   * and the page polls. `altinn2`: Altinn 2's `delegationRequests`, which sends the user back, but
   * which Altinn closed in June 2026 (for portals still on an Altinn 2 environment that answers).
   */
  api?: 'altinn3' | 'altinn2';
  /** Altinn 3 resources the portal may ask access to. */
  resources?: readonly string[];
  /** Altinn 3 access packages the portal may ask for (urn or id). */
  packages?: readonly string[];
  /** Altinn 2 services the portal may ask access to. */
  services?: readonly Altinn2Service[];
  /**
   * The secret that signs Altinn 3 request ids given to the browser, so a person reads only their own
   * requests (Altinn 3 does not say whose a request is). At least 32 characters; the same on every
   * instance. Required for `altinn3`.
   */
  secret?: string;
  /** Altinn 2's API key (`ApiKey` header). Required for `altinn2`. */
  apiKey?: string;
  /**
   * Let the browser name an organisation other than the one the person acts for in the session.
   * Default false: with an organisation in the session, `org` must be that one (or left out).
   */
  allowOtherOrganizations?: boolean;
  /** Where Idempotency-Key answers are kept; default in memory (give a shared store for several instances). */
  idempotencyStore?: IdempotencyStore;
}

const A3_BASE = '/accessmanagement/api/v1/serviceowner/delegationrequests';
const A2_BASE = '/api/serviceowner/delegationRequests';
const A3_WRITE = ['altinn:serviceowner/delegationrequests.write'];
const A3_READ = ['altinn:serviceowner/delegationrequests.read'];
// Altinn 2's service owner API has the same scope names.
const A2_WRITE = A3_WRITE;
const A2_READ = A3_READ;

const personUrn = (id: string) => `urn:altinn:person:identifier-no:${id}`;
const organizationUrn = (id: string) => `urn:altinn:organization:identifier-no:${id}`;

const notFound = () => new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });

function refused(code: string, title: string, detail: string, status = 403): ProblemError {
  return new ProblemError({ status, code, title, detail });
}

export function accessModule(options: AccessOptions, urls: AltinnEnvironmentUrls): HandlerModule {
  const api = options.api ?? 'altinn3';
  if (api === 'altinn3' && !options.secret) {
    throw new TypeError('access.secret is required for Altinn 3 access requests (32+ characters).');
  }
  if (api === 'altinn2' && !options.apiKey) {
    throw new TypeError('access.apiKey is required for Altinn 2 access requests.');
  }
  const signedIds = options.secret ? new SignedIds(options.secret) : undefined;
  const idempotency = new Idempotency(options.idempotencyStore);
  const resources = new Set(options.resources ?? []);
  const packages = new Set(options.packages ?? []);
  const services = new Set(
    (options.services ?? []).map(
      (service) => `${service.serviceCode}:${service.serviceEditionCode}`,
    ),
  );
  const altinn2 = {
    baseUrl: urls.altinn2Url,
    // HAL is what Altinn 2 answers unless application/json is asked for; the links live there.
    headers: {
      ApiKey: options.apiKey ?? '',
      accept: 'application/hal+json',
      'content-type': 'application/hal+json',
    },
  };

  /** The organisation asked: the body's, checked against the session's. */
  function organizationOf(context: RouteContext, body: AccessRequestBody): string {
    const session = context.identity.organization;
    const asked = body.org ?? session;
    if (!asked) {
      throw new ProblemError({
        status: 400,
        code: 'invalid-body',
        title: 'Invalid access request',
        detail: 'org: name the organisation to ask (the session names none).',
      });
    }
    if (session && asked !== session && !options.allowOtherOrganizations) {
      throw refused(
        'org-not-allowed',
        'Organisation not allowed',
        `org: you act for ${session} here.`,
      );
    }
    return asked;
  }

  function checkAllowed(body: AccessRequestBody): void {
    if (body.resource !== undefined && (api !== 'altinn3' || !resources.has(body.resource))) {
      throw refused(
        'resource-not-allowed',
        'Resource not allowed',
        `This portal does not ask access to ${body.resource}.`,
      );
    }
    if (body.package !== undefined && (api !== 'altinn3' || !packages.has(body.package))) {
      throw refused(
        'package-not-allowed',
        'Access package not allowed',
        `This portal does not ask for ${body.package}.`,
      );
    }
    if (body.services !== undefined) {
      const unknown = body.services.filter(
        (service) =>
          api !== 'altinn2' ||
          !services.has(`${service.serviceCode}:${service.serviceEditionCode}`),
      );
      if (unknown.length) {
        throw refused(
          'service-not-allowed',
          'Service not allowed',
          `This portal does not ask access to ${unknown.map((service) => `${service.serviceCode}/${service.serviceEditionCode}`).join(', ')}.`,
        );
      }
    }
  }

  function viewOf(answer: unknown): RequestView {
    const view = toRequestView(answer, 'access');
    if (!view)
      throw new ProblemError({
        status: 502,
        code: 'altinn-unavailable',
        title: 'Altinn answered something unexpected',
      });
    return view;
  }

  /** Altinn 3's link to the request's page, absolute (older deployments answered a relative one). */
  const detailsLinkOf = (id: string, given?: string): string =>
    given && /^https?:\/\//.test(given)
      ? given
      : `${urls.uiUrl}/accessmanagement/ui/requests/resource?requestId=${encodeURIComponent(id)}`;

  async function createAltinn3(
    context: RouteContext,
    body: AccessRequestBody,
    organization: string,
  ): Promise<RequestView> {
    const person = personUrn(context.identity.person);
    // /resource and /package, not the root POST, which swaps from and to (altinn-api.md 3.2).
    const answer =
      body.resource !== undefined
        ? await context.altinn.send('POST', `${A3_BASE}/resource`, A3_WRITE, {
            from: person,
            to: organizationUrn(organization),
            resource: body.resource,
          })
        : await context.altinn.send('POST', `${A3_BASE}/package`, A3_WRITE, {
            from: person,
            to: organizationUrn(organization),
            package: body.package,
          });
    const view = viewOf(answer.body);
    const signed = signedIds as SignedIds;
    return {
      ...view,
      id: await signed.sign(view.id, context.identity.person),
      url: detailsLinkOf(view.id, view.url),
      navigation: 'new-window',
    };
  }

  async function createAltinn2(
    context: RouteContext,
    body: AccessRequestBody,
    organization: string,
    redirectUrl: string,
  ): Promise<RequestView> {
    const answer = await context.altinn.send(
      'POST',
      A2_BASE,
      A2_WRITE,
      {
        CoveredBy: context.identity.person,
        OfferedBy: organization,
        RedirectUrl: redirectUrl,
        KeepSessionAlive: true,
        RequestResources: (body.services ?? []).map((service) => ({
          ServiceCode: service.serviceCode,
          ServiceEditionCode: service.serviceEditionCode,
        })),
      },
      altinn2,
    );
    return { ...viewOf(answer.body), navigation: 'redirect' };
  }

  /**
   * After a try whose answer was lost: the person's request for the same services that still waits
   * to be sent, if Altinn 2 has one (it has no idempotency of its own, but lists by party).
   */
  async function findAltinn2(
    context: RouteContext,
    body: AccessRequestBody,
    organization: string,
  ): Promise<RequestView | undefined> {
    const wanted = (body.services ?? []).map((s) => `${s.serviceCode}:${s.serviceEditionCode}`);
    const first = body.services?.[0];
    if (!first) return undefined;
    const query = new URLSearchParams({
      serviceCode: first.serviceCode,
      serviceEditionCode: String(first.serviceEditionCode),
      coveredBy: context.identity.person,
      offeredBy: organization,
      'status[0]': 'created',
    });
    const answer = await context.altinn.send(
      'GET',
      `${A2_BASE}?${query.toString()}`,
      A2_READ,
      undefined,
      altinn2,
    );
    const list = (answer.body ?? {}) as { _embedded?: { delegationRequests?: unknown } };
    const items = Array.isArray(list._embedded?.delegationRequests)
      ? (list._embedded.delegationRequests as Record<string, unknown>[])
      : [];
    const sameServices = (item: Record<string, unknown>): boolean => {
      const resources = Array.isArray(item.RequestResources) ? item.RequestResources : [];
      const asked = resources.map(
        (resource: { ServiceCode?: unknown; ServiceEditionCode?: unknown }) =>
          `${String(resource.ServiceCode)}:${String(resource.ServiceEditionCode)}`,
      );
      return asked.length === wanted.length && wanted.every((service) => asked.includes(service));
    };
    const found = items.filter(sameServices).at(-1);
    return found ? { ...viewOf(found), navigation: 'redirect' } : undefined;
  }

  async function create(context: RouteContext): Promise<Response> {
    const body = await readValidBody(context, accessRequestBodySchema, {
      title: 'Invalid access request',
      serverFields: ['from', 'to', 'coveredBy', 'offeredBy', 'CoveredBy', 'OfferedBy'],
    });
    checkAllowed(body);
    const organization = organizationOf(context, body);
    if (!isOrganizationNumber(organization))
      throw refused(
        'invalid-body',
        'Invalid access request',
        'org: not a valid organisation number.',
        400,
      );
    // Altinn 3 sends nobody back; Altinn 2 does, so only there is the URL checked and passed on.
    const redirectUrl =
      api === 'altinn2' ? ownRedirectUrl(context, body.redirectUrl) : body.redirectUrl;

    const key = context.request.headers.get('idempotency-key') ?? undefined;
    if (key !== undefined && !isUuid(key)) {
      throw new ProblemError({
        status: 400,
        code: 'invalid-body',
        title: 'Invalid Idempotency-Key',
        detail: 'Idempotency-Key must be a UUID.',
      });
    }
    // Keys are the person's own: another person's key never finds this answer.
    const view = await idempotency.once(
      context.identity.person,
      key,
      await fingerprintOf({ ...body, org: organization }),
      api === 'altinn3'
        ? // Altinn 3 answers a repeated POST with the same Draft: creating again recovers.
          { create: () => createAltinn3(context, body, organization) }
        : {
            create: () => createAltinn2(context, body, organization, redirectUrl),
            recover: () => findAltinn2(context, body, organization),
          },
    );
    return json(view, 201);
  }

  async function altinn3IdOf(context: RouteContext): Promise<string> {
    const signed = context.params[0] ?? '';
    const id = await (signedIds as SignedIds).verify(signed, context.identity.person);
    if (!id || !isUuid(id)) throw notFound();
    return id;
  }

  async function read(context: RouteContext): Promise<Response> {
    if (api === 'altinn3') {
      const id = await altinn3IdOf(context);
      const answer = await context.altinn
        .send('GET', `${A3_BASE}/${id}/status`, A3_READ)
        .catch((error: unknown) => {
          // Altinn 3 answers an unknown id with 400 AM.VLD-00035 (alone, or inside a validation
          // problem), not 404.
          const unknownId = (code?: string) => code === 'AM.VLD-00035';
          if (
            error instanceof ProblemError &&
            (unknownId(error.problem.code) ||
              error.problem.errors?.some((item) => unknownId(item.code)))
          ) {
            throw notFound();
          }
          throw error;
        });
      const status = altinn3AccessStatus(answer.body);
      const view: RequestView = {
        kind: 'access',
        id: context.params[0] ?? '',
        status,
        navigation: 'new-window',
      };
      if (status === 'created') view.url = detailsLinkOf(id);
      return json(view);
    }
    const id = context.params[0] ?? '';
    if (!isUuid(id)) throw notFound();
    const answer = await context.altinn.send(
      'GET',
      `${A2_BASE}/${id}`,
      A2_READ,
      undefined,
      altinn2,
    );
    const record = (answer.body ?? {}) as Record<string, unknown>;
    const coveredBy = record.CoveredBy ?? record.coveredBy;
    // Another person's request is answered as if it did not exist.
    if (coveredBy !== context.identity.person) throw notFound();
    return json({ ...viewOf(answer.body), navigation: 'redirect' });
  }

  async function withdraw(context: RouteContext): Promise<Response> {
    if (api === 'altinn3') {
      const id = await altinn3IdOf(context);
      await context.altinn.send('PUT', `${A3_BASE}/${id}/withdraw`, A3_WRITE);
      return json({
        kind: 'access',
        id: context.params[0] ?? '',
        status: 'withdrawn',
      });
    }
    const id = context.params[0] ?? '';
    if (!isUuid(id)) throw notFound();
    const current = await context.altinn.send(
      'GET',
      `${A2_BASE}/${id}`,
      A2_READ,
      undefined,
      altinn2,
    );
    const record = (current.body ?? {}) as Record<string, unknown>;
    if ((record.CoveredBy ?? record.coveredBy) !== context.identity.person) throw notFound();
    await context.altinn.send('DELETE', `${A2_BASE}/${id}`, A2_WRITE, undefined, altinn2);
    return json({ kind: 'access', id, status: 'withdrawn' });
  }

  return {
    routes: [
      { method: 'POST', path: /^\/access-requests\/?$/, handle: create },
      { method: 'GET', path: /^\/access-requests\/([^/]+)$/, handle: read },
      { method: 'DELETE', path: /^\/access-requests\/([^/]+)$/, handle: withdraw },
    ],
  };
}
