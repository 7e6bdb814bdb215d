import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveController } from 'lit';
import type { RequestListQuery } from '../../core/client.js';
import { AltinnRequestError, toAltinnRequestError } from '../../core/errors.js';
import { LOCALES, type Lang } from '../../core/lang.js';
import { forgetPendingRequest } from '../../core/pending-request.js';
import { listRequests, readRequest } from '../../core/request-reader.js';
import { isFinalStatus, type RequestStatus } from '../../core/request-status.js';
import { sameRequestId, type RequestView } from '../../core/view.js';
import type { AltinnRequestCreatedEvent } from '../../events/altinn-request-created.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import { format } from '../../i18n/common.js';
import type { AltinnElement } from '../shared/altinn-element.js';
import { allowedAltinnUrl, resolveEndpoint } from '../shared/navigation.js';
import {
  claimReturnFocus,
  returnedRequestId,
  takeReturnParams,
} from '../shared/returned-request.js';

/**
 * What one read left: the request as last confirmed (kept through a failed read, so what was known
 * stays on screen), and the failure of the last read, if it failed.
 */
export interface StatusReading {
  view?: RequestView | undefined;
  error?: AltinnRequestError;
}

/** What a status element gives the controller. */
export interface RequestStatusOptions {
  /** The words for the request's status. */
  text: (request: RequestView) => string;
  /** What this element is about, for the list of the person's requests when no id is known. */
  subject: () => RequestListQuery | undefined;
  /** "You asked on {date}", in the element's language. */
  askedOn: () => string;
  /** Anything shown under the status text (e.g. that it updates by itself). */
  hint?: () => unknown;
  /** Called after every read, whatever its outcome (polling plans the next one here). */
  afterRead?: (statusChanged: boolean) => void;
}

type StatusHost = AltinnElement & { requestId: string | undefined };

/** How long a first read goes without a spinner, in milliseconds. */
const SPINNER_DELAY_MS = 400;

/** One formatter per language: making one is slow, and a page may show many dates. */
const formatters: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** `iso` as a long date in `lang` ("1. desember 2026"), or `undefined` when it is no date. */
export function longDate(iso: string | undefined, lang: Lang): string | undefined {
  const date = new Date(iso ?? '');
  return Number.isNaN(date.getTime())
    ? undefined
    : (formatters[lang] ??= new Intl.DateTimeFormat([...LOCALES[lang]], {
        dateStyle: 'long',
      })).format(date);
}

/**
 * Reading a request's status, with `@lit/task` as the single source of truth: the id comes from
 * `request-id`, the return URL, `sessionStorage` or a button's event on the page, else the person's
 * latest request about the element's subject comes from the backend's list. Reads go through the
 * shared reader (one call per id for the whole page). An answer about another request or kind is
 * refused (`invalid-response`): it never becomes a status or an event.
 */
export class RequestStatusController implements ReactiveController {
  readonly #host: StatusHost;
  readonly #options: RequestStatusOptions;
  /** The id found without a `request-id` attribute. */
  #implicitId: string | undefined;

  readonly #task: Task<readonly [string | undefined, string | undefined, string], StatusReading>;

