/**
 * Consent ("Be om samtykke") through Altinn 3's enterprise consent API (../shared/altinn-api.md §2).
 * The browser says what to ask for; who asks (`to`) is the portal's organisation from these options,
 * and who is asked (`from`) the signed-in person (or their organisation) from `identify`. This is the
 * one place where Altinn's consent statuses become the view's.
 */
import { parseAltinn } from './altinn-api.js';
import { readValidBody } from './body.js';
import { readConsentEvents } from './consent-events.js';
import { ProblemError } from './problem.js';
import { ownRedirectUrl } from './redirect-url.js';
import { requestRoutes, type RequestKindApi } from './requests.js';
import {
  altinnConsentRequestSchema,
  consentRequestBodySchema,
  type AltinnConsentRequest,
  type ConsentRequestBody,
  type RequestStatus,
} from './schemas.js';
import type { RequestChange } from './store/request-store.js';
import type { HandlerModule, RouteContext } from './types.js';
import { organizationUrn, personUrn } from './urns.js';
import { resolveValidTo } from './validity.js';

export interface ConsentOptions {
  /**
   * The organisation number that receives the consent (`to`): the Maskinporten client's, or the
   * one it acts for (`consumerOrg`, altinn-api.md §2.9; Altinn then names the client's organisation
   * as the request's `handledBy`).
   */
  organization: string;
  /**
   * The consent resources the portal may ask for; anything else is refused. Name a resource with
   * its `consentMetadata` keys (`{ id, metadata: ['inntektsaar'] }`, from the Resource Registry) to
   * have every right checked before Altinn is called: Altinn requires every key (altinn-api.md 2.3).
   */
  resources: readonly (string | ConsentResource)[];
  /** Validity when the browser names none (ISO 8601 duration). Default `P90D`. */
  defaultValidity?: string;
  /** The longest validity allowed (ISO 8601 duration). Default `P1Y`. */
  maxValidity?: string;
  /**
   * Who gives consent: the signed-in `person` (default), the `organization` they act for (from
   * `identify`, never the browser), or `either`: the button chooses (`on-behalf-of="organization"`).
   * For an organisation, the signed-in person is the `requiredDelegator`: only they can answer in
   * Altinn, and only as the organisation's access manager.
   */
  from?: 'person' | 'organization' | 'either';
  /** `show` lists the request in the Altinn portal for later answers. Default `hide`. */
  portalViewMode?: 'hide' | 'show';
  /**
   * Minutes between reads of Altinn's consent events feed, so that a consent revoked (or answered)
   * in Altinn reads so here without the person coming back. Run in the background on a request,
   * not by a timer (workers and serverless runtimes keep none); or run `syncConsentEvents` yourself.
   * Default: not read. The feed is five minutes behind.
   */
  eventsEveryMinutes?: number;
}

/** A consent resource with the keys of its `consentMetadata`, all of which Altinn requires. */
export interface ConsentResource {
  id: string;
  metadata: readonly string[];
}

const BASE = '/accessmanagement/api/v1/enterprise/consentrequests';

/**
 * Altinn's own clients add this to the consent page's URL (altinn-api.md 2.6): the person is not
 * asked to choose whom they act for first. Whether am.ui still needs it is not verified.
 */
const DONT_CHOOSE_REPORTEE = 'DONTCHOOSEREPORTEE=true';

