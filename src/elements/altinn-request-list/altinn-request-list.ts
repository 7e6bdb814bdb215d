/** Registers `<altinn-request-list>`. */
import { defineElement } from '../shared/define.js';
import { AltinnRequestList } from './altinn-request-list.component.js';

export * from './altinn-request-list.component.js';
export * from './altinn-request-again.js';

defineElement('altinn-request-list', AltinnRequestList);

declare global {
  interface HTMLElementTagNameMap {
    'altinn-request-list': AltinnRequestList;
  }
}
