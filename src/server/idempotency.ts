/**
 * `Idempotency-Key` for creating access requests: a retry with the same key gets the first answer
 * instead of a second request in Altinn (Altinn 2's API has no idempotency of its own). Concurrent
 * calls with one key share one creation; a key reused for another body is refused; keys belong to
 * one person, and one person's keys never push out another's.
 */
import { ProblemError } from './problem.js';

/** What is kept under a key. */
export interface IdempotencyEntry {
  /** A digest of the request the key was first used for. */
  fingerprint: string;
  /** `created`: `value` is the answer. `unknown`: the call to Altinn failed on the way, it may have created one. */
  state: 'created' | 'unknown';
  value?: unknown;
}

/**
 * Where entries are kept, per owner (the signed-in person) and key. The default keeps them in
 * memory; give a shared one for several instances.
 */
export interface IdempotencyStore {
  get(
    owner: string,
    key: string,
  ): Promise<IdempotencyEntry | undefined> | IdempotencyEntry | undefined;
  set(
    owner: string,
    key: string,
    entry: IdempotencyEntry,
    ttlMilliseconds: number,
  ): Promise<void> | void;
}

interface Kept {
  entry: IdempotencyEntry;
  expiresAt: number;
}

/**
 * Entries in memory: at most `perOwner` keys for each person (their oldest go first) and
 * `maxOwners` persons (the least recently active go first), so one person's keys cannot evict
 * another person's.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #owners = new Map<string, Map<string, Kept>>();
  readonly #perOwner: number;
  readonly #maxOwners: number;

  constructor(options: { perOwner?: number; maxOwners?: number } = {}) {
    this.#perOwner = options.perOwner ?? 100;
    this.#maxOwners = options.maxOwners ?? 10_000;
  }

  get(owner: string, key: string): IdempotencyEntry | undefined {
    const keys = this.#owners.get(owner);
    const kept = keys?.get(key);
    if (!keys || !kept) return undefined;
    if (kept.expiresAt <= Date.now()) {
      keys.delete(key);
      return undefined;
    }
    return kept.entry;
  }

  set(owner: string, key: string, entry: IdempotencyEntry, ttlMilliseconds: number): void {
    const keys = this.#owners.get(owner) ?? new Map<string, Kept>();
    // Re-inserted last: the most recently active owner and key are the last to go.
    this.#owners.delete(owner);
    this.#owners.set(owner, keys);
    keys.delete(key);
    keys.set(key, { entry, expiresAt: Date.now() + ttlMilliseconds });
    dropOldest(keys, this.#perOwner);
    dropOldest(this.#owners, this.#maxOwners);
  }
}

function dropOldest(map: Map<string, unknown>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** Whether a failed creation may still have reached Altinn (no answer, a time-out, Altinn's 5xx). */
function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof ProblemError) || error.problem.status >= 500;
}

/** A stable digest of a JSON body: the same fields in another order are the same request. */
export async function fingerprintOf(body: unknown): Promise<string> {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([name, item]) => [name, canonical(item)]),
          )
        : value;
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(JSON.stringify(canonical(body))),
  );
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function keyReused(): ProblemError {
  return new ProblemError({
    status: 422,
    code: 'idempotency-key-reused',
    title: 'Idempotency-Key used for another request',
    detail:
      'This Idempotency-Key was first sent with another body; use a new key for a new request.',
  });
}

export interface Creation<T> {
  /** Creates the request in Altinn. */
  create(): Promise<T>;
  /**
   * After an earlier try whose outcome is unknown: the request that try may have created, if Altinn
   * has it; `undefined` to create anew.
   */
  recover?(): Promise<T | undefined>;
}

/** Runs a creation once per owner and key: a repeat returns the kept answer, a concurrent one waits for it. */
export class Idempotency {
  readonly #store: IdempotencyStore;
  readonly #inFlight = new Map<string, { fingerprint: string; creating: Promise<unknown> }>();

  constructor(store: IdempotencyStore = new MemoryIdempotencyStore()) {
    this.#store = store;
  }

  async once<T>(
    owner: string,
    key: string | undefined,
    fingerprint: string,
    creation: Creation<T>,
  ): Promise<T> {
    if (key === undefined) return creation.create();
    const slot = `${owner}\n${key}`;
    const pending = this.#inFlight.get(slot);
    if (pending) {
      if (pending.fingerprint !== fingerprint) throw keyReused();
      return pending.creating as Promise<T>;
    }
    const creating = this.#run(owner, key, fingerprint, creation);
    this.#inFlight.set(slot, { fingerprint, creating });
    try {
      return await creating;
    } finally {
      this.#inFlight.delete(slot);
    }
  }

  async #run<T>(
    owner: string,
    key: string,
    fingerprint: string,
    creation: Creation<T>,
  ): Promise<T> {
    const kept = await this.#store.get(owner, key);
    if (kept && kept.fingerprint !== fingerprint) throw keyReused();
    if (kept?.state === 'created') return kept.value as T;
    if (kept?.state === 'unknown' && creation.recover) {
      const recovered = await creation.recover();
      if (recovered !== undefined) {
        await this.#store.set(owner, key, { fingerprint, state: 'created', value: recovered }, DAY);
        return recovered;
      }
    }
    let value: T;
    try {
      value = await creation.create();
    } catch (error) {
      // Kept so that the retry looks for what this try may have created before creating again.
      if (outcomeUnknown(error)) {
        await this.#store.set(owner, key, { fingerprint, state: 'unknown' }, DAY);
      }
      throw error;
    }
    await this.#store.set(owner, key, { fingerprint, state: 'created', value }, DAY);
    return value;
  }
}