/** The consent page's URL as Altinn's own clients open it. */
function withDontChooseReportee(viewUri: string): string {
  if (/[?&]DONTCHOOSEREPORTEE=/i.test(viewUri)) return viewUri;
  const [beforeHash = '', hash] = viewUri.split('#', 2);
  const joined = `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${DONT_CHOOSE_REPORTEE}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
const WRITE = ['altinn:consentrequests.write'];
const READ = ['altinn:consentrequests.read'];

/** Fields the browser must not set: the backend decides who asks whom. */
const SERVER_FIELDS = [
  'from',
  'to',
  'requiredDelegator',
  'handledBy',
  'coveredBy',
  'offeredBy',
  'portalViewMode',
];

/**
 * The status of an Altinn 3 consent request. Altinn's GET adds a synthetic `Expired` event but may
 * still say `Accepted` after `validTo`, the idempotent 200 has `consentRequestStatus` and no such
 * event, and old deployments have only events: a final "no" (rejected, revoked, deleted) wins over
 * expiry, expiry over acceptance, as Altinn's own UI has it (§2.5).
 */
export function consentStatus(consent: AltinnConsentRequest, now: number): RequestStatus {
  const events = new Set((consent.consentRequestEvents ?? []).map((event) => event.eventType));
  const status = consent.status ?? consent.consentRequestStatus ?? undefined;
  const has = (word: 'rejected' | 'revoked' | 'deleted' | 'accepted' | 'expired' | 'used') =>
    status === word || events.has(word);
  if (has('revoked')) return 'revoked';
  if (has('deleted')) return 'withdrawn';
  if (has('rejected')) return 'rejected';
  const validTo = consent.validTo ? Date.parse(consent.validTo) : Number.NaN;
  if (has('expired') || (Number.isFinite(validTo) && validTo <= now)) return 'expired';
  if (has('accepted') || has('used')) return 'accepted';
  if (status === 'created' || events.has('created')) return 'created';
  // Neither a status nor an event says anything: shown neutrally, never as granted.
  return 'unknown';
}

const readConsent = (answer: unknown): AltinnConsentRequest =>
  parseAltinn(altinnConsentRequestSchema, answer);

function changeOf(consent: AltinnConsentRequest, now: number): RequestChange {
  return {
    status: consentStatus(consent, now),
    ...(consent.viewUri ? { url: withDontChooseReportee(consent.viewUri) } : {}),
    ...(consent.validTo && !Number.isNaN(Date.parse(consent.validTo))
      ? { validTo: new Date(consent.validTo).toISOString() }
      : {}),
  };
}

function invalid(detail: string): ProblemError {
  return new ProblemError({
    status: 400,
    code: 'invalid-body',
    title: 'Invalid consent request',
    detail,
  });
}

export function consentModule(options: ConsentOptions): HandlerModule {
  if (!/^\d{9}$/.test(options.organization)) {
    throw new TypeError('consent.organization must be a 9-digit organisation number.');
  }
  const allowedResources = new Set(
    options.resources.map((resource) => (typeof resource === 'string' ? resource : resource.id)),
  );
  // Keys compare in any case, as Altinn's do.
  const metadataKeys = new Map(
    options.resources
      .filter((resource): resource is ConsentResource => typeof resource !== 'string')
      .map((resource) => [resource.id, resource.metadata.map((key) => key.toLowerCase())]),
  );

  /** Every key of the resource's metadata, and no other (Altinn's AM-00006 and AM-00008, before Altinn). */
  function checkMetadata(rights: ConsentRequestBody['rights']): void {
    rights.forEach((right, index) => {
      const keys = metadataKeys.get(right.resource);
      if (!keys) return;
      const given = Object.keys(right.metadata ?? {}).map((key) => key.toLowerCase());
      const missing = keys.filter((key) => !given.includes(key));
      const unknown = given.filter((key) => !keys.includes(key));
      if (!missing.length && !unknown.length) return;
      const path = `rights.${index}.metadata`;
      throw new ProblemError({
        status: 400,
        code: missing.length ? 'missing-metadata' : 'unknown-metadata',
        title: missing.length ? 'Missing metadata' : 'Unknown metadata',
        detail: missing.length
          ? `${path}: ${right.resource} needs ${missing.map((key) => `"${key}"`).join(', ')}.`
          : `${path}: ${right.resource} has no ${unknown.map((key) => `"${key}"`).join(', ')}.`,
        errors: [
          ...missing.map((key) => ({ path: `${path}.${key}`, message: 'required' })),
          ...unknown.map((key) => ({
            path: `${path}.${key}`,
            message: 'not a key of the resource',
          })),
        ],
      });
    });
  }
  const defaultValidity = options.defaultValidity ?? 'P90D';
  const maxValidity = options.maxValidity ?? 'P1Y';

  /** The organisation the person consents for, if the request is on its behalf. */
  function organizationAsked(context: RouteContext, body: ConsentRequestBody): string | undefined {
    const wanted =
      options.from === 'organization' ||
      (options.from === 'either' && body.onBehalfOf === 'organization');
    if (body.onBehalfOf === 'organization' && !wanted) {
      throw new ProblemError({
        status: 403,
        code: 'organization-consent-not-allowed',
        title: 'Consent on behalf of an organisation not allowed',
        detail: 'This portal asks persons for consent, not organisations.',
      });
    }
    if (!wanted) return undefined;
    if (!context.identity.organization) {
      throw new ProblemError({
        status: 403,
        code: 'not-signed-in',
        title: 'Not acting for an organisation',
      });
    }
    return context.identity.organization;
  }

  /** Who was asked for a remembered request: its organisation, else the person. */
  const fromOfRecord = (context: RouteContext, record: { organization?: string }): string =>
    record.organization ? organizationUrn(record.organization) : personUrn(context.identity.person);

  const api: RequestKindApi<ConsentRequestBody> = {
    kind: 'consent',
    filters: ['resource'],

    readBody: (context) =>
      readValidBody(context, consentRequestBodySchema, {
        title: 'Invalid consent request',
        serverFields: SERVER_FIELDS,
      }),

    async create(context, request) {
      const refused = request.rights
        .map((right) => right.resource)
        .filter((resource) => !allowedResources.has(resource));
      if (refused.length) {
        throw new ProblemError({
          status: 403,
          code: 'resource-not-allowed',
          title: 'Resource not allowed',
          detail: `This portal does not ask for consent to ${[...new Set(refused)].join(', ')}.`,
        });
      }
      checkMetadata(request.rights);
      const redirectUrl = ownRedirectUrl(context, request.redirectUrl);
      const now = new Date(context.now());
      const validTo = resolveValidTo(request.validTo ?? defaultValidity, now);
      if (Number.isNaN(validTo.getTime())) {
        throw invalid('validTo: not a date and time that exists (too far from now).');
      }
      if (validTo.getTime() <= now.getTime()) throw invalid('validTo: must lie in the future.');
      if (validTo.getTime() > resolveValidTo(maxValidity, now).getTime()) {
        throw new ProblemError({
          status: 400,
          code: 'validity-too-long',
          title: 'Validity too long',
          detail: `validTo: at most ${maxValidity} from now.`,
        });
      }

      const organization = organizationAsked(context, request);
      const answer = await context.altinn.send('POST', BASE, WRITE, {
        id: request.id,
        from: organization ? organizationUrn(organization) : personUrn(context.identity.person),
        to: organizationUrn(options.organization),
        // For an organisation, the person who asked answers (not any of its access managers).
        ...(organization ? { requiredDelegator: personUrn(context.identity.person) } : {}),
        validTo: validTo.toISOString(),
        consentRights: request.rights.map((right) => ({
          action: right.action ?? ['consent'],
          resource: [{ type: 'urn:altinn:resource', value: right.resource }],
          ...(right.metadata ? { metadata: right.metadata } : {}),
        })),
        ...(request.requestMessage ? { requestMessage: request.requestMessage } : {}),
        redirectUrl,
        portalViewMode: options.portalViewMode ?? 'hide',
      });
      const consent = readConsent(answer.body);
      const resources = [...new Set(request.rights.map((right) => right.resource))];
      return {
        kind: 'consent',
        id: request.id,
        ...(organization ? { organization } : {}),
        subject: {
          ...(resources.length === 1 ? { resource: resources[0] } : {}),
          rights: request.rights,
        },
        navigation: 'redirect',
        ...changeOf(consent, context.now()),
        validTo: validTo.toISOString(),
      };
    },

    async refresh(context, record) {
      const answer = await context.altinn.send('GET', `${BASE}/${record.id}`, READ);
      const consent = readConsent(answer.body);
      // Altinn lets the receiving organisation read every request it made; a record is one
      // person's, and Altinn's `from` must agree.
      const from = (answer.body as { from?: unknown }).from;
      if (
        typeof from !== 'string' ||
        from.toLowerCase() !== fromOfRecord(context, record).toLowerCase()
      ) {
        throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
      }
      return changeOf(consent, context.now());
    },
  };
  const module = requestRoutes(api);
  const every = (options.eventsEveryMinutes ?? 0) * 60_000;
  if (!(every > 0)) return module;
  // The feed is read on a request, at most once per interval on this instance, never in its way.
  let lastRead = Number.NEGATIVE_INFINITY;
  const readEventsNowAndThen = (context: RouteContext): void => {
    const at = context.now();
    if (at - lastRead < every) return;
    lastRead = at;
    readConsentEvents(context.altinn, context.store, options.organization).catch(context.onError);
  };
  return {
    routes: module.routes.map((route) => ({
      ...route,
      handle: (context: RouteContext) => {
        readEventsNowAndThen(context);
        return route.handle(context);
      },
    })),
  };
}
