import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * The only place the mock meets `node:http`: a Node request becomes a Fetch-API `Request`, the
 * handler's `Response` goes back to Node. Bodies over 1 MiB are refused with 413.
 */

const MAX_BODY_BYTES = 1024 * 1024;

type Handler = (request: Request) => Promise<Response>;

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function toRequest(req: IncomingMessage): Promise<Request | undefined> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(req) : null;
  if (body === undefined) return undefined;
  // Handlers read the path and query only: the origin is a placeholder.
  return new Request(new URL(req.url ?? '/', 'http://mock.invalid'), {
    method,
    headers,
    body: body && new Uint8Array(body),
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  // As a flat list of names and values, so that repeated headers (`Set-Cookie`) stay apart.
  const headers = [...response.headers, ['content-length', String(body.length)]].flat();
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface NodeServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` and answers every request with `handle`; `close()` drops open connections. */
export async function serve(port: number, host: string, handle: Handler): Promise<NodeServer> {
  const server: Server = createServer();
  const connections = new Set<Socket>();
  server.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const answer = async (): Promise<void> => {
      const request = await toRequest(req);
      await send(res, request ? await handle(request) : new Response(null, { status: 413 }));
    };
    answer().catch((error: unknown) => {
      console.error('[mock-altinn] internal error:', error);
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: 'Internal error in the mock', detail: String(error) }));
      }
    });
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of connections) socket.destroy();
      });
      return closing;
    },
  };
}
