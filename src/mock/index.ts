/**
 * `altinn-request-elements/mock`: a local, faithful mock of the Altinn parts this library uses
 * (Maskinporten's token endpoint, the enterprise consent API, the user's consent page), for demos
 * and tests without credentials. Node only.
 *
 * It imports nothing from `src/core` or `src/server`: a fake that shares the code under test hides
 * that code's bugs.
 */
export { startMockAltinn } from './server.js';
export { appendConsentOutcome, RETURN_PARAMETERS, type ConsentOutcome } from './return-url.js';
export { SCOPE_ORG, SCOPE_READ, SCOPE_WRITE } from './defaults.js';
export type {
  LocalizedText,
  MockAltinn,
  MockAltinnOptions,
  MockAltinnStats,
  MockClient,
  MockClientJwk,
  MockConsentEvent,
  MockConsentEventType,
  MockConsentRequest,
  MockConsentRight,
  MockConsentStatus,
  MockMetadataField,
  MockResource,
  PageLanguage,
} from './types.js';
