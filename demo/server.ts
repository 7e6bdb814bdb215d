/**
 * `npm start`: the demo on one machine, with no credentials.
 *
 * - the mock Altinn (consent API, Maskinporten, the user's consent page) on http://127.0.0.1:4010;
 * - Demobanken's portal on http://localhost:5173: the page (served by Vite) and the real backend
 *   handler at /api/altinn, for a fake signed-in person, with a Maskinporten client whose key the
 *   mock knows.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  // Consent, and access requests through Altinn 3.
  const handler = createAltinnHandler({
    ...common,
    consent: {
      organization: DEMO_BANK,
      resources: ['standard-samtykke-for-dele-data'],
      defaultValidity: 'P90D',
      maxValidity: 'P1Y',
    },
    access: {
      api: 'altinn3',
      resources: [DEMO_RESOURCE],
      secret: crypto.randomUUID() + crypto.randomUUID(),
    },
  });
  // Access requests through Altinn 2, as portals made them until Altinn 2 closed in June 2026.
  const altinn2Handler = createAltinnHandler({
    ...common,
    basePath: '/api/altinn2',
    access: { api: 'altinn2', services: [DEMO_SERVICE], apiKey },
  });

  const server: Server = createServer();
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    // Live reload over this same server, so the page's strict CSP (connect-src 'self') allows it.
    server: { middlewareMode: true, hmr: { server } },
    appType: 'mpa',
    logLevel: options.quiet ? 'silent' : 'info',
    plugins: [altinnOriginMeta(new URL(mock.url).origin)],
  });
  const api = toNodeListener(handler);
  const altinn2Api = toNodeListener(altinn2Handler);
  server.on('request', (request, response) => {
    api(request, response, () =>
      altinn2Api(request, response, () => vite.middlewares(request, response)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 5173, 'localhost', resolve);
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
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
