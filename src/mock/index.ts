/**
 * `altinn-request-elements/mock`: a local, faithful mock of the Altinn parts this library uses
 * (Maskinporten's token endpoint, the enterprise consent API, the user's consent page, the access
 * request APIs of Altinn 2 and 3 and system-user requests, with their pages), for demos and tests without credentials. Node only.
 *
 * It imports nothing from `src/core` or `src/server`: a fake that shares the code under test hides
 * that code's bugs.
 */
export { startMockAltinn } from './server.js';
export {
  appendConsentOutcome,
  appendDelegationRequestOutcome,
  RETURN_PARAMETERS,
  type ConsentOutcome,
} from './return-url.js';
export {
  SCOPE_DELEGATION_REQUESTS_READ,
  SCOPE_DELEGATION_REQUESTS_WRITE,
  SCOPE_ORG,
  SCOPE_READ,
  SCOPE_SYSTEM_USER_REQUEST_READ,
  SCOPE_SYSTEM_USER_REQUEST_WRITE,
  SCOPE_WRITE,
} from './auth.js';
export { SCOPE_INCOME } from './consent-token.js';
export type * from './types.js';
