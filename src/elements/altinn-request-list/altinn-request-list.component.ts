import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { AltinnRequestError, toAltinnRequestError } from '../../core/errors.js';
import { LOOKUP_LIMIT } from '../../core/client.js';
import { isFinalStatus, type RequestKind, type RequestStatus } from '../../core/request-status.js';
import type { RequestView } from '../../core/view.js';
import { AltinnStatusChangeEvent } from '../../events/altinn-status-change.js';
import { REQUEST_LIST_TEXTS, type RequestListTexts } from '../../i18n/request-list.js';
import { PollingController } from '../controllers/polling-controller.js';
import { longDate } from '../controllers/request-status-controller.js';
import { AltinnElement } from '../shared/altinn-element.js';
import { allowedAltinnUrl } from '../shared/navigation.js';
import { statusStyles } from '../shared/status.styles.js';
import { baseStyles } from '../shared/styles.js';
import { AltinnRequestAgainEvent } from './altinn-request-again.js';
import { listStyles } from './altinn-request-list.styles.js';

const spinner = html`<span part="spinner" class="spinner" aria-hidden="true"></span>`;
const KINDS: readonly RequestKind[] = ['consent', 'access', 'system-user'];
/** A backend without a list route answers one of these. */
const NO_ROUTE = [404, 405, 501];

/** Altinn's page where a person sees, and withdraws, the consents they gave. */
export const ALTINN_CONSENT_OVERVIEW = 'https://am.ui.altinn.no/accessmanagement/ui/consent/active';

type Phase = 'loading' | 'ready' | 'error' | 'no-list';

const keyOf = (view: RequestView): string => `${view.kind} ${view.id.toLowerCase()}`;
const timeOf = (view: RequestView): number => Date.parse(view.createdAt ?? '') || 0;
const isOpen = (view: RequestView): boolean =>
  view.status === 'created' || view.status === 'pending';
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/**
 * The signed-in person's consents and requests on one page, newest first, each with its status in
 * words, the dates that matter and what the person can do next: continue a request that waits in
 * Altinn, withdraw an open access request (after a confirmation that can be cancelled), see a
 * granted consent in Altinn (where it is withdrawn), and ask again after a final "no".
 *
 * It reads the backend's list routes (`GET {endpoint}/{kind}-requests?state=…`) for each of
 * `kinds`, a page at a time ("Vis flere" follows each list's cursor). Open rows refresh themselves
 * with one `POST {endpoint}/{kind}-requests/lookup` per kind (id by id from a backend without it),
 * backing off as the status elements do and pausing while the page is hidden; each change fires
 * `altinn-status-change` and is announced once. Links go to Altinn only through the allow-list. A
 * kind whose list route the backend lacks is left out; when it lacks them all, the element says the
 * overview is not available and the console tells the developer why.
 *
 * @summary The person's consents and requests, with what they can do next.
 *
 * @event {AltinnStatusChangeEvent} altinn-status-change - A row's status changed (a refresh, or a withdrawal).
 * @event {AltinnRequestErrorEvent} altinn-request-error - Reading the list, refreshing it or withdrawing failed, or a row's Altinn URL was refused (`untrusted-redirect`).
 * @event {AltinnRequestAgainEvent} altinn-request-again - The person chose "Be om på nytt" on a request that ended in a "no"; cancelable (stops the navigation to `request-url`).
 *
 * @csspart base - Everything the element shows.
 * @csspart message - The loading, empty, "not available" or error message.
 * @csspart retry-button - Reads the list again after a failure.
 * @csspart list - The list (`<ul>`).
 * @csspart row - One request (`<li>`).
 * @csspart subject - What was asked, with its kind.
 * @csspart status - The status in words.
 * @csspart dates - When it was asked, answered, and until when it is valid.
 * @csspart actions - What the person can do next with a row.
 * @csspart link - The links: "Fortsett i Altinn", the consent overview, "Be om på nytt" (to `request-url`).
 * @csspart withdraw-button - "Trekk tilbake forespørselen", on an open access request.
 * @csspart confirm-button - Confirms the withdrawal.
 * @csspart cancel-button - Cancels the withdrawal.
 * @csspart again-button - "Be om på nytt" without `request-url` (an event only).
 * @csspart error - A row's error (a failed withdrawal).
 * @csspart more-button - "Vis flere".
 * @csspart spinner - Shown while the list is first read, and on a busy button.
 *
 * @cssstate loading - The first page is being read.
 * @cssstate error - Reading the list failed.
 * @cssstate empty - The person has no requests here.
 *
 * @cssprop --altinn-request-list-gap - Space between rows (default `0.75rem`).
 * @cssprop --altinn-request-status-radius - A row's corner radius (default `--ds-border-radius-md`).
 * @cssprop --altinn-request-button-radius - The buttons' corner radius (default `--ds-border-radius-md`).
 * @cssprop [--ds-color-info-border-default=#0a71c0] - Designsystemet: the edge of an open row.
 * @cssprop [--ds-color-success-border-default=#068718] - Designsystemet: the edge of an accepted row.
 * @cssprop [--ds-color-danger-border-default=#c22020] - Designsystemet: the edge of a rejected row and of a failure.
 * @cssprop [--ds-color-warning-border-default=#b35e00] - Designsystemet: the edge of a revoked, withdrawn or expired row.
 * @cssprop [--ds-color-neutral-text-default=#1e2b3c] - Designsystemet: the text colour.
 * @cssprop [--ds-color-neutral-text-subtle=#4b5563] - Designsystemet: the kind and the date labels.
 * @cssprop [--ds-color-accent-base-default=#0062ba] - Designsystemet: the confirm button.
 * @cssprop [--ds-color-accent-text-subtle=#0062ba] - Designsystemet: links and secondary buttons.
 * @cssprop [--ds-border-radius-md=0.25rem] - Designsystemet: corner radius.
 * @cssprop [--ds-font-family=system-ui] - Designsystemet: the font.
 * @cssprop [--ds-color-focus-outer=#1e2b3c] - Designsystemet: the focus outline.
 */
