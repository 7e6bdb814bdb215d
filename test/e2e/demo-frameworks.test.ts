/**
 * End to end, the demo's consent step built three more ways: with the CDN file and no bundler, as a
 * React 19 app through the React components of `altinn-request-elements/react` (the first tests of
 * the wrappers in a browser), and as a Vue 3 app with the elements in its template. Each goes to
 * the mock Altinn and back, and each shows what its own event handlers received.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/server.js';

describe('the demo’s CDN, React and Vue pages, end to end', () => {
  let demo: Demo;
  let browser: Browser;

  /** When src/ last changed before the demo started (it may change while the tests run). */
  let srcChangedBeforeStart = 0;

  before(async () => {
    const src = new URL('../../src/', import.meta.url);
    for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const { mtimeMs } = await stat(`${entry.parentPath}/${entry.name}`);
      srcChangedBeforeStart = Math.max(srcChangedBeforeStart, mtimeMs);
    }
    demo = await startDemo({ port: 0, mockPort: 0, quiet: true });
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** A new page (its own context, so its own sessionStorage) that keeps what went wrong on it. */
  async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(new URL(path, demo.url).href);
    await page.locator('request-consent-button button').waitFor();
    return { page, problems };
  }

  /** Click, answer "accept" in the mock Altinn, come back; returns the consent request's id. */
  async function acceptInAltinn(page: Page, path: string): Promise<string> {
    await page.locator('request-consent-button button').click();
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
    const id = new URL(page.url()).searchParams.get('id');
    assert.ok(id, 'Altinn shows a request id');
    await page.locator('[data-action="accept"]').click();
    await page.waitForURL(
      (url) => url.origin === new URL(demo.url).origin && url.pathname === `/${path}`,
    );
    await page.waitForFunction(
      () => document.querySelector('consent-status')?.getAttribute('status') === 'accepted',
      undefined,
      { timeout: 15_000 },
    );
    assert.match(
      await page.locator('consent-status [part="text"]').innerText(),
      /Du har gitt samtykke\./,
    );
    return id;
  }

  /** The entries of an app's own log ("Hendelser mottatt i React/Vue"), newest first. */
  async function appLog(page: Page): Promise<string[]> {
    return (await page.locator('#app-log li').allInnerTexts()).map((text) =>
      text.replace(/\s+/g, ' ').trim(),
    );
  }

  it('CDN: the built file, loaded by a plain script tag, does the round trip', async () => {
    const { page, problems } = await openPage('cdn.html');
    try {
      // The library is the CDN file, served as built: no module of src/ reached the page.
      const scripts = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
      );
      assert.ok(scripts.includes('/cdn/altinn-request-elements.js'), scripts.join(', '));
      assert.deepEqual(
        scripts.filter((path) => path.includes('/src/')),
        [],
      );
      const id = await acceptInAltinn(page, 'cdn.html');
      const log = await page.locator('#event-log li').allInnerTexts();
      assert.ok(
        log.some((text) => text.includes('altinn-status-change') && text.includes(id)),
        log.join('\n'),
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('CDN: the demo built the file from the current src/, and serves it as built', async () => {
    // startDemo builds it when it is missing or older than any file in src/.
    const built = await stat(new URL('../../dist/cdn/altinn-request-elements.js', import.meta.url));
    assert.ok(built.mtimeMs >= srcChangedBeforeStart, 'the CDN file is newer than src/');

    const response = await fetch(new URL('/cdn/altinn-request-elements.js', demo.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    const code = await response.text();
    // Minified, with lit inside: no bare import for a browser to resolve.
    assert.doesNotMatch(code, /from\s*["'](lit|@lit\/)/);
    assert.match(code, /customElements/);
  });

  it('React: the wrappers render the elements, set their properties, and fire typed event props', async () => {
    const { page, problems } = await openPage('react.html');
    try {
      // The wrapper set the rights as a property (an array), not as an attribute.
      const rights = await page
        .locator('request-consent-button')
        .evaluate((element) => (element as HTMLElement & { rights: unknown }).rights);
      assert.deepEqual(rights, [
        { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2023' } },
        { resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } },
      ]);
      assert.equal(
        await page.locator('request-consent-button').getAttribute('rights'),
        null,
        'no attribute',
      );
      assert.equal((await page.locator('#app-state').innerText()).trim(), '–');

      const id = await acceptInAltinn(page, 'react.html');
      // onAltinnStatusChange put the status in React's state …
      await page.locator('#app-state', { hasText: 'accepted' }).waitFor();
      // … and both props fired with the request's own detail: created before Altinn, and the
      // status after the return (the log is kept across the trip).
      const log = await appLog(page);
      assert.ok(
        log.some((text) => text.endsWith(`onAltinnStatusChange accepted · ${id}`)),
        log.join('\n'),
      );
      assert.ok(
        log.some((text) => text.endsWith(`onAltinnRequestCreated created · ${id}`)),
        log.join('\n'),
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('Vue: the elements in a template get .prop bindings and fire @altinn-… listeners', async () => {
    const { page, problems } = await openPage('vue.html');
    try {
      const element = page.locator('request-consent-button');
      const properties = await element.evaluate((button) => {
        const { rights, requestMessage } = button as HTMLElement & {
          rights: unknown[];
          requestMessage: Record<string, string>;
        };
        return { rights: rights.length, nb: requestMessage.nb };
      });
      assert.deepEqual(properties, {
        rights: 2,
        nb: 'Demobanken ber om samtykke til å hente inntektsopplysningene dine for 2023 og 2024 fra Skatteetaten, for å behandle søknaden din om boliglån.',
      });
      // An attribute stays an attribute: valid-to is read through lit's converter.
      assert.equal(
        await element.evaluate((button) => (button as HTMLElement & { validTo: string }).validTo),
        'P90D',
      );

      const id = await acceptInAltinn(page, 'vue.html');
      await page.locator('#app-state', { hasText: 'accepted' }).waitFor();
      const log = await appLog(page);
      assert.ok(
        log.some((text) => text.endsWith(`@altinn-status-change accepted · ${id}`)),
        log.join('\n'),
      );
      assert.ok(
        log.some((text) => text.endsWith(`@altinn-request-created created · ${id}`)),
        log.join('\n'),
      );
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('every page links to the CDN, React and Vue pages, and passes axe', async () => {
    const axe = await readFile(new URL(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
    const page = await browser.newPage();
    try {
      for (const path of ['', 'tilgang.html', 'cdn.html', 'react.html', 'vue.html']) {
        await page.goto(new URL(path, demo.url).href);
        await page
          .locator('request-consent-button button, request-access-button button')
          .first()
          .waitFor();
        // Evaluated through the DevTools protocol, so the pages' CSP lets it run.
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          const { axe } = window as unknown as {
            axe: {
              run(
                context: Document,
              ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          };
          const { violations } = await axe.run(document);
          return violations.map(
            ({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
          );
        });
        assert.deepEqual(violations, [], path);
        const nav = page.getByRole('navigation', { name: 'Samme søknad, bygget på andre måter' });
        const links = await nav
          .getByRole('link')
          .evaluateAll((anchors) =>
            anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
          );
        assert.deepEqual(links, ['/cdn.html', '/react.html', '/vue.html'], path);
        // Each page has one main landmark and one h1.
        assert.equal(await page.getByRole('main').count(), 1, path);
        assert.equal(await page.locator('h1').count(), 1, path);
      }
    } finally {
      await page.close();
    }
  });
});
