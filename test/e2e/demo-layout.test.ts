/**
 * The demo on a phone, in Chromium: no page scrolls sideways at 375 or 320 px, even with the event
 * log full of Altinn's long URLs (each page after a real trip to the mock Altinn, every
 * `event.detail` unfolded), and the business bank's "Bedrift" tag stays inside the screen.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';

/** A common small phone, and the smallest width WCAG's reflow criterion asks for. */
const PHONE_WIDTHS = [375, 320] as const;

describe('the demo on a narrow screen', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });

  async function phone(): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width: PHONE_WIDTHS[0], height: 800 } });
  }

  /** Waits until the page's event log (or the React/Vue app's own log) has an entry. */
  async function logged(page: Page): Promise<void> {
    await page.locator('#event-log li, #app-log li').first().waitFor({ timeout: 15_000 });
  }

  /**
   * At each phone width, the page is no wider than the screen; the message names what sticks out.
   * Every `event.detail` is unfolded first, as a developer reading the log would.
   */
  async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
    await page.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth,
        tooWide: [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
          .map(
            (element) => `${element.localName}${element.className ? `.${element.className}` : ''}`,
          )
          .slice(0, 5),
      }));
      assert.ok(
        layout.scrollWidth <= layout.innerWidth,
        `${what} at ${width} px is ${layout.scrollWidth} px wide; too wide: ${layout.tooWide.join(', ')}`,
      );
    }
  }

  for (const path of ['', 'cdn.html', 'react.html', 'vue.html']) {
    it(`consent page /${path}: after a round trip to Altinn, no sideways scroll`, async () => {
      const context = await phone();
      try {
        const page = await context.newPage();
        await page.goto(new URL(path, demo.url).href);
        await page.locator('request-consent-button button').click();
        await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
        await page.locator('[data-action="accept"]').click();
        await page.waitForURL(
          (url) => url.origin === new URL(demo.url).origin && url.pathname === `/${path}`,
        );
        await page.waitForFunction(
          () => document.querySelector('consent-status')?.getAttribute('status') === 'accepted',
          undefined,
          { timeout: 15_000 },
        );
        await logged(page);
        await assertNoSidewaysScroll(page, `/${path}`);
      } finally {
        await context.close();
      }
    });
  }

  it('access page: with a request sent, no sideways scroll, and the tag inside the screen', async () => {
    const context = await phone();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      // Altinn 3 opens in a new tab; the event log keeps its long URL.
      const [altinn] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('request-access-button').first().locator('button').click(),
      ]);
      await altinn.close();
      await logged(page);
      await assertNoSidewaysScroll(page, '/tilgang.html');

      await page.setViewportSize({ width: 320, height: 800 });
      for (const [lang, text] of [
        ['Bokmål', 'Bedrift'],
        ['English', 'Business'],
      ] as const) {
        await page.getByRole('button', { name: lang, exact: true }).click();
        const tag = page.locator('.logo-tag');
        assert.equal((await tag.innerText()).toLowerCase(), text.toLowerCase());
        const box = await tag.boundingBox();
        assert.ok(box, 'the tag is shown');
        assert.ok(
          box.x >= 0 && box.x + box.width <= 320,
          `the "${text}" tag spans ${box.x}–${box.x + box.width} px of 320`,
        );
      }
      // The English texts are longer in places.
      await assertNoSidewaysScroll(page, '/tilgang.html in English');
    } finally {
      await context.close();
    }
  });
});
