import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PollingOptions {
  /** Fetches once; polling waits for it before it plans the next fetch. */
  refresh: () => Promise<unknown>;
  /** Whether to go on (e.g. the status is not final yet). */
  shouldPoll: () => boolean;
  /** The first wait, in milliseconds. */
  interval: () => number;
  /** The longest wait, in milliseconds; each wait is 1.5 times the one before, up to this. */
  maxInterval: () => number;
}

/**
 * Polls with back-off while the host wants it: each wait is longer than the last, nothing is fetched
 * while the page is hidden, and a page that becomes visible again fetches at once.
 */
export class PollingController implements ReactiveController {
  readonly #options: PollingOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waits = 0;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: PollingOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    globalThis.document?.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    this.#connected = false;
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.stop();
  }

  /** Plans the next fetch, if polling should go on; call it after every fetch. */
  schedule(): void {
    this.stop();
    if (!this.#connected || !this.#options.shouldPoll() || globalThis.document?.hidden) return;
    const wait = Math.min(
      this.#options.interval() * 1.5 ** this.#waits,
      this.#options.maxInterval(),
    );
    this.#waits += 1;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#options.refresh();
    }, wait);
  }

  /** Starts the back-off from the shortest wait again (e.g. after a change). */
  resetBackoff(): void {
    this.#waits = 0;
  }

  /** Stops the planned fetch. */
  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Whether a fetch is planned. */
  get scheduled(): boolean {
    return this.#timer !== undefined;
  }

  readonly #onVisibilityChange = (): void => {
    if (globalThis.document.hidden) {
      this.stop();
    } else if (this.#options.shouldPoll()) {
      // Back on the page (perhaps from Altinn's tab): look now, then back off from the start.
      this.resetBackoff();
      void this.#options.refresh();
    }
  };
}