  constructor(host: StatusHost, options: RequestStatusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#task = new Task(host, {
      args: () =>
        [this.currentRequestId, host.endpoint, JSON.stringify(options.subject())] as const,
      task: async ([id, endpoint]) => {
        const subject = id ? undefined : options.subject();
        if (!id && !subject) return initialState;
        const previous = this.#task.value?.view;
        // The spinner only once a read takes a while: a quick answer does not flash it, and a page
        // of many elements does not animate them all (each a layer of its own).
        const slow = setTimeout(() => {
          this.#slow = true;
          host.requestUpdate();
        }, SPINNER_DELAY_MS);
        try {
          const polled = this.#polled;
          // Back from Altinn or a retry: what Altinn says now, not what the backend read before.
          const fresh = this.#focusAfterRead;
          this.#polled = false;
          const view = id
            ? await readRequest(endpoint, host.kind, id, polled, fresh)
            : (await listRequests(endpoint, host.kind, { ...subject, state: 'all', limit: 1 }))
                .items[0];
          // The reader refuses such answers already; the status is never learnt from one.
          if (view && id && !sameRequestId(view.id, id)) {
            throw new AltinnRequestError('invalid-response', `Not request ${id}.`);
          }
          return { view };
        } catch (error) {
          const failure = toAltinnRequestError(error);
          // A backend without the list route (404, 405, 501) simply knows no earlier request.
          if (!id && [404, 405, 501].includes(failure.httpStatus ?? 0)) return {};
          const kept = previous && (!id || sameRequestId(previous.id, id)) ? previous : undefined;
          return { view: kept, error: failure };
        } finally {
          clearTimeout(slow);
          this.#slow = false;
        }
      },
      onComplete: (reading) => {
        if (!host.isConnected) return;
        const before = this.#task.value?.view?.status;
        if (reading.error) host.emitError(reading.error);
        const view = reading.error ? undefined : reading.view;
        const changed = view !== undefined && view.status !== before;
        // The task keeps the new value only after this returns: the event follows it.
        if (view && changed) queueMicrotask(() => this.#learnt(view, before));
        options.afterRead?.(changed);
      },
    });
  }

  /** The id whose status is shown: `request-id`, else the one found on the page. */
  get currentRequestId(): string | undefined {
    return this.#host.requestId || this.#implicitId;
  }

  /** The request as the backend last confirmed it (for the current id). */
  get request(): RequestView | undefined {
    const view = this.#task.value?.view;
    const id = this.currentRequestId;
    return view && (!id || sameRequestId(view.id, id)) && this.#task.status !== TaskStatus.INITIAL
      ? view
      : undefined;
  }

  /** The status as the backend last confirmed it. */
  get status(): RequestStatus | undefined {
    return this.request?.status;
  }

  /** The failure of the last read that ended (kept while the status is read again). */
  get error(): AltinnRequestError | undefined {
    return this.#task.value?.error;
  }

  /** Whether a read is under way. */
  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Whether there is anything to read (an id, or a subject to list). */
  get hasSubject(): boolean {
    return Boolean(this.currentRequestId || this.#options.subject());
  }

  #slow = false;

  /** Reads the status again. */
  refresh = (): Promise<void> => this.#task.run();

  #polled = false;

  /** Reads the status again for polling: an answer another element's poll just got will do. */
  poll = (): Promise<void> => {
    this.#polled = true;
    return this.#task.run();
  };

  /**
   * Where focus goes once a read has ended: the status after a return from Altinn, a retry, or an
   * update that began with focus inside the element.
   */
  #focusAfterRead = false;

  readonly #retry = (): void => {
    this.#focusAfterRead = true;
    void this.refresh();
  };

  hostConnected(): void {
    // With `request-id` the element shows that one: only the URL is tidied (no storage read).
    if (this.#host.requestId) takeReturnParams();
    else if (this.#implicitId === undefined) {
      this.#implicitId = returnedRequestId(this.#host.kind, this.#host.resolvedEndpoint);
      // Back from Altinn: the result is this page's news, so it gets focus (unless focus is taken).
      this.#focusAfterRead ||= claimReturnFocus(this.#host.kind, this.#implicitId);
    }
    globalThis.document?.addEventListener('altinn-request-created', this.#onCreated);
  }

  hostDisconnected(): void {
    globalThis.document?.removeEventListener('altinn-request-created', this.#onCreated);
    this.#task.abort();
  }

  hostUpdate(): void {
    // Focus inside the element stays inside when what holds it goes away (a re-check of its own
    // took "Prøv igjen" or "Fortsett i Altinn" away): it moves to the status once the read ends.
    this.#focusAfterRead ||= Boolean(this.#host.shadowRoot?.activeElement);
  }

  hostUpdated(): void {
    const host = this.#host;
    const { status } = this;
    if (status) host.setAttribute('status', status);
    else host.removeAttribute('status');
    host.setCustomState('loading', this.loading);
    host.setCustomState('error', Boolean(this.error));
    if (this.#focusAfterRead && !this.loading && (this.request || this.error)) {
      this.#focusAfterRead = false;
      // Only where focus was lost (the retry button went away) or never placed (a fresh page); focus
      // still inside makes the page's active element the host.
      const page = globalThis.document;
      if (page.activeElement === page.body) {
        host.shadowRoot?.querySelector<HTMLElement>('[part~="text"]')?.focus();
      }
    }
  }

  #learnt(view: RequestView, previous: RequestStatus | undefined): void {
    if (isFinalStatus(view.status)) forgetPendingRequest(this.#host.kind, view.id);
    this.#host.emit(
      new AltinnStatusChangeEvent({
        kind: this.#host.kind,
        id: view.id,
        status: view.status,
        previous,
        request: view,
      }),
    );
  }

  // A button on the same page created a request and the page stays: show that one. Whether the page
  // stays is known once every listener has run (one may call preventDefault), hence the microtask.
  readonly #onCreated = (event: AltinnRequestCreatedEvent): void => {
    const host = this.#host;
    if (event.detail.kind !== host.kind || host.requestId) return;
    const { endpoint } = event.detail;
    if (endpoint !== undefined && resolveEndpoint(endpoint) !== host.resolvedEndpoint) return;
    queueMicrotask(() => {
      const { status, url, navigation } = event.detail;
      const leaving =
        !event.defaultPrevented && status === 'created' && url && navigation === 'redirect';
      if (!leaving) {
        this.#implicitId = event.detail.id;
        host.requestUpdate();
      }
    });
  };

  #renderStatus(request: RequestView): unknown {
    const host = this.#host;
    const { messages } = host;
    const { status } = request;
    const altinnUrl = status === 'created' ? allowedAltinnUrl(request.url) : undefined;
    const newWindow = request.navigation === 'new-window';
    const askedOn = longDate(request.createdAt, host.language);
    return html`<div class="box ${status}">
      <p part="text" tabindex="-1"><slot name=${status}>${this.#options.text(request)}</slot></p>
      ${
        askedOn
          ? html`<p part="asked" class="hint">
              ${format(this.#options.askedOn(), { date: askedOn })}
            </p>`
          : nothing
      }
      ${this.#options.hint?.() ?? nothing}
      ${
        altinnUrl
          ? html`<a
              part="link"
              href=${altinnUrl.href}
              target=${newWindow ? '_blank' : nothing}
              rel=${newWindow ? 'noopener noreferrer' : nothing}
              >${messages.continueInAltinn}${
                newWindow
                  ? html` <span class="visually-hidden">${messages.opensInNewWindow}</span>`
                  : nothing
              }</a
            >`
          : nothing
      }
    </div>`;
  }

  /**
   * Two live regions: a polite one with the status (or the first load), and an alert with a failure.
   * Each keeps its content while the status is read again, so a re-check that ends as it began
   * announces nothing; a known status stays on screen beside a failure to update it.
   */
  render(): unknown {
    const { messages, language } = this.#host;
    const known = this.request;
    const error = this.#task.value?.error;
    const firstLoad = this.loading && !known && !error;
    return html`<div
        part="base"
        class="status"
        role="status"
        aria-live="polite"
        aria-busy=${String(firstLoad)}
        lang=${language}
      >
        ${
          known
            ? this.#renderStatus(known)
            : firstLoad
              ? html`<div class="box loading">
                  ${
                    this.#slow
                      ? html`<span part="spinner" class="spinner" aria-hidden="true"></span>`
                      : nothing
                  }
                  <p part="text" tabindex="-1">${messages.statusLoading}</p>
                </div>`
              : nothing
        }
      </div>
      <div class="status" role="alert" lang=${language}>
        ${
          error
            ? html`<div class="box error">
                <p
                  part=${known ? 'error' : 'text error'}
                  id="error"
                  class="error-text"
                  tabindex="-1"
                >
                  ${this.#host.errorText(error)}
                </p>
                ${
                  // "Try again" only where trying again can help (not for 400, 401, 403, 404).
                  error.retryable
                    ? html`<button
                        part="retry-button"
                        class="button secondary"
                        type="button"
                        aria-describedby="error"
                        @click=${this.#retry}
                      >
                        ${messages.retry}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>`;
  }
}
