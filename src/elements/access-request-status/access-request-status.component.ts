import { html, nothing, type PropertyDeclarations } from 'lit';
import type { RequestView } from '../../core/view.js';
import type { RequestStatus } from '../../core/request-status.js';
import { ACCESS_TEXTS } from '../../i18n/access.js';
import type { AccessMessages } from '../../i18n/nb.js';
import { PollingController } from '../controllers/polling-controller.js';
import { RequestStatusController } from '../controllers/request-status-controller.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { baseStyles } from '../shared/styles.js';
import { statusStyles } from '../shared/status.styles.js';

const STATUS_TEXT: Readonly<Record<RequestStatus, keyof AccessMessages>> = {
  created: 'accessCreated',
  pending: 'accessPending',
  accepted: 'accessAccepted',
  rejected: 'accessRejected',
  revoked: 'accessRevoked',
  withdrawn: 'accessWithdrawn',
  expired: 'accessExpired',
  unknown: 'accessUnknown',
};

const WAITING: ReadonlySet<RequestStatus | undefined> = new Set<RequestStatus | undefined>([
  undefined,
  'created',
  'pending',
]);

/**
 * Shows where an access request stands, as the portal's backend confirms it, and keeps it current:
 * while the request waits for the user (`created`) or for the organisation's access manager
 * (`pending`) it asks again, less often as time goes by, never while the page is hidden, and at once
 * when the page is shown again. It stops at a final status. Changes are announced to screen readers.
 *
 * The request id is `request-id`; without it, the `DelegationRequestId` (Altinn 2) or
 * `accessRequestId` parameter of the page's URL, then the id the button kept in `sessionStorage`,
 * then the id of an `altinn-request-created` event on this page. With none of these, the element
 * asks the backend's list for the person's latest access request about its `resource`, `package`
 * or `service-code` (and `org`), so a reload, another device or next week shows where it stands,
 * with the day it was made ("Du ba om tilgang 1. desember 2026.").
 *
 * Polling: the first wait is `poll-interval` (at least 250 ms; a smaller value is raised to 250 ms
 * and the console says so), each later wait 1.5 times the one before, up to `max-poll-interval`.
 * The back-off starts over from `poll-interval` when the status changes and when the page becomes
 * visible again. An answer about another request than the one asked for is refused
 * (`invalid-response`): it is never shown, never announced, and polling goes on.
 *
 * @summary Shows, and follows, the status of an access request.
 *
 * @attr {RequestStatus} status - The normalised status once the backend has confirmed one (reflected; read-only).
 *
 * @slot created - Text instead of the default while the request has not been sent in Altinn.
 * @slot pending - Text instead of the default while the access manager has not answered.
 * @slot accepted - Text instead of the default when access was granted.
 * @slot rejected - Text instead of the default when the request was declined.
 * @slot withdrawn - Text instead of the default when the request was withdrawn.
 * @slot revoked - Text instead of the default when access was removed.
 * @slot expired - Text instead of the default when the request ran out.
 * @slot unknown - Text instead of the default for a status this library does not know.
 *
 * @event {AltinnStatusChangeEvent} altinn-status-change - The element learned a new status from the backend.
 * @event {AltinnRequestErrorEvent} altinn-request-error - Fetching the status failed; the element tries again, and offers to.
 *
 * @csspart base - The live region that holds everything shown.
 * @csspart text - The status text.
 * @csspart hint - "Statusen oppdateres automatisk", while the element follows the request.
 * @csspart asked - The day the request was made, when the backend says ("Du ba om tilgang 1. desember 2026.").
 * @csspart link - "Fortsett i Altinn", while the request waits to be sent.
 * @csspart retry-button - The button that fetches the status again after a failure.
 * @csspart spinner - The indicator shown while the status is first fetched.
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
 * @cssprop [--ds-color-neutral-border-subtle=#a0a6ae] - Designsystemet: the edge while the status is first fetched.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the text colour.
 * @cssprop [--ds-color-neutral-text-subtle=#4b5563] - Designsystemet: the colour of the hint that the status updates by itself.
 * @cssprop [--ds-font-size-sm=0.875rem] - Designsystemet: the hint's font size.
 * @cssprop [--ds-color-accent-text-subtle=#0062ba] - Designsystemet: the colour of the link and of the retry button.
 * @cssprop [--ds-color-accent-surface-hover=#e3eefa] - Designsystemet: the retry button's background on hover.
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: the corner radius of the box and the retry button.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-font-size-md=1rem] - Designsystemet: the font size.
 * @cssprop [--ds-font-weight-medium=500] - Designsystemet: the weight of the link and the retry button.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 * @cssprop [--ds-color-focus-inner=#fff] - Designsystemet: the ring between the link or button and its focus outline.
 */
