import type { PropertyDeclarations } from 'lit';
import { CONSENT_TEXTS } from '../../i18n/consent.js';
import { consentRequestBody } from '../../core/request-body.js';
import { CONSENT_ID_PARAM, withReturnParam } from '../../core/return-params.js';
import type {
  ConsentRequestBody,
  ConsentRightInput,
  RequestMessage,
} from '../../core/request-body.js';
import {
  CreateRequestController,
  type RequestButtonState,
} from '../controllers/create-request-controller.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { jsonAttribute, jsonProperty } from '../shared/json-attribute.js';
import { baseStyles } from '../shared/styles.js';
import { buttonStyles } from '../shared/button.styles.js';

/** Where the button is in its flow; also exposed as custom states (`:state(busy)` …). */
export type ConsentButtonState = RequestButtonState;

/**
 * A button that asks the portal's backend to create an Altinn consent request and sends the user to
 * Altinn to answer it. Altinn sends the user back to `return-url` with `consentId` added, where
 * `<consent-status>` shows what the backend confirms.
 *
 * @summary "Be om samtykke": creates a consent request and sends the user to Altinn.
 *
 * @slot - The button's label. Default: "Gi samtykke i Altinn" (in the element's language).
 *
 * @attr {boolean} disabled - The button cannot be used; a click does nothing.
 * @prop {boolean} disabled - The button cannot be used; a click does nothing.
 *
 * @event {AltinnRequestCreatedEvent} altinn-request-created - The backend created the request; cancelable (`preventDefault()` stops the navigation).
 * @event {AltinnRequestErrorEvent} altinn-request-error - Creating the request failed, or its URL was not Altinn's; `detail.code` says why.
 *
 * @csspart button - The native button.
 * @csspart spinner - The busy indicator inside the button.
 * @csspart message - The progress text under the button ("Sender deg til Altinn …"), a polite live region.
 * @csspart error - The error text under the button, an assertive live region.
 *
 * @cssstate busy - The request is being created.
 * @cssstate navigating - The browser is on its way to Altinn.
 * @cssstate created - Created without navigating (the `altinn-request-created` event was cancelled).
 * @cssstate error - The last attempt failed; clicking again retries with the same consent id.
 *
 * @cssprop --altinn-request-button-background - Button background (default `--ds-color-accent-base-default`).
 * @cssprop --altinn-request-button-background-hover - Background on hover (default `--ds-color-accent-base-hover`).
 * @cssprop --altinn-request-button-color - Label colour (default `--ds-color-accent-base-contrast-default`).
 * @cssprop --altinn-request-button-radius - Corner radius (default `--ds-border-radius-md`).
 * @cssprop --altinn-request-button-padding - Padding (default `0.5rem 1.25rem`).
 * @cssprop [--ds-color-accent-base-default=#0062ba] - Designsystemet: the button's background.
 * @cssprop [--ds-color-accent-base-hover=#004f99] - Designsystemet: the background on hover.
 * @cssprop [--ds-color-accent-base-active=#003b73] - Designsystemet: the background while pressed.
 * @cssprop [--ds-color-accent-base-contrast-default=#fff] - Designsystemet: the label's colour.
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: the button's corner radius.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-font-size-md=1rem] - Designsystemet: the font size.
 * @cssprop [--ds-font-weight-medium=500] - Designsystemet: the label's weight.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the colour of the texts under the button.
 * @cssprop [--ds-color-danger-text-default=#b3151b] - Designsystemet: the colour of the error text.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 * @cssprop [--ds-color-focus-inner=#fff] - Designsystemet: the ring between the button and its focus outline.
 * @cssprop [--ds-disabled-opacity=0.45] - Designsystemet: the opacity of a disabled button.
 */
export class RequestConsentButton extends AltinnElement {
  static override styles = [baseStyles, buttonStyles];

  static override properties: PropertyDeclarations = {
    resource: { type: String },
    metadata: { converter: jsonAttribute },
    rights: { converter: jsonAttribute },
    validTo: { type: String, attribute: 'valid-to' },
    requestMessage: { converter: jsonAttribute, attribute: 'request-message' },
    returnUrl: { type: String, attribute: 'return-url' },
    disabled: { type: Boolean, reflect: true },
    alwaysNew: { type: Boolean, attribute: 'always-new' },
    onBehalfOf: { type: String, attribute: 'on-behalf-of' },
  };

