/**
 * `Idempotency-Key` for creating access requests: a retry with the same key gets the first answer
 * instead of a second request in Altinn (Altinn 2's API has no idempotency of its own). Concurrent
 * calls with one key share one creation.
 */

/** Where answers are kept by key. The default keeps them in memory; give a shared one for several instances. */
export interface IdempotencyStore {
  get(key: string): Promise<unknown> | unknown;
  set(key: string, value: unknown, ttlMilliseconds: number): Promise<void> | void;
}

/** Answers in memory, for a day, at most `maxEntries` (the oldest go first). */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, { value: unknown; expiresAt: number }>();
  readonly #maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  get(key: string): unknown {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: unknown, ttlMilliseconds: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: Date.now() + ttlMilliseconds });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** Runs `create` once per key: a repeat returns the kept answer, a concurrent one waits for it. */
export class Idempotency {
  readonly #store: IdempotencyStore;
  readonly #inFlight = new Map<string, Promise<unknown>>();

  constructor(store: IdempotencyStore = new MemoryIdempotencyStore()) {
    this.#store = store;
  }

  async once<T>(key: string | undefined, create: () => Promise<T>): Promise<T> {
    if (key === undefined) return create();
    const kept = await this.#store.get(key);
    if (kept !== undefined) return kept as T;
    const pending = this.#inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const creating = create().then(async (value) => {
      await this.#store.set(key, value, DAY);
      return value;
    });
    this.#inFlight.set(key, creating);
    try {
      return await creating;
    } finally {
      this.#inFlight.delete(key);
    }
  }
}
