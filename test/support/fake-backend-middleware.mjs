/**
 * A fake portal backend ("BFF") for browser tests, served over real HTTP by the test runner itself, so
 * that the code under test uses the real `fetch` with its real failure modes (time-outs, aborts, dropped
 * connections, bodies that are not JSON). A test describes its answers as a *scenario* and reads back
 * every request that reached it. Scenarios live in memory for the length of one test run.
 *
 *   POST /fake-bff/scenarios                 { routes: FakeRoute[] } → 201 { id, endpoint }
 *   GET  /fake-bff/scenarios/<id>/requests   → RecordedRequest[] (oldest first)
 *   ANY  /fake-bff/s/<id>/<rest>             → the first route that matches and is not used up
 *   GET  /fake-altinn/<anything>             → a small HTML page, proof that a real navigation landed
 *
 * The contract's list (`GET …/{kind}-requests?…`, a route with path `/{kind}-requests` and body
 * `{ items }`) and batch read (`POST …/{kind}-requests/lookup`, a route with `eachId`) are routes
 * like any other.
 *
 * Routes and what they answer are described with their types in test/support/fake-backend.ts, the
 * browser side. Everything is written straight to Node's response, past Koa and the dev server's
 * caching, so a test sees exactly the status, headers and bytes it asked for.
 */
import { randomUUID } from 'node:crypto';

const SCENARIOS_PATH = '/fake-bff/scenarios';
const SCENARIO_PREFIX = '/fake-bff/s/';
const FAKE_ALTINN_PREFIX = '/fake-altinn/';
const FAKE_ALTINN_PAGE =
  '<!doctype html><html lang="en"><title>Fake Altinn</title><h1>Fake Altinn</h1>';

/** Reads the whole request body as text (the dev server parses no bodies itself). */
async function readText(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON when it parses, the raw text when it does not, `null` when there is none. */
function parseBody(text) {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Writes an answer straight to Node's response: no etag, no compression, no 204 rewriting by Koa.
 * `ctx.status` is still set, because the test runner's own middleware reads it afterwards (and would
 * report Koa's default 404 as a missing file).
 */
function send(ctx, status, contentType, text, headers = {}) {
  ctx.status = status;
  ctx.respond = false;
  const res = ctx.res;
  if (res.destroyed) return;
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendJson(ctx, status, value, contentType = 'application/json') {
  send(ctx, status, contentType, JSON.stringify(value));
}

/** `/consent-requests/*` matches `/consent-requests/<one segment>`; anything else must be equal. */
function pathMatches(pattern, path) {
  if (pattern.endsWith('/*')) {
    const base = pattern.slice(0, -2);
    if (!path.startsWith(`${base}/`)) return false;
    const rest = path.slice(base.length + 1);
    return rest !== '' && !rest.includes('/');
  }
  return pattern === path;
}

/** Replaces the token `$id` in every string anywhere in `value`, so one route serves any request id. */
function withId(value, id) {
  if (typeof value === 'string') return value.replaceAll('$id', id);
  if (Array.isArray(value)) return value.map((item) => withId(item, id));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withId(item, id)]));
  }
  return value;
}

