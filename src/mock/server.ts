import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  SEND_PAGE_PATTERN,
  handleDraftPage,
  handleReceivedPage,
  handleSendPage,
} from './access-flow.js';
import { handleServiceOwnerApi, type ServiceOwnerApiContext } from './access-request-api.js';
import {
  ALTINN2_API_PATH,
  AccessRequestStore,
  DRAFT_PAGE_PATH,
  DelegationRequestStore,
  RECEIVED_PAGE_PATH,
  SERVICE_OWNER_API_PATH,
} from './access-store.js';
import { handleAltinn2Api, type Altinn2ApiContext } from './altinn2-api.js';
import { CONSENT_API_PATH, handleConsentApi, type ConsentApiContext } from './consent-api.js';
import { renderIndexPage } from './consent-page.js';
import { CONTROLS_PREFIX, handleControls, type ControlsContext } from './controls.js';
import {
  DEFAULT_ACCESS_MANAGERS,
  DEFAULT_ACCESS_PACKAGES,
  DEFAULT_ORGANIZATIONS,
  DEFAULT_PARTY_NAMES,
  DEFAULT_PERSONS,
  DEFAULT_RESOURCES,
  DEFAULT_SERVICES,
} from './defaults.js';
import { sendEmpty, sendHtml, sendJson } from './http.js';
import { MockMaskinporten } from './maskinporten.js';
import { PAGE_HEADERS } from './page-layout.js';
import {
  AccessManagerRegistry,
  PackageRegistry,
  PartyRegistry,
  ResourceRegistry,
  ServiceRegistry,
} from './registry.js';
import { ConsentStore } from './store.js';
import { dateToMicros } from './time.js';
import type { MockAltinn, MockAltinnOptions, MockAltinnStats, MockClient } from './types.js';
import {
  AUTHENTICATION_LOGOUT_PATH,
  CONSENT_PAGE_PATH,
  CookieSealer,
  LOGOUT_PATH,
  LOGOUT_REDIRECT_PATH,
  handleAuthenticationLogout,
  handleConsentPage,
  handleLogout,
  handleLogoutRedirect,
} from './user-flow.js';

type MockContext = ControlsContext & ConsentApiContext & Altinn2ApiContext & ServiceOwnerApiContext;

function under(lower: string, prefix: string): boolean {
  return lower === prefix || lower.startsWith(`${prefix}/`);
}

