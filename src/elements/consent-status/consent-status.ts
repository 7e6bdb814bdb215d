/** Registers `<consent-status>`. */
import { defineElement } from '../shared/define.js';
import { ConsentStatus } from './consent-status.component.js';

export * from './consent-status.component.js';

defineElement('consent-status', ConsentStatus);

declare global {
  interface HTMLElementTagNameMap {
    'consent-status': ConsentStatus;
  }
}
