/** Public types of the mock Altinn, written from ../shared/altinn-api.md, not from `src/core`. */

/** Text in the three languages of Altinn's pages. */
export interface LocalizedText {
  nb: string;
  nn: string;
  en: string;
}

export type PageLanguage = keyof LocalizedText;

/** A client's public signing key, as a JWK with the `kid` its grants name in their header. */
export type MockClientJwk = JsonWebKey & { kid: string };

/** A Maskinporten client: grants (`iss` = `clientId`) signed with the key of `publicJwk`. */
export interface MockClient {
  clientId: string;
  publicJwk: MockClientJwk;
  /** Becomes the token's `consumer` (`0192:<orgNumber>`). */
  orgNumber: string;
  scopes: string[];
  /**
   * Organisations a grant may name as `consumer_org` (they delegated the scopes, altinn-api.md 2.9):
   * the token's `consumer` is then that one, `supplier` this one. Default: any organisation.
   */
  consumerOrgs?: string[];
}

/**
 * A metadata key of a consent resource: every key is required (AM-00008), `optional` is ignored as
 * by Altinn; `label` names it on the page (default: the key).
 */
export interface MockMetadataField {
  optional?: boolean;
  label?: LocalizedText;
}

/** A resource in the mock Resource Registry. */
export interface MockResource {
  id: string;
  /** `Consent` (default) for a consent resource; others give AM-00005 in a consent request. */
  resourceType?: string;
  /** `default`, `poa`, …; rights with different templates give AM-00009. */
  consentTemplate?: string;
  /** Metadata keys (lower case). */
  consentMetadata?: Record<string, MockMetadataField>;
  /** The page's heading for it. Default: the id. */
  title?: LocalizedText;
  /** Under the heading; `{key}` is the right's metadata value. */
  consentText?: LocalizedText;
  /** Actions a user may delegate (checked on accept). Default `['consent']`. */
  actions?: string[];
  /** Who may request consent for it (else 403, empty body). Default: everyone. */
  requesters?: string[];
  /** Default 1. */
  version?: number;
  /** The service owner: only it may ask access to it through Altinn 3's API. Default: nobody. */
  owner?: string;
  /** Whether it can be requested (else AM.VLD-00049). Default `true`. */
  delegable?: boolean;
}

/** An Altinn 2 service; only its `owner` may ask for it. `operations`: default `Read`, `Write`. */
export interface MockService {
  serviceCode: string;
  serviceEditionCode: number;
  owner: string;
  title: LocalizedText;
  operations?: string[];
}

/** An Altinn 3 access package, by `urn`, its last part, or `id`; not `assignable`: AM.VLD-00048. */
export interface MockAccessPackage {
  urn: string;
  id: string;
  name: LocalizedText;
  assignable?: boolean;
  /** Whether an agent system user may hold it for clients (else AUTH-00065). Default `true`. */
  delegable?: boolean;
}

/** An organisation's access manager ("tilgangsstyrer"), who gets the e-mail about a request. */
export interface MockAccessManager {
  name: string;
  email: string;
}

/** Options of {@link startMockAltinn}. Lists replace the defaults; records add to them. */
export interface MockAltinnOptions {
  /** Default 4010 (0: any free port) on `127.0.0.1`. */
  port?: number;
  host?: string;
  /** The base URL the mock announces (links, `Location`, issuer). Default `http://<host>:<port>`. */
  publicUrl?: string;
  clients?: MockClient[];
  /** The register's national identity numbers and organisation numbers, and names by number. */
  persons?: string[];
  organizations?: string[];
  partyNames?: Record<string, string>;
  resources?: MockResource[];
  /** The APIs' clock (not Maskinporten's, which uses the real one). */
  now?: () => Date;
  /** Altinn 2 API keys (header `ApiKey`). Default: none. */
  apiKeys?: string[];
  services?: MockService[];
  accessPackages?: MockAccessPackage[];
  /** Access managers by organisation (unknown ones get two invented). */
  accessManagers?: Record<string, MockAccessManager[]>;
  /** Systems in the system register, besides the demo's (`registerSystem` adds more). */
  systems?: MockSystem[];
  /**
   * Who may answer a system-user request, by organisation: `accessManagers` (tilgangsstyrer:
   * approve, reject) and `others` (another relation: escalate only), as identity numbers.
   */
  systemUserApprovers?: Record<string, MockApprovers>;
  /** An approved Altinn 2 request: `Approved` (default, its docs) or `Accepted` (NAV, 3.1 [C]). */
  altinn2ApprovedStatus?: 'Approved' | 'Accepted';
}

/** Statuses and event types, spelled as Altinn's API spells them. */
export type MockConsentStatus =
  'Created' | 'Rejected' | 'Accepted' | 'Revoked' | 'Deleted' | 'Expired';
export type MockConsentEventType = MockConsentStatus | 'Used';

export interface MockConsentEvent {
  /** UUID v7, so ids sort by time. */
  consentEventID: string;
  /** UTC, `+00:00`, at most microseconds, as Altinn writes times. */
  created: string;
  createdMicros: number;
  /** External URN of who did it, and the same party's internal URN (`urn:altinn:party:uuid:…`). */
  performedBy: string;
  performedByPartyUuid: string;
  eventType: MockConsentEventType;
  consentRequestID: string;
}

export interface MockConsentRight {
  action: string[];
  resource: { type: string; value: string; version: string }[];
  metadata: Record<string, string> | null;
}

