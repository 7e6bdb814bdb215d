/** Registers `<request-system-user-button>`. */
import { defineElement } from '../shared/define.js';
import { RequestSystemUserButton } from './request-system-user-button.component.js';

export * from './request-system-user-button.component.js';

defineElement('request-system-user-button', RequestSystemUserButton);

declare global {
  interface HTMLElementTagNameMap {
    'request-system-user-button': RequestSystemUserButton;
  }
}