export class AltinnRequestList extends AltinnElement {
  static override styles = [baseStyles, statusStyles, listStyles];

  static override properties: PropertyDeclarations = {
    kinds: { type: String },
    state: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    requestUrl: { type: String, attribute: 'request-url' },
    consentOverviewUrl: { type: String, attribute: 'consent-overview-url' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    maxPollInterval: { type: Number, attribute: 'max-poll-interval' },
  };

  /** Which kinds to list, separated by spaces or commas: `consent`, `access`, `system-user`. Default: every kind the backend has. */
  declare kinds: string | undefined;
  /** `open` (still waiting), `final` (answered or ended) or `all` (default). */
  declare state: 'open' | 'final' | 'all';
  /** Rows read per kind and page (1 to 100). Default 10. */
  declare pageSize: number;
  /** Where "Be om på nytt" goes (the portal's page for asking); without it, only the event fires. */
  declare requestUrl: string | undefined;
  /** Altinn's page of the person's consents (on the allow-list). Default: production's. */
  declare consentOverviewUrl: string;
  /** Milliseconds before open rows are first read again (at least 250). Default 3000. */
  declare pollInterval: number;
  /** The longest wait between refreshes, in milliseconds. Default 60000. */
  declare maxPollInterval: number;

  #kind: RequestKind = 'consent';
  #phase: Phase = 'loading';
  #error: AltinnRequestError | undefined;
  #rows: RequestView[] = [];
  /** Each kind's cursor and the time of its oldest row read so far. */
  #pages = new Map<RequestKind, { next?: string | undefined; oldest: number }>();
  #loads = 0;
  #loadingMore = false;
  /** Rows asking to confirm a withdrawal, withdrawing, or whose withdrawal failed. */
  #rowState = new Map<string, 'confirm' | 'busy' | AltinnRequestError>();
  #refused = new Set<string>();
  #announcement = '';

  readonly #polling: PollingController = new PollingController(this, {
    name: this.localName,
    refresh: () => this.#refresh(),
    shouldPoll: () => this.#phase === 'ready' && this.#visible.some(isOpen),
    interval: () => this.pollInterval,
    maxInterval: () => this.maxPollInterval,
  });

  constructor() {
    super();
    this.state = 'all';
    this.pageSize = 10;
    this.consentOverviewUrl = ALTINN_CONSENT_OVERVIEW;
    this.pollInterval = 3000;
    this.maxPollInterval = 60_000;
  }

  /** @internal The kind of the request the last event is about. */
  get kind(): RequestKind {
    return this.#kind;
  }

  /** The requests read so far, newest first (those shown). */
  get requests(): RequestView[] {
    return this.#visible;
  }

  /** Whether open rows are being followed (a refresh is planned). */
  get polling(): boolean {
    return this.#polling.scheduled;
  }

  /** Reads the list again from its first page. */
  reload(): Promise<void> {
    return this.#load(false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) void this.reload();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['kinds', 'state', 'pageSize', 'endpoint'].some((name) => changed.has(name))) {
      void this.reload();
    } else if (this.hasUpdated && changed.has('pollInterval')) {
      // A new interval applies now, not after a wait planned with the old one.
      this.#polling.resetBackoff();
      this.#polling.schedule();
    }
  }

  protected override updated(): void {
    this.setCustomState('loading', this.#phase === 'loading');
    this.setCustomState('error', this.#phase === 'error');
    this.setCustomState('empty', this.#phase === 'ready' && !this.#rows.length);
  }

  get #texts(): RequestListTexts {
    return REQUEST_LIST_TEXTS[this.language];
  }

  get #kindList(): RequestKind[] {
    const named = (this.kinds ?? '').split(/[\s,]+/).filter(Boolean);
    return KINDS.filter((kind) => !named.length || named.includes(kind));
  }

  /**
   * The rows read, newest first, down to the oldest row of the kind that has read least far: a
   * kind with more pages may still hold rows newer than another kind's last ones.
   */
  get #visible(): RequestView[] {
    let cutoff = -Infinity;
    for (const page of this.#pages.values()) {
      if (page.next) cutoff = Math.max(cutoff, page.oldest);
    }
    return this.#rows.filter((view) => timeOf(view) >= cutoff);
  }

  /** Whether a kind has rows left to read ("Vis flere"). */
  get #more(): boolean {
    return [...this.#pages.values()].some((page) => page.next);
  }

  #fail(kind: RequestKind, error: AltinnRequestError): void {
    this.#kind = kind;
    this.emitError(error);
  }

  async #load(more: boolean): Promise<void> {
    const load = ++this.#loads;
    const kinds = more
      ? [...this.#pages].filter(([, page]) => page.next).map(([kind]) => kind)
      : this.#kindList;
    this.#loadingMore = more;
    if (!more) {
      this.#phase = 'loading';
      this.#rows = [];
      this.#pages = new Map();
      this.#lookupMissing = false;
      this.#polling.stop();
    }
    this.#error = undefined;
    this.requestUpdate();
    const shownBefore = this.#visible.length;
    const answers = await Promise.allSettled(
      kinds.map((kind) =>
        this.client.listRequests(kind, {
          state: this.state,
          limit: this.pageSize,
          cursor: this.#pages.get(kind)?.next,
        }),
      ),
    );
    if (load !== this.#loads) return;
    const missing: RequestKind[] = [];
    answers.forEach((answer, index) => {
      const kind = kinds[index] as RequestKind;
      if (answer.status === 'fulfilled') {
        const { items, next } = answer.value;
        const known = new Set(this.#rows.map(keyOf));
        this.#rows.push(...items.filter((view) => !known.has(keyOf(view))));
        const last = items.at(-1);
        this.#pages.set(kind, { next, oldest: last ? timeOf(last) : -Infinity });
        for (const view of items) this.#checkUrl(view);
        return;
      }
      const error = toAltinnRequestError(answer.reason);
      if (NO_ROUTE.includes(error.httpStatus ?? 0)) missing.push(kind);
      else if (!this.#error) this.#fail(kind, (this.#error = error));
    });
    this.#rows.sort((a, b) => timeOf(b) - timeOf(a));
    this.#loadingMore = false;
    if (this.#error) {
      if (!more) this.#phase = 'error';
    } else if (!more) {
      this.#phase = missing.length === kinds.length ? 'no-list' : 'ready';
      if (missing.length && (this.#phase === 'no-list' || this.kinds)) {
        console.error(
          `<altinn-request-list>: ${this.resolvedEndpoint} has no list route (GET …/{kind}-requests) for ${missing.join(', ')}.`,
        );
      }
    }
    await this.#settle();
    if (more && !this.#pages.size) return;
    // "Vis flere" gone with the last page: focus moves to the first new row, not to the page.
    if (more && !this.#error && !this.#more) {
      this.#focus(this.#visible[shownBefore], 'status');
    }
    this.#polling.resetBackoff();
    this.#polling.schedule();
  }

  /** A `created` row whose Altinn URL the guard refuses gets no link, and is reported once. */
  #checkUrl(view: RequestView): void {
    const key = keyOf(view);
    if (
      view.status !== 'created' ||
      !view.url ||
      allowedAltinnUrl(view.url) ||
      this.#refused.has(key)
    ) {
      return;
    }
    this.#refused.add(key);
    this.#fail(view.kind, new AltinnRequestError('untrusted-redirect', view.url));
  }

  /**
   * Reads every open row again: one lookup per kind (of at most 100 ids), or id by id from a
   * backend without the lookup route.
   */
  async #refresh(): Promise<void> {
    const open = this.#visible.filter(isOpen);
    const changes: { view: RequestView; previous: RequestStatus }[] = [];
    await Promise.all(
      KINDS.map(async (kind) => {
        const ids = open.filter((view) => view.kind === kind).map((view) => view.id);
        for (let start = 0; start < ids.length; start += LOOKUP_LIMIT) {
          const batch = ids.slice(start, start + LOOKUP_LIMIT);
          try {
            const views = this.#lookupMissing
              ? await this.#oneByOne(kind, batch)
              : await this.client.lookupRequests(kind, batch).catch((error: unknown) => {
                  if (!NO_ROUTE.includes(toAltinnRequestError(error).httpStatus ?? 0)) throw error;
                  this.#lookupMissing = true;
                  return this.#oneByOne(kind, batch);
                });
            for (const view of views) {
              const previous = this.#replace(view);
              if (previous && previous !== view.status) changes.push({ view, previous });
            }
          } catch (error) {
            this.#fail(kind, toAltinnRequestError(error));
          }
        }
      }),
    );
    if (changes.length) {
      this.#polling.resetBackoff();
      this.#changed(changes);
    }
    await this.#settle();
    this.#polling.schedule();
  }

  /** The backend lacks the lookup route (404, 405, 501): its rows are read one by one. */
  #lookupMissing = false;

  /** `ids` read one by one; a row the backend no longer knows (404) keeps what it showed. */
  async #oneByOne(kind: RequestKind, ids: string[]): Promise<RequestView[]> {
    const views = await Promise.all(
      ids.map((id) =>
        this.client.getRequest(kind, id).catch((error: unknown) => {
          if (toAltinnRequestError(error).httpStatus === 404) return undefined;
          throw error;
        }),
      ),
    );
    return views.filter((view) => view !== undefined);
  }

  /** Puts `view` in its row; answers the row's status before, or `undefined` for no such row. */
  #replace(view: RequestView): RequestStatus | undefined {
    const index = this.#rows.findIndex((row) => keyOf(row) === keyOf(view));
    const previous = this.#rows[index]?.status;
    if (previous !== undefined) this.#rows[index] = view;
    return previous;
  }

  /** Fires one `altinn-status-change` per change, and announces them together, once. */
  #changed(changes: { view: RequestView; previous: RequestStatus }[]): void {
    this.#announcement = changes
      .map(({ view }) => `${this.#what(view)}: ${this.#texts[view.status]}`)
      .join(' ');
    for (const { view, previous } of changes) {
      this.emit(
        new AltinnStatusChangeEvent({
          kind: view.kind,
          id: view.id,
          status: view.status,
          previous,
          request: view,
        }),
      );
    }
  }

  async #settle(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
  }

  #focus(view: RequestView | undefined, part: string): void {
    if (!view) return;
    this.renderRoot
      .querySelector<HTMLElement>(`[data-key="${CSS.escape(keyOf(view))}"] [part~="${part}"]`)
      ?.focus();
  }

  /** Opens (or, `confirm` false, closes) a row's confirmation, then moves focus to `focus` in it. */
  async #ask(view: RequestView, confirm: boolean, focus: string): Promise<void> {
    if (confirm) this.#rowState.set(keyOf(view), 'confirm');
    else this.#rowState.delete(keyOf(view));
    await this.#settle();
    this.#focus(view, focus);
  }

  async #withdraw(view: RequestView): Promise<void> {
    const key = keyOf(view);
    this.#rowState.set(key, 'busy');
    this.requestUpdate();
    let focus = 'status';
    try {
      // Answered in the meantime (409): the row shows how instead, as Altinn says it now.
      const answer = await this.client
        .withdrawRequest(view.kind, view.id)
        .catch((error: unknown) => {
          if (toAltinnRequestError(error).httpStatus !== 409) throw error;
          return this.client.getRequest(view.kind, view.id, { refresh: true });
        });
      const previous = this.#replace(answer);
      // Announced once, as any change is.
      if (previous && previous !== answer.status) this.#changed([{ view: answer, previous }]);
    } catch (error) {
      const failure = toAltinnRequestError(error);
      this.#rowState.set(key, failure);
      this.#fail(view.kind, failure);
      focus = 'withdraw-button';
    }
    if (this.#rowState.get(key) === 'busy') this.#rowState.delete(key);
    await this.#settle();
    // The confirmation is gone: focus goes to the row's new status, or back to the button.
    this.#focus(view, focus);
  }

  #again(view: RequestView, event?: Event): void {
    const again = this.emit(
      new AltinnRequestAgainEvent({ kind: view.kind, id: view.id, request: view }),
    );
    if (again.defaultPrevented) event?.preventDefault();
  }

  /** What was asked: the name the backend gives, else the resource's, package's or integration's id. */
  #what(view: RequestView): string {
    const subject = view.subject ?? {};
    const first = (list: unknown) =>
      Array.isArray(list) ? (list[0] as Record<string, unknown>) : undefined;
    return (
      textOf(subject.name) ??
      textOf(subject.resource) ??
      textOf(subject.package) ??
      textOf(first(subject.rights)?.resource) ??
      textOf(first(subject.services)?.serviceCode) ??
      textOf(subject.integration) ??
      view.id
    );
  }

  /** "Prøv igjen": the button goes with the failure, so focus moves to what came instead. */
  async #retry(): Promise<void> {
    await this.reload();
    this.renderRoot
      .querySelector<HTMLElement>('[part~="status"], [part~="retry-button"], [part~="message"]')
      ?.focus();
  }

  /** A native button; while `busy`, it stays focusable and ignores clicks (`aria-disabled`). */
  #button(
    part: string,
    text: string,
    click: () => unknown,
    busy = false,
    primary = false,
  ): unknown {
    return html`<button
      part=${part}
      class="button ${primary ? 'primary' : 'secondary'}"
      type="button"
      aria-disabled=${String(busy)}
      @click=${() => busy || click()}
    >
      ${busy ? spinner : nothing}${text}
    </button>`;
  }

  /** "Be om på nytt", to the portal's `request-url` (an http(s) URL only) or as an event alone. */
  #renderAgain(view: RequestView): unknown {
    const text = this.#texts.again;
    let href: string | undefined;
    try {
      const url = new URL(this.requestUrl ?? '', document.baseURI);
      if (this.requestUrl && /^https?:$/.test(url.protocol)) href = url.href;
    } catch {
      // An unusable request-url: the event alone.
    }
    return href
      ? html`<a part="link" href=${href} @click=${(event: Event) => this.#again(view, event)}
          >${text}</a
        >`
      : this.#button('again-button', text, () => this.#again(view));
  }

  #renderActions(view: RequestView, index: number): unknown {
    const texts = this.#texts;
    const state = this.#rowState.get(keyOf(view));
    const busy = state === 'busy';
    if (busy || state === 'confirm') {
      const question = `q${index}`;
      return html`<div class="confirm" role="group" aria-labelledby=${question}>
        <p id=${question}>${texts.confirm}</p>
        ${this.#button('confirm-button', texts.confirmYes, () => this.#withdraw(view), busy, true)}
        ${this.#button(
          'cancel-button',
          texts.cancel,
          () => this.#ask(view, false, 'withdraw-button'),
          busy,
        )}
      </div>`;
    }
    const altinn = view.status === 'created' ? allowedAltinnUrl(view.url) : undefined;
    const newWindow = view.navigation === 'new-window';
    const overview =
      view.kind === 'consent' && view.status === 'accepted'
        ? allowedAltinnUrl(this.consentOverviewUrl)
        : undefined;
    const actions = [
      altinn &&
        html`<a
          part="link"
          href=${altinn.href}
          target=${newWindow ? '_blank' : nothing}
          rel=${newWindow ? 'noopener noreferrer' : nothing}
          >${this.messages.continueInAltinn}${
            newWindow
              ? html` <span class="visually-hidden">${this.messages.opensInNewWindow}</span>`
              : nothing
          }</a
        >`,
      view.kind === 'access' &&
        isOpen(view) &&
        this.#button('withdraw-button', texts.withdraw, () =>
          this.#ask(view, true, 'cancel-button'),
        ),
      overview && html`<a part="link" href=${overview.href}>${texts.manage}</a>`,
      // Ended in a "no" (every final status but accepted): asking again is what helps.
      isFinalStatus(view.status) && view.status !== 'accepted' && this.#renderAgain(view),
    ].filter(Boolean);
    return actions.length ? html`<div part="actions" class="actions">${actions}</div>` : nothing;
  }

  #renderDate(label: string, iso: string | undefined): unknown {
    const date = longDate(iso, this.language);
    return date
      ? html`<div>
          <dt>${label}</dt>
          <dd><time datetime=${iso}>${date}</time></dd>
        </div>`
      : nothing;
  }

  #renderRow(view: RequestView, index: number): unknown {
    const texts = this.#texts;
    const error = this.#rowState.get(keyOf(view));
    return html`<li part="row" class="box ${view.status}" data-key=${keyOf(view)}>
      <p part="subject">
        <span class="kind">${texts[view.kind]}:</span> <span class="what">${this.#what(view)}</span>
      </p>
      <p part="status" tabindex="-1">${this.#texts[view.status]}</p>
      <dl part="dates">
        ${this.#renderDate(texts.asked, view.createdAt)}
        ${isFinalStatus(view.status) ? this.#renderDate(texts.answered, view.updatedAt) : nothing}
        ${
          view.kind === 'consent' && view.status === 'accepted'
            ? this.#renderDate(texts.validTo, view.validTo)
            : nothing
        }
      </dl>
      ${
        typeof error === 'object'
          ? html`<p part="error" class="error-text">${this.errorText(error)}</p>`
          : nothing
      }
      ${this.#renderActions(view, index)}
    </li>`;
  }

  #renderMessage(): unknown {
    const texts = this.#texts;
    switch (this.#phase) {
      case 'loading':
        return html`<div part="message" class="box loading">
          ${spinner}
          <p>${this.messages.statusLoading}</p>
        </div>`;
      case 'error':
        // "Prøv igjen" only where trying again can help (not for 400, 401, 403, 404).
        return html`<div part="message" class="box error">
          <p class="error-text">${this.#error ? this.errorText(this.#error) : nothing}</p>
          ${
            this.#error?.retryable
              ? this.#button('retry-button', this.messages.retry, () => this.#retry())
              : nothing
          }
        </div>`;
      default: {
        // "Not available", or nothing to list.
        const text = this.#phase === 'no-list' ? texts.noList : !this.#rows.length && texts.empty;
        return text
          ? html`<p part="message" class="box unknown" tabindex="-1">${text}</p>`
          : nothing;
      }
    }
  }

  protected override render(): unknown {
    const texts = this.#texts;
    const rows = this.#visible;
    return html`<div part="base" lang=${this.language}>
      <div role="status" aria-live="polite" aria-busy=${String(this.#phase === 'loading')}>
        ${this.#renderMessage()}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${
        rows.length
          ? html`<ul part="list" aria-label=${texts.label}>
              ${rows.map((view, index) => this.#renderRow(view, index))}
            </ul>`
          : nothing
      }
      ${
        this.#phase === 'ready' && this.#error
          ? html`<p part="error" class="error-text">${this.errorText(this.#error)}</p>`
          : nothing
      }
      ${
        this.#phase === 'ready' && this.#more
          ? this.#button('more-button', texts.more, () => this.#load(true), this.#loadingMore)
          : nothing
      }
    </div>`;
  }
}
