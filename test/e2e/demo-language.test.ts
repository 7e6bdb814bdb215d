/**
 * End to end, the portal's language on Altinn's pages: after the user switches the demo to English
 * or nynorsk, every Altinn page it opens (consent, access request in a new tab or through Altinn 2,
 * system-user approval) is in that language.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Demo } from '../../demo/server.js';
import { TEXTS } from '../../src/mock/texts/index.js';
import { demoInChromium } from './demo-session.js';

describe('the demo’s language on Altinn’s pages, end to end', () => {
  let demo!: Demo;
  let browser!: Browser;
  let context: BrowserContext;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });
  beforeEach(async () => {
    await context?.close();
    await demo.forget();
    context = await browser.newContext();
  });

  /** Opens a demo page and switches it to `lang` with its language switch. */
  async function portalIn(path: string, lang: 'nn' | 'en'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.url}${path}`);
    await page.locator(`button[data-lang="${lang}"]`).click();
    await page.waitForFunction((code) => document.documentElement.lang === code, lang);
    return page;
  }

  /** Waits for the page to be on mock Altinn; answers its language and title. */
  async function altinnPage(page: Page): Promise<{ lang: string; title: string }> {
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin, {
      timeout: 15_000,
    });
    await page.waitForLoadState();
    return {
      lang: await page.evaluate(() => document.documentElement.lang),
      title: await page.title(),
    };
  }

  it('consent: Altinn’s consent page in English', async () => {
    const page = await portalIn('', 'en');
    await page.locator('request-consent-button button').click();
    assert.deepEqual(await altinnPage(page), {
      lang: 'en',
      title: TEXTS.en.consent.documentTitle,
    });
  });

  it('links in the request list: the consent page, then the consent overview, in English', async () => {
    const page = await portalIn('', 'en');
    await page.locator('request-consent-button button').click();
    await altinnPage(page);
    const id = new URL(page.url()).searchParams.get('id') ?? '';

    await page.goto(`${demo.url}foresporsler.html`);
    await page.locator('altinn-request-list a', { hasText: 'Continue in Altinn' }).click();
    assert.deepEqual(await altinnPage(page), {
      lang: 'en',
      title: TEXTS.en.consent.documentTitle,
    });
    await page.locator('[data-action="accept"]').click();
    await page.waitForURL((url) => url.origin === new URL(demo.url).origin, { timeout: 15_000 });

    await page.goto(`${demo.url}foresporsler.html`);
    await page.locator('altinn-request-list a', { hasText: 'See or withdraw the consent' }).click();
    assert.deepEqual(await altinnPage(page), {
      lang: 'en',
      title: TEXTS.en.consent.overview.documentTitle,
    });
    const row = page.locator(`[data-request-id="${id}"]`);
    assert.equal(await row.getAttribute('data-status'), 'Accepted');
    assert.equal((await row.locator('.status').innerText()).trim(), 'Given');
  });

  it('access through Altinn 3: the new tab in nynorsk', async () => {
    const page = await portalIn('tilgang.html', 'nn');
    const [altinn] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('request-access-button').first().locator('button').click(),
    ]);
    assert.deepEqual(await altinnPage(altinn), {
      lang: 'nn',
      title: TEXTS.nn.draft.documentTitle,
    });
  });

  it('access through Altinn 2: the send page in English', async () => {
    const page = await portalIn('tilgang.html', 'en');
    await page.locator('request-access-button').last().locator('button').click();
    assert.deepEqual(await altinnPage(page), { lang: 'en', title: TEXTS.en.send.documentTitle });
  });

  it('system user: the approval page in English', async () => {
    const page = await portalIn('systembruker.html', 'en');
    await page.locator('request-system-user-button button').click();
    assert.deepEqual(await altinnPage(page), {
      lang: 'en',
      title: TEXTS.en.systemUser.documentTitle,
    });
  });
});
