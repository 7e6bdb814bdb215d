import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { startMockAltinn, type MockAltinn, type MockAltinnOptions } from '../../src/mock/index.js';

/** Shared set-up for the mock's tests: a mock on a free port, a Maskinporten client, tokens, bodies. */

export const BANK = '991825827';
export const OTHER_BANK = '311567829';
export const ACCOUNTING_FIRM = '310456780';
export const PERSON = '21818297804';
export const PERSON_URN = `urn:altinn:person:identifier-no:${PERSON}`;
export const BANK_URN = `urn:altinn:organization:identifier-no:${BANK}`;
export const WRITE = 'altinn:consentrequests.write';
export const READ = 'altinn:consentrequests.read';
export const CONSENT_REQUESTS = '/accessmanagement/api/v1/enterprise/consentrequests';

export interface TestClient {
  clientId: string;
  kid: string;
  alg: string;
  privateKey: CryptoKey;
}

export async function makeClient(
  altinn: MockAltinn,
  options: { orgNumber?: string; scopes?: string[]; alg?: 'ES256' | 'RS256' } = {},
): Promise<TestClient> {
  const alg = options.alg ?? 'ES256';
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const kid = `kid-${randomUUID()}`;
  const clientId = `client-${randomUUID()}`;
  altinn.registerClient({
    clientId,
    publicJwk: { ...(await exportJWK(publicKey)), kid },
    orgNumber: options.orgNumber ?? BANK,
    scopes: options.scopes ?? [WRITE, READ],
  });
  return { clientId, kid, alg, privateKey };
}

/** A Maskinporten JWT grant; `claims`/`header` override the defaults, `null` drops a claim. */
export async function signGrant(
  altinn: MockAltinn,
  client: TestClient,
  options: {
    claims?: Record<string, unknown>;
    header?: Record<string, unknown>;
    key?: CryptoKey;
  } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = Object.fromEntries(
    Object.entries({
      iss: client.clientId,
      aud: altinn.maskinportenAudience,
      scope: `${WRITE} ${READ}`,
      iat: now,
      exp: now + 60,
      jti: randomUUID(),
      ...options.claims,
    }).filter(([, value]) => value !== null),
  );
  return new SignJWT(claims as JWTPayload)
    .setProtectedHeader({ alg: client.alg, kid: client.kid, ...options.header })
    .sign(options.key ?? client.privateKey);
}

export function requestToken(altinn: MockAltinn, assertion: string): Promise<Response> {
  return fetch(altinn.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
    }),
  });
}

export async function accessToken(
  altinn: MockAltinn,
  client: TestClient,
  scope = `${WRITE} ${READ}`,
): Promise<string> {
  const res = await requestToken(altinn, await signGrant(altinn, client, { claims: { scope } }));
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A mock on a free port with one client of the bank, and a token with both scopes. */
export async function startWithBank(options: MockAltinnOptions = {}): Promise<{
  altinn: MockAltinn;
  client: TestClient;
  token: string;
}> {
  const altinn = await startMockAltinn({ port: 0, ...options });
  const client = await makeClient(altinn);
  return { altinn, client, token: await accessToken(altinn, client) };
}

export function inDays(days: number, from = Date.now()): string {
  return new Date(from + days * 24 * 60 * 60 * 1000).toISOString();
}

export function right(
  resource = 'standard-samtykke-for-dele-data',
  metadata: Record<string, string> | null = { inntektsaar: '2024' },
) {
  return {
    action: ['consent'],
    resource: [{ type: 'urn:altinn:resource', value: resource }],
    ...(metadata ? { metadata } : {}),
  };
}

export function consentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    from: PERSON_URN,
    to: BANK_URN,
    validTo: inDays(30),
    consentRights: [right()],
    requestMessage: {
      nb: 'Vi trenger inntekten din for lånesøknaden.',
      en: 'We need your income for the loan application.',
    },
    redirectUrl: 'https://portal.example/loan?step=2',
    ...overrides,
  };
}