/** Routes a request to the part of "Altinn" it is for. Path matching ignores case, as ASP.NET's does. */
async function route(
  ctx: MockContext,
  sealer: CookieSealer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  const path = url.pathname;
  const lower = path.toLowerCase();
  const method = req.method ?? 'GET';

  if (lower === '/maskinporten/token') {
    ctx.stats.tokenRequests += 1;
    if (method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    return ctx.maskinporten.handleToken(req, res);
  }
  if (lower === '/maskinporten/.well-known/oauth-authorization-server') {
    return method === 'GET'
      ? sendJson(res, 200, ctx.maskinporten.metadata())
      : sendEmpty(res, 405, { Allow: 'GET' });
  }
  if (lower === '/maskinporten/jwk') {
    return method === 'GET'
      ? sendJson(res, 200, ctx.maskinporten.jwks())
      : sendEmpty(res, 405, { Allow: 'GET' });
  }
  if (lower === CONSENT_API_PATH || lower.startsWith(`${CONSENT_API_PATH}/`)) {
    ctx.stats.consentRequests += 1;
    return handleConsentApi(ctx, req, res, path.slice(CONSENT_API_PATH.length), url.searchParams);
  }
  if (lower === CONSENT_PAGE_PATH || lower === `${CONSENT_PAGE_PATH}/`) {
    return handleConsentPage(ctx, req, res, url.searchParams);
  }
  if (under(lower, ALTINN2_API_PATH)) {
    ctx.stats.altinn2DelegationRequests += 1;
    return handleAltinn2Api(ctx, req, res, path.slice(ALTINN2_API_PATH.length), url.searchParams);
  }
  if (under(lower, SERVICE_OWNER_API_PATH)) {
    ctx.stats.altinn3DelegationRequests += 1;
    return handleServiceOwnerApi(ctx, req, res, path.slice(SERVICE_OWNER_API_PATH.length));
  }
  const sendPage = SEND_PAGE_PATTERN.exec(path);
  if (sendPage?.[1]) return handleSendPage(ctx, req, res, sendPage[1], url.searchParams);
  if (lower === DRAFT_PAGE_PATH || lower === `${DRAFT_PAGE_PATH}/`) {
    return handleDraftPage(ctx, req, res, url.searchParams);
  }
  if (lower === RECEIVED_PAGE_PATH || lower === `${RECEIVED_PAGE_PATH}/`) {
    return handleReceivedPage(ctx, req, res, url.searchParams);
  }
  const logout = LOGOUT_PATH.exec(path);
  if (logout?.[1]) {
    return method === 'GET'
      ? handleLogout(ctx, sealer, res, logout[1])
      : sendEmpty(res, 405, { Allow: 'GET' });
  }
  if (lower === AUTHENTICATION_LOGOUT_PATH) return handleAuthenticationLogout(ctx, req, res);
  if (lower === LOGOUT_REDIRECT_PATH) return handleLogoutRedirect(ctx, sealer, req, res);
  if (lower.startsWith(`${CONTROLS_PREFIX}/`))
    return handleControls(ctx, req, res, path.slice(CONTROLS_PREFIX.length));
  if (lower === '/' && method === 'GET') return sendHtml(res, 200, renderIndexPage(), PAGE_HEADERS);
  // Browsers ask for it on every page; a 404 would show up as a console error in browser tests.
  if (lower === '/favicon.ico') return sendEmpty(res, 204);
  sendEmpty(res, 404);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function checkApiKey(key: string): void {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TypeError('An API key must be a non-empty string');
  }
}

function checkNumbers(numbers: readonly string[], digits: number, what: string): void {
  const bad = numbers.find((number) => !new RegExp(`^\\d{${digits}}$`).test(number));
  if (bad !== undefined) throw new TypeError(`${what} must be ${digits} digits: ${bad}`);
}

/**
 * Starts a local, faithful mock of the Altinn parts this library uses: Maskinporten's token
 * endpoint, the enterprise consent API, the user's consent page with Altinn's logout and return
 * redirect, the access request APIs of Altinn 2 and 3 with their pages ("Be om tilgang"), and
 * test controls under `/__mock/`.
 *
 * @example
 * const altinn = await startMockAltinn({ port: 0 });
 * altinn.registerClient({ clientId, publicJwk, orgNumber: '991825827', scopes: ['altinn:consentrequests.write'] });
 * // … the code under test asks `${altinn.url}/maskinporten/token` for a token and calls the consent API …
 * await altinn.close();
 */
export async function startMockAltinn(options: MockAltinnOptions = {}): Promise<MockAltinn> {
  const persons = options.persons ?? DEFAULT_PERSONS;
  const organizations = options.organizations ?? DEFAULT_ORGANIZATIONS;
  checkNumbers(persons, 11, 'persons');
  checkNumbers(organizations, 9, 'organizations');
  const pageSize = options.delegationRequestsPageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new TypeError(`delegationRequestsPageSize must be a whole number above 0: ${pageSize}`);
  }
  const apiKeys = new Set<string>();
  for (const key of options.apiKeys ?? []) {
    checkApiKey(key);
    apiKeys.add(key);
  }
  const host = options.host ?? '127.0.0.1';

  const server = createServer();
  const connections = new Set<Socket>();
  server.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  await listen(server, options.port ?? 4010, host);
  const port = (server.address() as AddressInfo).port;
  const baseUrl = (options.publicUrl ?? `http://${hostForUrl(host)}:${port}`).replace(/\/+$/, '');

  let maskinporten: MockMaskinporten;
  try {
    maskinporten = await MockMaskinporten.create(baseUrl);
    for (const client of options.clients ?? []) maskinporten.registerClient(client);
  } catch (error) {
    server.close();
    throw error;
  }

  const stats: MockAltinnStats = {
    tokenRequests: 0,
    consentRequests: 0,
    altinn2DelegationRequests: 0,
    altinn3DelegationRequests: 0,
  };
  const store = new ConsentStore();
  const delegationRequests = new DelegationRequestStore();
  const accessRequests = new AccessRequestStore();
  const sealer = new CookieSealer();
  const nowMicros = (): number => dateToMicros(options.now ? options.now() : new Date());
  const reset = (): void => {
    store.clear();
    delegationRequests.clear();
    accessRequests.clear();
    maskinporten.reset();
    stats.tokenRequests = 0;
    stats.consentRequests = 0;
    stats.altinn2DelegationRequests = 0;
    stats.altinn3DelegationRequests = 0;
  };
  const registerClient = (client: MockClient): void => maskinporten.registerClient(client);
  const registerApiKey = (key: string): void => {
    checkApiKey(key);
    apiKeys.add(key);
  };
  const ctx: MockContext = {
    baseUrl,
    store,
    parties: new PartyRegistry(persons, organizations, {
      ...DEFAULT_PARTY_NAMES,
      ...options.partyNames,
    }),
    resources: new ResourceRegistry(options.resources ?? DEFAULT_RESOURCES),
    maskinporten,
    stats,
    nowMicros,
    reset,
    registerClient,
    viewUri: (id) => `${baseUrl}${CONSENT_PAGE_PATH}?id=${id}`,
    delegationRequests,
    accessRequests,
    services: new ServiceRegistry(options.services ?? DEFAULT_SERVICES),
    packages: new PackageRegistry(options.accessPackages ?? DEFAULT_ACCESS_PACKAGES),
    accessManagers: new AccessManagerRegistry({
      ...DEFAULT_ACCESS_MANAGERS,
      ...options.accessManagers,
    }),
    apiKeys,
    delegationRequestsPageSize: pageSize,
    altinn2ApprovedStatus: options.altinn2ApprovedStatus ?? 'Approved',
    registerApiKey,
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(ctx, sealer, req, res).catch((error: unknown) => {
      console.error('[mock-altinn] internal error:', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'Internal error in the mock', detail: String(error) });
    });
  });

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    maskinportenAudience: maskinporten.issuer,
    tokenEndpoint: maskinporten.tokenEndpoint,
    consentApiBaseUrl: `${baseUrl}/accessmanagement/api/v1/enterprise`,
    altinn2ApiBaseUrl: `${baseUrl}/api/serviceowner`,
    serviceOwnerApiBaseUrl: `${baseUrl}/accessmanagement/api/v1/serviceowner`,
    stats,
    consentRequests: store.requests,
    delegationRequests: delegationRequests.requests,
    accessRequests: accessRequests.requests,
    reset,
    registerClient,
    registerApiKey,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of connections) socket.destroy();
      });
      return closing;
    },
  };
}
