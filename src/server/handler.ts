/**
 * `createAltinnHandler()`: the portal's backend for the elements, as one `(Request) => Response`
 * function for any Fetch-API runtime. Composition only: it checks that a call comes from the
 * portal's own pages, who is signed in (`identify`), and the body's size and type; one module per
 * Altinn API does the rest, over the store that remembers every request. The browser never
 * decides who asks whom.
 */
import { accessAltinn2Module } from './access-altinn2.js';
import { accessAltinn3Module } from './access-altinn3.js';
import type { AccessOptions } from './access.js';
import { AltinnApi } from './altinn-api.js';
import { readLimited } from './body.js';
import { consentModule, type ConsentOptions } from './consent.js';
import { systemUserModule, type SystemUserOptions } from './system-user.js';
import { environmentUrls, type AltinnEnvironment } from './environments.js';
import type { TokenSource } from './maskinporten.js';
import { json, problem, ProblemError } from './problem.js';
import { pgliteStore } from './store/index.js';
import type { RequestStore } from './store/request-store.js';
import type { HandlerModule, Identity, RouteContext } from './types.js';

export type { HandlerModule, Identity, Route, RouteContext } from './types.js';

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
  /**
   * System-user requests ("systembruker"): the vendor's system and what each integration asks a
   * customer organisation for; leave out to serve none.
   */
  systemUser?: SystemUserOptions;
  /**
   * Where every request is remembered: `pgliteStore()` (the default: embedded PostgreSQL, in
   * memory), `pgliteStore({ dataDir, secret })` to keep it on disk, or `postgresStore(...)` for a
   * PostgreSQL server shared by several instances.
   */
  store?: RequestStore;
  /** Hours between purges of final requests past the store's retention. Default 1. */
  purgeIntervalHours?: number;
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
  const store = options.store ?? pgliteStore();
  const onError = options.onError ?? (() => undefined);
  // Each Altinn API is a module; adding one adds a line here and nothing else.
  const modules: HandlerModule[] = [];
  if (options.consent) modules.push(consentModule(options.consent));
  if (options.access?.api === 'altinn2') modules.push(accessAltinn2Module(options.access, urls));
  else if (options.access) modules.push(accessAltinn3Module(options.access, urls));
  if (options.systemUser) modules.push(systemUserModule(options.systemUser));
  const routes = modules.flatMap((module) => module.routes);

  // Purged on a request, not by a timer: workers and serverless runtimes keep none.
  const purgeEvery = (options.purgeIntervalHours ?? 1) * 60 * 60 * 1000;
  let lastPurge = Number.NEGATIVE_INFINITY;
  function purgeNowAndThen(): void {
    const at = now();
    if (at - lastPurge < purgeEvery) return;
    lastPurge = at;
    store.purge().catch(onError);
  }

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

    purgeNowAndThen();
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
      store,
      onError,
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