export function postConsent(
  altinn: MockAltinn,
  token: string | undefined,
  body: unknown,
): Promise<Response> {
  return fetch(`${altinn.url}${CONSENT_REQUESTS}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function getConsent(
  altinn: MockAltinn,
  token: string | undefined,
  id: string,
): Promise<Response> {
  return fetch(`${altinn.url}${CONSENT_REQUESTS}/${id}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

/** Creates a request and returns its id; fails the test unless Altinn answers 201. */
export async function createConsent(
  altinn: MockAltinn,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const body = consentBody(overrides);
  const res = await postConsent(altinn, token, body);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return body.id as string;
}

export interface RedirectChain {
  /** Every URL the browser was sent to, in order, the last one outside the mock. */
  locations: string[];
  /** Where it ended: the first URL not on the mock's origin (or the last answer's URL). */
  final: string;
  /** Status of the last answer fetched from the mock. */
  lastStatus: number;
}

/**
 * Plays a browser: sends `init` to `url`, then follows redirects with a cookie jar, stopping at the
 * first URL outside the mock (the portal is not there to answer).
 */
export async function browse(
  altinn: MockAltinn,
  url: string,
  init: RequestInit = {},
): Promise<RedirectChain> {
  const jar = new Map<string, string>();
  const locations: string[] = [];
  let current = url;
  let request: RequestInit = init;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await fetch(current, {
      ...request,
      redirect: 'manual',
      headers: {
        ...(request.headers as Record<string, string> | undefined),
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      if (attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) jar.delete(name);
      else jar.set(name, pair.slice(at + 1).trim());
    }
    const location = res.headers.get('location');
    await res.arrayBuffer();
    if (res.status < 300 || res.status > 399 || !location) {
      return { locations, final: current, lastStatus: res.status };
    }
    // Keep an absolute Location exactly as sent: the tests compare it character by character.
    const next = /^[a-z][a-z0-9+.-]*:/i.test(location) ? location : new URL(location, current).href;
    locations.push(next);
    if (!next.startsWith(`${altinn.url}/`))
      return { locations, final: next, lastStatus: res.status };
    current = next;
    request = {};
  }
  throw new Error(`Too many redirects: ${locations.join(' → ')}`);
}

/** Answers a request on the consent page as the user would, and follows Altinn's redirects. */
export function answer(
  altinn: MockAltinn,
  id: string,
  action: 'accept' | 'reject',
  lang = 'nb',
): Promise<RedirectChain> {
  return browse(altinn, `${altinn.url}/accessmanagement/ui/consent/request?id=${id}&lang=${lang}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action }).toString(),
  });
}

// ---------------------------------------------------------------------------------------------
// Access requests ("Be om tilgang"): Altinn 2's service owner API and Altinn 3's.

export const TESTFJORD = OTHER_BANK;
export const TESTFJORD_URN = `urn:altinn:organization:identifier-no:${TESTFJORD}`;
export const TAX_OFFICE = '974761076';
export const ACCESS_WRITE = 'altinn:serviceowner/delegationrequests.write';
export const ACCESS_READ = 'altinn:serviceowner/delegationrequests.read';
export const API_KEY = 'test-api-key';
export const ALTINN2_REQUESTS = '/api/serviceowner/delegationRequests';
export const ALTINN3_REQUESTS = '/accessmanagement/api/v1/serviceowner/delegationrequests';

/** A mock that knows {@link API_KEY}, with a client of the bank and a token with both access scopes. */
export async function startForAccess(options: MockAltinnOptions = {}): Promise<{
  altinn: MockAltinn;
  token: string;
  tokenFor(orgNumber: string, scopes?: string[]): Promise<string>;
}> {
  const altinn = await startMockAltinn({ port: 0, apiKeys: [API_KEY], ...options });
  const tokenFor = async (
    orgNumber: string,
    scopes = [ACCESS_WRITE, ACCESS_READ],
  ): Promise<string> => {
    const client = await makeClient(altinn, { orgNumber, scopes });
    return accessToken(altinn, client, scopes.join(' '));
  };
  return { altinn, token: await tokenFor(BANK), tokenFor };
}

export function altinn2Headers(
  token: string | undefined,
  headers: Record<string, string> = {},
): Record<string, string> {
  return {
    ApiKey: API_KEY,
    Accept: 'application/hal+json',
    'Content-Type': 'application/hal+json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...headers,
  };
}

export function delegationRequestBody(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    CoveredBy: PERSON,
    OfferedBy: TESTFJORD,
    RedirectUrl: 'https://portal.example/lonn?step=2',
    KeepSessionAlive: true,
    RequestMessage: 'Trenger tilgang til lønnsmodulen.',
    RequestResources: [{ ServiceCode: '4751', ServiceEditionCode: 1 }],
    ...overrides,
  };
}

export function postAltinn2(
  altinn: MockAltinn,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${altinn.url}${ALTINN2_REQUESTS}`, {
    method: 'POST',
    headers: altinn2Headers(token, headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface Altinn2Item {
  Guid: string;
  RequestStatus: string;
  RequestMessage: string | null;
  LastChanged: string;
  _links?: { self: { href: string }; sendRequest: { href: string } };
  [key: string]: unknown;
}

/** Creates an Altinn 2 request and returns its HAL item; fails unless Altinn answers 201. */
export async function createAltinn2(
  altinn: MockAltinn,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<Altinn2Item> {
  const res = await postAltinn2(altinn, token, delegationRequestBody(overrides));
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return (await res.json()) as Altinn2Item;
}

export async function getAltinn2(
  altinn: MockAltinn,
  token: string,
  guid: string,
): Promise<Altinn2Item> {
  const res = await fetch(`${altinn.url}${ALTINN2_REQUESTS}/${guid}`, {
    headers: altinn2Headers(token),
  });
  if (res.status !== 200) throw new Error(`get: ${res.status} ${await res.text()}`);
  return (await res.json()) as Altinn2Item;
}

export function postAltinn3(
  altinn: MockAltinn,
  token: string | undefined,
  endpoint: '' | '/resource' | '/package',
  body: unknown,
): Promise<Response> {
  return fetch(`${altinn.url}${ALTINN3_REQUESTS}${endpoint}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface PartyEntityJson {
  id: string;
  name: string;
  type: string;
  variant: string;
  organizationIdentifier: string | null;
  personIdentifier: string | null;
}

export interface RequestDtoJson {
  id: string;
  status: string;
  type: string;
  lastUpdated: string;
  resource: { id: string; referenceId: string } | null;
  package: { id: string; referenceId: string } | null;
  links: { detailsLink: string; statusLink: string };
  from: PartyEntityJson;
  to: PartyEntityJson;
  by: PartyEntityJson;
}

/** Creates an Altinn 3 request for a resource (Test Testesen asks Testfjord by default); fails unless 202. */
export async function createAltinn3(
  altinn: MockAltinn,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<RequestDtoJson> {
  const res = await postAltinn3(altinn, token, '/resource', {
    from: PERSON_URN,
    to: TESTFJORD_URN,
    resource: 'lonnsmodul-tilgang',
    ...overrides,
  });
  if (res.status !== 202) throw new Error(`create: ${res.status} ${await res.text()}`);
  return (await res.json()) as RequestDtoJson;
}

export async function altinn3Status(
  altinn: MockAltinn,
  token: string,
  id: string,
): Promise<string> {
  const res = await fetch(`${altinn.url}${ALTINN3_REQUESTS}/${id}/status`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`status: ${res.status} ${await res.text()}`);
  return (await res.json()) as string;
}

/** Posts a form as a browser would, without following the redirect. */
export function postForm(
  url: string,
  fields: [string, string][] | Record<string, string>,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/**
 * Does on the pages what the user or the access manager does with an access request of either API:
 * `send` (Altinn 2's send page), `confirm` / `decline` (Altinn 3's draft page), `open` / `approve` /
 * `reject` (the access manager's page). `true` when the page took the action.
 */
export async function actOnPage(altinn: MockAltinn, id: string, action: string): Promise<boolean> {
  const a2 = altinn.delegationRequests.get(id);
  const a3 = altinn.accessRequests.get(id);
  if (action === 'send') {
    // The textarea comes filled with the service owner's message; the user sends it as it is.
    const message = a2?.requestMessage ?? '';
    const sendPage = `${altinn.url}/ui/DelegationRequest/send/${id}`;
    return (await postForm(sendPage, { message })).status === 303;
  }
  if (action === 'confirm' || action === 'decline') {
    const draftPage = `${altinn.url}/accessmanagement/ui/requests/resource?requestId=${id}`;
    return (await postForm(draftPage, { action })).status === 303;
  }
  const org = a2?.offeredBy ?? a3?.to.split(':').pop() ?? '';
  const received = `${altinn.url}/accessmanagement/ui/requests/received?org=${org}`;
  if (action === 'open') {
    return (await fetch(`${received}&requestId=${id}`)).status === 200;
  }
  return (await postForm(received, { requestId: id, action })).status === 303;
}
