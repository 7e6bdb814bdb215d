/**
 * `createAltinnHandler()`: the portal's backend for the elements, as one `(Request) => Response`
 * function for any Fetch-API runtime. It checks that a call comes from the portal's own pages, who is
 * signed in (`identify`), and the body's size and type; the modules (consent; access requests later)
 * do the rest. The browser never decides who asks whom.
 */
import { AltinnApi } from './altinn-api.js';
import { accessModule, type AccessOptions } from './access.js';
import { consentModule, type ConsentOptions } from './consent.js';
import {
  environmentUrls,
  type AltinnEnvironment,
  type AltinnEnvironmentUrls,
} from './environments.js';
import type { TokenSource } from './maskinporten.js';
import { json, problem, ProblemError } from './problem.js';

/** Who is signed in to the portal, as the portal's own session says. */
export interface Identity {
  /** The person's national identity number (fødselsnummer or d-nummer), 11 digits. */
  person: string;
  /** The organisation number the person acts for, if any (9 digits). */
  organization?: string;
}

export interface AltinnHandlerOptions {
  /** `tt02`, `prod`, or `{ platformUrl }` (e.g. the local mock). */
  environment: AltinnEnvironment;
  /** Maskinporten tokens: `maskinportenTokenSource(...)`, or your own `getToken(scopes)`. */
  tokenSource: TokenSource | TokenSource['getToken'];
  /** Who is signed in, from the portal's own session; `undefined` answers 401. */
  identify: (request: Request) => Identity | undefined | Promise<Identity | undefined>;
  /** Consent requests ("Be om samtykke"); leave out to serve none. */
  consent?: ConsentOptions;
  /** Access requests ("Be om tilgang"), through Altinn 3 or Altinn 2; leave out to serve none. */
  access?: AccessOptions;
  /** Where the handler is mounted. Default `/api/altinn`. */
  basePath?: string;
  /**
   * Origins whose pages may call the handler (checked on `Origin` and `Sec-Fetch-Site` for every
   * POST, against cross-site request forgery). Default: the request's own origin.
   */
  allowedOrigins?: readonly string[];
  /** Largest request body accepted, in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** `fetch` for Altinn's APIs. */
  fetch?: typeof fetch;
  /** Milliseconds before an Altinn call gives up. Default 15000. */
  timeout?: number;
  /** Told of every failure with its full detail, for the portal's logs (the browser gets less). */
  onError?: (error: unknown) => void;
  /** The clock, for tests. */
  now?: () => number;
}

/** What a route gets. */
export interface RouteContext {
  request: Request;
  /** The path's captured segments. */
  params: string[];
  identity: Identity;
  altinn: AltinnApi;
  /** Origins a `redirectUrl` may point to: `allowedOrigins`, or the request's own origin. */
  ownOrigins: readonly string[];
  now: () => number;
  /** Where Altinn is. */
  urls: AltinnEnvironmentUrls;
  /** The JSON body, within the size limit; a problem answer when it is not JSON. */
  readJson(): Promise<unknown>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Matched against the path below `basePath`, e.g. `/^\/consent-requests\/([^/]+)$/`. */
  path: RegExp;
  handle(context: RouteContext): Promise<Response>;
}

/** One API's routes (consent, access requests …). */
export interface HandlerModule {
  routes: readonly Route[];
}

/** The handler, with the path it serves (adapters use it to pass other paths on). */
export type AltinnHandler = ((request: Request) => Promise<Response>) & {
  readonly basePath: string;
};

const JSON_TYPE = /^application\/([a-z.+-]*\+)?json\s*(;|$)/i;

async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError({
    status: 413,
    code: 'body-too-large',
    title: 'Request body too large',
    detail: `At most ${limit} bytes.`,
  });
}

/** Refuses a POST that a browser sent from another site (cross-site request forgery). */
function checkSameOrigin(request: Request, allowed: readonly string[]): void {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const fromOtherSite =
    origin !== null
      ? !allowed.includes(origin)
      : site !== null && site !== 'same-origin' && site !== 'none';
  if (fromOtherSite) {
    throw new ProblemError({
      status: 403,
      code: 'cross-site-request',
      title: 'Request from another site',
      detail: 'Only the portal’s own pages may call this.',
    });
  }
}

const IDENTITY_NUMBER = /^\d{11}$/;
const ORGANIZATION_NUMBER = /^\d{9}$/;

/** Creates the backend handler. Mount it at `basePath` in any Fetch-API server, or with `toNodeListener`. */
export function createAltinnHandler(options: AltinnHandlerOptions): AltinnHandler {
  const basePath = (options.basePath ?? '/api/altinn').replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const now = options.now ?? Date.now;
  const tokenSource: TokenSource =
    typeof options.tokenSource === 'function'
      ? { getToken: options.tokenSource }
      : options.tokenSource;
  const urls = environmentUrls(options.environment);
  const altinn = new AltinnApi({
    platformUrl: urls.platformUrl,
    tokenSource,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  // Each API is a module; adding one (access requests) adds a line here and nothing else.
  const modules: HandlerModule[] = [];
  if (options.consent) modules.push(consentModule(options.consent));
  if (options.access) modules.push(accessModule(options.access, urls));
  const routes = modules.flatMap((module) => module.routes);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
      return problem({ status: 404, code: 'not-found', title: 'Not found' });
    }
    const path = url.pathname.slice(basePath.length) || '/';
    const matching = routes.filter((route) => route.path.test(path));
    const route = matching.find((candidate) => candidate.method === request.method);
    if (!route) {
      if (matching.length === 0)
        return problem({ status: 404, code: 'not-found', title: 'Not found' });
      const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
      return problem(
        { status: 405, code: 'method-not-allowed', title: 'Method not allowed' },
        { allow },
      );
    }

    const ownOrigins = options.allowedOrigins ?? [url.origin];
    if (request.method !== 'GET') checkSameOrigin(request, ownOrigins);

    const identity = await options.identify(request);
    if (!identity) {
      return problem({ status: 401, code: 'not-signed-in', title: 'Not signed in' });
    }
    if (
      !IDENTITY_NUMBER.test(identity.person) ||
      (identity.organization !== undefined && !ORGANIZATION_NUMBER.test(identity.organization))
    ) {
      throw new TypeError('identify() must return { person: 11 digits, organization?: 9 digits }.');
    }

    const context: RouteContext = {
      request,
      params: route.path.exec(path)?.slice(1) ?? [],
      identity,
      altinn,
      urls,
      ownOrigins,
      now,
      async readJson() {
        const type = request.headers.get('content-type') ?? '';
        if (!JSON_TYPE.test(type)) {
          throw new ProblemError({
            status: 415,
            code: 'unsupported-media-type',
            title: 'Unsupported media type',
            detail: 'Send application/json.',
          });
        }
        let text: string;
        try {
          text = await readLimited(request, maxBodyBytes);
        } catch (error) {
          if (error instanceof ProblemError) throw error;
          throw new ProblemError({
            status: 400,
            code: 'invalid-body',
            title: 'Invalid body',
            detail: 'The body is not UTF-8.',
          });
        }
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new ProblemError({
            status: 400,
            code: 'invalid-body',
            title: 'Invalid body',
            detail: 'The body is not JSON.',
          });
        }
      },
    };
    return route.handle(context);
  }

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof ProblemError) return problem(error.problem);
      options.onError?.(error);
      return problem({ status: 500, code: 'internal-error', title: 'Internal error' });
    }
  };
  return Object.assign(handler, { basePath });
}

export { json, problem };
