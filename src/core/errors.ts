import type { RequestKind } from './request-status.js';

/**
 * Stable, machine-readable error codes, carried by {@link AltinnRequestError} and by the
 * `altinn-request-error` event.
 */
export type ErrorCode =
  /** The backend answered with a URL that is not on the Altinn allow-list: nothing was opened. */
  | 'untrusted-redirect'
  /** The backend could not be reached (offline, DNS, refused, CORS). */
  | 'network'
  /** The backend did not answer within the configured time-out. */
  | 'timeout'
  /** The call was cancelled (the element left the page, or a newer call replaced it). */
  | 'aborted'
  /** The backend answered 2xx with something that is not a request this library understands. */
  | 'invalid-response'
  /** The backend refused the call (see `httpStatus` and `problem`). */
  | 'http-4xx'
  /** The backend failed (see `httpStatus` and `problem`). */
  | 'http-5xx'
  /** The element's own attributes are wrong (a developer error; the console says what). */
  | 'invalid-input';

/** An RFC 9457 problem details object, as the backend sends it (`application/problem+json`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** A stable code, e.g. Altinn's `AM-00005` or the backend's own. */
  code?: string;
  [extension: string]: unknown;
}

/** HTTP statuses that may succeed when simply sent again. */
const RETRYABLE_HTTP = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Altinn answers several validation problems at once with HTTP 500 and `STD-00001`: the input is
 * wrong, so sending it again cannot help.
 */
const NOT_RETRYABLE_PROBLEMS = new Set(['STD-00001']);

export interface AltinnRequestErrorOptions {
  httpStatus?: number;
  problem?: ProblemDetails;
  kind?: RequestKind;
  cause?: unknown;
}

/** Every failure of this library, with a stable `code` and whether trying again may help. */
export class AltinnRequestError extends Error {
  override readonly name = 'AltinnRequestError';
  readonly code: ErrorCode;
  readonly httpStatus: number | undefined;
  readonly problem: ProblemDetails | undefined;
  readonly retryable: boolean;
  readonly kind: RequestKind | undefined;

  constructor(code: ErrorCode, message: string, options: AltinnRequestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.problem = options.problem;
    this.kind = options.kind;
    this.retryable = isRetryable(code, options.httpStatus, options.problem);
  }
}

function isRetryable(code: ErrorCode, httpStatus?: number, problem?: ProblemDetails): boolean {
  switch (code) {
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'invalid-response':
      return true;
    case 'http-4xx':
    case 'http-5xx':
      if (problem?.code && NOT_RETRYABLE_PROBLEMS.has(problem.code)) return false;
      return httpStatus !== undefined && RETRYABLE_HTTP.has(httpStatus);
    case 'untrusted-redirect':
    case 'invalid-input':
      return false;
  }
}

/** Turns anything thrown into an {@link AltinnRequestError}, keeping one that already is. */
export function toAltinnRequestError(error: unknown): AltinnRequestError {
  if (error instanceof AltinnRequestError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AltinnRequestError('aborted', 'The call was cancelled.', { cause: error });
  }
  return new AltinnRequestError('network', 'The backend could not be reached.', { cause: error });
}
