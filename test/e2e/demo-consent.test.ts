/**
 * The demo's consent, complete: after the person accepts, the bank's server fetches the income from
 * the data owner with a consent token and the page shows it; the browser never holds the token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { startDemo, type Demo } from '../../demo/server.js';

describe('the demo, consent complete', () => {
  let demo: Demo;
  let browser: Browser;

  before(async () => {
    demo = await startDemo({ port: 0, mockPort: 0, quiet: true });
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Clicks `button` on the portal's page, then `action` on Altinn's page; back on the portal. */
  async function answer(page: Page, button: string, action: 'accept' | 'reject'): Promise<string> {
    await page.locator(`${button} button`).click();
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    await page.locator(`[data-action="${action}"]`).click();
    await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
    return id;
  }

  it('shows the income fetched with the consent token after the person accepts', async () => {
    await demo.forget();
    const page = await browser.newPage();
    const bodies: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/demo/income') {
        void response.text().then((text) => bodies.push(text));
      }
    });
    try {
      await page.goto(demo.url);
      assert.equal(await page.locator('#income').isHidden(), true);
      await answer(page, 'request-consent-button#consent-person', 'accept');
      const rows = page.locator('#income-list dt');
      await rows.nth(1).waitFor({ timeout: 30_000 });
      assert.deepEqual(await rows.allInnerTexts(), ['Inntekt 2023', 'Inntekt 2024']);
      for (const amount of await page.locator('#income-list dd').allInnerTexts()) {
        assert.match(amount, /^\d{3}\s\d{3}\skr$/u);
      }
      // The page got the income, never a token.
      assert.ok(bodies.length > 0);
      for (const body of bodies) assert.doesNotMatch(body, /eyJ|token/i);
    } finally {
      await page.close();
    }
  });

  it('shows no income after a rejection', async () => {
    await demo.forget();
    const page = await browser.newPage();
    try {
      await page.goto(demo.url);
      await answer(page, 'request-consent-button#consent-person', 'reject');
      await page.waitForFunction(
        () => document.querySelector('consent-status')?.getAttribute('status') === 'rejected',
      );
      assert.equal(await page.locator('#income').isHidden(), true);
    } finally {
      await page.close();
    }
  });
});
