/**
 * Calls Altinn's platform APIs with a Maskinporten token, and turns Altinn's failures into answers the
 * browser may see: Altinn's own validation problems pass through with their codes; anything about the
 * portal's credentials or Altinn's health becomes a 502 with no detail that could leak.
 */
import { readLimited } from './body.js';
import { MaskinportenError, type TokenSource } from './maskinporten.js';
import { ProblemError, type Problem } from './problem.js';
import { validate } from './schemas.js';
import type { z } from 'zod';

/** Altinn's answers are small; anything larger is not one of them (and must not fill memory). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** An answer that is not Altinn's: too large, or a redirect. */
class AltinnAnswerError extends Error {}

function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'TimeoutError';
}

/** `promise`, or a `TimeoutError` after `milliseconds`: a token source that never settles cannot hang a call. */
function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DOMException('The token source did not answer in time.', 'TimeoutError')),
      milliseconds,
    );
  });
  return Promise.race([promise, timedOut]).finally(() => clearTimeout(timer));
}

export interface AltinnApiOptions {
  platformUrl: string;
  tokenSource: TokenSource;
  fetch?: typeof fetch;
  /** Milliseconds before an Altinn call gives up. Default 15000. */
  timeout?: number;
  /** Told of every failure with its full detail, for the portal's logs. */
  onError?: (error: unknown) => void;
}

export interface AltinnAnswer {
  status: number;
  body: unknown;
}

interface AltinnProblemBody {
  code?: unknown;
  title?: unknown;
  detail?: unknown;
  validationErrors?: unknown;
  problems?: unknown;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Altinn's validation errors and multiple problems, flattened into `errors`. */
function errorsOf(body: AltinnProblemBody): Problem['errors'] {
  const errors: NonNullable<Problem['errors']> = [];
  for (const item of Array.isArray(body.validationErrors) ? body.validationErrors : []) {
    const entry = item as { code?: unknown; detail?: unknown; title?: unknown; paths?: unknown };
    const paths = Array.isArray(entry.paths)
      ? entry.paths.filter((p) => typeof p === 'string')
      : [];
    errors.push({
      path: paths.join(', ') || 'body',
      message: textOf(entry.detail) ?? textOf(entry.title) ?? 'invalid',
      ...(textOf(entry.code) ? { code: textOf(entry.code) } : {}),
    });
  }
  for (const item of Array.isArray(body.problems) ? body.problems : []) {
    const entry = item as AltinnProblemBody;
    errors.push({
      path: 'body',
      message: textOf(entry.detail) ?? textOf(entry.title) ?? 'invalid',
      ...(textOf(entry.code) ? { code: textOf(entry.code) } : {}),
    });
  }
  return errors;
}

export class AltinnApi {
  readonly #options: AltinnApiOptions;

  constructor(options: AltinnApiOptions) {
    this.#options = options;
  }

  /**
   * Sends one call; answers 2xx as they are (an empty body as `null`), and throws a
   * {@link ProblemError} for anything else. `baseUrl` and `headers` serve Altinn 2's API.
   */
  async send(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    scopes: readonly string[],
    body?: unknown,
    extra: { baseUrl?: string; headers?: Record<string, string> } = {},
  ): Promise<AltinnAnswer> {
    const { tokenSource, onError } = this.#options;
    const platformUrl = extra.baseUrl ?? this.#options.platformUrl;
    const timeout = this.#options.timeout ?? 15_000;
    let token: string;
    try {
      token = await withTimeout(tokenSource.getToken(scopes), timeout);
    } catch (error) {
      onError?.(error);
      const timedOut = isTimeout(error);
      throw new ProblemError({
        status: timedOut ? 504 : 502,
        code: 'maskinporten-failed',
        title: timedOut
          ? 'The portal could not authenticate to Altinn in time'
          : 'The portal could not authenticate to Altinn',
        detail:
          error instanceof MaskinportenError
            ? 'Maskinporten refused or did not answer.'
            : undefined,
      });
    }
    const url = `${platformUrl}${path}`;
    let status: number;
    let text: string;
    try {
      // The time-out covers the body too; redirects are not followed, so the token and the API key
      // never go to another origin.
      const response = await (this.#options.fetch ?? globalThis.fetch)(url, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extra.headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      });
      status = response.status;
      if ((status >= 300 && status < 400) || response.type === 'opaqueredirect') {
        void response.body?.cancel().catch(() => undefined);
        throw new AltinnAnswerError(`${method} ${url} answered a redirect (${status}).`);
      }
      text = new TextDecoder().decode(
        await readLimited(
          response.body,
          MAX_ANSWER_BYTES,
          () =>
            new AltinnAnswerError(`${method} ${url} answered more than ${MAX_ANSWER_BYTES} bytes.`),
        ),
      );
    } catch (error) {
      onError?.(error);
      if (error instanceof AltinnAnswerError) {
        throw new ProblemError({
          status: 502,
          code: 'altinn-unavailable',
          title: 'Altinn answered something unexpected',
        });
      }
      throw new ProblemError({
        status: isTimeout(error) ? 504 : 502,
        code: 'altinn-unavailable',
        title: 'Altinn did not answer',
      });
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300) {
      if (parsed === undefined && (status === 204 || method === 'DELETE')) {
        return { status, body: null };
      }
      if (parsed === undefined) {
        onError?.(new Error(`${method} ${url} answered ${status} without JSON.`));
        throw new ProblemError({
          status: 502,
          code: 'altinn-unavailable',
          title: 'Altinn answered something unexpected',
        });
      }
      return { status, body: parsed };
    }
    throw this.#problemFor(method, url, status, (parsed ?? {}) as AltinnProblemBody);
  }

  #problemFor(method: string, url: string, status: number, body: AltinnProblemBody): ProblemError {
    const code = textOf(body.code);
    this.#options.onError?.(
      new Error(
        `${method} ${url} answered ${status}${code ? ` ${code}` : ''}: ${textOf(body.detail) ?? textOf(body.title) ?? ''}`,
      ),
    );
    // Several validation problems at once come as HTTP 500 with STD-00001: the input is wrong, not Altinn.
    if (status === 400 || code === 'STD-00001') {
      return new ProblemError({
        status: 400,
        code: code ?? 'altinn-refused',
        title: 'Altinn refused the request',
        detail: textOf(body.detail) ?? textOf(body.title),
        errors: errorsOf(body),
      });
    }
    if (status === 404) {
      return new ProblemError({ status: 404, code: 'not-found', title: 'Not found' }, code);
    }
    // 401 and 403 are about the portal's own Maskinporten client (scope, access list, wrong `to`).
    if (status === 401 || status === 403) {
      return new ProblemError(
        {
          status: 502,
          code: 'altinn-unauthorized',
          title: 'Altinn did not authorise the portal for this request',
        },
        code,
      );
    }
    return new ProblemError({ status: 502, code: 'altinn-unavailable', title: 'Altinn failed' });
  }
}

/** Altinn's answer read with `schema`; anything else is a 502 (Altinn answered something unexpected). */
export function parseAltinn<T>(schema: z.ZodType<T>, answer: unknown): T {
  const parsed = validate(schema, answer);
  if (!parsed.success) {
    throw new ProblemError({
      status: 502,
      code: 'altinn-unavailable',
      title: 'Altinn answered something unexpected',
    });
  }
  return parsed.data;
}
