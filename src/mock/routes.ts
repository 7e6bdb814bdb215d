import { empty } from './http.js';
import type { MockState } from './state.js';
import type { MockAltinnStats } from './types.js';

/**
 * The shape every API of the mock is written in: a table of routes, each a method, a path pattern,
 * the auth it needs and a `(Request, context) => Response` handler. 404, 405 with `Allow`, the
 * auth checks and the call counters come from the tables, here, once. A new API is one more table.
 */

/** Who called, from the Maskinporten token (`ANONYMOUS` on routes without auth). */
export interface Caller {
  clientId: string;
  /** The token's `consumer`: the organisation the call is made for. */
  orgNumber: string;
  /** The token's `supplier`, when a client acts for another organisation (`consumer_org`). */
  supplier: string | undefined;
  scopes: string[];
}

export const ANONYMOUS: Caller = { clientId: '', orgNumber: '', supplier: undefined, scopes: [] };

/** Checks a request: the caller it may act as, or the refusal to answer with. */
export type Auth = (request: Request, mock: MockState) => Promise<Caller | Response>;

export interface RouteContext {
  url: URL;
  /** The path's `{name}` segments, as sent. */
  params: Record<string, string>;
  caller: Caller;
  mock: MockState;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  method: Method;
  /** Below the table's base: `''`, `/events`, `/{id:guid}`, `/{id}/status`. Case-insensitive. */
  path: string;
  auth: Auth;
  /** Counts the route's calls (else the table's counter counts them). */
  count?: keyof MockAltinnStats;
  handle(request: Request, context: RouteContext): Response | Promise<Response>;
}

/** One row of a table: `route('GET', '/{id:guid}', bearer(SCOPE_READ), read)`. */
export function route(
  method: Method,
  path: string,
  auth: Auth,
  handle: Route['handle'],
  count?: keyof MockAltinnStats,
): Route {
  return { method, path, auth, handle, ...(count && { count }) };
}

export interface RouteTable {
  /** Path prefix of every route, e.g. `/accessmanagement/api/v1/enterprise/consentrequests`. */
  base: string;
  /** Counts every call under `base`, answered or not. */
  count?: keyof MockAltinnStats;
  routes: readonly Route[];
}

const GUID_PATTERN = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The route's path as a pattern, and the names of its `{name}` segments. */
function compile(table: RouteTable, route: Route) {
  const names: string[] = [];
  const source = `${table.base}${route.path}`
    .replace(/\/$/, '')
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)(:guid)?\}/g, (_, name: string, guid?: string) => {
      names.push(name);
      return guid ? `(${GUID_PATTERN})` : '([^/]+)';
    });
  // ASP.NET matches paths case-insensitively and takes a trailing slash.
  return { route, names, pattern: new RegExp(`^${source}/?$`, 'i') };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Answers a request from the tables: the first route whose path and method match. */
export function router(tables: readonly RouteTable[]) {
  const compiled = tables.flatMap((table) => table.routes.map((route) => compile(table, route)));
  return async (request: Request, mock: MockState): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    for (const { base, count } of tables) {
      const under = path.toLowerCase().startsWith(`${base.toLowerCase()}/`);
      if (count && (under || path.toLowerCase() === base.toLowerCase())) mock.stats[count] += 1;
    }
    const candidates = compiled.filter((entry) => entry.pattern.test(path));
    if (!candidates[0]) return empty(404);
    if (candidates[0].route.count) mock.stats[candidates[0].route.count] += 1;
    const match = candidates.find((entry) => entry.route.method === request.method);
    if (!match) {
      const allow = [...new Set(candidates.map((entry) => entry.route.method))].join(', ');
      return empty(405, { Allow: allow });
    }
    const caller = await match.route.auth(request, mock);
    if (caller instanceof Response) return caller;
    const values = match.pattern.exec(path)?.slice(1) ?? [];
    const params = Object.fromEntries(
      match.names.map((name, index) => [name, decodeSegment(values[index] ?? '')]),
    );
    return match.route.handle(request, { url, params, caller, mock });
  };
}
