/**
 * Every story of the built Storybook (`npm run build-storybook` writes storybook-static/), rendered in
 * Chromium: it must render (a shadow root with content, no error display, no page error), its `play`
 * function must pass, and axe-core must find no violation, in the light and the shadow DOM.
 *
 * Each of a few pages opens `iframe.html?id=<id>&viewMode=story` for its first story, then switches
 * to the next stories the way Storybook's manager does (`setCurrentStory` on the channel), which
 * spares a full page load per story; a page whose story failed is thrown away. Storybook reports the
 * end of a story (render, play function) on its channel as `storyFinished`; an init script catches
 * the channel as the preview installs it, so no event is missed. STORYBOOK_TEST_RELOAD=1 loads a
 * fresh page for every story instead.
 */
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';

const STATIC_DIR = fileURLToPath(new URL('../../storybook-static/', import.meta.url));
const INDEX = join(STATIC_DIR, 'index.json');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** The elements of this library: each must have rendered into its shadow root. */
const TAGS = [
  'request-consent-button',
  'consent-status',
  'request-access-button',
  'access-request-status',
  'request-system-user-button',
  'system-user-request-status',
  'altinn-request-list',
];
/** Pages checked at once: enough to keep two cores busy while pages wait on their stories. */
const PARALLEL = 4;
/** The longest a story may take to render and play. */
const STORY_TIMEOUT = 20_000;

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
}

