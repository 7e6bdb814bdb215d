import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The shortest wait between polls, in milliseconds: a smaller `poll-interval` is raised to it. */
export const MIN_POLL_INTERVAL = 250;

export interface PollingOptions {
  /** Fetches once; polling waits for it before it plans the next fetch. */
  refresh: () => Promise<unknown>;
  /** Whether to go on (e.g. the status is not final yet). */
  shouldPoll: () => boolean;
  /** The first wait, in milliseconds, as the element's attribute says. */
  interval: () => unknown;
  /** The longest wait, in milliseconds, as the element's attribute says. */
  maxInterval: () => unknown;
  /** Who polls, for the console. */
  name: string;
}

/** A positive number of milliseconds, else `fallback` ("3s" is not a number and must not mean 0). */
function milliseconds(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Polls with back-off while the host wants it: the first wait is `interval` (at least
 * {@link MIN_POLL_INTERVAL}), each later one 1.5 times the one before, up to `maxInterval`. A change
 * of status ({@link PollingController.resetBackoff}) and a page that becomes visible again start
 * the back-off over. Nothing is fetched while the page is hidden.
 */
export class PollingController implements ReactiveController {
  readonly #options: PollingOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waits = 0;
  #connected = false;
  #warned = false;

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

  /** The first wait: the attribute's, raised to the floor (said once in the console). */
  get interval(): number {
    const asked = milliseconds(this.#options.interval(), 3000);
    if (asked < MIN_POLL_INTERVAL && !this.#warned) {
      this.#warned = true;
      console.warn(
        `<${this.#options.name}>: poll-interval ${asked} ms is raised to ${MIN_POLL_INTERVAL} ms.`,
      );
    }
    return Math.max(MIN_POLL_INTERVAL, asked);
  }

  /** Plans the next fetch, if polling should go on; call it after every fetch. */
  schedule(): void {
    this.stop();
    if (!this.#connected || !this.#options.shouldPoll() || globalThis.document?.hidden) return;
    const interval = this.interval;
    const longest = Math.max(interval, milliseconds(this.#options.maxInterval(), 60_000));
    const wait = Math.min(interval * 1.5 ** this.#waits, longest);
    this.#waits += 1;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#options.refresh();
    }, wait);
  }

  /** Starts the back-off from the shortest wait again (after a change of status). */
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
