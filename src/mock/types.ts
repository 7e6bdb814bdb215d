/**
 * Public types of the mock Altinn (`altinn-request-elements/mock`).
 *
 * Written from ../shared/altinn-api.md (sections 1, 2 and 4), not from `src/core` or `src/server`:
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
}

/** One metadata key a consent resource declares (`consentMetadata` in the Resource Registry). */
export interface MockMetadataField {
  /** An optional key may be left out of a request; a required one gives AM-00008 when missing. */
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
   * The consent API's clock: `validTo` checks, event times, the synthetic Expired event, the
   * events feed's five-minute delay. Maskinporten grants and access tokens use the real clock.
   */
  now?: () => Date;
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

/** Counters, for tests that check how often the code under test calls Altinn. */
export interface MockAltinnStats {
  /** Calls to `POST /maskinporten/token`, granted or refused. */
  tokenRequests: number;
  /** Calls to the consent API (`/accessmanagement/api/v1/enterprise/consentrequests…`), any outcome. */
  consentRequests: number;
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
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
  /** Forgets every consent request, used grant id and counter; keeps clients and keys. */
  reset(): void;
  /** Live counters (zeroed by `reset`). */
  readonly stats: Readonly<MockAltinnStats>;
  /** Every consent request by id (lower case), live. */
  readonly consentRequests: ReadonlyMap<string, Readonly<MockConsentRequest>>;
  /** Adds a Maskinporten client, or replaces the one with the same `clientId`. */
  registerClient(client: MockClient): void;
}