export class AccessRequestStatus extends AltinnElement {
  static override styles = [baseStyles, statusStyles];

  static override properties: PropertyDeclarations = {
    requestId: { type: String, attribute: 'request-id' },
    resource: { type: String },
    package: { type: String },
    serviceCode: { type: String, attribute: 'service-code' },
    org: { type: String },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    maxPollInterval: { type: Number, attribute: 'max-poll-interval' },
  };

  /** @internal */
  readonly kind = 'access';

  /** The access request id; see above for where it is found when the attribute is absent. */
  declare requestId: string | undefined;
  /** Without an id: the Altinn 3 resource whose latest access request is shown (the backend's list). */
  declare resource: string | undefined;
  /** Without an id: the access package whose latest access request is shown. */
  declare package: string | undefined;
  /** Without an id: the Altinn 2 service code whose latest access request is shown. */
  declare serviceCode: string | undefined;
  /** With `resource`, `package` or `service-code`: the organisation the request was made in. */
  declare org: string | undefined;
  /**
   * Milliseconds before the first repeated fetch. At least 250: a smaller value is raised to 250 and
   * the console says so. Default 3000.
   */
  declare pollInterval: number;
  /** The longest wait between fetches, in milliseconds. Default 60000. */
  declare maxPollInterval: number;

  readonly #reading: RequestStatusController = new RequestStatusController(this, {
    text: (request) => ACCESS_TEXTS[this.language][STATUS_TEXT[request.status]],
    askedOn: () => ACCESS_TEXTS[this.language].accessAskedOn,
    subject: () => {
      const { resource, serviceCode: service, org } = this;
      const about = this.package;
      return resource || about || service ? { resource, package: about, service, org } : undefined;
    },
    hint: () =>
      WAITING.has(this.status)
        ? html`<p part="hint" class="hint">${this.messages.statusUpdatesAutomatically}</p>`
        : nothing,
    afterRead: (statusChanged) => {
      // A change starts the back-off over: the next step often follows soon.
      if (statusChanged) this.#polling.resetBackoff();
      // After the task has taken the new reading.
      queueMicrotask(() => this.#polling.schedule());
    },
  });

  readonly #polling: PollingController = new PollingController(this, {
    name: 'access-request-status',
    refresh: () => this.#reading.poll(),
    // Not after a failure that asking again cannot mend (e.g. 404).
    shouldPoll: () =>
      this.#reading.hasSubject &&
      WAITING.has(this.status) &&
      this.#reading.error?.retryable !== false,
    interval: () => this.pollInterval,
    maxInterval: () => this.maxPollInterval,
  });

  constructor() {
    super();
    this.pollInterval = 3000;
    this.maxPollInterval = 60_000;
  }

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

  /** Whether the element is following the request (a fetch is planned). */
  get polling(): boolean {
    return this.#polling.scheduled;
  }

  /** Fetches the status again. */
  refresh(): Promise<void> {
    return this.#reading.refresh();
  }

  protected override render(): unknown {
    return this.#reading.render();
  }
}
