import { accessPageRoutes } from './access-pages.js';
import { ALTINN2_API_PATH, altinn2Routes } from './altinn2-api.js';
import { SERVICE_OWNER_API_PATH, altinn3Routes } from './altinn3-api.js';
import { CONSENT_API_PATH, consentRoutes } from './consent-api.js';
import { consentPageRoutes } from './consent-pages.js';
import { dataOwnerRoutes } from './consent-token.js';
import { controlRoutes } from './controls.js';
import { MockMaskinporten, maskinportenRoutes } from './maskinporten.js';
import { serve } from './node-adapter.js';
import { SYSTEM_USER_API_PATH, systemUserRoutes } from './systemuser-api.js';
import { systemUserPageRoutes } from './systemuser-page.js';
import { router } from './routes.js';
import { checkOptions, createState, type MockState } from './state.js';
import type { MockAltinn, MockAltinnOptions } from './types.js';

/** Every API and page of the mock, one route table each. */
const answer = router([
  maskinportenRoutes,
  consentRoutes,
  consentPageRoutes,
  altinn2Routes,
  altinn3Routes,
  accessPageRoutes,
  systemUserRoutes,
  systemUserPageRoutes,
  controlRoutes,
  dataOwnerRoutes,
]);

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
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
  checkOptions(options);
  const host = options.host ?? '127.0.0.1';
  let state: MockState | undefined;
  const server = await serve(options.port ?? 4010, host, (request) =>
    state ? answer(request, state) : Promise.resolve(new Response(null, { status: 503 })),
  );
  const announced = options.publicUrl ?? `http://${hostForUrl(host)}:${server.port}`;
  const baseUrl = announced.replace(/\/+$/, '');
  try {
    const maskinporten = await MockMaskinporten.create(baseUrl);
    for (const client of options.clients ?? []) maskinporten.registerClient(client);
    state = createState(options, baseUrl, maskinporten);
  } catch (error) {
    await server.close();
    throw error;
  }
  const mock = state;
  const { stats, reset, registerClient, registerApiKey, registerSystem } = mock;
  return {
    ...{ stats, reset, registerClient, registerApiKey, registerSystem },
    url: baseUrl,
    maskinportenAudience: mock.maskinporten.issuer,
    tokenEndpoint: mock.maskinporten.tokenEndpoint,
    consentApiBaseUrl: `${baseUrl}${CONSENT_API_PATH.replace(/\/consentrequests$/, '')}`,
    altinn2ApiBaseUrl: `${baseUrl}${ALTINN2_API_PATH.replace(/\/delegationrequests$/, '')}`,
    serviceOwnerApiBaseUrl: `${baseUrl}${SERVICE_OWNER_API_PATH.replace(/\/delegationrequests$/, '')}`,
    systemUserApiBaseUrl: `${baseUrl}${SYSTEM_USER_API_PATH}`,
    consentRequests: mock.consents.requests,
    delegationRequests: mock.delegationRequests.requests,
    accessRequests: mock.accessRequests.requests,
    systemUserRequests: mock.systemUserRequests.requests,
    systemUsers: mock.systemUserRequests.users,
    close: server.close,
  };
}
