/** Registers `<access-request-status>`. */
import { defineElement } from '../shared/define.js';
import { AccessRequestStatus } from './access-request-status.component.js';

export * from './access-request-status.component.js';

defineElement('access-request-status', AccessRequestStatus);

declare global {
  interface HTMLElementTagNameMap {
    'access-request-status': AccessRequestStatus;
  }
}
