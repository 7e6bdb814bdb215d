/** Registers `<system-user-request-status>`. */
import { defineElement } from '../shared/define.js';
import { SystemUserRequestStatus } from './system-user-request-status.component.js';

export * from './system-user-request-status.component.js';

defineElement('system-user-request-status', SystemUserRequestStatus);

declare global {
  interface HTMLElementTagNameMap {
    'system-user-request-status': SystemUserRequestStatus;
  }
}