/** Resolves after `ms`, or early with `false` when the browser gave up on the request meanwhile. */
function waitUnlessClosed(res, ms) {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

function validateRoutes(routes) {
  if (!Array.isArray(routes)) return 'routes must be an array';
  for (const [index, route] of routes.entries()) {
    if (typeof route?.method !== 'string' || typeof route?.path !== 'string') {
      return `routes[${index}] needs a method and a path`;
    }
    if (!route.path.startsWith('/')) return `routes[${index}].path must start with "/"`;
  }
  return undefined;
}

/** The last path segment, decoded when it can be (a malformed escape is kept as written). */
function lastSegmentOf(path) {
  const segment = path.split('/').at(-1) ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function answerScenario(ctx, scenario, rest) {
  const body = parseBody(await readText(ctx.req));
  const headers = Object.fromEntries(
    Object.entries(ctx.req.headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
  const entry = scenario.routes.find(
    ({ route, used }) =>
      route.method.toUpperCase() === ctx.method &&
      pathMatches(route.path, rest) &&
      (route.times === undefined || used < route.times),
  );

  // Every request is recorded, including those Chromium resends silently after a dropped
  // connection: a `fail: 'network'` route should therefore not be limited with `times`.
  scenario.requests.push({ method: ctx.method, path: rest, query: ctx.querystring, headers, body });
  if (!entry) {
    sendJson(ctx, 404, { title: 'No fake route', status: 404 }, 'application/problem+json');
    return;
  }
  entry.used += 1;
  const { route } = entry;

  if (route.delayMs && !(await waitUnlessClosed(ctx.res, route.delayMs))) {
    // The browser aborted: there is no one left to answer. (499, nginx's "client closed request",
    // only tells the runner's middleware that this was no missing file.)
    ctx.status = 499;
    ctx.respond = false;
    return;
  }
  if (route.fail === 'network') {
    // No status line at all: the browser's fetch rejects with a TypeError, as when a server dies.
    ctx.status = 499;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  const status = route.status ?? 200;
  if (route.raw !== undefined) {
    send(ctx, status, route.contentType ?? 'text/plain', route.raw, route.headers);
    return;
  }
  if (route.body === undefined) {
    send(ctx, status, route.contentType ?? 'text/plain', '', route.headers);
    return;
  }
  if (route.eachId) {
    // A batch read (`…/lookup` with `{ ids }`): the body once per id asked, but for `leaveOut`.
    const ids = Array.isArray(body?.ids) ? body.ids : [];
    const items = ids
      .filter((asked) => !(route.leaveOut ?? []).includes(asked))
      .map((asked) => withId(route.body, asked));
    send(ctx, status, 'application/json', JSON.stringify({ items }), route.headers);
    return;
  }
  // A consent's id is in its body; a system-user request's id is its Idempotency-Key.
  const id =
    body && typeof body === 'object' && typeof body.id === 'string'
      ? body.id
      : rest.endsWith('/system-user-requests') && headers['idempotency-key']
        ? headers['idempotency-key']
        : lastSegmentOf(rest);
  const contentType =
    route.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json');
  send(ctx, status, contentType, JSON.stringify(withId(route.body, id)), route.headers);
}

/** The Koa-style middleware for `web-test-runner.config.mjs`. */
export function fakeBackendMiddleware() {
  /** @type {Map<string, { routes: { route: any, used: number }[], requests: any[] }>} */
  const scenarios = new Map();

  return async function fakeBackend(ctx, next) {
    const path = ctx.path;

    if (path === SCENARIOS_PATH && ctx.method === 'POST') {
      const input = parseBody(await readText(ctx.req));
      const problem = validateRoutes(input?.routes);
      if (problem) {
        sendJson(ctx, 400, { title: problem, status: 400 }, 'application/problem+json');
        return;
      }
      const id = randomUUID();
      scenarios.set(id, {
        routes: input.routes.map((route) => ({ route, used: 0 })),
        requests: [],
      });
      sendJson(ctx, 201, { id, endpoint: `${SCENARIO_PREFIX}${id}` });
      return;
    }

    const recorded = /^\/fake-bff\/scenarios\/([^/]+)\/requests$/.exec(path);
    if (recorded && ctx.method === 'GET') {
      const scenario = scenarios.get(recorded[1]);
      if (!scenario) {
        sendJson(ctx, 404, { title: 'No such scenario', status: 404 }, 'application/problem+json');
        return;
      }
      sendJson(ctx, 200, scenario.requests);
      return;
    }

    if (path.startsWith(SCENARIO_PREFIX)) {
      const afterPrefix = path.slice(SCENARIO_PREFIX.length);
      const slash = afterPrefix.indexOf('/');
      const id = slash === -1 ? afterPrefix : afterPrefix.slice(0, slash);
      const rest = slash === -1 ? '/' : afterPrefix.slice(slash);
      const scenario = scenarios.get(id);
      if (!scenario) {
        sendJson(ctx, 404, { title: 'No such scenario', status: 404 }, 'application/problem+json');
        return;
      }
      await answerScenario(ctx, scenario, rest);
      return;
    }

    if (path.startsWith(FAKE_ALTINN_PREFIX) && ctx.method === 'GET') {
      send(ctx, 200, 'text/html; charset=utf-8', FAKE_ALTINN_PAGE);
      return;
    }

    await next();
  };
}
