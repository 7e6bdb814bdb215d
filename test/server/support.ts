/**
 * A portal backend for tests: the handler mounted in a real Node HTTP server, talking to the mock
 * Altinn over real HTTP with a Maskinporten client whose key the mock knows.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { startMockAltinn, type MockAltinn, type MockClientJwk } from '../../src/mock/index.js';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import {
  createAltinnHandler,
  maskinportenTokenSource,
  pgliteStore,
  postgresStore,
  toNodeListener,
  type AltinnHandlerOptions,
  type RequestStore,
  type TokenSource,
} from '../../src/server/index.js';

export const PERSON = '21818297804';
export const OTHER_PERSON = '12859040150';
export const BANK = '991825827';
export const RESOURCE = 'standard-samtykke-for-dele-data';
export const SCOPES = [
  'altinn:consentrequests.read',
  'altinn:consentrequests.write',
  'altinn:serviceowner/delegationrequests.read',
  'altinn:serviceowner/delegationrequests.write',
  'altinn:authentication/systemuser.request.read',
  'altinn:authentication/systemuser.request.write',
];
export const API_KEY = 'test-altinn2-api-key';
export const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

/** The header tests use as the portal's session: which person is signed in. */
export const SESSION_HEADER = 'x-test-person';
/** And which organisation they act for, if any. */
export const ORGANIZATION_HEADER = 'x-test-organization';

export interface TestPortal {
  mock: MockAltinn;
  /** The portal's origin, e.g. `http://127.0.0.1:40123`. */
  origin: string;
  /** `${origin}/api/altinn`. */
  endpoint: string;
  tokenSource: TokenSource;
  errors: unknown[];
  /** Moves the clock of the handler and of the mock's consent API (tokens keep real time). */
  advance(milliseconds: number): void;
  /** Calls the backend as the portal's page would (same origin, signed in as `person`). */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function newClientKey(
  kid = 'test-key',
): Promise<{ privateKey: CryptoKey; publicJwk: MockClientJwk }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

let sharedDatabase: Promise<PGlite | Pool> | undefined;

/**
 * One database for every portal of a test process (PGlite starts slowly): the PostgreSQL server of
 * `DATABASE_URL` when set (as in CI), else one embedded PGlite. Each portal gets a store with its own
 * secret, so no portal sees another's requests.
 */
export async function testStore(
  now: () => number = Date.now,
  secret = `test-store-${crypto.randomUUID()}`,
): Promise<RequestStore> {
  const url = process.env.DATABASE_URL;
  sharedDatabase ??= url
    ? import('pg').then(async ({ default: pg }) => {
        // A schema of this process's own: the store's own suite truncates the tables of its schema.
        const schema = `handler_tests_${process.pid}_${Date.now()}`;
        const setup = new pg.Client({ connectionString: url });
        await setup.connect();
        await setup.query(`create schema ${schema}`);
        await setup.end();
        const pool = new pg.Pool({
          connectionString: url,
          max: 5,
          allowExitOnIdle: true,
          options: `-c search_path=${schema}`,
        });
        pool.on('error', () => undefined);
        return pool;
      })
    : import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
  const database = await sharedDatabase;
  return url
    ? postgresStore({ pool: database as Pool, secret, now })
    : pgliteStore({ pglite: database as PGlite, secret, now });
}

export async function startPortal(
  overrides: Partial<AltinnHandlerOptions> = {},
  options: { person?: string | undefined } = {},
): Promise<TestPortal> {
  let offset = 0;
  const now = (): number => Date.now() + offset;
  const mock = await startMockAltinn({ port: 0, now: () => new Date(now()), apiKeys: [API_KEY] });
  const { privateKey, publicJwk } = await newClientKey();
  mock.registerClient({ clientId: 'test-portal', publicJwk, orgNumber: BANK, scopes: SCOPES });
  const tokenSource = maskinportenTokenSource({
    environment: { issuer: mock.maskinportenAudience },
    clientId: 'test-portal',
    privateKey,
    keyId: 'test-key',
  });
  const errors: unknown[] = [];
  // The portal's origin is known once it listens; the handler is told it (allowedOrigins).
  let listener: ReturnType<typeof toNodeListener> | undefined;
  const server: Server = createServer((request, response) => listener?.(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const endpoint = `${origin}/api/altinn`;
  try {
    listener = toNodeListener(
      createAltinnHandler({
        environment: { platformUrl: mock.url },
        tokenSource,
        identify: (request) => {
          const person = request.headers.get(SESSION_HEADER) ?? options.person;
          const organization = request.headers.get(ORGANIZATION_HEADER) ?? undefined;
          return person ? { person, ...(organization ? { organization } : {}) } : undefined;
        },
        consent: {
          organization: BANK,
          resources: [RESOURCE, 'samtykke-skattegrunnlag', 'ikke-samtykke-ressurs'],
        },
        allowedOrigins: [origin],
        store: await testStore(now),
        onError: (error) => errors.push(error),
        now,
        ...overrides,
      }),
    );
  } catch (error) {
    // Options the handler refuses: leave nothing running behind.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await mock.close();
    throw error;
  }
  return {
    mock,
    origin,
    endpoint,
    tokenSource,
    errors,
    advance: (milliseconds) => {
      offset += milliseconds;
    },
    call: (method, path, body, headers = {}) =>
      fetch(`${endpoint}${path}`, {
        method,
        headers: {
          origin,
          [SESSION_HEADER]: PERSON,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await mock.close();
    },
  };
}

/** A valid body for `POST /consent-requests`, coming back to the portal's own origin. */
export function consentBody(
  origin: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = crypto.randomUUID();
  return {
    id,
    rights: [
      { resource: RESOURCE, metadata: { inntektsaar: '2023' } },
      { resource: RESOURCE, metadata: { inntektsaar: '2024' } },
    ],
    validTo: 'P90D',
    requestMessage: { nb: 'Vi trenger inntekten din.' },
    redirectUrl: `${origin}/soknad?consentId=${id}`,
    ...overrides,
  };
}

/**
 * Answers the consent in the mock's user page as a person would: posts the form whose button has
 * `data-action`, and follows Altinn's redirect chain back to the portal. Returns the final URL.
 */
export async function answerInAltinn(
  viewUrl: string,
  action: 'accept' | 'reject',
): Promise<string> {
  const page = await fetch(viewUrl);
  const html = await page.text();
  const button = new RegExp(`<button[^>]*data-action="${action}"[^>]*>`).exec(html)?.[0];
  if (!button) throw new Error(`no data-action="${action}" button on ${viewUrl}`);
  const name = /name="([^"]+)"/.exec(button)?.[1];
  const value = /value="([^"]+)"/.exec(button)?.[1];
  const formAction = /<form[^>]*action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const target = new URL(formAction || viewUrl, viewUrl);
  let response = await fetch(target, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(viewUrl).origin,
    },
    body: name && value ? new URLSearchParams({ [name]: value }) : '',
    redirect: 'manual',
  });
  let cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
  let location = response.headers.get('location');
  // Follow Altinn's logout chain until it leaves Altinn's origin.
  for (let hop = 0; location && hop < 5; hop += 1) {
    const next = new URL(location, target);
    if (next.origin !== target.origin) return next.href;
    response = await fetch(next, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    cookie = response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    location = response.headers.get('location');
  }
  throw new Error(`Altinn did not send the user back (status ${response.status})`);
}

