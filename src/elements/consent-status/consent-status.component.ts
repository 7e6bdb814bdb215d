import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { toAltinnRequestError, type AltinnRequestError } from '../../core/errors.js';
import { LOCALES } from '../../core/lang.js';
import { forgetPendingRequest } from '../../core/pending-request.js';
import type { RequestView } from '../../core/request-view.js';
import { isFinalStatus, type RequestStatus } from '../../core/status.js';
import type { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import { format, type MessageKey } from '../../i18n/index.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { allowedAltinnUrl } from '../shared/navigation.js';
import { returnedRequestId } from '../shared/returned-request.js';
import { baseStyles } from '../shared/styles.js';
import { consentStatusStyles } from './consent-status.styles.js';

const STATUS_TEXT: Readonly<Record<RequestStatus, MessageKey>> = {
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
 * @summary Shows the status of a consent request after the user returns from Altinn.
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
 * @event altinn-status-change - The element learned a new status from the backend.
 * @event altinn-request-error - Fetching the status failed; the element offers to try again.
 *
 * @csspart base - The live region that holds everything shown.
 * @csspart text - The status text.
 * @csspart link - "Fortsett i Altinn", while the request waits for the user.
 * @csspart retry-button - The button that fetches the status again after a failure.
 * @csspart spinner - The indicator shown while the status is fetched.
 *
 * @cssstate loading - The status is being fetched.
 * @cssstate error - Fetching failed.
 *
 * @cssprop --altinn-request-status-radius - Corner radius (default `--ds-border-radius-md`).
 */
export class ConsentStatus extends AltinnElement {
  static override styles = [baseStyles, consentStatusStyles];

  static override properties: PropertyDeclarations = {
    requestId: { type: String, attribute: 'request-id' },
    status: { type: String, reflect: true },
    implicitRequestId: { state: true },
  };

  protected readonly kind = 'consent';

  /**
   * The consent request id. Default: the `consentId` parameter of the page's URL (removed from the
   * address bar once read), then the id the button kept in `sessionStorage`, then the id of an
   * `altinn-request-created` event on this page.
   */
  declare requestId: string | undefined;

  /** The normalised status once the backend has confirmed one (reflected; read-only). */
  declare status: RequestStatus | undefined;

  /** @internal The id found without a `request-id` attribute. */
  declare implicitRequestId: string | undefined;

  readonly #task = new Task(this, {
    args: () => [this.currentRequestId, this.endpoint] as const,
    task: async ([id], { signal }) => {
      if (!id) return initialState;
      return this.client.getConsentRequest(id, { signal });
    },
    onComplete: (consentRequest) => this.#learn(consentRequest),
    onError: (error) => {
      if (this.isConnected) this.emitError(toAltinnRequestError(error));
    },
  });

  /** The id whose status is shown: `request-id`, else the one found on the page. */
  get currentRequestId(): string | undefined {
    return this.requestId || this.implicitRequestId;
  }

  /** The backend's last answer, normalised. */
  get consentRequest(): RequestView | undefined {
    return this.#task.value;
  }

  /** Fetches the status again. */
  refresh(): Promise<void> {
    return this.#task.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.implicitRequestId ??= returnedRequestId('consent');
    globalThis.document?.addEventListener('altinn-request-created', this.#onCreated);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.document?.removeEventListener('altinn-request-created', this.#onCreated);
    this.#task.abort();
  }

  // A button on the same page created a request and the page stays: show that one. Whether the page
  // stays is known once every listener has run (one may call preventDefault), hence the microtask.
  readonly #onCreated = (event: AltinnRequestCreatedEvent): void => {
    if (event.detail.kind !== 'consent' || this.requestId) return;
    queueMicrotask(() => {
      const { status, url, navigation } = event.detail;
      const leaving =
        !event.defaultPrevented && status === 'created' && url && navigation === 'redirect';
      if (!leaving) this.implicitRequestId = event.detail.id;
    });
  };

  #learn(consentRequest: RequestView): void {
    const previous = this.status;
    if (consentRequest.status === previous) return;
    this.status = consentRequest.status;
    if (isFinalStatus(consentRequest.status)) forgetPendingRequest('consent', consentRequest.id);
    this.emit(
      new AltinnStatusChangeEvent({
        kind: 'consent',
        id: consentRequest.id,
        status: consentRequest.status,
        previous,
        request: consentRequest,
      }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('loading', this.#task.status === TaskStatus.PENDING);
    this.setCustomState('error', this.#task.status === TaskStatus.ERROR);
  }

  #formatDate(iso: string): string | undefined {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return undefined;
    return new Intl.DateTimeFormat([...LOCALES[this.language]], { dateStyle: 'long' }).format(date);
  }

  #renderStatus(consentRequest: RequestView): unknown {
    const { status } = consentRequest;
    const messages = this.messages;
    let text = messages[STATUS_TEXT[status]];
    if (status === 'accepted' && consentRequest.validTo) {
      const date = this.#formatDate(consentRequest.validTo);
      if (date) text = format(messages.consentAcceptedUntil, { date });
    }
    const viewUrl = status === 'created' ? allowedAltinnUrl(consentRequest.url) : undefined;
    return html`<div class="box ${status}">
      <p part="text"><slot name=${status}>${text}</slot></p>
      ${
        viewUrl
          ? html`<a part="link" href=${viewUrl.href}>${messages.continueInAltinn}</a>`
          : nothing
      }
    </div>`;
  }

  #renderError(error: AltinnRequestError): unknown {
    return html`<div class="box error">
      <p part="text" class="error-text">${this.errorText(error)}</p>
      <button part="retry-button" class="button secondary" type="button" @click=${this.refresh}>
        ${this.messages.retry}
      </button>
    </div>`;
  }

  protected override render(): unknown {
    const loading = this.#task.status === TaskStatus.PENDING;
    // While fetching again, what was known stays on screen, marked busy.
    const known = this.#task.value?.id === this.currentRequestId ? this.#task.value : undefined;
    let content: unknown = nothing;
    if (this.#task.status === TaskStatus.ERROR) {
      content = this.#renderError(toAltinnRequestError(this.#task.error));
    } else if (known && (this.#task.status === TaskStatus.COMPLETE || loading)) {
      content = this.#renderStatus(known);
    } else if (loading) {
      content = html`<div class="box loading">
        <span part="spinner" class="spinner" aria-hidden="true"></span>
        <p part="text">${this.messages.statusLoading}</p>
      </div>`;
    }
    return html`<div
      part="base"
      class="status"
      role="status"
      aria-live="polite"
      aria-busy=${loading ? 'true' : 'false'}
    >
      ${content}
    </div>`;
  }
}
