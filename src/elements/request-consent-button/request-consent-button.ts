/** Registers `<request-consent-button>`. */
import { defineElement } from '../shared/define.js';
import { RequestConsentButton } from './request-consent-button.component.js';

export * from './request-consent-button.component.js';

defineElement('request-consent-button', RequestConsentButton);

declare global {
  interface HTMLElementTagNameMap {
    'request-consent-button': RequestConsentButton;
  }
}
