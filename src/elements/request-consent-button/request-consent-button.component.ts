import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { buildConsentRequestBody, type ConsentRightInput } from '../../core/consent-request.js';
import { AltinnRequestError, toAltinnRequestError } from '../../core/errors.js';
import { newRequestId } from '../../core/ids.js';
import { rememberPendingRequest } from '../../core/pending-request.js';
import {
  CONSENT_ID_PARAM,
  withoutReturnParams,
  withReturnParam,
} from '../../core/return-params.js';
import type { RequestMessage } from '../../core/schemas.js';
import { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { jsonAttribute } from '../shared/json-attribute.js';
import { allowedAltinnUrl, navigateTo } from '../shared/navigation.js';
import { baseStyles } from '../shared/styles.js';
import { requestConsentButtonStyles } from './request-consent-button.styles.js';

/** Where the button is in its flow; also exposed as custom states (`:state(busy)` …). */
export type ConsentButtonState = 'idle' | 'busy' | 'navigating' | 'created' | 'error';

/**
 * A button that asks the portal's backend to create an Altinn consent request and sends the user to
 * Altinn to answer it. Altinn sends the user back to `return-url` with `consentId` added, where
 * `<consent-status>` shows what the backend confirms.
 *
 * @summary "Be om samtykke": creates a consent request and sends the user to Altinn.
 *
 * @slot - The button's label. Default: "Gi samtykke i Altinn" (in the element's language).
 *
 * @event altinn-request-created - The backend created the request; cancelable (`preventDefault()` stops the navigation).
 * @event altinn-request-error - Creating the request failed, or its URL was not Altinn's; `detail.code` says why.
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
 * @cssprop --altinn-request-button-padding - Padding.
 */
export class RequestConsentButton extends AltinnElement {
  static override styles = [baseStyles, requestConsentButtonStyles];

  static override properties: PropertyDeclarations = {
    resource: { type: String },
    metadata: { converter: jsonAttribute },
    rights: { converter: jsonAttribute },
    validTo: { type: String, attribute: 'valid-to' },
    requestMessage: { converter: jsonAttribute, attribute: 'request-message' },
    returnUrl: { type: String, attribute: 'return-url' },
    disabled: { type: Boolean, reflect: true },
    state: { state: true },
    error: { state: true },
    labelMissing: { state: true },
  };

  protected readonly kind = 'consent';

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

  /** @internal */
  declare state: ConsentButtonState;
  /** @internal */
  declare error: AltinnRequestError | undefined;
  /** @internal The default slot holds nothing visible, so the default label is shown. */
  declare labelMissing: boolean;

  /** The consent id of the request being made; kept for retries until what is asked for changes. */
  #consentId: string | undefined;
  #consentFingerprint: string | undefined;
  #inFlight: AbortController | undefined;

  constructor() {
    super();
    this.disabled = false;
    this.state = 'idle';
    this.labelMissing = false;
  }

  /** The consent id the next click sends (the same after a failure), if one has been made. */
  get consentId(): string | undefined {
    return this.#consentId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('pageshow', this.#onPageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('pageshow', this.#onPageShow);
    this.#inFlight?.abort();
  }

  // Back from Altinn through the back/forward cache: the page is as it was left, mid-navigation.
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.state === 'navigating') this.state = 'idle';
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('state')) {
      for (const state of ['busy', 'navigating', 'created', 'error'] as const) {
        this.setCustomState(state, this.state === state);
      }
    }
  }

  /** Creates the consent request and sends the user to Altinn, as a click does. */
  async requestConsent(): Promise<void> {
    if (this.disabled || this.state === 'busy' || this.state === 'navigating') return;

    const returnUrl = this.returnUrl
      ? new URL(this.returnUrl, globalThis.location.href).href
      : withoutReturnParams(globalThis.location.href);
    const asked = {
      resource: this.resource,
      metadata: this.metadata,
      rights: this.rights,
      validTo: this.validTo,
      requestMessage: this.requestMessage,
    };
    // A retry of the same request reuses its id, so the backend (and Altinn) create it only once.
    const fingerprint = JSON.stringify([asked, returnUrl]);
    if (fingerprint !== this.#consentFingerprint || !this.#consentId) {
      this.#consentId = newRequestId();
      this.#consentFingerprint = fingerprint;
    }
    const id = this.#consentId;
    const built = buildConsentRequestBody({
      id,
      ...asked,
      redirectUrl: withReturnParam(returnUrl, CONSENT_ID_PARAM, id),
    });
    if (!built.ok) {
      const detail = built.problems.join(' ');
      console.error(`<request-consent-button>: ${detail}`);
      this.#fail(new AltinnRequestError('invalid-input', detail, { kind: 'consent' }));
      return;
    }

    this.state = 'busy';
    this.error = undefined;
    const inFlight = new AbortController();
    this.#inFlight = inFlight;
    try {
      const consentRequest = await this.client.createConsentRequest(built.body, {
        signal: inFlight.signal,
      });
      if (consentRequest.id.toLowerCase() !== id.toLowerCase()) {
        throw new AltinnRequestError(
          'invalid-response',
          `The backend answered for consent request ${consentRequest.id}, not ${id}.`,
          { kind: 'consent' },
        );
      }
      rememberPendingRequest({ kind: 'consent', id, createdAt: new Date().toISOString() });

      // Only a request that still waits for the user is worth sending them to Altinn for.
      const waitsForUser = consentRequest.status === 'created';
      const viewUrl = allowedAltinnUrl(consentRequest.url);
      if (waitsForUser && !viewUrl) {
        throw new AltinnRequestError(
          'untrusted-redirect',
          `Refused to open ${JSON.stringify(consentRequest.url)}: not on the Altinn allow-list.`,
          { kind: 'consent' },
        );
      }
      const created = this.emit(
        new AltinnRequestCreatedEvent({
          kind: 'consent',
          id,
          status: consentRequest.status,
          url: viewUrl?.href,
          navigation: 'redirect',
        }),
      );
      if (created.defaultPrevented || !waitsForUser || !viewUrl) {
        this.state = 'created';
        return;
      }
      this.state = 'navigating';
      navigateTo(viewUrl, 'redirect');
    } catch (error) {
      if (!this.isConnected) return;
      this.#fail(toAltinnRequestError(error));
    } finally {
      if (this.#inFlight === inFlight) this.#inFlight = undefined;
    }
  }

  #fail(error: AltinnRequestError): void {
    this.error = error;
    this.state = 'error';
    this.emitError(error);
  }

  readonly #onClick = (): void => {
    void this.requestConsent();
  };

  // A label of only white space would leave the button without an accessible name.
  readonly #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.labelMissing = !slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
  };

  protected override render(): unknown {
    const messages = this.messages;
    const { state } = this;
    const working = state === 'busy' || state === 'navigating';
    const progress =
      state === 'busy'
        ? messages.consentButtonBusy
        : state === 'navigating'
          ? messages.consentButtonNavigating
          : state === 'created'
            ? messages.consentButtonCreated
            : '';
    const errorText = state === 'error' && this.error ? this.errorText(this.error) : '';
    return html`<button
        part="button"
        class="button primary"
        type="button"
        ?disabled=${this.disabled}
        aria-disabled=${working ? 'true' : nothing}
        aria-busy=${state === 'busy' ? 'true' : nothing}
        aria-describedby=${errorText ? 'error' : nothing}
        @click=${this.#onClick}
      >
        ${working ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
        ${
          state === 'error'
            ? html`<span>${messages.retry}</span>`
            : html`<span ?hidden=${this.labelMissing}
                  ><slot @slotchange=${this.#onSlotChange}
                    >${messages.consentButtonLabel}</slot
                  ></span
                >${this.labelMissing ? html`<span>${messages.consentButtonLabel}</span>` : nothing}`
        }
      </button>
      <p part="message" class="note" role="status">${progress}</p>
      <p part="error" id="error" class="error-text" role="alert">${errorText}</p>`;
  }
}
