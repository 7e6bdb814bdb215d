/**
 * Realistic answers for tests, shaped like Altinn 3's consent API (../shared/altinn-api.md 2.4, and the
 * example answer in Altinn's docs) and like the normalised request view of the contract.
 */

export const CONSENT_ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
export const CONSENT_RESOURCE = 'standard-samtykke-for-dele-data';

/** Where Altinn's test environment shows a consent request to the user. */
export function consentViewUri(id: string, host = 'am.ui.tt02.altinn.no'): string {
  return `https://${host}/accessmanagement/ui/consent/request?id=${id}`;
}

/** A consent right as Altinn answers it: one resource item, `action` an array. */
export function consentRight(inntektsaar = '2024') {
  return {
    action: ['consent'],
    resource: [{ type: 'urn:altinn:resource', value: CONSENT_RESOURCE }],
    metadata: { inntektsaar },
  };
}

/** One entry of `consentRequestEvents`. */
export function consentEvent(
  eventType: string,
  created: string,
  consentRequestID = CONSENT_ID,
  performedBy = 'urn:altinn:organization:identifier-no:991825827',
) {
  return {
    consentEventID: '01981c2f-1de4-7b9f-a7c7-854f1dd4f115',
    created,
    performedBy,
    eventType,
    consentRequestID,
  };
}

/**
 * `ConsentRequestDetails` as `GET /consentrequests/{id}` and a first create answer it: status `Created`,
 * one `Created` event, valid for 90 more days. An `id` override also goes into the events and `viewUri`
 * (unless they are overridden too); `'$id'` works with the fake backend's substitution.
 */
export function consentRequestDetails(overrides: Record<string, unknown> = {}) {
  const id = typeof overrides.id === 'string' ? overrides.id : CONSENT_ID;
  const validTo = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString();
  return {
    id,
    from: 'urn:altinn:person:identifier-no:21818297804',
    to: 'urn:altinn:organization:identifier-no:991825827',
    requiredDelegator: null,
    handledBy: null,
    validTo,
    consentRights: [consentRight()],
    requestMessage: null,
    status: 'Created',
    consented: null,
    redirectUrl: `https://portal.example/loan?consentId=${id}`,
    consentRequestEvents: [consentEvent('Created', new Date().toISOString(), id)],
    viewUri: consentViewUri(id),
    portalViewMode: 'Hide',
    ...overrides,
  };
}

/**
 * The idempotent 200 answer of `POST /consentrequests` for an id that already exists: Altinn's internal
 * model, with `consentRequestStatus` instead of `status`, `templateId` and `templateVersion`, and
 * `performedBy` as a party uuid URN.
 */
export function idempotentConsentRequest(overrides: Record<string, unknown> = {}) {
  const details: Record<string, unknown> = consentRequestDetails({
    consentRequestStatus: 'Created',
    templateId: 'default',
    templateVersion: 1,
    ...overrides,
  });
  if (!('status' in overrides)) delete details.status;
  delete details.portalViewMode;
  const id = details.id as string;
  if (!('consentRequestEvents' in overrides)) {
    details.consentRequestEvents = [
      consentEvent(
        'Created',
        new Date().toISOString(),
        id,
        'urn:altinn:party:uuid:1b8c0b6e-94c5-4a1f-9a0d-2f8a6e0c1d11',
      ),
    ];
  }
  return details;
}

/** The contract's normalised request view, as a backend that maps Altinn's answer itself sends it. */
export function requestView(overrides: Record<string, unknown> = {}) {
  const id = typeof overrides.id === 'string' ? overrides.id : CONSENT_ID;
  return {
    kind: 'consent',
    id,
    status: 'created',
    url: consentViewUri(id),
    navigation: 'redirect',
    validTo: new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString(),
    ...overrides,
  };
}

/** An Altinn 2 delegation request id (`Guid`), as in Altinn's help sample. */
export const DELEGATION_REQUEST_ID = '1a9e3a32-7c1f-4c55-9b0e-3f4c0d6b2a11';

/** Where Altinn 2's test environment lets the user send a delegation request (`_links.sendRequest`). */
export function altinn2SendRequestUrl(guid: string, host = 'tt02.altinn.no'): string {
  return `https://${host}/ui/DelegationRequest/send/${guid}`;
}

/**
 * An Altinn 2 delegation request as `POST` and `GET …/api/serviceowner/delegationRequests` answer it
 * (HAL, PascalCase; ../shared/altinn-api.md 3.1): status `Created`, with `_links.sendRequest`. A
 * `Guid` override also goes into the links (unless `_links` is overridden too); `'$id'` works with the
 * fake backend's substitution.
 */
export function altinn2DelegationRequest(overrides: Record<string, unknown> = {}) {
  const guid = typeof overrides.Guid === 'string' ? overrides.Guid : DELEGATION_REQUEST_ID;
  return {
    Guid: guid,
    RequestStatus: 'Created',
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
    ...overrides,
  };
}

/** An Altinn 3 service owner delegation request id. */
export const ACCESS_REQUEST_ID = '0198a2b4-5c3d-7e8f-9a0b-1c2d3e4f5a6b';

/** Where Altinn 3's test environment shows a delegation request to the user (`links.detailsLink`). */
export function altinn3DetailsLink(id: string, host = 'am.ui.tt02.altinn.no'): string {
  return `https://${host}/accessmanagement/ui/requests/resource?requestId=${id}`;
}

/** A party as Altinn 3's `RequestDto` names it (`PartyEntityDto`). */
function partyEntity(
  name: string,
  organizationIdentifier: string | null,
  personIdentifier: string | null,
) {
  return {
    id: organizationIdentifier
      ? '5c1a9e2b-7d3f-4a6e-8b1c-2d3e4f5a6b7c'
      : '8e2f4a6c-1b3d-4e5f-9a7b-6c5d4e3f2a1b',
    name,
    type: organizationIdentifier ? 'Organisasjon' : 'Person',
    variant: organizationIdentifier ? 'AS' : 'Person',
    organizationIdentifier,
    personIdentifier,
  };
}

/**
 * Altinn 3's `RequestDto`, as `POST …/serviceowner/delegationrequests/resource` answers it (202, status
 * `Draft`; ../shared/altinn-api.md 3.2). An `id` override also goes into `links` (unless `links` is
 * overridden too); `'$id'` works with the fake backend's substitution.
 */
export function altinn3DelegationRequest(overrides: Record<string, unknown> = {}) {
  const id = typeof overrides.id === 'string' ? overrides.id : ACCESS_REQUEST_ID;
  return {
    id,
    status: 'Draft',
    type: 'resource',
    lastUpdated: '2026-03-12T09:41:27.123456+00:00',
    lastUpdatedBy: null,
    resource: {
      id: '3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
      referenceId: 'nav_tiltak_arbeidsavtale',
    },
    links: {
      detailsLink: altinn3DetailsLink(id),
      statusLink: `https://platform.tt02.altinn.no/accessmanagement/api/v1/serviceowner/delegationrequests/${id}/status`,
    },
    from: partyEntity('GLAD KAFFEKOPP', null, '21818297804'),
    to: partyEntity('RISKABEL HUMORISTISK TIGER AS', '991825827', null),
    by: partyEntity('NAV', '889640782', null),
    ...overrides,
  };
}