/** The `href` of the link with `data-action` on an Altinn page (e.g. Altinn 2's "Fortsett"). */
export async function altinnLink(pageUrl: string, action: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const link = new RegExp(`<a[^>]*data-action="${action}"[^>]*>`).exec(html)?.[0];
  const href = link && /href="([^"]*)"/.exec(link)?.[1];
  if (!href) throw new Error(`no link with data-action="${action}" on ${pageUrl}`);
  return new URL(href.replace(/&amp;/g, '&'), pageUrl).href;
}

/**
 * Submits, as a person would, the form on an Altinn page that holds the button with `data-action`
 * (and, on a list page, the hidden `requestId`), or follows a link with that `data-action`.
 * Returns the answer, not following redirects.
 */
export async function actInAltinn(
  pageUrl: string,
  action: string,
  options: { requestId?: string; fields?: Record<string, string> } = {},
): Promise<Response> {
  const html = await (await fetch(pageUrl)).text();
  const unescape = (text: string) => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  const forms = [...html.matchAll(/<form[^>]*>[\s\S]*?<\/form>/g)].map((match) => match[0]);
  const form = forms.find(
    (candidate) =>
      candidate.includes(`data-action="${action}"`) &&
      (!options.requestId || candidate.includes(`value="${options.requestId}"`)),
  );
  if (!form) {
    const link = new RegExp(`<a[^>]*data-action="${action}"[^>]*>`).exec(html)?.[0];
    const href = link && /href="([^"]*)"/.exec(link)?.[1];
    if (!href) throw new Error(`no data-action="${action}" on ${pageUrl}`);
    return fetch(new URL(unescape(href), pageUrl), { redirect: 'manual' });
  }
  const target = new URL(unescape(/action="([^"]*)"/.exec(form)?.[1] ?? pageUrl), pageUrl);
  const fields = new URLSearchParams();
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields.append(name, unescape(value ?? ''));
  }
  const button = new RegExp(`<button[^>]*data-action="${action}"[^>]*>`).exec(form)?.[0] ?? '';
  const name = /name="([^"]+)"/.exec(button)?.[1];
  const value = /value="([^"]*)"/.exec(button)?.[1];
  if (name) fields.append(name, value ?? '');
  for (const [key, text] of Object.entries(options.fields ?? {})) fields.append(key, text);
  return fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: target.origin },
    body: fields,
    redirect: 'manual',
  });
}
