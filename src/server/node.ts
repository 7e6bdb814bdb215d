/**
 * Mounting the handler in Node's `http` server or Express:
 *
 * ```ts
 * http.createServer(toNodeListener(handler)).listen(3000);
 * app.use(toNodeListener(handler)); // Express: other paths go on to `next()`
 * ```
 *
 * Whatever arrives on the socket, the listener answers it (a problem for what cannot become a Fetch
 * `Request`) or hands it to `next()`; it never throws, so one request cannot take the process down.
 * Only type imports from `node:*`: the server entry loads in runtimes without Node's modules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AltinnHandler } from './handler.js';
import { problem, ProblemError } from './problem.js';

export interface NodeListenerOptions {
  /** Take `X-Forwarded-Proto` and `X-Forwarded-Host` from a proxy you trust. Default false. */
  trustProxy?: boolean;
}

type Next = (error?: unknown) => void;
type NodeRequest = IncomingMessage & { originalUrl?: string };

/** Methods the Fetch API refuses to build a `Request` with; no route serves them. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** A host name, IPv4 or bracketed IPv6 address, with an optional port: what `Host` may hold. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function firstHeader(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
}

function badRequest(detail: string): ProblemError {
  return new ProblemError({
    status: 400,
    code: 'invalid-request',
    title: 'Invalid request',
    detail,
  });
}

/** The request's absolute URL, from headers checked as a parser would, never from trust in them. */
function urlOf(request: NodeRequest, options: NodeListenerOptions): URL {
  const encrypted = 'encrypted' in request.socket && Boolean(request.socket.encrypted);
  const forwardedProto = options.trustProxy
    ? firstHeader(request.headers['x-forwarded-proto'])
    : undefined;
  const protocol = forwardedProto?.toLowerCase() || (encrypted ? 'https' : 'http');
  if (protocol !== 'http' && protocol !== 'https') {
    throw badRequest('X-Forwarded-Proto must be http or https.');
  }
  const forwardedHost = options.trustProxy
    ? firstHeader(request.headers['x-forwarded-host'])
    : undefined;
  const host = forwardedHost || request.headers.host || 'localhost';
  if (!HOST.test(host)) throw badRequest('The Host header is not a host name.');
  const target = request.originalUrl ?? request.url ?? '/';
  // Origin-form only ("/path?query"): an absolute or authority form would let the target name another host.
  if (!target.startsWith('/')) throw badRequest('The request target must be a path.');
  try {
    const base = new URL(`${protocol}://${host}`);
    // `//evil/x` parsed against the base would change the host: keep the path a path.
    return new URL(`${base.origin}${target.replace(/^\/+/, '/')}`);
  } catch {
    throw badRequest('The Host header or the request target is not valid.');
  }
}

/**
 * The Node request's body as a Web stream. Cancelling it (a body over the limit) stops reading
 * without destroying the socket, so the answer still reaches the client; the listener then closes
 * the connection, since the rest of the body was never read.
 */
function bodyOf(request: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on('data', (chunk: Uint8Array) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      request.once('end', () => {
        if (!finished) controller.close();
        finished = true;
      });
      request.once('error', (error) => {
        if (!finished) controller.error(error);
        finished = true;
      });
      request.pause();
    },
    pull() {
      request.resume();
    },
    cancel() {
      finished = true;
      request.pause();
    },
  });
}

/** Turns a Node request into a Fetch `Request`; throws a 400/501 {@link ProblemError} when it cannot be one. */
export function toFetchRequest(request: NodeRequest, options: NodeListenerOptions = {}): Request {
  const method = (request.method ?? 'GET').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) {
    throw new ProblemError({
      status: 501,
      code: 'method-not-implemented',
      title: 'Method not implemented',
      detail: `${method} is not served here.`,
    });
  }
  const url = urlOf(request, options);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        throw badRequest(`The ${name} header is not valid.`);
      }
    }
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: bodyOf(request), duplex: 'half' } : {}),
  } as RequestInit);
}

/** A body left unread up to this size is read and dropped, so the connection can serve the next request. */
const DRAINED_BYTES = 64 * 1024;

/**
 * Writes a Fetch `Response` to a Node response. When the request's body was not read to its end
 * (refused before it was needed), a small one is read and dropped, as Node does; a large one, or
 * one of unknown length, is not waited for: the connection is closed after the answer, so the
 * unread bytes are never taken for the next request on a kept-alive socket.
 */
export async function writeFetchResponse(
  response: Response,
  target: ServerResponse,
  request?: IncomingMessage,
): Promise<void> {
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  target.statusCode = response.status;
  response.headers.forEach((value, name) => target.setHeader(name, value));
  const declared = Number(request?.headers['content-length'] ?? Number.NaN);
  const unread = request !== undefined && !request.complete;
  const close = unread && !(Number.isFinite(declared) && declared <= DRAINED_BYTES);
  if (close) target.setHeader('connection', 'close');
  else if (unread) request.resume();
  target.end(body, () => {
    if (close) request?.socket.destroySoon();
  });
}

/** A listener for `http.createServer` and an Express middleware in one. It never throws. */
export function toNodeListener(handler: AltinnHandler, options: NodeListenerOptions = {}) {
  return (request: NodeRequest, response: ServerResponse, next?: Next): void => {
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
    if (next && path !== handler.basePath && !path.startsWith(`${handler.basePath}/`)) {
      next();
      return;
    }
    let answer: Promise<Response>;
    try {
      answer = handler(toFetchRequest(request, options));
    } catch (error) {
      answer = Promise.resolve(
        problem(
          error instanceof ProblemError
            ? error.problem
            : { status: 400, code: 'invalid-request', title: 'Invalid request' },
        ),
      );
    }
    answer
      .then((fetchResponse) => writeFetchResponse(fetchResponse, response, request))
      .catch((error: unknown) => {
        // Only writing can fail here (the client went away); the handler itself never throws.
        if (next) next(error);
        else if (!response.headersSent) {
          response.statusCode = 500;
          response.end();
        } else response.destroy();
      });
  };
}
