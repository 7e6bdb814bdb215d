/**
 * Mounting the handler in Node's `http` server or Express:
 *
 * ```ts
 * http.createServer(toNodeListener(handler)).listen(3000);
 * app.use(toNodeListener(handler)); // Express: other paths go on to `next()`
 * ```
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { AltinnHandler } from './handler.js';

export interface NodeListenerOptions {
  /** Take `X-Forwarded-Proto` and `X-Forwarded-Host` from a proxy you trust. Default false. */
  trustProxy?: boolean;
}

type Next = (error?: unknown) => void;

function firstHeader(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
}

/** Turns a Node request into a Fetch `Request` (the body streams; nothing is buffered here). */
export function toFetchRequest(
  request: IncomingMessage & { originalUrl?: string },
  options: NodeListenerOptions = {},
): Request {
  const encrypted = 'encrypted' in request.socket && Boolean(request.socket.encrypted);
  const protocol =
    (options.trustProxy && firstHeader(request.headers['x-forwarded-proto'])) ||
    (encrypted ? 'https' : 'http');
  const host =
    (options.trustProxy && firstHeader(request.headers['x-forwarded-host'])) ||
    request.headers.host ||
    'localhost';
  // Express strips its mount path from `url`; `originalUrl` keeps it.
  const url = new URL(request.originalUrl ?? request.url ?? '/', `${protocol}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method ?? 'GET',
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' }
      : {}),
  } as RequestInit);
}

/** Writes a Fetch `Response` to a Node response. */
export async function writeFetchResponse(
  response: Response,
  target: ServerResponse,
): Promise<void> {
  target.statusCode = response.status;
  response.headers.forEach((value, name) => target.setHeader(name, value));
  if (!response.body) {
    target.end();
    return;
  }
  target.end(Buffer.from(await response.arrayBuffer()));
}

/** A listener for `http.createServer` and an Express middleware in one. */
export function toNodeListener(handler: AltinnHandler, options: NodeListenerOptions = {}) {
  return (
    request: IncomingMessage & { originalUrl?: string },
    response: ServerResponse,
    next?: Next,
  ): void => {
    const path = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
    if (next && path !== handler.basePath && !path.startsWith(`${handler.basePath}/`)) {
      next();
      return;
    }
    handler(toFetchRequest(request, options))
      .then((answer) => writeFetchResponse(answer, response))
      .catch((error: unknown) => {
        if (next) next(error);
        else {
          response.statusCode = 500;
          response.end();
        }
      });
  };
}
