/**
 * `npm start`: the demo on one machine, with no credentials.
 *
 * - the mock Altinn (consent API, Maskinporten, the user's consent page) on http://127.0.0.1:4010
 *   (`--mock-port` or `MOCK_PORT` choose another port);
 * - Demobanken's portal on http://localhost:5173 (`--port` or `PORT`): the pages (served by Vite) and the real backend
 *   handler at /api/altinn, for a fake signed-in person, with a Maskinporten client whose key the
 *   mock knows;
 * - the built CDN file at /cdn/altinn-request-elements.js, as it is, for the CDN page (built here
 *   first when it is missing or older than src/).
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { exportJWK, generateKeyPair } from 'jose';
import { createServer as createViteServer, type Plugin } from 'vite';
import { SCOPE_INCOME, startMockAltinn, type MockAltinn } from '../src/mock/index.js';
import {
  consentToken,
  ConsentTokenError,
  createAltinnHandler,
  syncConsentEvents,
  type ConsentEventsResult,
  maskinportenTokenSource,
  pgliteStore,
  postgresStore,
  toNodeListener,
  type RequestStore,
} from '../src/server/index.js';

/**
 * The signed-in person of the demo (Altinn's own example person), the organisation they act for in
 * the business bank, and the bank: it asks for consent, and owns the services access is asked to.
 */
export const DEMO_PERSON = '21818297804';
export const DEMO_ORGANIZATION = '310456780';
export const DEMO_BANK = '991825827';
/** The Altinn 3 resource and the Altinn 2 service of the business bank's payroll module. */
export const DEMO_RESOURCE = 'lonnsmodul-tilgang';
export const DEMO_SERVICE = { serviceCode: '4751', serviceEditionCode: 1 };
/**
 * The bank's accounting system ("Regnskapssystemet") in Altinn's system register: its customers
 * create a system user for it, and the page that asks is where Altinn may send the user back.
 */
export const DEMO_SYSTEM_ID = `${DEMO_BANK}_regnskapssystemet`;
export const DEMO_SYSTEM_USER_PAGE = '/systembruker.html';
const CLIENT_ID = 'demobanken';

/** The ports `npm start` takes when neither a flag nor the environment names one. */
export const DEFAULT_PORT = 5173;
export const DEFAULT_MOCK_PORT = 4010;

