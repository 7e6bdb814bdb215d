/**
 * Answers of the fake backend, shaped like what a real backend sends: Altinn's own JSON passed
 * straight through (a consent request, an Altinn 2 or Altinn 3 delegation request), the normalised
 * request view, or an RFC 9457 problem.
 */

/** A consent request id, as the button would make it. */
export const CONSENT_ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
/** An Altinn 2 delegation request id (`Guid`). */
export const DELEGATION_REQUEST_ID = '1a9e3a32-7c1f-4c55-9b0e-3f4c0d6b2a11';
/** An Altinn 3 delegation request id. */
export const ACCESS_REQUEST_ID = '0198a2b4-5c3d-7e8f-9a0b-1c2d3e4f5a6b';
/**
 * The Altinn 3 request whose new tab the fake pop-up blocker stops (see `openWindow` in
 * fake-backend.ts).
 */
export const BLOCKED_POPUP_REQUEST_ID = '0198a2b4-5c3d-7e8f-9a0b-b10cced0b10c';

const DAY = 24 * 60 * 60 * 1000;

/** An ISO date-time `days` from now (negative: in the past). */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString();
}

/** Where Altinn's test environment shows a consent request to the user. */
export function consentViewUri(id: string, origin = 'https://am.ui.tt02.altinn.no'): string {
  return `${origin}/accessmanagement/ui/consent/request?id=${id}`;
}

/** Altinn 3's consent `eventType`s, oldest first, each a minute after the last. */
function consentEvents(id: string, types: readonly string[]) {
  const start = Date.now() - 60 * 60 * 1000;
  return types.map((eventType, index) => ({
    consentEventID: `01981c2f-1de4-7b9f-a7c7-854f1dd4f1${String(10 + index)}`,
    created: new Date(start + index * 60 * 1000).toISOString(),
    performedBy: 'urn:altinn:organization:identifier-no:991825827',
    eventType,
    consentRequestID: id,
  }));
}

export interface ConsentDetailsOptions {
  /** Altinn's `status` (`Created`, `Accepted`, `Rejected`, `Revoked`, `Deleted`, `Expired` …). */
  status?: string;
  /** `eventType`s; default: `Created`, then the status when it is another. */
  events?: readonly string[];
  validTo?: string;
  viewUri?: string;
}

/** Altinn 3's `ConsentRequestDetails`, as `GET /consentrequests/{id}` and a create answer it. */
export function consentRequestDetails(id: string, options: ConsentDetailsOptions = {}) {
  const status = options.status ?? 'Created';
  const events = options.events ?? (status === 'Created' ? ['Created'] : ['Created', status]);
  return {
    id,
    from: 'urn:altinn:person:identifier-no:21818297804',
    to: 'urn:altinn:organization:identifier-no:991825827',
    requiredDelegator: null,
    handledBy: null,
    validTo: options.validTo ?? daysFromNow(90),
    consentRights: [
      {
        action: ['consent'],
        resource: [{ type: 'urn:altinn:resource', value: 'standard-samtykke-for-dele-data' }],
        metadata: { inntektsaar: '2024' },
      },
    ],
    requestMessage: null,
    status,
    consented: status === 'Accepted' ? daysFromNow(-1) : null,
    redirectUrl: `https://portal.example/loan?consentId=${id}`,
    consentRequestEvents: consentEvents(id, events),
    viewUri: options.viewUri ?? consentViewUri(id),
    portalViewMode: 'Hide',
  };
}

/** Where Altinn 2's test environment lets the user send a delegation request. */
export function altinn2SendRequestUrl(guid: string, origin = 'https://tt02.altinn.no'): string {
  return `${origin}/ui/DelegationRequest/send/${guid}`;
}

/** An Altinn 2 delegation request (HAL, PascalCase), as Altinn's service owner API answers it. */
export function altinn2DelegationRequest(guid: string, requestStatus = 'Created') {
  return {
    Guid: guid,
    RequestStatus: requestStatus,
    CoveredBy: '21818297804',
    OfferedBy: '991825827',
    RedirectUrl: 'https://portal.example/reports',
    RequestMessage: null,
    KeepSessionAlive: true,
    Created: '2025-08-27T08:51:31.54',
    LastChanged: '2025-08-27T08:51:31.54',
    RequestResources: [
      { ServiceCode: '4751', ServiceEditionCode: 1, AltinnAppId: null, Operations: ['Read'] },
    ],
    _links: {
      self: { href: `https://tt02.altinn.no/api/serviceowner/delegationrequests/${guid}` },
      sendRequest: { href: altinn2SendRequestUrl(guid) },
    },
  };
}

/** Where Altinn 3's test environment shows a delegation request to the user. */
export function altinn3DetailsLink(id: string, origin = 'https://am.ui.tt02.altinn.no'): string {
  return `${origin}/accessmanagement/ui/requests/resource?requestId=${id}`;
}

function partyEntity(name: string, organisation: string | null, person: string | null) {
  return {
    id: organisation
      ? '5c1a9e2b-7d3f-4a6e-8b1c-2d3e4f5a6b7c'
      : '8e2f4a6c-1b3d-4e5f-9a7b-6c5d4e3f2a1b',
    name,
    type: organisation ? 'Organisasjon' : 'Person',
    variant: organisation ? 'AS' : 'Person',
    organizationIdentifier: organisation,
    personIdentifier: person,
  };
}

/** Altinn 3's `RequestDto` (a service owner delegation request). */
export function altinn3DelegationRequest(id: string, status = 'Draft', detailsLink?: string) {
  return {
    id,
    status,
    type: 'resource',
    lastUpdated: '2026-03-12T09:41:27.123456+00:00',
    lastUpdatedBy: null,
    resource: {
      id: '3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
      referenceId: 'nav_tiltak_arbeidsavtale',
    },
    links: {
      detailsLink: detailsLink ?? altinn3DetailsLink(id),
      statusLink: `https://platform.tt02.altinn.no/accessmanagement/api/v1/serviceowner/delegationrequests/${id}/status`,
    },
    from: partyEntity('GLAD KAFFEKOPP', null, '21818297804'),
    to: partyEntity('RISKABEL HUMORISTISK TIGER AS', '991825827', null),
    by: partyEntity('NAV', '889640782', null),
  };
}

/** An RFC 9457 problem, as the backend sends it with `application/problem+json`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  [extension: string]: unknown;
}

/** A problem for HTTP `status`. */
export function problem(status: number, title: string, detail: string, extra = {}): Problem {
  return {
    type: `https://datatracker.ietf.org/doc/html/rfc9110#status.${status}`,
    title,
    status,
    detail,
    ...extra,
  };
}
