/**
 * The backend ("BFF") client: the only place that sends HTTP. It adds the configured headers, applies
 * the time-out, turns problem+json into {@link AltinnRequestError}s, and believes only request views
 * of the kind (and about the id) it asked for: anything else is an `invalid-response` error.
 */
import { getConfig, type AltinnRequestConfig } from './config.js';
import { AltinnRequestError, type ProblemDetails } from './errors.js';
import type { RequestKind } from './request-status.js';
import { readView, sameRequestId, type RequestView } from './view.js';

/** What a {@link BackendClient} needs; any setting left out comes from {@link getConfig}. */
export type BackendClientOptions = Partial<
  Pick<AltinnRequestConfig, 'endpoint' | 'fetch' | 'headers' | 'credentials' | 'timeout'>
>;

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call; it then fails with code `aborted`. */
  signal?: AbortSignal | undefined;
  /** Headers for this call only, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** Options of reading one request. */
export interface ReadOptions extends CallOptions {
  /** The backend reads Altinn now unless it did in the last quarter second (`?refresh=true`). */
  refresh?: boolean;
}

/** The problem details in `body`, when it is a JSON object whose standard members have their types. */
function problemOf(body: string): ProblemDetails | undefined {
  try {
    const problem = JSON.parse(body) as Record<string, unknown> | null;
    const { type, title, status, detail, code } = problem ?? {};
    return problem instanceof Object &&
      !Array.isArray(problem) &&
      [type, title, detail, code, status].every(
        (value, at) => value === undefined || typeof value === (at < 4 ? 'string' : 'number'),
      )
      ? (problem as ProblemDetails)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Which of a person's requests a list asks for (`GET {endpoint}/{kind}-requests?…`). */
export interface RequestListQuery {
  resource?: string | undefined;
  package?: string | undefined;
  /** An Altinn 2 service code. */
  service?: string | undefined;
  integration?: string | undefined;
  org?: string | undefined;
  state?: 'open' | 'final' | 'all';
  limit?: number;
  cursor?: string | undefined;
}

/** One page of a list: the person's requests, newest first, and the cursor of the next page. */
export interface RequestList {
  items: RequestView[];
  next?: string;
}

/** The most ids one `…/lookup` call may carry (the contract's limit). */
export const LOOKUP_LIMIT = 100;

/** Calls the portal's backend as the contract describes. */
export class BackendClient {
  readonly #options: BackendClientOptions;

  constructor(options: BackendClientOptions = {}) {
    this.#options = options;
  }

  /**
   * `POST {endpoint}/{kind}-requests`: creates a request of `kind`. A consent body carries its own
   * `id`, and the answer must be about it; the other kinds send `Idempotency-Key` instead.
   */
  async createRequest(
    kind: RequestKind,
    body: object,
    idempotencyKey?: string,
    options: CallOptions = {},
  ): Promise<RequestView> {
    const headers = idempotencyKey
      ? { ...options.headers, 'Idempotency-Key': idempotencyKey }
      : options.headers;
    const id = (body as { id?: unknown }).id;
    const answer = await this.#send(kind, 'POST', '', body, { ...options, headers });
    return this.#view(answer, kind, typeof id === 'string' ? id : undefined);
  }

  /** `GET {endpoint}/{kind}-requests/{id}`: the request's current state, about `id` and no other. */
  getRequest(kind: RequestKind, id: string, options: ReadOptions = {}): Promise<RequestView> {
    return this.#one('GET', kind, id, options, options.refresh ? '?refresh=true' : '');
  }

  /** `DELETE {endpoint}/{kind}-requests/{id}`: withdraws the request; answers its view. */
  withdrawRequest(kind: RequestKind, id: string, options: CallOptions = {}): Promise<RequestView> {
    return this.#one('DELETE', kind, id, options);
  }

  async #one(
    method: 'GET' | 'DELETE',
    kind: RequestKind,
    id: string,
    options: CallOptions,
    query = '',
  ): Promise<RequestView> {
    const path = `/${encodeURIComponent(id)}${query}`;
    const answer = await this.#send(kind, method, path, undefined, options);
    return this.#view(answer, kind, id);
  }

  /** `GET {endpoint}/{kind}-requests?…`: the signed-in person's requests, newest first. */
  async listRequests(
    kind: RequestKind,
    query: RequestListQuery,
    options: CallOptions = {},
  ): Promise<RequestList> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    const answer = await this.#send(kind, 'GET', `?${params}`, undefined, options);
    const items = this.#items(answer, kind);
    const next = (answer as { next?: unknown }).next;
    return typeof next === 'string' && next ? { items, next } : { items };
  }

  /**
   * `POST {endpoint}/{kind}-requests/lookup`: the caller's requests among `ids` (at most
   * {@link LOOKUP_LIMIT}); the backend leaves out the others. Views about ids not asked for are
   * refused, as any answer about another request is.
   */
  async lookupRequests(
    kind: RequestKind,
    ids: readonly string[],
    options: CallOptions = {},
  ): Promise<RequestView[]> {
    const answer = await this.#send(kind, 'POST', '/lookup', { ids }, options);
    const items = this.#items(answer, kind);
    if (items.some((item) => !ids.some((id) => sameRequestId(id, item.id)))) {
      throw this.#invalid(kind, 'answered about another request');
    }
    return items;
  }

  #invalid(kind: RequestKind, what: string): AltinnRequestError {
    return new AltinnRequestError('invalid-response', `The backend ${what}.`, { kind });
  }

  #view(answer: unknown, kind: RequestKind, id?: string): RequestView {
    const view = readView(answer, kind, id);
    if (!view) {
      throw this.#invalid(kind, `answered no view of ${kind} request ${id ?? ''}`);
    }
    return view;
  }

  #items(answer: unknown, kind: RequestKind): RequestView[] {
    const items = (answer as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw this.#invalid(kind, 'answered no list');
    return items.map((item: unknown) => this.#view(item, kind));
  }

  /** Sends one call to `{endpoint}/{kind}-requests{path}` and answers its parsed JSON. */
  async #send(
    kind: RequestKind,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body: unknown,
    options: CallOptions,
  ): Promise<unknown> {
    const config = { ...getConfig() };
    for (const [name, value] of Object.entries(this.#options)) {
      if (value !== undefined) Object.assign(config, { [name]: value });
    }
    const url = `${config.endpoint.replace(/\/+$/, '')}/${kind}-requests${path}`;

    // One controller for the caller's signal and the time-out, so either ends the call; the timer
    // starts first, so it also covers a headers function that never settles.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, config.timeout);
    const abortFromCaller = (): void => controller.abort();
    if (options.signal?.aborted) controller.abort();
    options.signal?.addEventListener('abort', abortFromCaller, { once: true });

    try {
      const fetchImpl = config.fetch ?? globalThis.fetch;
      let response: Response;
      let text: string;
      try {
        const headers = new Headers(
          await abortable(
            Promise.resolve(
              typeof config.headers === 'function' ? config.headers() : config.headers,
            ),
            controller.signal,
          ),
        );
        headers.set('Accept', 'application/json, application/problem+json');
        if (body !== undefined) headers.set('Content-Type', 'application/json');
        for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
        response = await fetchImpl(url, {
          method,
          headers,
          credentials: config.credentials,
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
          cache: 'no-store',
        });
        text = await response.text();
      } catch (cause) {
        throw timedOut
          ? new AltinnRequestError(
              'timeout',
              `No answer from ${url} within ${config.timeout} ms.`,
              {
                kind,
                cause,
              },
            )
          : controller.signal.aborted
            ? new AltinnRequestError('aborted', 'The call was cancelled.', { kind, cause })
            : new AltinnRequestError(
                'network',
                `${method} ${url}: the backend could not be reached.`,
                {
                  kind,
                  cause,
                },
              );
      }

      const httpStatus = response.status;
      if (!response.ok) {
        const problem = problemOf(text);
        throw new AltinnRequestError(
          httpStatus >= 500 ? 'http-5xx' : 'http-4xx',
          `${method} ${url} answered ${httpStatus}: ${problem?.detail ?? problem?.title ?? response.statusText}`,
          { kind, httpStatus, ...(problem ? { problem } : {}) },
        );
      }

      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new AltinnRequestError('invalid-response', `${method} ${url} answered no JSON.`, {
          kind,
          httpStatus,
          cause,
        });
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abortFromCaller);
    }
  }
}

/** `promise`, or a rejection as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
