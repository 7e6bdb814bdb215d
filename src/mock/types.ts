/**
 * Public types of the mock Altinn (`altinn-request-elements/mock`).
 *
 * Written from ../shared/altinn-api.md (sections 1 to 4), not from `src/core` or `src/server`:
 * a fake that shares the code under test hides that code's bugs.
 */

/** Text in the three languages Altinn's consent page speaks. */
export interface LocalizedText {
  nb: string;
  nn: string;
  en: string;
}

/** The languages of the consent page. */
export type PageLanguage = keyof LocalizedText;

/** A client's public signing key, as a JWK with the `kid` its grants name in their header. */
export type MockClientJwk = JsonWebKey & { kid: string };

/**
 * A Maskinporten client: its grants must be signed by the private key matching `publicJwk`
 * (`kid` in the grant's header), and may ask only for `scopes`.
 */
export interface MockClient {
  /** Maskinporten's client id: the grant's `iss`. */
  clientId: string;
  /** RSA or EC public key, with `kid`. */
  publicJwk: MockClientJwk;
  /** The organisation the client belongs to: becomes the token's `consumer` (`0192:<orgNumber>`). */
  orgNumber: string;
  /** Scopes the client may ask for, e.g. `altinn:consentrequests.write`. */
  scopes: string[];
  /**
   * Organisations that delegated the scopes to this client's organisation ("API-delegering"), so a
   * grant may name one as `consumer_org`: the token's `consumer` is then that organisation and its
   * `supplier` this one (altinn-api.md 2.9). Default: any organisation.
   */
  consumerOrgs?: string[];
}

/** One metadata key a consent resource declares (`consentMetadata` in the Resource Registry). */
export interface MockMetadataField {
  /** Ignored, as Altinn ignores the registry's flag: every declared key is required (AM-00008). */
  optional?: boolean;
  /** How the consent page names the key, e.g. "Inntektsår". Default: the key itself. */
  label?: LocalizedText;
}

/** A resource in the mock Resource Registry. */
export interface MockResource {
  /** The resource id, e.g. `standard-samtykke-for-dele-data`. */
  id: string;
  /** `Consent` for a consent resource (default); anything else is refused with AM-00005. */
  resourceType?: string;
  /** The consent template (`default`, `poa`, …). Rights with different templates give AM-00009. */
  consentTemplate?: string;
  /** Metadata keys (lower case) the resource accepts. */
  consentMetadata?: Record<string, MockMetadataField>;
  /** Shown as the right's heading on the consent page. Default: the id. */
  title?: LocalizedText;
  /** Shown under the heading; `{key}` is replaced by the right's metadata value. */
  consentText?: LocalizedText;
  /** Actions a user may delegate under the resource policy (checked when the user accepts). Default `['consent']`. */
  actions?: string[];
  /**
   * Organisation numbers allowed to request consent for the resource (the PDP's `requestconsent`
   * check). A caller outside the list gets 403 with an empty body. Default: everyone.
   */
  requesters?: string[];
  /** The resource version stored with each right. Default 1. */
  version?: number;
  /**
   * Organisation number of the resource's owner (the service owner). Only the owner may ask for
   * access to it through the Altinn 3 service owner API. Default: nobody.
   */
  owner?: string;
  /** Whether rights to it can be delegated, hence requested (else AM.VLD-00049). Default `true`. */
  delegable?: boolean;
}

/** An Altinn 2 service (`ServiceCode` + `ServiceEditionCode`), which access requests can name. */
export interface MockService {
  serviceCode: string;
  serviceEditionCode: number;
  /** Organisation number of the service owner: only it may create requests for the service. */
  owner: string;
  /** How the pages name the service. */
  title: LocalizedText;
  /** `Operations` of a request resource. Default `['Read', 'Write']`. */
  operations?: string[];
}

/** An Altinn 3 access package. */
export interface MockAccessPackage {
  /** e.g. `urn:altinn:accesspackage:regnskapsforer-lonn`; the part after the last `:` also finds it. */
  urn: string;
  /** The package's id (a UUID), which also finds it. */
  id: string;
  name: LocalizedText;
  /** Whether it can be assigned, hence requested (else AM.VLD-00048). Default `true`. */
  assignable?: boolean;
}

/** An organisation's access manager ("tilgangsstyrer"), who gets the e-mail about a request. */
export interface MockAccessManager {
  name: string;
  email: string;
}

