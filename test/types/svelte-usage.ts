/**
 * Compiled, never run: what `altinn-request-elements/svelte` adds to Svelte's template types, checked
 * without Svelte (see svelte-shim.d.ts). A Svelte template's attributes are checked against these
 * same `svelteHTML.IntrinsicElements` entries. Every `@ts-expect-error` must stay an error.
 */
import type {} from 'altinn-request-elements/svelte';
import type { RequestStatus } from 'altinn-request-elements';

type Attributes<Tag extends keyof svelteHTML.IntrinsicElements> = svelteHTML.IntrinsicElements[Tag];

let status: RequestStatus | undefined;

export const button: Attributes<'request-consent-button'> = {
  class: 'primary',
  id: 'samtykke',
  'aria-describedby': 'hjelp',
  'data-step': 2,
  resource: 'standard-samtykke-for-dele-data',
  rights: [{ resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } }],
  'valid-to': 'P90D',
  requestMessage: { nb: 'Vi trenger inntekten din.' },
  disabled: false,
  'onaltinn-request-created': (event) => {
    const id: string = event.detail.id;
    const element: HTMLElement = event.currentTarget;
    return [id, element];
  },
  'on:altinn-request-error': (event) => event.detail.code,
};

export const consentStatus: Attributes<'consent-status'> = {
  'request-id': '0f8fad5b-d9cb-469f-a165-70867728950e',
  'onaltinn-status-change': (event) => {
    status = event.detail.status;
  },
};

export const accessButton: Attributes<'request-access-button'> = {
  resource: 'lonnsmodul-tilgang',
  org: '310456780',
  target: '_blank',
  'service-edition-code': '1',
  alwaysNew: true,
};

export const systemUserButton: Attributes<'request-system-user-button'> = {
  integration: 'regnskap',
  'always-new': true,
};

export const accessStatus: Attributes<'access-request-status'> = {
  'poll-interval': 2000,
  maxPollInterval: 60_000,
  'on:altinn-status-change': (event) => event.detail.previous,
};

export const wrong: Attributes<'request-consent-button'>[] = [
  // @ts-expect-error: disabled is a boolean
  { disabled: 'yes' },
  // @ts-expect-error: rights is an array of rights, not JSON (Svelte sets the property)
  { rights: '[]' },
  // @ts-expect-error: valid-to is a string
  { 'valid-to': 90 },
  // @ts-expect-error: alwaysNew is a boolean
  { alwaysNew: 'yes' },
  // @ts-expect-error: the button does not send status changes
  { 'onaltinn-status-change': () => {} },
  {
    'onaltinn-request-error': (event) => {
      // @ts-expect-error: an error's detail has no id
      return event.detail.id;
    },
  },
];

// @ts-expect-error: target takes auto, _self or _blank
export const wrongTarget: Attributes<'request-access-button'> = { target: '_top' };

export { status };
