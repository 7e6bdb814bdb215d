/**
 * Many elements on one page, measured: 1,000 `<consent-status>` elements showing 10 distinct ids,
 * then 1,000 elements showing 1,000 ids, in Chromium (CHROME_PATH, else Debian's), against a small
 * backend in this process that answers the contract's GET and `…/lookup` routes and counts calls.
 * Prints how many calls reached the backend and how long until every element showed its status
 * (each case run five times on a fresh page; the median is judged), and fails when a target is
 * missed (≤ 10 calls for 10 ids, ≤ 10 lookup calls for 1,000 ids, all shown in < 1.5 s).
 *
 * Run: npm run bench
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../test/support/chromium.mjs';
import { minifyCssTemplates } from './minify-css.mjs';

const ELEMENTS = 1000;
const TARGET_MS = 1500;
/** Runs per case; the median is judged (the machine is shared, so single runs vary widely). */
const RUNS = 5;

/** The CDN file as `npm run build` makes it, built in memory. */
async function libraryCode() {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [minifyCssTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rolldownOptions: {
        input: { lib: 'src/index.ts' },
        preserveEntrySignatures: 'strict',
        output: { format: 'es', codeSplitting: false },
      },
    },
  });
  return [result]
    .flat()
    .flatMap((output) => output.output)
    .find((item) => item.type === 'chunk').code;
}

const view = (id) => ({
  kind: 'consent',
  id,
  status: 'accepted',
  validTo: '2099-01-01T00:00:00Z',
});

/** The backend: counts every call by route, answers views. */
function backend(code) {
  const calls = { get: 0, lookup: 0, lookupIds: [] };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const json = (value) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="nb"><title>bench</title><script type="module" src="/lib.js"></script><main></main>',
      );
    } else if (url.pathname === '/lib.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(code);
    } else if (url.pathname === '/api/altinn/consent-requests/lookup' && req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const { ids } = JSON.parse(text);
      calls.lookup += 1;
      calls.lookupIds.push(ids.length);
      json({ items: ids.map(view) });
    } else if (url.pathname.startsWith('/api/altinn/consent-requests/') && req.method === 'GET') {
      calls.get += 1;
      json(view(decodeURIComponent(url.pathname.split('/').at(-1))));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return { server, calls };
}

/** Puts `count` elements on the page at once and waits until every one shows its status. */
async function measure(page, distinct) {
  return page.evaluate(
    async ({ count, distinct }) => {
      await customElements.whenDefined('consent-status');
      const ids = Array.from(
        { length: distinct },
        (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      );
      const main = document.querySelector('main');
      main.replaceChildren();
      const start = performance.now();
      const fragment = document.createDocumentFragment();
      for (let index = 0; index < count; index += 1) {
        const element = document.createElement('consent-status');
        element.setAttribute('request-id', ids[index % distinct]);
        fragment.append(element);
      }
      main.append(fragment);
      const elements = [...main.children];
      await new Promise((resolve) => {
        const check = () =>
          elements.every((element) => element.hasAttribute('status'))
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      // Until the texts are on screen, not only the attribute.
      await Promise.all(elements.map((element) => element.updateComplete));
      return performance.now() - start;
    },
    { count: ELEMENTS, distinct },
  );
}

const code = await libraryCode();
const { server, calls } = backend(code);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
const failures = [];
try {
  console.log(`${ELEMENTS} <consent-status> elements on one page, Chromium, ${RUNS} runs each:`);
  for (const distinct of [10, ELEMENTS]) {
    const times = [];
    let counted;
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage();
      await page.goto(origin);
      Object.assign(calls, { get: 0, lookup: 0, lookupIds: [] });
      times.push(await measure(page, distinct));
      counted = { ...calls, lookupIds: [...calls.lookupIds] };
      await page.close();
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
    const total = counted.get + counted.lookup;
    const limit = 10;
    const ok = total <= limit && median < TARGET_MS;
    console.log(
      `${ok ? '✓' : '✗'} ${distinct} distinct ids: ${total} calls (${counted.get} GET, ${counted.lookup} lookup${
        counted.lookupIds.length ? ` of ${counted.lookupIds.join(', ')} ids` : ''
      }; target ≤ ${limit}), all shown in ${Math.round(median)} ms, median of ${times.map((ms) => `${Math.round(ms)}`).join(' / ')} ms (target < ${TARGET_MS} ms)`,
    );
    if (!ok) failures.push(`${distinct} distinct ids missed a target`);
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exitCode = 1;
}