/** Options of {@link startMockAltinn}. */
export interface MockAltinnOptions {
  /** Port to listen on. Default 4010; 0 picks any free port. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /**
   * The base URL the mock announces (in `url`, `viewUri`, `Location`, the token issuer). Default
   * `http://<host>:<port>`; set e.g. `http://localhost:4010` when a browser allow-list names that origin.
   */
  publicUrl?: string;
  /** Maskinporten clients known from the start. Default: none (register one with a generated key). */
  clients?: MockClient[];
  /** National identity numbers in the mock register. Replaces the default list. */
  persons?: string[];
  /** Organisation numbers in the mock register. Replaces the default list. */
  organizations?: string[];
  /** Display names by national identity number or organisation number (added to the defaults). */
  partyNames?: Record<string, string>;
  /** The mock Resource Registry. Replaces the default resources. */
  resources?: MockResource[];
  /**
   * The APIs' clock: consent `validTo` checks, event times, the synthetic Expired event, the events
   * feed's five-minute delay, and the times of access requests. Maskinporten grants and access
   * tokens use the real clock.
   */
  now?: () => Date;
  /** Altinn 2 API keys (header `ApiKey`) the service owner API accepts. Default: none. */
  apiKeys?: string[];
  /** The Altinn 2 service registry. Replaces the default services. */
  services?: MockService[];
  /** The Altinn 3 access packages. Replaces the default packages. */
  accessPackages?: MockAccessPackage[];
  /**
   * Access managers by organisation number (replacing the defaults of the organisations named);
   * an organisation without any gets two invented ones.
   */
  accessManagers?: Record<string, MockAccessManager[]>;
  /** @deprecated Ignored: the mock no longer serves Altinn 2's list, which the product never calls. */
  delegationRequestsPageSize?: number;
  /**
   * How the Altinn 2 API spells an approved request. Default `Approved`, as its filter docs do;
   * `Accepted` is what NAV's client compares with (altinn-api.md 3.1, [C]).
   */
  altinn2ApprovedStatus?: 'Approved' | 'Accepted';
}

/** Status of a consent request, spelled as Altinn's API spells it. */
export type MockConsentStatus =
  'Created' | 'Rejected' | 'Accepted' | 'Revoked' | 'Deleted' | 'Expired';

/** Event type of a consent request, spelled as Altinn's API spells it. */
export type MockConsentEventType =
  'Created' | 'Rejected' | 'Accepted' | 'Revoked' | 'Deleted' | 'Expired' | 'Used';

/** One stored event of a consent request. */
export interface MockConsentEvent {
  /** UUID v7, so ids sort by time. */
  consentEventID: string;
  /** Formatted as Altinn does: UTC, `+00:00`, at most microseconds. */
  created: string;
  /** Epoch microseconds of `created`. */
  createdMicros: number;
  /** External URN of who did it (`urn:altinn:person:identifier-no:…` or `…organization…`). */
  performedBy: string;
  /** The same party as an internal URN (`urn:altinn:party:uuid:…`), as the idempotent 200 shows it. */
  performedByPartyUuid: string;
  eventType: MockConsentEventType;
  consentRequestID: string;
}

/** One right of a stored consent request. */
export interface MockConsentRight {
  action: string[];
  resource: { type: string; value: string; version: string }[];
  metadata: Record<string, string> | null;
}

/** A consent request as the mock stores it (read it from `MockAltinn.consentRequests` in tests). */
export interface MockConsentRequest {
  id: string;
  from: string;
  to: string;
  requiredDelegator: string | null;
  handledBy: string | null;
  /** Formatted as Altinn returns it (UTC, `+00:00`, microseconds). */
  validTo: string;
  validToMicros: number;
  consentRights: MockConsentRight[];
  requestMessage: Record<string, string> | null;
  status: MockConsentStatus;
  consented: string | null;
  redirectUrl: string;
  portalViewMode: 'Hide' | 'Show';
  templateId: string;
  templateVersion: number;
  events: MockConsentEvent[];
}

/** Status of an Altinn 2 delegation request, spelled as its API spells it. */
export type MockDelegationRequestStatus =
  'Created' | 'Unopened' | 'Opened' | 'Approved' | 'Accepted' | 'Rejected' | 'Deleted';

/** One service an Altinn 2 delegation request asks for. */
export interface MockRequestResource {
  serviceCode: string;
  serviceEditionCode: number;
  operations: string[];
}

