/**
 * Access requests ("Be om tilgang"): what the two Altinn APIs share. The options, the body (what may
 * be asked, of which organisation, and the way back), and the `Idempotency-Key`. Each API is its own
 * module: `access-altinn3.ts` (service owner delegation requests) and `access-altinn2.ts`
 * (`delegationRequests`, closed June 2026).
 */
import { readValidBody } from './body.js';
import { ProblemError } from './problem.js';
import { ownRedirectUrl } from './redirect-url.js';
import { accessRequestBodySchema, type AccessRequestBody, type Altinn2Service } from './schemas.js';
import type { RouteContext } from './types.js';

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
  /** Altinn 2's API key (`ApiKey` header). Required for `altinn2`. */
  apiKey?: string;
  /**
   * Let the browser name an organisation other than the one the person acts for in the session.
   * Default false: with an organisation in the session, `org` must be that one (or left out).
   */
  allowOtherOrganizations?: boolean;
}

/** The scopes of both service owner APIs (Altinn 2 and Altinn 3 use the same names). */
export const ACCESS_WRITE = ['altinn:serviceowner/delegationrequests.write'];
export const ACCESS_READ = ['altinn:serviceowner/delegationrequests.read'];

/** The body, checked: the organisation asked is settled and the way back normalised. */
export type AccessRequest = AccessRequestBody & { org: string; redirectUrl: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refused(code: string, title: string, detail: string, status = 403): ProblemError {
  return new ProblemError({ status, code, title, detail });
}

/** Reads and checks an access request body for one API. */
export function accessBodyReader(options: AccessOptions, api: 'altinn3' | 'altinn2') {
  const resources = new Set(options.resources ?? []);
  const packages = new Set(options.packages ?? []);
  const services = new Set(
    (options.services ?? []).map(
      (service) => `${service.serviceCode}:${service.serviceEditionCode}`,
    ),
  );

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

  /** The organisation asked: the body's, checked against the session's. */
  function organizationOf(context: RouteContext, body: AccessRequestBody): string {
    const session = context.identity.organization;
    const asked = body.org ?? session;
    if (!asked) {
      throw refused(
        'invalid-body',
        'Invalid access request',
        'org: name the organisation to ask (the session names none).',
        400,
      );
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

  return async (context: RouteContext): Promise<AccessRequest> => {
    const body = await readValidBody(context, accessRequestBodySchema, {
      title: 'Invalid access request',
      serverFields: ['from', 'to', 'coveredBy', 'offeredBy', 'CoveredBy', 'OfferedBy'],
    });
    checkAllowed(body);
    const org = organizationOf(context, body);
    // Altinn 3 sends nobody back; Altinn 2 does, so only there is the URL checked and passed on.
    const redirectUrl =
      api === 'altinn2' ? ownRedirectUrl(context, body.redirectUrl) : body.redirectUrl;
    return { ...body, org, redirectUrl };
  };
}

/** The `Idempotency-Key` header: a UUID, or none. */
export function idempotencyKeyOf(context: RouteContext): string | undefined {
  const key = context.request.headers.get('idempotency-key') ?? undefined;
  if (key !== undefined && !UUID.test(key)) {
    throw new ProblemError({
      status: 400,
      code: 'invalid-body',
      title: 'Invalid Idempotency-Key',
      detail: 'Idempotency-Key must be a UUID.',
    });
  }
  return key;
}

/** What was asked, as the lists filter it. */
export function subjectOf(request: AccessRequest) {
  return {
    ...(request.resource !== undefined ? { resource: request.resource } : {}),
    ...(request.package !== undefined ? { package: request.package } : {}),
    ...(request.services !== undefined ? { services: request.services } : {}),
    org: request.org,
  };
}
