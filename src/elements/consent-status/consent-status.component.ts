import type { PropertyDeclarations } from 'lit';
import type { RequestView } from '../../core/view.js';
import type { RequestStatus } from '../../core/request-status.js';
import { format } from '../../i18n/common.js';
import { CONSENT_TEXTS } from '../../i18n/consent.js';
import type { ConsentMessages } from '../../i18n/nb.js';
import { longDate, RequestStatusController } from '../controllers/request-status-controller.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { baseStyles } from '../shared/styles.js';
import { statusStyles } from '../shared/status.styles.js';

const STATUS_TEXT: Readonly<Record<RequestStatus, keyof ConsentMessages>> = {
  created: 'consentCreated',
  pending: 'consentPending',
  accepted: 'consentAccepted',
  rejected: 'consentRejected',
  revoked: 'consentRevoked',
  withdrawn: 'consentWithdrawn',
  expired: 'consentExpired',
  unknown: 'consentUnknown',
};

/**
 * Shows where a consent request stands, as the portal's backend confirms it: never from the
 * `Status` parameter Altinn adds to the return URL, which anyone can forge.
 *
 * The request id is `request-id`; without it, the `consentId` parameter of the page's URL (removed
 * from the address bar once read), then the id the button kept in `sessionStorage`, then the id of an
 * `altinn-request-created` event on this page. With none of these, the element asks the backend's
 * list for the person's latest consent request for its `resource`, so a reload, another device or
 * next week shows where it stands. An answer about another request than the one asked for is
 * refused (`invalid-response`): it is never shown and never announced.
 *
 * @summary Shows the status of a consent request after the user returns from Altinn.
 *
 * @attr {RequestStatus} status - The normalised status once the backend has confirmed one (reflected; read-only).
 *
 * @slot created - Text instead of the default while the user has not answered in Altinn.
 * @slot pending - Text instead of the default for `pending`.
 * @slot accepted - Text instead of the default for a granted consent.
 * @slot rejected - Text instead of the default when the user said no.
 * @slot revoked - Text instead of the default when a granted consent was taken back.
 * @slot withdrawn - Text instead of the default when the request was cancelled.
 * @slot expired - Text instead of the default when the consent ran out.
 * @slot unknown - Text instead of the default for a status this library does not know.
 *
 * @event {AltinnStatusChangeEvent} altinn-status-change - The element learned a new status from the backend.
 * @event {AltinnRequestErrorEvent} altinn-request-error - Fetching the status failed; the element offers to try again.
 *
 * @csspart base - The live region that holds everything shown.
 * @csspart text - The status text.
 * @csspart link - "Fortsett i Altinn", while the request waits for the user.
 * @csspart asked - The day the request was made, when the backend says.
 * @csspart retry-button - The button that fetches the status again after a failure.
 * @csspart spinner - The indicator shown while the status is fetched.
 *
 * @cssstate loading - The status is being fetched.
 * @cssstate error - Fetching failed.
 *
 * @cssprop --altinn-request-status-radius - Corner radius (default `--ds-border-radius-md`).
 * @cssprop --altinn-request-button-radius - The retry button's corner radius (default `--ds-border-radius-md`).
 * @cssprop --altinn-request-button-padding - The retry button's padding (default `0.5rem 1.25rem`).
 * @cssprop [--ds-color-info-border-default=#0a71c0] - Designsystemet: the edge of the box while the request waits (`created`, `pending`).
 * @cssprop [--ds-color-info-surface-tinted=#eaf3fb] - Designsystemet: the box's background while the request waits.
 * @cssprop [--ds-color-success-border-default=#068718] - Designsystemet: the edge for `accepted`.
 * @cssprop [--ds-color-success-surface-tinted=#e8f5ea] - Designsystemet: the background for `accepted`.
 * @cssprop [--ds-color-danger-border-default=#c22020] - Designsystemet: the edge for `rejected` and for a failure.
 * @cssprop [--ds-color-danger-surface-tinted=#fbeaea] - Designsystemet: the background for `rejected` and for a failure.
 * @cssprop [--ds-color-danger-text-default=#b3151b] - Designsystemet: the colour of the error text.
 * @cssprop [--ds-color-warning-border-default=#b35e00] - Designsystemet: the edge for `revoked`, `withdrawn` and `expired`.
 * @cssprop [--ds-color-warning-surface-tinted=#fdf1e3] - Designsystemet: the background for `revoked`, `withdrawn` and `expired`.
 * @cssprop [--ds-color-neutral-border-default=#68707c] - Designsystemet: the edge for `unknown`.
 * @cssprop [--ds-color-neutral-surface-tinted=#f1f2f4] - Designsystemet: the background for `unknown`.
 * @cssprop [--ds-color-neutral-border-subtle=#a0a6ae] - Designsystemet: the edge while the status is fetched.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the text colour.
 * @cssprop [--ds-color-accent-text-subtle=#0062ba] - Designsystemet: the colour of the link and of the retry button.
 * @cssprop [--ds-color-accent-surface-hover=#e3eefa] - Designsystemet: the retry button's background on hover.
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: the corner radius of the box and the retry button.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-font-size-md=1rem] - Designsystemet: the font size.
 * @cssprop [--ds-font-weight-medium=500] - Designsystemet: the weight of the link and the retry button.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 * @cssprop [--ds-color-focus-inner=#fff] - Designsystemet: the ring between the link or button and its focus outline.
 */
export class ConsentStatus extends AltinnElement {
  static override styles = [baseStyles, statusStyles];

  static override properties: PropertyDeclarations = {
    requestId: { type: String, attribute: 'request-id' },
    resource: { type: String },
  };

  /** @internal */
  readonly kind = 'consent';

  /** The consent request id; see above for where it is found when the attribute is absent. */
  declare requestId: string | undefined;
  /** Without an id: the consent resource whose latest consent request is shown (the backend's list). */
  declare resource: string | undefined;

  readonly #reading = new RequestStatusController(this, {
    text: (consentRequest) => {
      const messages = CONSENT_TEXTS[this.language];
      const until =
        consentRequest.status === 'accepted' && longDate(consentRequest.validTo, this.language);
      return until
        ? format(messages.consentAcceptedUntil, { date: until })
        : messages[STATUS_TEXT[consentRequest.status]];
    },
    subject: () => (this.resource ? { resource: this.resource } : undefined),
    askedOn: () => CONSENT_TEXTS[this.language].consentAskedOn,
  });

  /** The normalised status once the backend has confirmed one (reflected as `status`; read-only). */
  get status(): RequestStatus | undefined {
    return this.#reading.status;
  }

  /** The id whose status is shown: `request-id`, else the one found on the page. */
  get currentRequestId(): string | undefined {
    return this.#reading.currentRequestId;
  }

  /** The backend's last answer, normalised. */
  get request(): RequestView | undefined {
    return this.#reading.request;
  }

  /** The backend's last answer, normalised. */
  get consentRequest(): RequestView | undefined {
    return this.request;
  }

  /** Fetches the status again. */
  refresh(): Promise<void> {
    return this.#reading.refresh();
  }

  protected override render(): unknown {
    return this.#reading.render();
  }
}
