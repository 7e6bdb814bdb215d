import type { RequestKind } from '../../core/request-status.js';
import type { RequestView } from '../../core/view.js';

export interface AltinnRequestAgainDetail {
  kind: RequestKind;
  id: string;
  /** The request that ended in a final "no": what was asked is in its `subject`. */
  request: RequestView;
}

/**
 * The person chose "Be om på nytt" on a request that ended in a final "no". The portal asks again
 * (e.g. shows its request button); **cancelable**: `preventDefault()` stops the navigation to
 * `request-url`.
 */
export class AltinnRequestAgainEvent extends CustomEvent<AltinnRequestAgainDetail> {
  static readonly eventName = 'altinn-request-again';
  constructor(detail: AltinnRequestAgainDetail) {
    super(AltinnRequestAgainEvent.eventName, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'altinn-request-again': AltinnRequestAgainEvent;
  }
}
