import type { RequestView } from '../core/view.js';
import type { RequestKind, RequestStatus } from '../core/request-status.js';

export interface AltinnStatusChangeDetail {
  kind: RequestKind;
  id: string;
  status: RequestStatus;
  /** The status shown before, or `undefined` the first time. */
  previous: RequestStatus | undefined;
  /** The backend's whole answer, normalised. */
  request: RequestView;
}

/** A status element learned a new status from the backend. */
export class AltinnStatusChangeEvent extends CustomEvent<AltinnStatusChangeDetail> {
  static readonly eventName = 'altinn-status-change';
  constructor(detail: AltinnStatusChangeDetail) {
    super(AltinnStatusChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'altinn-status-change': AltinnStatusChangeEvent;
  }
}
