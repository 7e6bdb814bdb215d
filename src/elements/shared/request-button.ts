import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BuildResult } from '../../core/consent-request.js';
import { AltinnRequestError, toAltinnRequestError } from '../../core/errors.js';
import { newRequestId } from '../../core/ids.js';
import { rememberPendingRequest } from '../../core/pending-request.js';
import type { Navigation, RequestView } from '../../core/request-view.js';
import { withoutReturnParams } from '../../core/return-params.js';
import { isFinalStatus } from '../../core/status.js';
import { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import type { Messages } from '../../i18n/index.js';
import { AltinnElement } from './altinn-element.js';
import { allowedAltinnUrl, navigateTo } from './navigation.js';

/** Where a request button is in its flow; also exposed as custom states (`:state(busy)` …). */
export type RequestButtonState = 'idle' | 'busy' | 'navigating' | 'opened' | 'created' | 'error';

/** The texts a button shows in its states. */
export interface RequestButtonTexts {
  label: string;
  busy: string;
  created: string;
  /** The backend answered with a request that no longer waits for the user: nothing to do in Altinn. */
  answered: string;
}

/** What a subclass prepares for one attempt: how to send it, and the id the answer must carry. */
export interface PreparedRequest<Body> {
  built: BuildResult<Body>;
  send: (body: Body, signal: AbortSignal) => Promise<RequestView>;
  /** When the element makes the request's id itself (consent), the answer must be about that id. */
  expectedId?: string;
}

/**
 * What both request buttons share: one request in flight at a time (`aria-busy`, further clicks
 * ignored), a localized error with a retry that reuses the same attempt id, the created event, the
 * navigation guard, and the way to Altinn (this tab, or a new one while the page polls).
 */
export abstract class RequestButton<Body> extends AltinnElement {
  static override properties: PropertyDeclarations = {
    returnUrl: { type: String, attribute: 'return-url' },
    disabled: { type: Boolean, reflect: true },
    state: { state: true },
    error: { state: true },
    labelMissing: { state: true },
    openedUrl: { state: true },
    popupBlocked: { state: true },
    answered: { state: true },
  };

  /** Where Altinn sends the user back. Default: this page without this library's parameters. */
  declare returnUrl: string | undefined;
  declare disabled: boolean;

  /** @internal */
  declare state: RequestButtonState;
  /** @internal */
  declare error: AltinnRequestError | undefined;
  /** @internal The default slot holds nothing visible, so the default label is shown. */
  declare labelMissing: boolean;
  /** @internal Altinn's page, opened in a new window (offered as a link in case it was blocked). */
  declare openedUrl: string | undefined;
  /** @internal The browser stopped the new window: the link is the way on. */
  declare popupBlocked: boolean;
  /** @internal The last answer was a request no longer waiting for the user. */
  declare answered: boolean;

  /** The id of this attempt; kept for retries until what is asked for changes. */
  #attemptId: string | undefined;
  #attemptFingerprint: string | undefined;
  #inFlight: AbortController | undefined;
  /** The request whose Altinn page was opened in a new tab. */
  #openedId: string | undefined;

  constructor() {
    super();
    this.disabled = false;
    this.state = 'idle';
    this.labelMissing = false;
    this.popupBlocked = false;
    this.answered = false;
  }

  /** The texts of this button in the element's language. */
  protected abstract texts(messages: Messages): RequestButtonTexts;

  /** What is asked for, to decide whether a click repeats the last attempt (same id) or starts anew. */
  protected abstract asked(): unknown;

  /** Builds the body of one attempt, and says how to send it. */
  protected abstract prepare(attemptId: string, returnUrl: string): PreparedRequest<Body>;

  /** How to reach Altinn for this answer: the backend's word, unless the element overrides it. */
  protected navigationFor(request: RequestView): Navigation {
    return request.navigation ?? 'redirect';
  }

  /** The attempt id the next click sends (the same after a failure), if one has been made. */
  protected get attemptId(): string | undefined {
    return this.#attemptId;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener('pageshow', this.#onPageShow);
    globalThis.document?.addEventListener(AltinnStatusChangeEvent.eventName, this.#onStatusChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener('pageshow', this.#onPageShow);
    globalThis.document?.removeEventListener(
      AltinnStatusChangeEvent.eventName,
      this.#onStatusChange,
    );
    this.#inFlight?.abort();
  }

  /**
   * A status element on the page saw the request opened in a new tab come to an end: the note "opened
   * in a new tab" no longer holds, and the next click asks anew (a fresh id, not the answered one).
   */
  readonly #onStatusChange = ({ detail }: AltinnStatusChangeEvent): void => {
    if (
      this.state === 'opened' &&
      detail.kind === this.kind &&
      detail.id.toLowerCase() === this.#openedId?.toLowerCase() &&
      isFinalStatus(detail.status)
    ) {
      this.state = 'idle';
      this.openedUrl = undefined;
      this.#openedId = undefined;
      this.#attemptId = undefined;
    }
  };

  // Back from Altinn through the back/forward cache: the page is as it was left, mid-navigation.
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.state === 'navigating') this.state = 'idle';
  };

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('state')) {
      for (const state of ['busy', 'navigating', 'opened', 'created', 'error'] as const) {
        this.setCustomState(state, this.state === state);
      }
    }
  }

  /** Creates the request and takes the user to Altinn, as a click does. */
  async submit(): Promise<void> {
    if (this.disabled || this.state === 'busy' || this.state === 'navigating') return;
    const returnUrl = this.returnUrl
      ? new URL(this.returnUrl, globalThis.location.href).href
      : withoutReturnParams(globalThis.location.href);
    // A retry of the same request reuses its id, so the backend (and Altinn) create it only once.
    const fingerprint = JSON.stringify([this.asked(), returnUrl]);
    if (fingerprint !== this.#attemptFingerprint || !this.#attemptId) {
      this.#attemptId = newRequestId();
      this.#attemptFingerprint = fingerprint;
    }
    const prepared = this.prepare(this.#attemptId, returnUrl);
    if (!prepared.built.ok) {
      const detail = prepared.built.problems.join(' ');
      console.error(`<${this.localName}>: ${detail}`);
      this.#fail(new AltinnRequestError('invalid-input', detail, { kind: this.kind }));
      return;
    }

    this.state = 'busy';
    this.error = undefined;
    this.openedUrl = undefined;
    const inFlight = new AbortController();
    this.#inFlight = inFlight;
    try {
      const request = await prepared.send(prepared.built.body, inFlight.signal);
      if (prepared.expectedId && request.id.toLowerCase() !== prepared.expectedId.toLowerCase()) {
        throw new AltinnRequestError(
          'invalid-response',
          `The backend answered about request ${request.id}, not ${prepared.expectedId}.`,
          { kind: this.kind },
        );
      }
      const endpoint = this.resolvedEndpoint;
      rememberPendingRequest({
        kind: this.kind,
        id: request.id,
        createdAt: new Date().toISOString(),
        endpoint,
      });

      // Only a request that still waits for the user is worth sending them to Altinn for.
      const waitsForUser = request.status === 'created';
      const altinnUrl = allowedAltinnUrl(request.url);
      if (waitsForUser && !altinnUrl) {
        throw new AltinnRequestError(
          'untrusted-redirect',
          `Refused to open ${JSON.stringify(request.url)}: not on the Altinn allow-list.`,
          { kind: this.kind },
        );
      }
      const navigation = this.navigationFor(request);
      const created = this.emit(
        new AltinnRequestCreatedEvent({
          kind: this.kind,
          id: request.id,
          status: request.status,
          url: altinnUrl?.href,
          navigation,
          endpoint,
        }),
      );
      if (created.defaultPrevented || !waitsForUser || !altinnUrl) {
        this.answered = !waitsForUser;
        this.state = 'created';
        return;
      }
      if (navigation === 'new-window') {
        // The page stays (and a status element polls); the link is there if the window was blocked.
        this.popupBlocked = !navigateTo(altinnUrl, 'new-window');
        this.openedUrl = altinnUrl.href;
        this.#openedId = request.id;
        this.state = 'opened';
        return;
      }
      this.state = 'navigating';
      navigateTo(altinnUrl, 'redirect');
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
    void this.submit();
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
    const texts = this.texts(messages);
    const { state } = this;
    const working = state === 'busy' || state === 'navigating';
    const progress =
      state === 'busy'
        ? texts.busy
        : state === 'navigating'
          ? messages.navigatingToAltinn
          : state === 'opened'
            ? this.popupBlocked
              ? messages.popupBlocked
              : messages.openedInNewWindow
            : state === 'created'
              ? this.answered
                ? texts.answered
                : texts.created
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
          // "Try again" only where trying again can help; a refused request keeps its label.
          state === 'error' && this.error?.retryable
            ? html`<span>${messages.retry}</span>`
            : html`<span ?hidden=${this.labelMissing}
                  ><slot @slotchange=${this.#onSlotChange}>${texts.label}</slot></span
                >${this.labelMissing ? html`<span>${texts.label}</span>` : nothing}`
        }
      </button>
      <p part="message" class="note" role="status">${progress}</p>
      ${
        this.openedUrl
          ? html`<p class="note">
              <a part="link" href=${this.openedUrl} target="_blank" rel="noopener noreferrer"
                >${messages.openAltinn}
                <span class="visually-hidden">${messages.opensInNewWindow}</span></a
              >
            </p>`
          : nothing
      }
      <p part="error" id="error" class="error-text" role="alert">${errorText}</p>`;
  }
}
