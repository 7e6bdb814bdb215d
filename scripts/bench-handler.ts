/**
 * What the backend handler costs on top of Altinn, on loopback against the mock Altinn: a consent
 * request created and read back through the handler (called in-process, with each store) against
 * the same two calls made straight to the mock, interleaved so both meet the same machine; then a
 * list of 100 requests and a lookup of 100 ids; then throughput with concurrent callers over HTTP.
 * Figures, not a test.
 *
 * Run: npx tsx scripts/bench-handler.ts [rounds=200] [concurrency=20]
 * With DATABASE_URL set, the PostgreSQL store is measured too.
 */
import {
  createAltinnHandler,
  pgliteStore,
  postgresStore,
  type AltinnHandler,
  type RequestStore,
  type TokenSource,
} from '../src/server/index.js';
import {
  BANK,
  consentBody,
  PERSON,
  RESOURCE,
  startPortal,
  type TestPortal,
} from '../test/server/support.js';

const rounds = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 20);
const CONSENT = '/accessmanagement/api/v1/enterprise/consentrequests';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(call: () => Promise<Response>, expected: number): Promise<number> {
  const started = performance.now();
  const response = await call();
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${response.status}: ${text.slice(0, 200)}`);
  return performance.now() - started;
}

/** One create + read straight to the mock, with the same token and body the handler would send. */
async function direct(portal: TestPortal, tokens: TokenSource): Promise<number> {
  const token = await tokens.getToken(['altinn:consentrequests.write']);
  const body = consentBody(portal.origin);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const altinnBody = {
    id: body.id,
    from: 'urn:altinn:person:identifier-no:21818297804',
    to: 'urn:altinn:organization:identifier-no:991825827',
    validTo: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    consentRights: [
      {
        action: ['consent'],
        resource: [{ type: 'urn:altinn:resource', value: 'standard-samtykke-for-dele-data' }],
        metadata: { inntektsaar: '2024' },
      },
    ],
    redirectUrl: String(body.redirectUrl),
  };
  return (
    (await timed(
      () =>
        fetch(`${portal.mock.url}${CONSENT}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(altinnBody),
        }),
      201,
    )) + (await timed(() => fetch(`${portal.mock.url}${CONSENT}/${body.id}`, { headers }), 200))
  );
}

const ORIGIN = 'https://portal.example';

/** A call to the handler in-process, as the portal's page makes it. */
function call(handler: AltinnHandler, method: string, path: string, body?: unknown) {
  return () =>
    handler(
      new Request(`${ORIGIN}/api/altinn${path}`, {
        method,
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      }),
    );
}

/** One create + read through the handler (the read refreshes from Altinn: it follows a create). */
async function throughHandler(handler: AltinnHandler): Promise<{ total: number; id: string }> {
  const body = consentBody(ORIGIN);
  const create = await timed(call(handler, 'POST', '/consent-requests', body), 201);
  const read = await timed(call(handler, 'GET', `/consent-requests/${String(body.id)}`), 200);
  return { total: create + read, id: String(body.id) };
}

async function measure(name: string, store: RequestStore): Promise<void> {
  const portal = await startPortal({ store });
  const handler = createAltinnHandler({
    environment: { platformUrl: portal.mock.url },
    tokenSource: portal.tokenSource,
    identify: () => ({ person: PERSON }),
    consent: { organization: BANK, resources: [RESOURCE] },
    allowedOrigins: [ORIGIN],
    store,
  });
  try {
    // Warm up the JIT, the connections, the token cache and the store (migrations, PGlite's start).
    for (let i = 0; i < 20; i += 1) {
      await throughHandler(handler);
      await direct(portal, portal.tokenSource);
    }
    const handlerTimes: number[] = [];
    const directTimes: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < rounds; i += 1) {
      // Interleaved, alternating which goes first, so both see the same load.
      if (i % 2) directTimes.push(await direct(portal, portal.tokenSource));
      const through = await throughHandler(handler);
      handlerTimes.push(through.total);
      ids.push(through.id);
      if (!(i % 2)) directTimes.push(await direct(portal, portal.tokenSource));
    }
    const [viaHandler, straight] = [median(handlerTimes), median(directTimes)];
    console.log(
      `${name.padEnd(10)} create + read: handler ${ms(viaHandler)}, Altinn directly ${ms(straight)}, ratio ${(viaHandler / straight).toFixed(2)}× (medians of ${rounds})`,
    );

    const hundred = ids.slice(-100);
    const listTimes: number[] = [];
    const lookupTimes: number[] = [];
    // Once refreshed from Altinn, a list or lookup within the refresh window reads the store only.
    await call(handler, 'GET', '/consent-requests?limit=100')();
    for (let i = 0; i < 30; i += 1) {
      listTimes.push(await timed(call(handler, 'GET', '/consent-requests?limit=100'), 200));
      lookupTimes.push(
        await timed(call(handler, 'POST', '/consent-requests/lookup', { ids: hundred }), 200),
      );
    }
    console.log(
      `${name.padEnd(10)} list of 100: ${ms(median(listTimes))}; lookup of 100 ids: ${ms(median(lookupTimes))} (medians of 30)`,
    );

    let next = 0;
    const started = performance.now();
    const total = rounds * 5;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < total; index = next++) {
          await timed(
            () => portal.call('POST', '/consent-requests', consentBody(portal.origin)),
            201,
          );
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${name.padEnd(10)} ${concurrency} concurrent creators over HTTP: ${(total / seconds).toFixed(0)} requests/s`,
    );
  } finally {
    await portal.close();
    await store.close();
  }
}

console.log(`node ${process.version}; handler, store and mock Altinn in one process on loopback`);
const secret = `bench-${crypto.randomUUID()}`;
await measure('PGlite', pgliteStore({ secret }));
if (process.env.DATABASE_URL) {
  await measure(
    'PostgreSQL',
    postgresStore({ connectionString: process.env.DATABASE_URL, secret }),
  );
} else {
  console.log('PostgreSQL: set DATABASE_URL to measure it too.');
}
