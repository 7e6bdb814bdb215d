import { html, nothing, type ReactiveController } from 'lit';
import type { RequestListQuery } from '../../core/client.js';
import { AltinnRequestError, toAltinnRequestError } from '../../core/errors.js';
import { newRequestId } from '../../core/ids.js';
import { rememberPendingRequest } from '../../core/pending-request.js';
import { isFinalStatus } from '../../core/request-status.js';
import type { BodyResult } from '../../core/request-body.js';
import { withoutReturnParams } from '../../core/return-params.js';
import { sameRequestId, type Navigation, type RequestView } from '../../core/view.js';
import { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import type { CommonMessages } from '../../i18n/nb.js';
import type { AltinnElement } from '../shared/altinn-element.js';
import { allowedAltinnUrl, navigateTo } from '../shared/navigation.js';

/** Where a request button is in its flow; also exposed as custom states (`:state(busy)` …). */
export type RequestButtonState = 'idle' | 'busy' | 'navigating' | 'opened' | 'created' | 'error';

/** The texts a button shows in its states. */
export interface RequestButtonTexts {
  label: string;
  busy: string;
  created: string;
  /** The backend answered with a request that no longer waits for the user: nothing to do in Altinn. */
  answered: string;
  /** The person's earlier request was granted, and is still valid: nothing to ask. */
  granted: string;
}

/** What a button element gives the controller. */
export interface CreateRequestOptions<Body> {
  /** What is asked for, to decide whether a click repeats the last attempt (same id) or starts anew. */
  asked: () => unknown;
  /** The body of one attempt (or what is wrong with the inputs), and how to send it. */
  prepare: (
    attemptId: string,
    returnUrl: string,
  ) => {
    built: BodyResult<Body>;
    send: (body: Body) => Promise<RequestView>;
  };
  /** How to reach Altinn for this answer. */
  navigation: (request: RequestView) => Navigation;
  /** What the button is about, for the list of the person's earlier requests; none: always ask anew. */
  subject: () => RequestListQuery | undefined;
  texts: (messages: CommonMessages) => RequestButtonTexts;
}

type ButtonHost = AltinnElement & {
  disabled: boolean;
  returnUrl: string | undefined;
  alwaysNew: boolean;
};

/**
 * Creating a request: one in flight at a time (`aria-busy`, further clicks ignored), a localized
 * error with a retry that reuses the same attempt id, the created event, the navigation guard, and
 * the way to Altinn (this tab, or a new one while the page polls). A request is kept in
 * `sessionStorage` only once it is on its way: navigated to, opened, or kept on the page by a portal
 * that cancelled the created event.
 */
export class CreateRequestController<Body> implements ReactiveController {
  readonly #host: ButtonHost;
  readonly #options: CreateRequestOptions<Body>;
  state: RequestButtonState = 'idle';
  error: AltinnRequestError | undefined;
  /** Altinn's page, opened in a new window (offered as a link in case it was blocked). */
  openedUrl: string | undefined;
  popupBlocked = false;
  /** The last answer was a request no longer waiting for the user. */
  answered = false;
  /** The person's earlier request was granted. */
  granted = false;
  /** The default slot holds nothing visible, so the default label is shown. */
  labelMissing = false;
  /**
   * The id of this attempt; kept for retries until what is asked for changes or the backend has
   * answered it (then the next click is a new request).
   */
  attemptId: string | undefined;
  #attemptFingerprint: string | undefined;
  /** The request whose Altinn page was opened in a new tab. */
  #openedId: string | undefined;

  constructor(host: ButtonHost, options: CreateRequestOptions<Body>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('pageshow', this.#onPageShow);
    globalThis.document?.addEventListener(AltinnStatusChangeEvent.eventName, this.#onStatusChange);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('pageshow', this.#onPageShow);
    globalThis.document?.removeEventListener(
      AltinnStatusChangeEvent.eventName,
      this.#onStatusChange,
    );
  }

  hostUpdated(): void {
    for (const state of ['busy', 'navigating', 'opened', 'created', 'error'] as const) {
      this.#host.setCustomState(state, this.state === state);
    }
  }

  #set(
    changes: Partial<
      Pick<
        CreateRequestController<Body>,
        'state' | 'error' | 'openedUrl' | 'popupBlocked' | 'answered' | 'granted' | 'labelMissing'
      >
    >,
  ): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }

  /**
   * A status element on the page saw the request opened in a new tab come to an end: the note "opened
   * in a new tab" no longer holds, and the next click asks anew (a fresh id, not the answered one).
   */
  readonly #onStatusChange = ({ detail }: AltinnStatusChangeEvent): void => {
    if (
      this.state === 'opened' &&
      detail.kind === this.#host.kind &&
      sameRequestId(detail.id, this.#openedId) &&
      isFinalStatus(detail.status)
    ) {
      this.#openedId = undefined;
      this.#set({ state: 'idle', openedUrl: undefined });
    }
  };

  // Back from Altinn through the back/forward cache: the page is as it was left, mid-navigation.
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && this.state === 'navigating') this.#set({ state: 'idle' });
  };

  /** Creates the request and takes the user to Altinn, as a click does. */
  async submit(): Promise<void> {
    const host = this.#host;
    if (host.disabled || this.state === 'busy' || this.state === 'navigating') return;
    const returnUrl = host.returnUrl
      ? new URL(host.returnUrl, globalThis.location.href).href
      : withoutReturnParams(globalThis.location.href);
    // A retry of the same request reuses its id, so the backend (and Altinn) create it only once.
    const fingerprint = JSON.stringify([this.#options.asked(), returnUrl]);
    if (fingerprint !== this.#attemptFingerprint || !this.attemptId) {
      this.attemptId = newRequestId();
      this.#attemptFingerprint = fingerprint;
    }
    const { built, send } = this.#options.prepare(this.attemptId, returnUrl);
    if (!built.ok) {
      const detail = built.problems.join(' ');
      console.error(`<${host.localName}>: ${detail}`);
      this.#fail(new AltinnRequestError('invalid-input', detail, { kind: host.kind }));
      return;
    }

    this.#set({ state: 'busy', error: undefined, openedUrl: undefined, granted: false });
    try {
      const earlier = await this.#earlier();
      if (!host.isConnected) return;
      // The person asked before: continue that request in Altinn, or say where it stands.
      if (earlier?.status === 'created') {
        this.#goTo(earlier);
        return;
      }
      if (earlier?.status === 'pending' || earlier?.status === 'accepted') {
        this.#set({ state: 'created', answered: true, granted: earlier.status === 'accepted' });
        return;
      }
      const request = await send(built.body);
      if (!host.isConnected) return;
      this.#goTo(request);
      // Answered: the id is spent. The same id again would bring back this request, not ask anew.
      this.#attemptFingerprint = undefined;
    } catch (error) {
      if (host.isConnected) this.#fail(toAltinnRequestError(error));
    }
  }

  /**
   * The person's latest request about what this button asks for (the backend's list), unless the
   * button always asks anew. A list that cannot be read does not stop the asking.
   */
  async #earlier(): Promise<RequestView | undefined> {
    const subject = this.#host.alwaysNew ? undefined : this.#options.subject();
    if (!subject) return undefined;
    try {
      const { items } = await this.#host.client.listRequests(this.#host.kind, {
        ...subject,
        state: 'all',
        limit: 1,
      });
      return items[0];
    } catch {
      return undefined;
    }
  }

  /** Sends the user to Altinn for `request`, after the guard and the created event. */
  #goTo(request: RequestView): void {
    const host = this.#host;
    // Only a request that still waits for the user is worth sending them to Altinn for.
    const waitsForUser = request.status === 'created';
    const altinnUrl = allowedAltinnUrl(request.url);
    if (waitsForUser && !altinnUrl) {
      throw new AltinnRequestError(
        'untrusted-redirect',
        `Refused to open ${JSON.stringify(request.url)}: not on the Altinn allow-list.`,
        { kind: host.kind },
      );
    }
    const endpoint = host.resolvedEndpoint;
    const navigation = this.#options.navigation(request);
    const created = host.emit(
      new AltinnRequestCreatedEvent({
        kind: host.kind,
        id: request.id,
        status: request.status,
        url: altinnUrl?.href,
        navigation,
        endpoint,
      }),
    );
    // Kept only now that it is on its way (or kept on the page by the portal).
    const keep = (): void =>
      void rememberPendingRequest({
        kind: host.kind,
        id: request.id,
        createdAt: new Date().toISOString(),
        endpoint,
      });
    if (created.defaultPrevented || !waitsForUser || !altinnUrl) {
      if (created.defaultPrevented) keep();
      this.#set({ answered: !waitsForUser, state: 'created' });
      return;
    }
    keep();
    if (navigation === 'new-window') {
      // The page stays (and a status element polls); the link is there if the window was blocked.
      this.#openedId = request.id;
      this.#set({
        popupBlocked: !navigateTo(altinnUrl, 'new-window'),
        openedUrl: altinnUrl.href,
        state: 'opened',
      });
      return;
    }
    this.#set({ state: 'navigating' });
    navigateTo(altinnUrl, 'redirect');
  }

  #fail(error: AltinnRequestError): void {
    this.#set({ error, state: 'error' });
    this.#host.emitError(error);
  }

  readonly #onClick = (): void => {
    void this.submit();
  };

  // A label of only white space would leave the button without an accessible name.
  readonly #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.#set({
      labelMissing: !slot
        .assignedNodes({ flatten: true })
        .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim()),
    });
  };

  /** The button, its progress text, the link to a new window, and the error. */
  render(): unknown {
    const host = this.#host;
    const messages = host.messages;
    const texts = this.#options.texts(messages);
    const { state, error } = this;
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
              ? this.granted
                ? texts.granted
                : this.answered
                  ? texts.answered
                  : texts.created
              : '';
    const errorText = state === 'error' && error ? host.errorText(error) : '';
    // "Try again" only where trying again can help; a refused request keeps its label. The label
    // stays in the accessible name ("Prøv igjen: Be om tilgang"), so it still says what it does.
    const retry = state === 'error' && error?.retryable;
    const lang = host.language;
    return html`<button
        part="button"
        class="button primary"
        type="button"
        ?disabled=${host.disabled}
        aria-disabled=${working ? 'true' : nothing}
        aria-busy=${state === 'busy' ? 'true' : nothing}
        aria-describedby=${errorText ? 'error' : nothing}
        lang=${lang}
        @click=${this.#onClick}
      >
        ${working ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>` : nothing}
        ${retry ? html`<span>${messages.retry}</span><span class="visually-hidden">: </span>` : nothing}
        <span class=${retry ? 'visually-hidden' : ''} ?hidden=${this.labelMissing}
          ><slot @slotchange=${this.#onSlotChange}>${texts.label}</slot></span
        >${
          this.labelMissing
            ? html`<span class=${retry ? 'visually-hidden' : ''}>${texts.label}</span>`
            : nothing
        }
      </button>
      <p part="message" class="note" role="status" lang=${lang}>${progress}</p>
      ${
        this.openedUrl
          ? html`<p class="note" lang=${lang}>
              <a part="link" href=${this.openedUrl} target="_blank" rel="noopener noreferrer"
                >${messages.continueInAltinn}
                <span class="visually-hidden">${messages.opensInNewWindow}</span></a
              >
            </p>`
          : nothing
      }
      <p part="error" id="error" class="error-text" role="alert" lang=${lang}>${errorText}</p>`;
  }
}
