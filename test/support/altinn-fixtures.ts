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
