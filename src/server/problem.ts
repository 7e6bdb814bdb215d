/**
 * The backend's answers: JSON, or RFC 9457 problem details (`application/problem+json`) with a stable
 * `code`. Every answer is `no-store`: statuses change and belong to one signed-in person.
 */

/** Stable codes of the backend's own problems (Altinn's codes, e.g. `AM-00005`, pass through as they are). */
export type BackendProblemCode =
  | 'invalid-body'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'not-signed-in'
  | 'cross-site-request'
  | 'forbidden-field'
  | 'resource-not-allowed'
  | 'redirect-not-allowed'
  | 'validity-too-long'
  | 'missing-metadata'
  | 'unknown-metadata'
  | 'not-found'
  | 'request-final'
  | 'method-not-allowed'
  | 'altinn-refused'
  | 'altinn-unauthorized'
  | 'altinn-unavailable'
  | 'maskinporten-failed'
  | 'internal-error';

export interface Problem {
  status: number;
  code: BackendProblemCode | string;
  title: string;
  detail?: string;
  /** Field-level problems, for `invalid-body` and Altinn's validation errors. */
  errors?: { path: string; message: string; code?: string }[];
}

const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** A JSON answer. */
export function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8', ...extra },
  });
}

/** A problem details answer. */
export function problem(details: Problem, extra: Record<string, string> = {}): Response {
  const body = {
    type: `urn:altinn-request-elements:problem:${details.code}`,
    title: details.title,
    status: details.status,
    ...(details.detail ? { detail: details.detail } : {}),
    code: details.code,
    ...(details.errors?.length ? { errors: details.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: details.status,
    headers: { ...headers, 'content-type': 'application/problem+json; charset=utf-8', ...extra },
  });
}

/** Thrown inside a route to answer with a problem. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    /** Altinn's own code (`AUTH-00011`) where the problem hides it, for the module that asked. */
    readonly altinnCode?: string,
  ) {
    super(problem.detail ?? problem.title);
  }
}