  /** @internal */
  readonly kind = 'consent';

  /** The consent resource id, for one right (e.g. `standard-samtykke-for-dele-data`). */
  declare resource: string | undefined;
  /** That right's metadata, e.g. `{"inntektsaar":"2024"}`. */
  declare metadata: Record<string, string> | undefined;
  /** Several rights; wins over `resource` and `metadata`. */
  declare rights: ConsentRightInput[] | undefined;
  /** An ISO 8601 date-time, or a duration from now such as `P90D`; the backend may default it. */
  declare validTo: string | undefined;
  /** The message Altinn shows the user, per language: `{ nb?, nn?, en? }`. */
  declare requestMessage: RequestMessage | undefined;
  /** Where Altinn sends the user back. Default: this page without this library's parameters. */
  declare returnUrl: string | undefined;
  declare disabled: boolean;
  /**
   * Ask anew at every click. Without it (and with one `resource` without `metadata`), a click
   * first asks the backend's list for the person's latest consent request for that resource: one
   * waiting in Altinn (`created`) is continued there, one still validly `accepted` is said, not
   * asked again; after a final "no" (`rejected`, `withdrawn`, `revoked`, `expired`) a new request
   * is made.
   */
  declare alwaysNew: boolean;
  /**
   * `organization`: ask for consent on behalf of the organisation the person acts for. Which
   * organisation is the backend's to say (from its session), never the page's; the person answers
   * in Altinn as its access manager.
   */
  declare onBehalfOf: 'organization' | undefined;

  // The consent id is the element's own, so the answer must be about it (the client checks); Altinn
  // does not add it to the return URL, so the element does. Altinn 3 always sends the user back.
  readonly #creating = new CreateRequestController<ConsentRequestBody>(this, {
    asked: () => {
      const { resource, metadata, rights, validTo, requestMessage } = this;
      return { resource, metadata, rights, validTo, requestMessage };
    },
    prepare: (id, returnUrl) => ({
      built: consentRequestBody({
        id,
        resource: this.resource,
        metadata: jsonProperty(this.metadata),
        rights: jsonProperty(this.rights),
        validTo: this.validTo,
        requestMessage: jsonProperty(this.requestMessage),
        redirectUrl: withReturnParam(returnUrl, CONSENT_ID_PARAM, id),
        onBehalfOf: this.onBehalfOf,
      }),
      send: (body) => this.client.createRequest('consent', body),
    }),
    navigation: () => 'redirect',
    texts: () => {
      const messages = CONSENT_TEXTS[this.language];
      return {
        label: messages.consentButtonLabel,
        busy: messages.consentButtonBusy,
        created: messages.consentButtonCreated,
        answered: messages.consentButtonAnswered,
        granted: messages.consentButtonGranted,
      };
    },
    // The list is asked by resource only: a right with metadata (inntektsaar 2023 or 2024) or
    // several rights could match another consent, so those ask anew.
    subject: () =>
      // The list does not tell the person's consents from the organisation's: those ask anew.
      this.resource && this.rights === undefined && this.metadata === undefined && !this.onBehalfOf
        ? { resource: this.resource }
        : undefined,
  });

  constructor() {
    super();
    this.disabled = false;
    this.alwaysNew = false;
  }

  /** The consent id the next click sends (the same after a failure), if one has been made. */
  get consentId(): string | undefined {
    return this.#creating.attemptId;
  }

  /** @internal Where the button is in its flow. */
  get state(): ConsentButtonState {
    return this.#creating.state;
  }

  /** Creates the consent request and sends the user to Altinn, as a click does. */
  submit(): Promise<void> {
    return this.#creating.submit();
  }

  /** Creates the consent request and sends the user to Altinn, as a click does. */
  requestConsent(): Promise<void> {
    return this.submit();
  }

  protected override render(): unknown {
    return this.#creating.render();
  }
}
