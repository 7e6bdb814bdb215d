/**
 * `altinn-request-elements/server`: the portal's backend for the elements, for any Fetch-API runtime
 * (Node ≥ 20, Deno, Bun, workers), with the Maskinporten token source and a Node/Express adapter.
 */
export {
  createAltinnHandler,
  type AltinnHandler,
  type AltinnHandlerOptions,
  type HandlerModule,
  type Identity,
  type Route,
  type RouteContext,
} from './handler.js';
export type { ConsentOptions, ConsentResource } from './consent.js';
export {
  syncConsentEvents,
  type ConsentEventsOptions,
  type ConsentEventsResult,
} from './consent-events.js';
export type { AccessOptions } from './access.js';
export type { SystemUserIntegration, SystemUserOptions } from './system-user.js';
export { requestRoutes, viewOf, type RequestKindApi } from './requests.js';
export {
  maskinportenTokenSource,
  MaskinportenError,
  MASKINPORTEN_ISSUERS,
  type MaskinportenOptions,
  type TokenSource,
  consentToken,
  ConsentTokenError,
  type ConsentReference,
  type ConsentTokenOptions,
  type ConsentTokenFailure,
} from './maskinporten.js';
export {
  ALTINN_ENVIRONMENTS,
  type AltinnEnvironment,
  type AltinnEnvironmentUrls,
} from './environments.js';
export {
  toNodeListener,
  toFetchRequest,
  writeFetchResponse,
  type NodeListenerOptions,
} from './node.js';
export type { Problem, BackendProblemCode } from './problem.js';
// The request store (PostgreSQL: embedded PGlite, or a server through `pg`) and the contract's schemas.
export {
  pgliteStore,
  postgresStore,
  bodyDigest,
  InvalidCursorError,
  type PgliteStoreOptions,
  type PostgresStoreOptions,
  type RequestStore,
  type StoreOptions,
  type RequestRecord,
  type NewRequest,
  type RequestChange,
  type RequestFilter,
  type ListOptions,
  type RequestPage,
  type KeyClaim,
} from './store/index.js';
export type {
  RequestKind,
  RequestStatus,
  RequestState,
  RequestSubject,
  RequestView,
  RequestList,
  LookupBody,
  LookupAnswer,
  ListQuery,
  ProblemDetails,
  ConsentRequestBody,
  AccessRequestBody,
  SystemUserRequestBody,
} from './schemas.js';
