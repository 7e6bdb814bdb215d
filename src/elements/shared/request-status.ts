import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { toAltinnRequestError, type AltinnRequestError } from '../../core/errors.js';
import { forgetPendingRequest } from '../../core/pending-request.js';
import type { RequestView } from '../../core/request-view.js';
import { isFinalStatus, type RequestStatus } from '../../core/status.js';
import type { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import { AltinnElement } from './altinn-element.js';
import { allowedAltinnUrl, resolveEndpoint } from './navigation.js';
import { returnedRequestId } from './returned-request.js';

/**
 * What both status elements share: finding the request's id (attribute, return URL, the id a
 * button kept, a button on the same page), fetching what the backend says, and showing it in a
 * polite live region, with a retry after a failure.
 */
export abstract class RequestStatusElement extends AltinnElement {
  static override properties: PropertyDeclarations = {
    requestId: { type: String, attribute: 'request-id' },
    status: { type: String, reflect: true },
    implicitRequestId: { state: true },
  };

  /** The request id; see each element for where it is found when the attribute is absent. */
  declare requestId: string | undefined;

  /** The normalised status once the backend has confirmed one (reflected; read-only). */
  declare status: RequestStatus | undefined;

  /** @internal The id found without a `request-id` attribute. */
  declare implicitRequestId: string | undefined;

  /** Fetches the request from the backend. */
  protected abstract fetchRequest(id: string, signal: AbortSignal): Promise<RequestView>;

  /** The words for the request's status. */
  protected abstract statusText(request: RequestView): string;

  /** Called after every fetch, whatever its outcome (polling plans the next one here). */
  protected afterFetch(): void {}

  /** Anything shown under the status text (e.g. that it updates by itself). */
  protected renderHint(): unknown {
    return nothing;
  }

  readonly #task = new Task(this, {
    args: () => [this.currentRequestId, this.endpoint] as const,
    task: async ([id], { signal }) => {
      if (!id) return initialState;
      return this.fetchRequest(id, signal);
    },
    onComplete: (request) => {
      this.#lastError = undefined;
      this.#lastRequest = request;
      this.#learn(request);
      this.afterFetch();
    },
    onError: (error) => {
      if (!this.isConnected) return;
      this.#lastError = toAltinnRequestError(error);
      this.emitError(this.#lastError);
      this.afterFetch();
    },
  });

  // The task forgets its value when a run fails; what was known stays known until a new answer.
  #lastRequest: RequestView | undefined;
  #lastError: AltinnRequestError | undefined;

  /** The last failure, until a fetch succeeds again. */
  protected get lastError(): AltinnRequestError | undefined {
    return this.#lastError;
  }

  /** The last answer about the current id (ids compared in any letter case). */
  #known(): RequestView | undefined {
    const id = this.currentRequestId?.toLowerCase();
    return id !== undefined && this.#lastRequest?.id.toLowerCase() === id
      ? this.#lastRequest
      : undefined;
  }

  /** The id whose status is shown: `request-id`, else the one found on the page. */
  get currentRequestId(): string | undefined {
    return this.requestId || this.implicitRequestId;
  }

  /** The backend's last answer, normalised. */
  get request(): RequestView | undefined {
    return this.#known();
  }

  /** Whether a fetch is under way. */
  protected get fetching(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Fetches the status again. */
  refresh(): Promise<void> {
    return this.#task.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.implicitRequestId ??= returnedRequestId(this.kind, this.resolvedEndpoint);
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
    if (event.detail.kind !== this.kind || this.requestId) return;
    const { endpoint } = event.detail;
    if (endpoint !== undefined && resolveEndpoint(endpoint) !== this.resolvedEndpoint) return;
    queueMicrotask(() => {
      const { status, url, navigation } = event.detail;
      const leaving =
        !event.defaultPrevented && status === 'created' && url && navigation === 'redirect';
      if (!leaving) this.implicitRequestId = event.detail.id;
    });
  };

  #learn(request: RequestView): void {
    const previous = this.status;
    if (request.status === previous) return;
    this.status = request.status;
    if (isFinalStatus(request.status)) forgetPendingRequest(this.kind, request.id);
    this.emit(
      new AltinnStatusChangeEvent({
        kind: this.kind,
        id: request.id,
        status: request.status,
        previous,
        request,
      }),
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setCustomState('loading', this.fetching);
    this.setCustomState('error', this.#task.status === TaskStatus.ERROR);
  }

  #renderStatus(request: RequestView): unknown {
    const { status } = request;
    const altinnUrl = status === 'created' ? allowedAltinnUrl(request.url) : undefined;
    const newWindow = request.navigation === 'new-window';
    return html`<div class="box ${status}">
      <p part="text"><slot name=${status}>${this.statusText(request)}</slot></p>
      ${this.renderHint()}
      ${
        altinnUrl
          ? html`<a
              part="link"
              href=${altinnUrl.href}
              target=${newWindow ? '_blank' : nothing}
              rel=${newWindow ? 'noopener noreferrer' : nothing}
              >${this.messages.continueInAltinn}${
                newWindow
                  ? html` <span class="visually-hidden">${this.messages.opensInNewWindow}</span>`
                  : nothing
              }</a
            >`
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
    // While fetching again (polling, or a retry), what was known stays on screen.
    const known = this.#known();
    const firstLoad = this.fetching && !known;
    let content: unknown = nothing;
    if (this.#task.status === TaskStatus.ERROR) {
      content = this.#renderError(toAltinnRequestError(this.#task.error));
    } else if (known) {
      content = this.#renderStatus(known);
    } else if (firstLoad) {
      content = html`<div class="box loading">
        <span part="spinner" class="spinner" aria-hidden="true"></span>
        <p part="text">${this.messages.statusLoading}</p>
      </div>`;
    }
    // aria-busy only while there is nothing to show yet: a background poll must not make screen
    // readers re-read an unchanged status.
    return html`<div
      part="base"
      class="status"
      role="status"
      aria-live="polite"
      aria-busy=${firstLoad ? 'true' : 'false'}
    >
      ${content}
    </div>`;
  }
}