/** An Altinn 2 delegation request ("Be om tilgang") as the mock stores it. */
export interface MockDelegationRequest {
  /** Lower case. */
  guid: string;
  /** Organisation number of the service owner that created it (the token's consumer). */
  serviceOwner: string;
  requestStatus: MockDelegationRequestStatus;
  /** Who wants the rights: a national identity number or an organisation number. */
  coveredBy: string;
  /** The organisation asked. */
  offeredBy: string;
  redirectUrl: string;
  /** The service owner's message, replaced by what the user sends on the send page. */
  requestMessage: string | null;
  keepSessionAlive: boolean;
  /** As Altinn 2 writes times: Norwegian local time, no offset (`2020-08-27T08:51:31.54`). */
  created: string;
  lastChanged: string;
  requestResources: MockRequestResource[];
  /** E-mail addresses of the access managers the user chose to notify on the send page. */
  notifiedAccessManagers: string[];
  /** Creation order, which the list pages by. */
  sequence: number;
}

/** Status of an Altinn 3 service owner delegation request. */
export type MockAccessRequestStatus =
  'None' | 'Draft' | 'Pending' | 'Approved' | 'Rejected' | 'Withdrawn';

/** An Altinn 3 service owner delegation request as the mock stores it. */
export interface MockAccessRequest {
  /** Lower case. */
  id: string;
  type: 'resource' | 'package';
  status: MockAccessRequestStatus;
  /** Internal `from`: the requesting party's URN (who wants the access). */
  from: string;
  /** Internal `to`: the URN of the party asked (whose access manager decides). */
  to: string;
  /** The URN of the service owner that created it. */
  by: string;
  resource: { id: string; referenceId: string } | null;
  package: { id: string; referenceId: string } | null;
  rightKeys: string[] | null;
  /** Which endpoint created it (`root` is kept for compatibility; the mock no longer serves it). */
  createdWith: 'resource' | 'package' | 'root';
  /** Formatted as Altinn returns it (UTC, `+00:00`, microseconds). */
  lastUpdated: string;
}

/** Counters, for tests that check how often the code under test calls Altinn. */
export interface MockAltinnStats {
  /** Calls to `POST /maskinporten/token`, granted or refused. */
  tokenRequests: number;
  /** Calls to the consent API (`/accessmanagement/api/v1/enterprise/consentrequests…`), any outcome. */
  consentRequests: number;
  /** Calls to the Altinn 2 service owner API (`/api/serviceowner/delegationRequests…`), any outcome. */
  altinn2DelegationRequests: number;
  /** Calls to the Altinn 3 service owner API (`…/serviceowner/delegationrequests…`), any outcome. */
  altinn3DelegationRequests: number;
}

/** A running mock Altinn. */
export interface MockAltinn {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** What a Maskinporten grant's `aud` must be: `<url>/maskinporten/` (without the slash also accepted). */
  maskinportenAudience: string;
  /** `<url>/maskinporten/token`. */
  tokenEndpoint: string;
  /** `<url>/accessmanagement/api/v1/enterprise`: the consent API's base. */
  consentApiBaseUrl: string;
  /** `<url>/api/serviceowner`: the Altinn 2 service owner API's base (`/delegationRequests`). */
  altinn2ApiBaseUrl: string;
  /** `<url>/accessmanagement/api/v1/serviceowner`: the Altinn 3 service owner API's base (`/delegationrequests`). */
  serviceOwnerApiBaseUrl: string;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
  /** Forgets every consent and access request, used grant id and counter; keeps clients and API keys. */
  reset(): void;
  /** Live counters (zeroed by `reset`). */
  readonly stats: Readonly<MockAltinnStats>;
  /** Every consent request by id (lower case), live. */
  readonly consentRequests: ReadonlyMap<string, Readonly<MockConsentRequest>>;
  /** Every Altinn 2 delegation request by guid (lower case), live. */
  readonly delegationRequests: ReadonlyMap<string, Readonly<MockDelegationRequest>>;
  /** Every Altinn 3 service owner delegation request by id (lower case), live. */
  readonly accessRequests: ReadonlyMap<string, Readonly<MockAccessRequest>>;
  /** Adds a Maskinporten client, or replaces the one with the same `clientId`. */
  registerClient(client: MockClient): void;
  /** Adds an Altinn 2 API key (header `ApiKey`) the service owner API accepts. */
  registerApiKey(key: string): void;
}
