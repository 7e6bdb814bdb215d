/** Registers `<request-access-button>`. */
import { defineElement } from '../shared/define.js';
import { RequestAccessButton } from './request-access-button.component.js';

export * from './request-access-button.component.js';

defineElement('request-access-button', RequestAccessButton);

declare global {
  interface HTMLElementTagNameMap {
    'request-access-button': RequestAccessButton;
  }
}
