/**
 * What the handler's modules are written against. A leaf: it imports no module of the handler, so
 * no module imports the handler that assembles it.
 */
import type { AltinnApi } from './altinn-api.js';
import type { AltinnEnvironmentUrls } from './environments.js';
import type { RequestStore } from './store/request-store.js';

/** Who is signed in to the portal, as the portal's own session says. */
export interface Identity {
  /** The person's national identity number (fødselsnummer or d-nummer), 11 digits. */
  person: string;
  /** The organisation number the person acts for, if any (9 digits). */
  organization?: string;
}

/** What a route gets. */
export interface RouteContext {
  request: Request;
  /** The path's captured segments, percent-decoded. */
  params: string[];
  identity: Identity;
  altinn: AltinnApi;
  /** Where every request is remembered. */
  store: RequestStore;
  /** The portal's origins (`allowedOrigins`, `publicUrl`): the only ones a `redirectUrl` may point to. */
  ownOrigins: readonly string[];
  now: () => number;
  /** Where Altinn is. */
  urls: AltinnEnvironmentUrls;
  /** The JSON body, within the size limit; a problem answer when it is not JSON. */
  readJson(): Promise<unknown>;
  /** Told of a failure that does not fail the answer (e.g. one item of a list not refreshed). */
  onError(error: unknown): void;
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