/** A stored consent request (`MockAltinn.consentRequests`). */
export interface MockConsentRequest {
  id: string;
  from: string;
  to: string;
  requiredDelegator: string | null;
  handledBy: string | null;
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

export type MockDelegationRequestStatus =
  'Created' | 'Unopened' | 'Opened' | 'Approved' | 'Accepted' | 'Rejected' | 'Deleted';

/** A service asked for in an Altinn 2 request. */
export interface MockRequestResource {
  serviceCode: string;
  serviceEditionCode: number;
  operations: string[];
}

/** A stored Altinn 2 delegation request ("Be om tilgang"); `guid` lower case. */
export interface MockDelegationRequest {
  guid: string;
  /** The token's consumer that created it. */
  serviceOwner: string;
  requestStatus: MockDelegationRequestStatus;
  /** Who wants the rights (person or organisation), and the organisation asked. */
  coveredBy: string;
  offeredBy: string;
  redirectUrl: string;
  /** The service owner's, replaced by the user's on the send page. */
  requestMessage: string | null;
  keepSessionAlive: boolean;
  /** Norwegian local time, no offset (`2020-08-27T08:51:31.54`), as Altinn 2 writes times. */
  created: string;
  lastChanged: string;
  requestResources: MockRequestResource[];
  /** Whom the user chose to notify on the send page. */
  notifiedAccessManagers: string[];
}

export type MockAccessRequestStatus =
  'None' | 'Draft' | 'Pending' | 'Approved' | 'Rejected' | 'Withdrawn';

/** A stored Altinn 3 service owner delegation request; `id` lower case. */
export interface MockAccessRequest {
  id: string;
  type: 'resource' | 'package';
  status: MockAccessRequestStatus;
  /** URNs: who wants the access, the party asked, the service owner that created it. */
  from: string;
  to: string;
  by: string;
  resource: { id: string; referenceId: string } | null;
  package: { id: string; referenceId: string } | null;
  lastUpdated: string;
}

/** A system in Altinn's system register (altinn-api.md 3.4): what a vendor may ask for. */
export interface MockSystem {
  /** `<vendorOrgnr>_<name>`: only the vendor's token may ask for it. */
  id: string;
  name: LocalizedText;
  /** Resource ids (`urn:altinn:resource` values) and access package URNs a request may name. */
  rights: string[];
  accessPackages: string[];
  /** Matched on scheme, host, port and path; the query is free. */
  allowedRedirectUrls: string[];
}

export interface MockApprovers {
  accessManagers: string[];
  others: string[];
}

/** Spelled as Altinn spells them; nothing writes `Timedout` (a time-out is only `timedOut`). */
export type MockSystemUserRequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

/** A stored system-user request; `id` lower case. */
export interface MockSystemUserRequest {
  id: string;
  /** `vendor` or `vendor/agent`. */
  agent: boolean;
  systemId: string;
  partyOrgNo: string;
  /** Defaults to `partyOrgNo`, as in Altinn (hence the retry trap). */
  externalRef: string;
  integrationTitle: string | null;
  rights: { action?: string | null; resource: { id: string; value: string }[] }[];
  accessPackages: { urn: string }[];
  status: MockSystemUserRequestStatus;
  redirectUrl: string | null;
  /** Forwarded to the access manager by someone else; never shown in the vendor's answers. */
  escalated: boolean;
  createdMicros: number;
  /** Soft-deleted by `DELETE`: gone for every route, and for the retry lookup. */
  deleted: boolean;
}

/** A system user, made when a request is approved. */
export interface MockSystemUser {
  id: string;
  systemId: string;
  reporteeOrgNo: string;
  externalRef: string;
  integrationTitle: string | null;
  createdMicros: number;
  agent: boolean;
}

/** Calls to each API, any outcome: how often the code under test calls Altinn. */
export interface MockAltinnStats {
  tokenRequests: number;
  consentRequests: number;
  altinn2DelegationRequests: number;
  altinn3DelegationRequests: number;
  systemUserRequests: number;
}

/** A running mock Altinn. Stores are live maps by lower-case id. */
export interface MockAltinn {
  /** e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** A grant's `aud`: `<url>/maskinporten/` (also without the slash). */
  maskinportenAudience: string;
  tokenEndpoint: string;
  /** `<url>/accessmanagement/api/v1/enterprise`. */
  consentApiBaseUrl: string;
  /** `<url>/api/serviceowner`. */
  altinn2ApiBaseUrl: string;
  /** `<url>/accessmanagement/api/v1/serviceowner`. */
  serviceOwnerApiBaseUrl: string;
  /** `<url>/authentication/api/v1/systemuser` (`/request/vendor…`, `/vendor/byquery`). */
  systemUserApiBaseUrl: string;
  close(): Promise<void>;
  /** Forgets every request, used grant id and counter; keeps clients and API keys. */
  reset(): void;
  readonly stats: Readonly<MockAltinnStats>;
  readonly consentRequests: ReadonlyMap<string, Readonly<MockConsentRequest>>;
  readonly delegationRequests: ReadonlyMap<string, Readonly<MockDelegationRequest>>;
  readonly accessRequests: ReadonlyMap<string, Readonly<MockAccessRequest>>;
  readonly systemUserRequests: ReadonlyMap<string, Readonly<MockSystemUserRequest>>;
  /** System users by id, made by approvals. */
  readonly systemUsers: ReadonlyMap<string, Readonly<MockSystemUser>>;
  /** Adds a system to the system register, or replaces the one with its `id`. */
  registerSystem(system: MockSystem): void;
  /** Adds a Maskinporten client, or replaces the one with its `clientId`. */
  registerClient(client: MockClient): void;
  /** Adds an Altinn 2 API key. */
  registerApiKey(key: string): void;
}
