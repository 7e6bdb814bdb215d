/**
 * End to end: the demo portal (`npm start`) driven in Chromium by playwright-core. The button, the
 * backend handler, Maskinporten and Altinn's consent page (both mocked) and the return, all for real.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';

describe('the demo portal, end to end', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });

  async function toAltinn(page: Page): Promise<string> {
    await page.goto(demo.url);
    await page.locator('request-consent-button button').click();
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
    const id = new URL(page.url()).searchParams.get('id');
    assert.ok(id, 'Altinn shows a request id');
    return id;
  }

  async function shownStatus(page: Page): Promise<{ status: string | null; text: string }> {
    const status = page.locator('consent-status');
    await status.locator('[part="text"]').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('consent-status')?.hasAttribute('status'),
    );
    return {
      status: await status.getAttribute('status'),
      text: (await status.locator('[part="text"]').innerText()).trim(),
    };
  }

  for (const [action, status, text] of [
    ['accept', 'accepted', /Du har gitt samtykke\. Samtykket gjelder til \d+\. \w+ \d{4}\./],
    ['reject', 'rejected', /Du takket nei til å gi samtykke\./],
  ] as const) {
    it(`takes the user to Altinn and back, and shows ${status} after ${action}`, async () => {
      const page = await browser.newPage();
      try {
        const id = await toAltinn(page);
        await page.locator(`[data-action="${action}"]`).click();
        await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
        const shown = await shownStatus(page);
        assert.equal(shown.status, status);
        assert.match(shown.text, text);
        // The return parameters are read, then removed from the address bar.
        assert.equal(new URL(page.url()).searchParams.get('consentId'), null);
        assert.equal(new URL(page.url()).searchParams.get('Status'), null);
        const stored = demo.mock.consentRequests.get(id) as { from: string };
        assert.equal(stored.from, 'urn:altinn:person:identifier-no:21818297804');
      } finally {
        await page.close();
      }
    });
  }

  it('shows what Altinn holds, not a forged Status=OK in the return URL', async () => {
    const page = await browser.newPage();
    try {
      const id = await toAltinn(page);
      // The user leaves Altinn without answering and comes back through a hand-made URL.
      await page.goto(`${demo.url}?consentId=${id}&Status=OK`);
      const shown = await shownStatus(page);
      assert.equal(shown.status, 'created');
      assert.match(shown.text, /ikke svart/);
      const link = page.locator('consent-status [part="link"]');
      assert.equal(
        await link.getAttribute('href'),
        `${demo.mock.url}/accessmanagement/ui/consent/request?id=${id}&DONTCHOOSEREPORTEE=true`,
      );
    } finally {
      await page.close();
    }
  });
});
