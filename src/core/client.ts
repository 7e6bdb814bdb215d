/**
 * The backend ("BFF") client: the only place that sends HTTP. It adds the configured headers, applies
 * the time-out, turns problem+json into {@link AltinnRequestError}s and every answer into a
 * {@link RequestView}.
 */
import { is } from 'valibot';
import { getConfig, type AltinnRequestConfig, type HeadersSource } from './config.js';
import { AltinnRequestError, type ProblemDetails } from './errors.js';
import { toRequestView, type RequestView } from './request-view.js';
import {
  problemDetailsSchema,
  type AccessRequestBody,
  type ConsentRequestBody,
} from './schemas.js';
import type { RequestKind } from './status.js';

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

async function resolveHeaders(source: HeadersSource | undefined): Promise<HeadersInit | undefined> {
  return typeof source === 'function' ? source() : source;
}

function problemOf(body: string): ProblemDetails | undefined {
  try {
    const problem: unknown = JSON.parse(body);
    return is(problemDetailsSchema, problem) ? (problem as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

/** Calls the portal's backend as the contract describes. */
export class BackendClient {
  readonly #options: BackendClientOptions;

  constructor(options: BackendClientOptions = {}) {
    this.#options = options;
  }

  /** `POST {endpoint}/consent-requests`: creates (or, for a known id, returns) a consent request. */
  createConsentRequest(body: ConsentRequestBody, options: CallOptions = {}): Promise<RequestView> {
    return this.#send('consent', 'POST', '/consent-requests', body, options);
  }

  /** `GET {endpoint}/consent-requests/{id}`: the consent request's current state. */
  getConsentRequest(id: string, options: CallOptions = {}): Promise<RequestView> {
    return this.#send(
      'consent',
      'GET',
      `/consent-requests/${encodeURIComponent(id)}`,
      undefined,
      options,
    );
  }

  /**
   * `POST {endpoint}/access-requests`: creates an access request. `idempotencyKey` (a UUID) is the
   * same on every retry of one request, so the backend creates it once.
   */
  createAccessRequest(
    body: AccessRequestBody,
    idempotencyKey: string,
    options: CallOptions = {},
  ): Promise<RequestView> {
    return this.#send('access', 'POST', '/access-requests', body, {
      ...options,
      headers: { ...options.headers, 'Idempotency-Key': idempotencyKey },
    });
  }

  /** `GET {endpoint}/access-requests/{id}`: the access request's current state. */
  getAccessRequest(id: string, options: CallOptions = {}): Promise<RequestView> {
    return this.#send(
      'access',
      'GET',
      `/access-requests/${encodeURIComponent(id)}`,
      undefined,
      options,
    );
  }

  async #send(
    kind: RequestKind,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    options: CallOptions,
  ): Promise<RequestView> {
    const config = { ...getConfig(), ...definedOnly(this.#options) };
    const url = config.endpoint.replace(/\/+$/, '') + path;

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
          await abortable(resolveHeaders(config.headers), controller.signal),
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
      } catch (error) {
        if (timedOut) {
          throw new AltinnRequestError(
            'timeout',
            `No answer from ${url} within ${config.timeout} ms.`,
            {
              kind,
              cause: error,
            },
          );
        }
        if (controller.signal.aborted) {
          throw new AltinnRequestError('aborted', 'The call was cancelled.', {
            kind,
            cause: error,
          });
        }
        throw new AltinnRequestError(
          'network',
          `${method} ${url} failed: the backend could not be reached.`,
          {
            kind,
            cause: error,
          },
        );
      }

      if (!response.ok) {
        const problem = problemOf(text);
        const code = response.status >= 500 ? 'http-5xx' : 'http-4xx';
        const detail = problem?.detail ?? problem?.title ?? response.statusText;
        throw new AltinnRequestError(
          code,
          `${method} ${url} answered ${response.status}: ${detail}`,
          {
            kind,
            httpStatus: response.status,
            ...(problem ? { problem } : {}),
          },
        );
      }

      let answer: unknown;
      try {
        answer = JSON.parse(text);
      } catch (error) {
        throw new AltinnRequestError(
          'invalid-response',
          `${method} ${url} answered something that is not JSON.`,
          {
            kind,
            httpStatus: response.status,
            cause: error,
          },
        );
      }
      const view = toRequestView(answer, kind);
      if (!view) {
        throw new AltinnRequestError(
          'invalid-response',
          `${method} ${url} answered JSON that is not a ${kind} request.`,
          { kind, httpStatus: response.status },
        );
      }
      return view;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abortFromCaller);
    }
  }
}

/** `promise`, or a rejection as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
