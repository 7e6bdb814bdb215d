/**
 * How fast the backend handler answers on loopback, against the mock Altinn: creates and reads of
 * consent requests with a number of concurrent callers, and how many Maskinporten tokens that took.
 * Figures for scale, not a test (nothing fails on them).
 *
 * Run: npx tsx scripts/bench-handler.ts [requests=2000] [concurrency=20]
 */
import { consentBody, startPortal } from '../test/server/support.js';

const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 20);

const portal = await startPortal();
try {
  async function run(
    label: string,
    call: (index: number) => Promise<Response>,
    expected: number,
  ): Promise<string[]> {
    const latencies: number[] = [];
    const ids: string[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < total; index = next++) {
          const begin = performance.now();
          const response = await call(index);
          const body = (await response.json()) as { id?: string };
          if (response.status !== expected)
            throw new Error(`${label}: ${response.status} ${JSON.stringify(body)}`);
          latencies.push(performance.now() - begin);
          if (body.id) ids.push(body.id);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
    console.log(
      `${label.padEnd(32)} ${String(total).padStart(6)} calls  ${(total / seconds).toFixed(0).padStart(6)}/s  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms`,
    );
    return ids;
  }

  // Warm up the JIT, the connections and the token cache.
  await run(
    'warm-up',
    () => portal.call('POST', '/consent-requests', consentBody(portal.origin)),
    201,
  );
  const tokensBefore = portal.mock.stats.tokenRequests;
  console.log(
    `node ${process.version}, ${concurrency} concurrent callers, handler and mock Altinn in one process on loopback`,
  );
  const ids = await run(
    'POST /consent-requests (create)',
    () => portal.call('POST', '/consent-requests', consentBody(portal.origin)),
    201,
  );
  await run(
    'GET /consent-requests/{id}',
    (index) => portal.call('GET', `/consent-requests/${ids[index % ids.length]}`),
    200,
  );
  await run(
    'POST with a bad body (refused)',
    () => portal.call('POST', '/consent-requests', { rights: [] }),
    400,
  );
  console.log(
    `Maskinporten token requests during the run: ${portal.mock.stats.tokenRequests - tokensBefore}`,
  );
} finally {
  await portal.close();
}
