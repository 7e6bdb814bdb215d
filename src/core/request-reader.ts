/**
 * Reads for many elements at once: one call per distinct id however many elements show it, and the
 * ids asked for within a few milliseconds (elements that upgrade together, polls that fall due
 * together) go to the backend as `…/lookup` batches of at most {@link LOOKUP_LIMIT} ids. A lone id
 * is read with a plain GET. A backend without the lookup route (404, 405, 501) is read id by id.
 */
import { BackendClient, LOOKUP_LIMIT, type RequestList, type RequestListQuery } from './client.js';
import { AltinnRequestError } from './errors.js';
import type { RequestKind } from './request-status.js';
import type { RequestView } from './view.js';

/** How long reads are gathered before they are sent, in milliseconds. */
const GATHER_MS = 8;
/**
 * How long an answer serves later reads of the same id, in milliseconds: elements polling one id
 * fall due at nearly the same time, and on a busy page their timers drift further apart than the
 * gathering; they still share one call per round. Below the shortest poll interval (250 ms).
 */
const FRESH_MS = 150;

interface Waiting {
  resolve: (view: RequestView) => void;
  reject: (error: unknown) => void;
  promise: Promise<RequestView>;
}

/** The reads of one backend and kind. */
class Batch {
  readonly #client: BackendClient;
  readonly #kind: RequestKind;
  /** Ids asked for and not yet sent, by lower-case id. */
  #queued = new Map<string, { id: string; waiting: Waiting }>();
  /** Reads sent and not yet answered, by lower-case id: a second element shares the first's. */
  readonly #inFlight = new Map<string, Promise<RequestView>>();
  /** The latest answers, by lower-case id, with the time they came. */
  readonly #answered = new Map<string, { view: RequestView; at: number }>();
  readonly #lists = new Map<string, Promise<RequestList>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lookupMissing = false;

  constructor(client: BackendClient, kind: RequestKind) {
    this.#client = client;
    this.#kind = kind;
  }

  read(id: string, polled: boolean, fresh: boolean): Promise<RequestView> {
    const key = id.toLowerCase();
    // Back from Altinn, or a retry: the backend asks Altinn now, whoever read it a moment ago.
    if (fresh) return this.#client.getRequest(this.#kind, id, { refresh: true });
    const shared = this.#inFlight.get(key) ?? this.#queued.get(key)?.waiting.promise;
    if (shared) return shared;
    const answered = this.#answered.get(key);
    if (polled && answered && Date.now() - answered.at < FRESH_MS) {
      return Promise.resolve(answered.view);
    }
    let waiting!: Waiting;
    const promise = new Promise<RequestView>((resolve, reject) => {
      waiting = { resolve, reject, promise: undefined as unknown as Promise<RequestView> };
    });
    waiting.promise = promise;
    this.#queued.set(key, { id, waiting });
    if (this.#timer === undefined) this.#timer = setTimeout(() => this.#flush(), GATHER_MS);
    return promise;
  }

  list(query: RequestListQuery): Promise<RequestList> {
    const key = JSON.stringify(query);
    let shared = this.#lists.get(key);
    if (!shared) {
      shared = this.#client.listRequests(this.#kind, query);
      this.#lists.set(key, shared);
      const done = (): void => void this.#lists.delete(key);
      shared.then(done, done);
    }
    return shared;
  }

  #flush(): void {
    this.#timer = undefined;
    const queued = [...this.#queued.values()];
    this.#queued = new Map();
    for (const { id, waiting } of queued) {
      const key = id.toLowerCase();
      this.#inFlight.set(key, waiting.promise);
      const done = (): void => void this.#inFlight.delete(key);
      waiting.promise.then((view) => {
        done();
        this.#answered.set(key, { view, at: Date.now() });
      }, done);
    }
    if (queued.length === 1 || this.#lookupMissing) {
      for (const { id, waiting } of queued) this.#get(id, waiting);
      return;
    }
    for (let start = 0; start < queued.length; start += LOOKUP_LIMIT) {
      void this.#lookup(queued.slice(start, start + LOOKUP_LIMIT));
    }
  }

  #get(id: string, waiting: Waiting): void {
    this.#client.getRequest(this.#kind, id).then(waiting.resolve, waiting.reject);
  }

  async #lookup(batch: { id: string; waiting: Waiting }[]): Promise<void> {
    let views: RequestView[];
    try {
      views = await this.#client.lookupRequests(
        this.#kind,
        batch.map(({ id }) => id),
      );
    } catch (error) {
      const status = error instanceof AltinnRequestError ? error.httpStatus : undefined;
      if (status === 404 || status === 405 || status === 501) {
        // An older backend: read these, and every later batch, one by one.
        this.#lookupMissing = true;
        for (const { id, waiting } of batch) this.#get(id, waiting);
        return;
      }
      for (const { waiting } of batch) waiting.reject(error);
      return;
    }
    for (const { id, waiting } of batch) {
      const view = views.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
      if (view) waiting.resolve(view);
      // Left out: not the caller's, or no such request; the backend does not say which.
      else {
        waiting.reject(
          new AltinnRequestError('http-4xx', `The backend knows no ${this.#kind} request ${id}.`, {
            kind: this.#kind,
            httpStatus: 404,
          }),
        );
      }
    }
  }
}

const batches = new Map<string, Batch>();

/**
 * Reads the request `id` of `kind` through the backend at `endpoint` (the configured one when
 * `undefined`), sharing the call with every other element that asks for it meanwhile. A `polled`
 * read also takes an answer that came in the last moments (another element's poll of the same round);
 * a `fresh` one is a GET of its own that tells the backend to read Altinn now (`?refresh=true`).
 */
export function readRequest(
  endpoint: string | undefined,
  kind: RequestKind,
  id: string,
  polled = false,
  fresh = false,
): Promise<RequestView> {
  return batchOf(endpoint, kind).read(id, polled, fresh);
}

/** Lists the person's requests of `kind`, sharing the call with elements that ask the same. */
export function listRequests(
  endpoint: string | undefined,
  kind: RequestKind,
  query: RequestListQuery,
): Promise<RequestList> {
  return batchOf(endpoint, kind).list(query);
}

function batchOf(endpoint: string | undefined, kind: RequestKind): Batch {
  const key = `${kind} ${endpoint ?? ''}`;
  let batch = batches.get(key);
  if (!batch) {
    batch = new Batch(new BackendClient(endpoint ? { endpoint } : {}), kind);
    batches.set(key, batch);
  }
  return batch;
}
