/**
 * `createAltinnHandler()`: the portal's backend for the elements, as one `(Request) => Response`
 * function for any Fetch-API runtime. It checks that a call comes from the portal's own pages, who is
 * signed in (`identify`), and the body's size and type; the modules (consent; access requests later)
 * do the rest. The browser never decides who asks whom.
 */
import { AltinnApi } from './altinn-api.js';
import { readLimited } from './body.js';
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
   * Origins whose pages may call the handler, e.g. `['https://portal.example']`: checked on `Origin`
   * for every POST and DELETE (against cross-site request forgery), and the only origins a
   * `redirectUrl` may point to. Required unless `publicUrl` is given: the `Host` header is never
   * trusted to say what the portal's origin is.
   */
  allowedOrigins?: readonly string[];
  /** The portal's public URL (e.g. `https://portal.example/`); its origin is allowed as above. */
  publicUrl?: string;
  /**
   * Accept a POST or DELETE that carries neither `Origin` nor `Sec-Fetch-Site`, i.e. one not sent by
   * a browser (a server-to-server caller). Default false: such a call is refused with 403, since a
   * browser always sends at least one of them.
   */
  allowRequestsWithoutOrigin?: boolean;
  /** Largest request body accepted, in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** `fetch` for Altinn's APIs. */
  fetch?: typeof fetch;
  /**
   * Milliseconds before an Altinn call gives up (504). Default 15000. The token source gets the same
   * time for each token; it is called before every Altinn call (`maskinportenTokenSource` caches
   * tokens; a `getToken` of your own should too).
   */
  timeout?: number;
  /** Told of every failure with its full detail, for the portal's logs (the browser gets less). */
  onError?: (error: unknown) => void;
  /** The clock, for tests. */
  now?: () => number;
}

/** What a route gets. */
export interface RouteContext {
  request: Request;
  /** The path's captured segments, percent-decoded. */
  params: string[];
  identity: Identity;
  altinn: AltinnApi;
  /** The portal's origins (`allowedOrigins`, `publicUrl`): the only ones a `redirectUrl` may point to. */
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

function bodyTooLarge(limit: number): ProblemError {
  return new ProblemError({
    status: 413,
    code: 'body-too-large',
    title: 'Request body too large',
    detail: `At most ${limit} bytes.`,
  });
}

/**
 * Refuses a call that changes something unless a browser says it comes from the portal's own pages
 * (cross-site request forgery). Fails closed: `Origin` must be one of the portal's; without it,
 * `Sec-Fetch-Site` must say `same-origin`; with neither, only when the portal allows callers that
 * are not browsers.
 */
function checkSameOrigin(
  request: Request,
  allowed: readonly string[],
  allowWithoutOrigin: boolean,
): void {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  const fromOwnPages =
    origin !== null
      ? allowed.includes(origin)
      : site !== null
        ? site === 'same-origin'
        : allowWithoutOrigin;
  if (!fromOwnPages) {
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
/** The portal's own origins from the options, normalised; a clear error when there are none. */
function ownOriginsOf(options: AltinnHandlerOptions): string[] {
  const given = [
    ...(options.allowedOrigins ?? []),
    ...(options.publicUrl ? [options.publicUrl] : []),
  ];
  if (given.length === 0) {
    throw new TypeError(
      'createAltinnHandler needs allowedOrigins (e.g. ["https://portal.example"]) or publicUrl: the origins of the pages that call it.',
    );
  }
  return given.map((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TypeError(`allowedOrigins: ${JSON.stringify(value)} is not a URL.`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
      throw new TypeError(`allowedOrigins: ${JSON.stringify(value)} must be an http(s) origin.`);
    }
    return url.origin;
  });
}

const invalidPath = (): ProblemError =>
  new ProblemError({
    status: 400,
    code: 'invalid-request',
    title: 'Invalid request',
    detail: 'The path holds a malformed percent-encoding.',
  });

export function createAltinnHandler(options: AltinnHandlerOptions): AltinnHandler {
  const basePath = (options.basePath ?? '/api/altinn').replace(/\/+$/, '');
  const ownOrigins = ownOriginsOf(options);
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

    if (request.method !== 'GET') {
      checkSameOrigin(request, ownOrigins, options.allowRequestsWithoutOrigin ?? false);
    }
    let params: string[];
    try {
      params = (route.path.exec(path)?.slice(1) ?? []).map((param) => decodeURIComponent(param));
    } catch {
      throw invalidPath();
    }

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
      params,
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
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > maxBodyBytes) throw bodyTooLarge(maxBodyBytes);
        let bytes: Uint8Array;
        try {
          bytes = await readLimited(request.body, maxBodyBytes, () => bodyTooLarge(maxBodyBytes));
        } catch (error) {
          if (error instanceof ProblemError) throw error;
          throw new ProblemError({
            status: 400,
            code: 'invalid-body',
            title: 'Invalid body',
            detail: 'The body could not be read to its end.',
          });
        }
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
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
