/**
 * The browser side of the fake portal backend (test/support/fake-backend-middleware.mjs): a test lists
 * the answers it wants, gets an `endpoint` to give the code under test, and reads back what was sent.
 */

/** One answer of the fake backend. */
export interface FakeRoute {
  /** HTTP method, e.g. `POST` (any letter case). */
  method: string;
  /** Path relative to the endpoint, e.g. `/consent-requests`; a final `/*` matches one more segment. */
  path: string;
  /** Default 200. */
  status?: number;
  /**
   * Sent as JSON (`application/problem+json` when `status >= 400`). The token `$id` in any string in it
   * becomes the request's id: the JSON body's `id`, else the last path segment.
   */
  body?: unknown;
  /** Sent as-is instead of `body`, with `contentType` or `text/plain`. */
  raw?: string;
  contentType?: string;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (nothing is sent if the browser aborts meanwhile). */
  delayMs?: number;
  /**
   * `network`: the connection is dropped without an answer, so `fetch` rejects with a TypeError.
   * Chromium may silently resend the request once on a new connection, so such a route is not
   * limited with `times`: a test that retries gives the retry a scenario of its own.
   */
  fail?: 'network';
  /** How many requests this route answers; after that the next matching route (or a 404) answers. */
  times?: number;
  /**
   * A batch read (`POST …/lookup` with `{ ids }`): answers `{ items }` with `body` once per id asked,
   * `$id` replaced by that id.
   */
  eachId?: boolean;
  /** With `eachId`: ids the backend leaves out (not the caller's, or unknown). */
  leaveOut?: string[];
}

/** A request that reached the fake backend. */
export interface RecordedRequest {
  method: string;
  /** Relative to the endpoint, without the query, e.g. `/consent-requests`. */
  path: string;
  /** The query string without `?`, `''` when none. */
  query: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, `null` when empty. */
  body: unknown;
}

export interface FakeBackend {
  /** The scenario's base URL (same origin as the test page), to be used as the elements' `endpoint`. */
  endpoint: string;
  /** Every request that reached the scenario so far, oldest first. */
  requests(): Promise<RecordedRequest[]>;
}

/** Creates a fresh scenario answering with `routes` (first match that is not used up wins; else 404). */
export async function fakeBackend(routes: FakeRoute[]): Promise<FakeBackend> {
  const response = await fetch('/fake-bff/scenarios', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ routes }),
  });
  if (response.status !== 201) {
    throw new Error(
      `fake backend refused the scenario: ${response.status} ${await response.text()}`,
    );
  }
  const { id, endpoint } = (await response.json()) as { id: string; endpoint: string };
  return {
    endpoint,
    async requests() {
      const answer = await fetch(`/fake-bff/scenarios/${id}/requests`, { cache: 'no-store' });
      return (await answer.json()) as RecordedRequest[];
    },
  };
}