export interface Demo {
  /** The portal, e.g. http://localhost:5173/ */
  url: string;
  mock: MockAltinn;
  /**
   * Forgets everything the person asked, in the backend's memory and in the mock Altinn, as for a
   * new person (tests start each case from there).
   */
  forget(): Promise<void>;
  /** Reads Altinn's consent events feed into the backend's memory now (revocations). */
  syncConsentEvents(): Promise<ConsentEventsResult>;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CDN_DIR = join(ROOT, 'dist', 'cdn');
const CDN_FILE = join(CDN_DIR, 'altinn-request-elements.js');
/** Held while one process builds the CDN file, so that two demos (parallel tests) never build at once. */
const CDN_LOCK = join(ROOT, 'dist', '.cdn-build-lock');

/** The time of the newest file under `dir`, in milliseconds. */
async function newestChange(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const { mtimeMs } = await stat(join(entry.parentPath, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

/** Whether dist/cdn/altinn-request-elements.js is missing, or older than something in src/. */
async function cdnFileStale(): Promise<boolean> {
  const built = await stat(CDN_FILE).catch(() => undefined);
  return !built || built.mtimeMs < (await newestChange(join(ROOT, 'src')));
}

async function withCdnLock<T>(run: () => Promise<T>): Promise<T> {
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(CDN_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a process that died mid-build is taken over after two minutes.
      const lock = await stat(CDN_LOCK).catch(() => undefined);
      if (lock && Date.now() - lock.mtimeMs > 120_000) {
        await rm(CDN_LOCK, { recursive: true, force: true });
      }
      if (Date.now() - started > 180_000) throw new Error('timed out waiting for another build');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await run();
  } finally {
    await rm(CDN_LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds the CDN file (`node scripts/build-cdn.mjs`, as `npm run build` does) when it is missing or
 * older than src/, so that `npm ci && npm start` works on a fresh clone. A failure is reported, and
 * the rest of the demo runs without the CDN page.
 */
export async function ensureCdnFile(options: { quiet?: boolean } = {}): Promise<void> {
  if (!(await cdnFileStale())) return;
  try {
    await withCdnLock(async () => {
      if (!(await cdnFileStale())) return; // another process built it meanwhile
      if (!options.quiet) {
        console.log(
          '  Building dist/cdn/altinn-request-elements.js for the CDN page (missing or older than src/) …',
        );
      }
      const started = Date.now();
      const output: Buffer[] = [];
      const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build-cdn.mjs')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', resolve);
      });
      if (code !== 0) {
        throw new Error(
          `scripts/build-cdn.mjs exited with ${code}:\n${Buffer.concat(output).toString()}`,
        );
      }
      if (!options.quiet) {
        console.log(`  Built the CDN file in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      }
    });
  } catch (error) {
    console.warn(
      `  The CDN page will not work: building the CDN file failed. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The CDN file and its source map, served as built: no bundler touches them. */
const CDN_ROUTES = new Map([
  ['/cdn/altinn-request-elements.js', 'text/javascript; charset=utf-8'],
  ['/cdn/altinn-request-elements.js.map', 'application/json; charset=utf-8'],
]);

function serveCdnFile(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const type = CDN_ROUTES.get(pathname);
  if (!type || (request.method !== 'GET' && request.method !== 'HEAD')) {
    next();
    return;
  }
  readFile(join(CDN_DIR, pathname.slice('/cdn/'.length))).then(
    (body) => {
      response.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
    () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The CDN file is not built: run `npm run build`.\n');
    },
  );
}

/** Tells the page which origin the (mock) Altinn has, so the elements may navigate there. */
function altinnOriginMeta(origin: string): Plugin {
  return {
    name: 'demo-altinn-origin',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'altinn-origin', content: origin }, injectTo: 'head' },
    ],
  };
}

/**
 * `GET /api/demo/income?consentId=…`: the portal's own backend fetches the person's income from the
 * data owner with a consent token, after the consent was accepted. The consent must be one the
 * signed-in person asked for (the store says so); the browser sees the income, never the token.
 */
function incomeRoute(
  mock: MockAltinn,
  store: () => RequestStore,
  token: (consentId: string, from: string) => Promise<string>,
  now: () => number,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const answer = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify(body));
  };
  return (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/demo/income' || request.method !== 'GET') {
      next();
      return;
    }
    const consentId = url.searchParams.get('consentId') ?? '';
    void (async () => {
      const consent = /^[0-9a-f-]{36}$/i.test(consentId)
        ? await store().get(DEMO_PERSON, 'consent', consentId)
        : undefined;
      if (!consent) return answer(response, 404, { error: 'not-found' });
      // What the backend knows (a revocation read from the events feed) before any token is asked.
      const expired = consent.validTo !== undefined && Date.parse(consent.validTo) <= now();
      if (consent.status !== 'accepted' || expired) {
        return answer(response, 409, { error: expired ? 'expired' : consent.status });
      }
      const from = consent.organization ?? DEMO_PERSON;
      try {
        const bearer = await token(consentId, from);
        const income = await fetch(`${mock.url}/dataowner/income/${from}`, {
          headers: { authorization: `Bearer ${bearer}` },
        });
        return answer(response, income.ok ? 200 : 502, await income.json());
      } catch (error) {
        if (error instanceof ConsentTokenError) {
          return answer(response, 409, { error: error.reason });
        }
        throw error;
      }
    })().catch(() => answer(response, 500, { error: 'internal-error' }));
  };
}

/** What listens on a port: the portal (pages and backend) or the mock Altinn. */
export type DemoServer = 'portal' | 'mock';

/**
 * The demo could not listen on a port: which one, for which server, and why (`EADDRINUSE`: another
 * program has it, e.g. a Vite dev server on 5173; `EACCES`: not allowed to this user).
 */
export class DemoPortError extends Error {
  constructor(
    readonly server: DemoServer,
    readonly port: number,
    readonly code: string,
  ) {
    super(
      `${server === 'portal' ? 'the portal' : 'the mock Altinn'} cannot listen on port ${port} (${code})`,
    );
    this.name = 'DemoPortError';
  }
}

/** Rethrows a failed `listen` as a {@link DemoPortError} when it was about the port. */
function portError(error: unknown, server: DemoServer, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' ? new DemoPortError(server, port, code) : error;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Where `npm start` keeps what the demo's person asked, across restarts (git-ignored). */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../.demo-data/', import.meta.url));

/**
 * The demo's memory. With `dataDir`, an embedded PostgreSQL in that folder, under a secret kept
 * beside it (so the person's requests are theirs again after a restart). Without: `DATABASE_URL`'s
 * PostgreSQL when set (as in CI), else an embedded one in memory.
 */
async function demoStore(dataDir: string | undefined): Promise<RequestStore> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    const secretFile = join(dataDir, 'store-secret');
    const secret = await readFile(secretFile, 'utf8').catch(async () => {
      const created = crypto.randomUUID() + crypto.randomUUID();
      await writeFile(secretFile, created, { mode: 0o600 });
      return created;
    });
    return pgliteStore({ dataDir: join(dataDir, 'pglite'), secret: secret.trim() });
  }
  const secret = crypto.randomUUID() + crypto.randomUUID();
  const url = process.env.DATABASE_URL;
  if (url) return postgresStore({ connectionString: url, secret });
  // One embedded database per process (it takes seconds to start); each store its own secret.
  memoryDatabase ??= import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
  return pgliteStore({ pglite: await memoryDatabase, secret });
}

let memoryDatabase: Promise<PGlite> | undefined;

export async function startDemo(
  options: {
    port?: number;
    mockPort?: number;
    quiet?: boolean;
    dataDir?: string;
    /** The clock of the backend and the mock Altinn (tests move it, e.g. past the events feed's delay). */
    now?: () => number;
  } = {},
): Promise<Demo> {
  const port = options.port ?? DEFAULT_PORT;
  const mockPort = options.mockPort ?? DEFAULT_MOCK_PORT;
  // Both ports first: a taken port is reported at once, before the CDN build and Vite's start.
  const now = options.now;
  const mock = await startMockAltinn({
    port: mockPort,
    ...(now ? { now: () => new Date(now()) } : {}),
  }).catch((error: unknown) => {
    throw portError(error, 'mock', mockPort);
  });
  // Requests that arrive while the rest starts (a tab left open from an earlier run) wait for it.
  let routesReady: (routes: RequestListener) => void = () => undefined;
  const routes = new Promise<RequestListener>((resolve) => (routesReady = resolve));
  const server: Server = createServer((request, response) => {
    void routes.then((route) => route(request, response));
  });
  try {
    await listen(server, port, 'localhost');
  } catch (error) {
    await mock.close();
    throw portError(error, 'portal', port);
  }
  try {
    return await serveDemo(server, mock, routesReady, options.quiet ?? false, options.dataDir, now);
  } catch (error) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mock.close();
    throw error;
  }
}

/** Serves the backend handlers, the CDN file and Vite's pages on `server`, which already listens. */
async function serveDemo(
  server: Server,
  mock: MockAltinn,
  routesReady: (routes: RequestListener) => void,
  quiet: boolean,
  dataDir: string | undefined,
  now: (() => number) | undefined,
): Promise<Demo> {
  // The store starts (PGlite takes seconds) while the CDN file is checked.
  const storing = demoStore(dataDir).then(async (store) => {
    await store.purge();
    return store;
  });
  await ensureCdnFile({ quiet });
  const store = await storing;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  mock.registerClient({
    clientId: CLIENT_ID,
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'demo-key', alg: 'RS256', use: 'sig' },
    orgNumber: DEMO_BANK,
    scopes: [
      'altinn:consentrequests.read',
      'altinn:consentrequests.write',
      'altinn:serviceowner/delegationrequests.read',
      'altinn:serviceowner/delegationrequests.write',
      'altinn:authentication/systemuser.request.read',
      'altinn:authentication/systemuser.request.write',
      SCOPE_INCOME,
    ],
  });
  const apiKey = crypto.randomUUID();
  mock.registerApiKey(apiKey);

  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  // The system's registration names the way back on this portal's origin, whichever port it has.
  mock.registerSystem({
    id: DEMO_SYSTEM_ID,
    name: { nb: 'Regnskapssystemet', nn: 'Rekneskapssystemet', en: 'The accounting system' },
    rights: ['regnskap-innsyn'],
    accessPackages: ['urn:altinn:accesspackage:regnskapsforer-lonn'],
    allowedRedirectUrls: [new URL(DEMO_SYSTEM_USER_PAGE, url).href],
  });
  /** The backend: consent and access through Altinn 3, and access through Altinn 2, over `store`. */
  const backendOver = (store: RequestStore) => {
    const common = {
      environment: { platformUrl: mock.url },
      tokenSource,
      // A real portal reads its own session here; the demo has one signed-in person.
      identify: () => ({ person: DEMO_PERSON, organization: DEMO_ORGANIZATION }),
      store,
      // Only the portal's own pages may call its backend.
      allowedOrigins: [new URL(url).origin],
      ...(now ? { now } : {}),
      onError: (error: unknown) => {
        if (!quiet) console.warn('[backend]', error instanceof Error ? error.message : error);
      },
    };
    const altinn3 = createAltinnHandler({
      ...common,
      consent: {
        organization: DEMO_BANK,
        // With its metadata keys: a right without "inntektsaar" is refused before Altinn is asked.
        resources: [
          { id: 'standard-samtykke-for-dele-data', metadata: ['inntektsaar'] },
          { id: 'samtykke-skattegrunnlag', metadata: ['inntektsaar'] },
        ],
        // The person's own consent, or (the business loan) their organisation's.
        from: 'either',
        // Revocations in Altinn reach the portal through the events feed (five minutes behind).
        eventsEveryMinutes: 1,
        defaultValidity: 'P90D',
        maxValidity: 'P1Y',
      },
      access: { api: 'altinn3', resources: [DEMO_RESOURCE] },
      // The bank's customers create a system user for its accounting system.
      systemUser: {
        systemId: DEMO_SYSTEM_ID,
        integrations: {
          regnskap: {
            title: 'Regnskapssystemet',
            rights: [{ resource: 'regnskap-innsyn' }],
            accessPackages: ['urn:altinn:accesspackage:regnskapsforer-lonn'],
            redirectUrls: [DEMO_SYSTEM_USER_PAGE],
          },
        },
      },
    });
    // Access requests through Altinn 2, as portals made them until Altinn 2 closed in June 2026.
    const altinn2 = createAltinnHandler({
      ...common,
      basePath: '/api/altinn2',
      access: { api: 'altinn2', services: [DEMO_SERVICE], apiKey },
    });
    return { store, api: toNodeListener(altinn3), altinn2Api: toNodeListener(altinn2) };
  };
  const tokenSource = maskinportenTokenSource({
    environment: { issuer: mock.maskinportenAudience },
    clientId: CLIENT_ID,
    privateKey,
    keyId: 'demo-key',
  });
  let backend = backendOver(store);
  // The consent token for the data owner: Maskinporten's, with the consent in the grant.
  const incomeToken = consentToken({
    environment: { issuer: mock.maskinportenAudience },
    clientId: CLIENT_ID,
    privateKey,
    keyId: 'demo-key',
    scopes: [SCOPE_INCOME],
  });
  const income = incomeRoute(
    mock,
    () => backend.store,
    (consentId, from) => incomeToken({ consentId, from }),
    now ?? Date.now,
  );

  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    // Live reload over this same server, so the page's strict CSP (connect-src 'self') allows it.
    server: { middlewareMode: true, hmr: { server } },
    appType: 'mpa',
    logLevel: quiet ? 'silent' : 'info',
    plugins: [altinnOriginMeta(new URL(mock.url).origin)],
  });
  routesReady((request, response) => {
    backend.api(request, response, () =>
      backend.altinn2Api(request, response, () =>
        income(request, response, () =>
          serveCdnFile(request, response, () => vite.middlewares(request, response)),
        ),
      ),
    );
  });
  return {
    url,
    mock,
    forget: async () => {
      const before = backend.store;
      // A store under a new secret: what was asked belongs to nobody the backend can name.
      backend = backendOver(await demoStore(undefined));
      mock.reset();
      await before.close();
    },
    syncConsentEvents: () =>
      syncConsentEvents({
        environment: { platformUrl: mock.url },
        tokenSource,
        store: backend.store,
        organization: DEMO_BANK,
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
      await mock.close();
      await backend.store.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// `npm start`: the ports from flags or the environment, a plain message when one is taken.

/** The ports `npm start` was asked for: flags first, then `PORT` and `MOCK_PORT`, then the defaults. */
export function demoPorts(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { port: number; mockPort: number } {
  const { values } = parseArgs({
    args: [...args],
    options: { port: { type: 'string' }, 'mock-port': { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const port = portNumber(values.port ?? env.PORT, DEFAULT_PORT, values.port ? '--port' : 'PORT');
  const mockPort = portNumber(
    values['mock-port'] ?? env.MOCK_PORT,
    DEFAULT_MOCK_PORT,
    values['mock-port'] ? '--mock-port' : 'MOCK_PORT',
  );
  // Else the portal would find its port taken, and blame "another program".
  if (port === mockPort && port !== 0) {
    throw new TypeError(`The portal and the mock Altinn need different ports, not both ${port}.`);
  }
  return { port, mockPort };
}

function portNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || port > 65_535) {
    throw new TypeError(
      `${name} must be a port number from 0 to 65535 (0: any free port): ${value}`,
    );
  }
  return port;
}

/** What a person reads when a port cannot be had, with the commands that choose another. */
export function portProblem(error: DemoPortError): string {
  const what = error.server === 'portal' ? 'the demo portal' : 'the mock Altinn';
  const [flag, variable] =
    error.server === 'portal' ? ['--port', 'PORT'] : ['--mock-port', 'MOCK_PORT'];
  const other = error.port === 65_535 ? error.port - 1 : error.port + 1;
  const why =
    error.code === 'EADDRINUSE'
      ? `port ${error.port} is already in use by another program${error.port === DEFAULT_PORT ? ' (5173 is also where Vite’s dev server starts)' : ''}.`
      : `this user may not listen on port ${error.port}.`;
  return [
    '',
    `  Cannot start ${what}: ${why}`,
    `  Stop that program, or choose another port for ${what}:`,
    '',
    `    npm start -- ${flag} ${other}`,
    `    ${variable}=${other} npm start`,
    '',
    `  (${flag} 0 takes any free port.)`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let ports: { port: number; mockPort: number };
  try {
    ports = demoPorts(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(
      [
        '',
        `  ${error instanceof Error ? error.message : String(error)}`,
        '',
        '  Usage: npm start -- [--port <portal port>] [--mock-port <mock Altinn port>]',
        `  or set PORT and MOCK_PORT. Defaults: ${DEFAULT_PORT} and ${DEFAULT_MOCK_PORT}.`,
        '',
      ].join('\n'),
    );
    process.exit(2);
  }
  let demo: Demo;
  try {
    demo = await startDemo({ ...ports, dataDir: DEMO_DATA_DIR });
  } catch (error) {
    if (!(error instanceof DemoPortError)) throw error;
    console.error(portProblem(error));
    process.exit(1);
  }
  // From the start of the process: what a person waits for after typing `npm start`.
  const readyIn = (performance.now() / 1000).toFixed(1);
  console.log(
    [
      '',
      `  Demobanken (consent):        ${demo.url}`,
      `  Demobanken Bedrift (access): ${demo.url}tilgang.html`,
      `  Systembruker (system user):  ${demo.url}systembruker.html`,
      `  My requests (the list):      ${demo.url}foresporsler.html`,
      `  The same consent, with the CDN file, React and Vue:`,
      `                               ${demo.url}cdn.html, ${demo.url}react.html, ${demo.url}vue.html`,
      `  Mock Altinn:                 ${demo.mock.url}`,
      `  Access manager's page:       ${demo.mock.url}/accessmanagement/ui/requests/received?org=${DEMO_ORGANIZATION}`,
      '',
      `  Signed in as ${DEMO_PERSON}, acting for ${DEMO_ORGANIZATION}. Ready in ${readyIn} s; Ctrl+C stops it all.`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
