/**
 * `npm start`: the demo on one machine, with no credentials.
 *
 * - the mock Altinn (consent API, Maskinporten, the user's consent page) on http://127.0.0.1:4010;
 * - Demobanken's portal on http://localhost:5173: the pages (served by Vite) and the real backend
 *   handler at /api/altinn, for a fake signed-in person, with a Maskinporten client whose key the
 *   mock knows;
 * - the built CDN file at /cdn/altinn-request-elements.js, as it is, for the CDN page (built here
 *   first when it is missing or older than src/).
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { createServer as createViteServer, type Plugin } from 'vite';
import { startMockAltinn, type MockAltinn } from '../src/mock/index.js';
import {
  createAltinnHandler,
  maskinportenTokenSource,
  toNodeListener,
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
const CLIENT_ID = 'demobanken';

export interface Demo {
  /** The portal, e.g. http://localhost:5173/ */
  url: string;
  mock: MockAltinn;
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

export async function startDemo(
  options: { port?: number; mockPort?: number; quiet?: boolean } = {},
): Promise<Demo> {
  await ensureCdnFile({ quiet: options.quiet });
  const mock = await startMockAltinn({ port: options.mockPort ?? 4010 });
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
    ],
  });
  const apiKey = crypto.randomUUID();
  mock.registerApiKey(apiKey);

  const common = {
    environment: { platformUrl: mock.url },
    tokenSource: maskinportenTokenSource({
      environment: { issuer: mock.maskinportenAudience },
      clientId: CLIENT_ID,
      privateKey,
      keyId: 'demo-key',
    }),
    // A real portal reads its own session here; the demo has one signed-in person.
    identify: () => ({ person: DEMO_PERSON, organization: DEMO_ORGANIZATION }),
    onError: (error: unknown) => {
      if (!options.quiet) console.warn('[backend]', error instanceof Error ? error.message : error);
    },
  };
  const server: Server = createServer();
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    // Live reload over this same server, so the page's strict CSP (connect-src 'self') allows it.
    server: { middlewareMode: true, hmr: { server } },
    appType: 'mpa',
    logLevel: options.quiet ? 'silent' : 'info',
    plugins: [altinnOriginMeta(new URL(mock.url).origin)],
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5173, 'localhost', resolve);
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  // The handlers learn the portal's origin once it listens: only its pages may call them.
  const portalOrigin = { allowedOrigins: [new URL(url).origin] };
  // Consent, and access requests through Altinn 3.
  const handler = createAltinnHandler({
    ...common,
    ...portalOrigin,
    consent: {
      organization: DEMO_BANK,
      resources: ['standard-samtykke-for-dele-data'],
      defaultValidity: 'P90D',
      maxValidity: 'P1Y',
    },
    access: {
      api: 'altinn3',
      resources: [DEMO_RESOURCE],
    },
  });
  // Access requests through Altinn 2, as portals made them until Altinn 2 closed in June 2026.
  const altinn2Handler = createAltinnHandler({
    ...common,
    ...portalOrigin,
    basePath: '/api/altinn2',
    access: { api: 'altinn2', services: [DEMO_SERVICE], apiKey },
  });

  const api = toNodeListener(handler);
  const altinn2Api = toNodeListener(altinn2Handler);
  server.on('request', (request, response) => {
    api(request, response, () =>
      altinn2Api(request, response, () =>
        serveCdnFile(request, response, () => vite.middlewares(request, response)),
      ),
    );
  });
  return {
    url,
    mock,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite.close();
      await mock.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo();
  console.log(
    [
      '',
      `  Demobanken (consent):        ${demo.url}`,
      `  Demobanken Bedrift (access): ${demo.url}tilgang.html`,
      `  The same consent, with the CDN file, React and Vue:`,
      `                               ${demo.url}cdn.html, ${demo.url}react.html, ${demo.url}vue.html`,
      `  Mock Altinn:                 ${demo.mock.url}`,
      `  Access manager's page:       ${demo.mock.url}/accessmanagement/ui/requests/received?org=${DEMO_ORGANIZATION}`,
      '',
      `  Signed in as ${DEMO_PERSON}, acting for ${DEMO_ORGANIZATION}. Ctrl+C stops it all.`,
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
