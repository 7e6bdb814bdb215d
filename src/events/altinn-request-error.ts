import type { ErrorCode, ProblemDetails } from '../core/errors.js';
import type { RequestKind } from '../core/request-status.js';

export interface AltinnRequestErrorDetail {
  kind: RequestKind;
  /** Stable and machine-readable, e.g. `network`, `timeout`, `http-5xx`, `untrusted-redirect`. */
  code: ErrorCode;
  /** The localized text shown to the user. */
  message: string;
  httpStatus?: number;
  /** The backend's problem details, when it sent any. */
  problem?: ProblemDetails;
  /** Whether the same call may succeed when tried again. */
  retryable: boolean;
}

/** Something failed; the element shows `detail.message` and offers to try again. */
export class AltinnRequestErrorEvent extends CustomEvent<AltinnRequestErrorDetail> {
  static readonly eventName = 'altinn-request-error';
  constructor(detail: AltinnRequestErrorDetail) {
    super(AltinnRequestErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'altinn-request-error': AltinnRequestErrorEvent;
  }
}
