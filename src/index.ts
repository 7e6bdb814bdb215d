/**
 * `altinn-request-elements`: registers every element and exports their classes, the events,
 * `configure()` and the core types.
 *
 * @example
 * import { configure } from 'altinn-request-elements';
 * configure({ endpoint: '/api/altinn' });
 */
import './elements/request-consent-button/request-consent-button.js';
import './elements/consent-status/consent-status.js';
import './elements/request-access-button/request-access-button.js';
import './elements/access-request-status/access-request-status.js';

export { RequestConsentButton } from './elements/request-consent-button/request-consent-button.component.js';
export type { ConsentButtonState } from './elements/request-consent-button/request-consent-button.component.js';
export { ConsentStatus } from './elements/consent-status/consent-status.component.js';
export {
  RequestAccessButton,
  type AccessButtonTarget,
} from './elements/request-access-button/request-access-button.component.js';
export { AccessRequestStatus } from './elements/access-request-status/access-request-status.component.js';
// The system-user elements and the request list are their own entries
// (`altinn-request-elements/request-system-user-button.js`, `…/altinn-request-list.js`), not registered
// here: their types only, so this file and the CDN file stay within their budget.
export type { RequestSystemUserButton } from './elements/request-system-user-button/request-system-user-button.js';
export type { SystemUserRequestStatus } from './elements/system-user-request-status/system-user-request-status.js';
export type {
  AltinnRequestList,
  AltinnRequestAgainEvent,
  AltinnRequestAgainDetail,
} from './elements/altinn-request-list/altinn-request-list.js';
export type { RequestButtonState } from './elements/controllers/create-request-controller.js';
export * from './events/index.js';
export {
  configure,
  getConfig,
  resetConfig,
  type AltinnRequestConfig,
  type AltinnRequestConfigInput,
} from './core/config.js';
export { AltinnRequestError, type ErrorCode, type ProblemDetails } from './core/errors.js';
export type { RequestKind, RequestStatus } from './core/request-status.js';
export type { RequestView, Navigation } from './core/view.js';
export type { Lang } from './core/lang.js';
export type {
  ConsentRightInput,
  RequestMessage,
  Altinn2Service,
  AccessRequestBody,
  SystemUserRequestBody,
} from './core/request-body.js';
