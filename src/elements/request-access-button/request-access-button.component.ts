import type { PropertyDeclarations } from 'lit';
import { ACCESS_TEXTS } from '../../i18n/access.js';
import { accessRequestBody } from '../../core/request-body.js';
import type { AccessRequestBody, Altinn2Service } from '../../core/request-body.js';
import {
  CreateRequestController,
  type RequestButtonState,
} from '../controllers/create-request-controller.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { jsonAttribute, jsonProperty } from '../shared/json-attribute.js';
import { baseStyles } from '../shared/styles.js';
import { buttonStyles } from '../shared/button.styles.js';

/** Where Altinn's page opens: as the backend says (`auto`), in this tab, or in a new one. */
export type AccessButtonTarget = 'auto' | '_self' | '_blank';

/**
 * A button for a user who lacks a right in Altinn: the portal's backend creates an access request
 * ("Be om tilgang") on the user's behalf, and the user sends it to the organisation's access manager
 * on Altinn's page. With Altinn 2 the user comes back (`DelegationRequestId` is added to `return-url`);
 * Altinn 3 has no way back, so its page opens in a new tab while `<access-request-status>` polls.
 *
 * Name exactly one of `resource` (Altinn 3), `package` (an Altinn 3 access package), or an Altinn 2
 * service (`service-code` and `service-edition-code`, or several through `services`).
 *
 * @summary "Be om tilgang": creates an access request and takes the user to Altinn to send it.
 *
 * @slot - The button's label. Default: "Be om tilgang" (in the element's language).
 *
 * @attr {boolean} disabled - The button cannot be used; a click does nothing.
 * @prop {boolean} disabled - The button cannot be used; a click does nothing.
 *
 * @event {AltinnRequestCreatedEvent} altinn-request-created - The backend created the request; cancelable (`preventDefault()` stops the navigation).
 * @event {AltinnRequestErrorEvent} altinn-request-error - Creating the request failed, or its URL was not Altinn's; `detail.code` says why.
 *
 * @csspart button - The native button.
 * @csspart spinner - The busy indicator inside the button.
 * @csspart message - The progress text under the button, a polite live region.
 * @csspart link - "Fortsett i Altinn", once Altinn's page has been opened in a new tab (in case it was blocked).
 * @csspart error - The error text under the button, an assertive live region.
 *
 * @cssstate busy - The request is being created.
 * @cssstate navigating - The browser is on its way to Altinn.
 * @cssstate opened - Altinn's page was opened in a new tab; this page stays.
 * @cssstate created - Created without navigating (the `altinn-request-created` event was cancelled).
 * @cssstate error - The last attempt failed; clicking again retries with the same Idempotency-Key.
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
 * @cssprop [--ds-color-accent-text-subtle=#0062ba] - Designsystemet: the colour of the "Fortsett i Altinn" link.
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: the button's corner radius.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-font-size-md=1rem] - Designsystemet: the font size.
 * @cssprop [--ds-font-weight-medium=500] - Designsystemet: the weight of the label and the link.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the colour of the texts under the button.
 * @cssprop [--ds-color-danger-text-default=#b3151b] - Designsystemet: the colour of the error text.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 * @cssprop [--ds-color-focus-inner=#fff] - Designsystemet: the ring between the button or link and its focus outline.
 * @cssprop [--ds-disabled-opacity=0.45] - Designsystemet: the opacity of a disabled button.
 */
export class RequestAccessButton extends AltinnElement {
  static override styles = [baseStyles, buttonStyles];

  static override properties: PropertyDeclarations = {
    resource: { type: String },
    package: { type: String },
    serviceCode: { type: String, attribute: 'service-code' },
    serviceEditionCode: { type: Number, attribute: 'service-edition-code' },
    services: { converter: jsonAttribute },
    org: { type: String },
    target: { type: String },
    returnUrl: { type: String, attribute: 'return-url' },
    disabled: { type: Boolean, reflect: true },
    alwaysNew: { type: Boolean, attribute: 'always-new' },
  };

  /** @internal */
  readonly kind = 'access';

  /** An Altinn 3 resource id. */
  declare resource: string | undefined;
  /** An Altinn 3 access package (urn or id). */
  declare package: string | undefined;
  /** An Altinn 2 service code. */
  declare serviceCode: string | undefined;
  /** That service's edition code. Default 1. */
  declare serviceEditionCode: number | undefined;
  /** Several Altinn 2 services: `[{ serviceCode, serviceEditionCode }]`. */
  declare services: Altinn2Service[] | undefined;
  /** The organisation number the user asks for access in (9 digits, checked with its mod-11 digit). */
  declare org: string | undefined;
  /** `auto` (default: as the backend's `navigation` says), `_self` or `_blank`. */
  declare target: AccessButtonTarget | undefined;
  /** Where Altinn 2 sends the user back. Default: this page without this library's parameters. */
  declare returnUrl: string | undefined;
  declare disabled: boolean;
  /**
   * Ask anew at every click. Without it, a click first asks the backend's list for the person's
   * latest request about the same thing: one waiting in Altinn (`created`) is continued there,
   * one that is `pending` or still validly `accepted` is said, not asked again; after a final
   * "no" (`rejected`, `withdrawn`, `revoked`, `expired`) a new request is made.
   */
  declare alwaysNew: boolean;

  // The backend makes the request's id; the Idempotency-Key lets it recognise a retry.
  readonly #creating = new CreateRequestController<AccessRequestBody>(this, {
    asked: () => {
      const { resource, serviceCode, serviceEditionCode, services, org } = this;
      return { resource, package: this.package, serviceCode, serviceEditionCode, services, org };
    },
    prepare: (idempotencyKey, returnUrl) => ({
      built: accessRequestBody({
        resource: this.resource,
        package: this.package,
        serviceCode: this.serviceCode,
        serviceEditionCode: this.serviceEditionCode,
        services: jsonProperty(this.services),
        org: this.org,
        redirectUrl: returnUrl,
      }),
      send: (body) => this.client.createRequest('access', body, idempotencyKey),
    }),
    navigation: (request) =>
      this.target === '_self'
        ? 'redirect'
        : this.target === '_blank'
          ? 'new-window'
          : (request.navigation ?? 'redirect'),
    texts: () => {
      const messages = ACCESS_TEXTS[this.language];
      return {
        label: messages.accessButtonLabel,
        busy: messages.accessButtonBusy,
        created: messages.accessButtonCreated,
        answered: messages.accessButtonAnswered,
        granted: messages.accessButtonGranted,
      };
    },
    subject: () => {
      const { resource, serviceCode: service, org } = this;
      const about = this.package;
      return resource || about || service ? { resource, package: about, service, org } : undefined;
    },
  });

  constructor() {
    super();
    this.disabled = false;
    this.alwaysNew = false;
  }

  /** The Idempotency-Key the next click sends (the same after a failure), if one has been made. */
  get idempotencyKey(): string | undefined {
    return this.#creating.attemptId;
  }

  /** @internal Where the button is in its flow. */
  get state(): RequestButtonState {
    return this.#creating.state;
  }

  /** Creates the access request and takes the user to Altinn, as a click does. */
  submit(): Promise<void> {
    return this.#creating.submit();
  }

  protected override render(): unknown {
    return this.#creating.render();
  }
}
