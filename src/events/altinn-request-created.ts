import type { Navigation } from '../core/view.js';
import type { RequestKind, RequestStatus } from '../core/request-status.js';

export interface AltinnRequestCreatedDetail {
  kind: RequestKind;
  id: string;
  status: RequestStatus;
  /** Where the user is about to be sent (already checked against the allow-list), if anywhere. */
  url: string | undefined;
  navigation: Navigation;
  /** The backend the request was created through (a page may use several). */
  endpoint?: string;
}

/**
 * The backend created the request. Cancelable: `preventDefault()` keeps the user on the page (the
 * element then does not navigate; the portal may use `detail.url` itself).
 */
export class AltinnRequestCreatedEvent extends CustomEvent<AltinnRequestCreatedDetail> {
  static readonly eventName = 'altinn-request-created';
  constructor(detail: AltinnRequestCreatedDetail) {
    super(AltinnRequestCreatedEvent.eventName, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'altinn-request-created': AltinnRequestCreatedEvent;
  }
}