function storiesInIndex(): IndexEntry[] {
  if (!existsSync(INDEX)) return [];
  const index = JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

const stories = storiesInIndex();

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves storybook-static/ on a free port of the loopback interface. */
function serveStatic(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(STATIC_DIR, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(STATIC_DIR.endsWith(sep) ? STATIC_DIR : STATIC_DIR + sep)) {
      response.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) throw new Error('not a file');
      size = stats.size;
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'max-age=3600',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

/**
 * Runs in every page before Storybook: records what Storybook's channel says about each story. Plain
 * JavaScript in a string, because functions compiled by tsx may call helpers the page lacks.
 */
const WATCH_STORYBOOK_CHANNEL = `(() => {
  const log = [];
  const finished = {};
  window.__storyLog = log;
  window.__storyFinished = finished;
  const text = (value) => {
    if (value instanceof Error) return value.name + ': ' + value.message;
    try {
      return String(JSON.stringify(value)).slice(0, 2000);
    } catch {
      return String(value);
    }
  };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      const fresh = next && next !== channel;
      channel = next;
      if (!fresh) return;
      for (const event of [
        'storyErrored',
        'storyThrewException',
        'playFunctionThrewException',
        'storyMissing',
        'unhandledErrorsWhilePlaying',
      ]) {
        next.on(event, (...args) => log.push(event + ': ' + args.map(text).join(' ')));
      }
      next.on('storyFinished', (detail) => {
        finished[detail.storyId] = {
          status: detail.status,
          reporters: (detail.reporters || []).map((report) => {
            const violations = (report.result && report.result.violations) || [];
            const ids = violations.map((violation) => violation.id).join(', ');
            return report.type + ': ' + report.status + (ids ? ' (' + ids + ')' : '');
          }),
        };
      });
    },
  });
})();`;

/** What the init script keeps in the page. */
interface Watched {
  __storyLog: string[];
  __storyFinished: Record<string, { status: string; reporters: string[] } | undefined>;
  __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, ...args: unknown[]): void };
  axe?: {
    run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }>;
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

describe('every story in Storybook', { concurrency: PARALLEL }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Server;
  let base: string;
  /** Pages that have Storybook loaded and no story under test. */
  const idle: Page[] = [];
  /** Pages with axe-core/axe.min.js injected (the a11y addon's own copy of axe is not used). */
  const withAxe = new WeakSet<Page>();
  const reload = process.env.STORYBOOK_TEST_RELOAD === '1';

  before(async () => {
    ({ server, url: base } = await serveStatic());
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    const probe = await browser.newPage();
    const userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
    // Storybook pauses CSS animations for a test runner, so the spinner holds still for axe.
    context = await browser.newContext({ userAgent: `${userAgent} StorybookTestRunner` });
    await context.addInitScript({ content: WATCH_STORYBOOK_CHANNEL });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Shows story `id` in a page: a loaded one if there is one, else a new one. */
  async function open(id: string): Promise<{ page: Page; pageErrors: string[] }> {
    const pageErrors: string[] = [];
    const onError = (error: Error): void => void pageErrors.push(`${error.name}: ${error.message}`);
    const loaded = reload ? undefined : idle.pop();
    if (loaded) {
      loaded.removeAllListeners('pageerror');
      loaded.on('pageerror', onError);
      await loaded.evaluate((storyId) => {
        const page = window as unknown as Watched;
        page.__storyLog.length = 0;
        page.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }, id);
      return { page: loaded, pageErrors };
    }
    const page = await context.newPage();
    page.on('pageerror', onError);
    // The a11y addon checks the story too (its `test: 'error'` fails the story on a violation, which
    // `storyFinished` reports); axe-core runs again below, on the story's root.
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    return { page, pageErrors };
  }

  it('finds the stories in storybook-static/index.json (run `npm run build-storybook`)', () => {
    assert.ok(stories.length > 0, `no stories in ${INDEX}`);
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, async () => {
      const { page, pageErrors } = await open(story.id);
      let passed = false;
      try {
        const finished = await page
          .waitForFunction(
            (storyId) => (window as unknown as Watched).__storyFinished[storyId],
            story.id,
            { timeout: STORY_TIMEOUT },
          )
          .then((handle) => handle.jsonValue() as Promise<{ status: string; reporters: string[] }>)
          .catch(() => undefined);
        const log = (await page.evaluate(() => (window as unknown as Watched).__storyLog)).join(
          '\n',
        );

        assert.ok(finished, `the story did not finish within ${STORY_TIMEOUT} ms\n${log}`);
        assert.deepEqual(pageErrors, [], 'errors on the page');
        assert.equal(
          finished.status,
          'success',
          `Storybook reports the story as failed (${finished.reporters.join('; ')})\n${log}`,
        );
        assert.equal(log, '', 'Storybook reports errors');

        const rendered = await page.evaluate((tags) => {
          const root = document.querySelector('#storybook-root');
          const body = document.body.classList;
          const elements = root ? [...root.querySelectorAll(tags.join(','))] : [];
          return {
            errorShown: body.contains('sb-show-errordisplay') || body.contains('sb-show-nopreview'),
            rootChildren: root?.childElementCount ?? 0,
            elements: elements.length,
            unrendered: elements
              .filter(
                (element) => !element.shadowRoot || element.shadowRoot.childElementCount === 0,
              )
              .map((element) => element.localName),
          };
        }, TAGS);
        assert.equal(rendered.errorShown, false, 'Storybook shows its error display');
        assert.ok(rendered.rootChildren > 0, 'the story rendered nothing');
        assert.ok(rendered.elements > 0, 'the story shows none of the elements');
        assert.deepEqual(rendered.unrendered, [], 'elements without a rendered shadow root');

        if (!withAxe.has(page)) {
          await page.addScriptTag({ path: AXE });
          withAxe.add(page);
        }
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as Watched).axe!.run(
            { include: ['#storybook-root'] },
            { resultTypes: ['violations'] },
          );
          return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.map((node) => ({
              target: node.target,
              failureSummary: node.failureSummary,
            })),
          }));
        });
        assert.deepEqual(violations, [], 'axe-core finds accessibility violations');
        passed = true;
      } finally {
        // A page whose story failed may be in any state: the next story gets a fresh one.
        if (passed && !reload) idle.push(page);
        else await page.close();
      }
    });
  }
});
