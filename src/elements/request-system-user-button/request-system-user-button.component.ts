import type { PropertyDeclarations } from 'lit';
import { systemUserRequestBody, type SystemUserRequestBody } from '../../core/request-body.js';
import { AltinnRequestError } from '../../core/errors.js';
import { sameRequestId } from '../../core/view.js';
import { SYSTEM_USER_REQUEST_ID_PARAM, withReturnParam } from '../../core/return-params.js';
import {
  CreateRequestController,
  type RequestButtonState,
} from '../controllers/create-request-controller.js';
import { SYSTEM_USER_BUTTON_TEXTS } from '../../i18n/system-user.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { baseStyles } from '../shared/styles.js';
import { buttonStyles } from '../shared/button.styles.js';

/**
 * A button for a vendor's portal: the portal's backend asks the signed-in person's organisation to
 * create a system user for the vendor's system in Altinn ("systembruker"), and the user goes to
 * Altinn's page, where the organisation's access manager (tilgangsstyrer) approves or declines it.
 * Altinn logs the user out and sends them back to `return-url`, to which the element adds
 * `systemUserRequestId=<id>` (Altinn appends nothing).
 *
 * What is asked (the system, its rights and access packages, standard or agent request) is the
 * backend's configuration, chosen by `integration`; the organisation comes from the portal's
 * session, never from the browser.
 *
 * @summary "Be om systembruker": creates a system-user request and takes the user to Altinn to approve it.
 *
 * @slot - The button's label. Default: "Be om systembruker" (in the element's language).
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
 * @csspart error - The error text under the button, an assertive live region.
 *
 * @cssstate busy - The request is being created.
 * @cssstate navigating - The browser is on its way to Altinn.
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
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: the button's corner radius.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-font-size-md=1rem] - Designsystemet: the font size.
 * @cssprop [--ds-font-weight-medium=500] - Designsystemet: the weight of the label.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the colour of the texts under the button.
 * @cssprop [--ds-color-danger-text-default=#b3151b] - Designsystemet: the colour of the error text.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 * @cssprop [--ds-color-focus-inner=#fff] - Designsystemet: the ring between the button and its focus outline.
 * @cssprop [--ds-disabled-opacity=0.45] - Designsystemet: the opacity of a disabled button.
 */
export class RequestSystemUserButton extends AltinnElement {
  static override styles = [baseStyles, buttonStyles];

  static override properties: PropertyDeclarations = {
    integration: { type: String },
    returnUrl: { type: String, attribute: 'return-url' },
    disabled: { type: Boolean, reflect: true },
    alwaysNew: { type: Boolean, attribute: 'always-new' },
  };

  /** @internal */
  readonly kind = 'system-user';

  /** One of the backend's configured integrations. Default: the backend's only one. */
  declare integration: string | undefined;
  /** Where Altinn sends the user back. Default: this page without this library's parameters. */
  declare returnUrl: string | undefined;
  declare disabled: boolean;
  /**
   * Ask anew at every click. Without it, a click first asks the backend's list for the person's
   * latest system-user request for the same `integration`: one waiting for approval (`created`) is
   * continued in Altinn, one `accepted` is said, not asked again; after a final "no" (`rejected`,
   * `withdrawn`, `expired`) a new request is made.
   */
  declare alwaysNew: boolean;

  // The element makes the id (the Idempotency-Key, reused on a retry) and adds it to the way back,
  // as Altinn appends nothing; the client checks that the answer is about it.
  readonly #creating = new CreateRequestController<SystemUserRequestBody>(this, {
    asked: () => this.integration,
    prepare: (id, returnUrl) => ({
      built: systemUserRequestBody({
        integration: this.integration,
        redirectUrl: withReturnParam(returnUrl, SYSTEM_USER_REQUEST_ID_PARAM, id),
      }),
      send: async (body) => {
        const request = await this.client.createRequest('system-user', body, id);
        // The id is the Idempotency-Key: an answer about another request is never believed.
        if (!sameRequestId(request.id, id)) {
          throw new AltinnRequestError(
            'invalid-response',
            `The backend answered about request ${request.id}, not ${id}.`,
            { kind: 'system-user' },
          );
        }
        return request;
      },
    }),
    navigation: () => 'redirect',
    texts: () => SYSTEM_USER_BUTTON_TEXTS[this.language],
    subject: () => ({ integration: this.integration }),
  });

  constructor() {
    super();
    this.disabled = false;
    this.alwaysNew = false;
  }

  /** The request's id, sent as the Idempotency-Key (the same after a failure), once one is made. */
  get idempotencyKey(): string | undefined {
    return this.#creating.attemptId;
  }

  /** @internal Where the button is in its flow. */
  get state(): RequestButtonState {
    return this.#creating.state;
  }

  /** Creates the system-user request and takes the user to Altinn, as a click does. */
  submit(): Promise<void> {
    return this.#creating.submit();
  }

  protected override render(): unknown {
    return this.#creating.render();
  }
}
