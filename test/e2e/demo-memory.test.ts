/**
 * End to end: the backend's memory as a person meets it. A consent given in Altinn is still shown
 * as given after a reload, on another device (a fresh browser context: nothing in sessionStorage),
 * and after the demo itself restarts on the same data folder.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemo, type Demo } from '../../demo/server.js';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';

async function giveConsent(demo: Demo, page: Page): Promise<void> {
  await page.goto(demo.url);
  await page.locator('request-consent-button button').click();
  await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
  await page.locator('[data-action="accept"]').click();
  await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
  await waitForStatus(page, 'accepted');
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('consent-status')?.getAttribute('status') === wanted,
    status,
    { timeout: 60_000 },
  );
}

describe('the demo remembers what the person asked', () => {
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    dataDir = await mkdtemp(join(tmpdir(), 'demo-data-'));
  });
  after(async () => {
    await browser?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows a given consent after a reload, on another device, and after a restart', async () => {
    let demo = await startDemo({ port: 0, mockPort: 0, quiet: true, dataDir });
    try {
      const page = await browser.newPage();
      await giveConsent(demo, page);
      await page.reload();
      await waitForStatus(page, 'accepted');
      await page.close();

      const otherDevice = await browser.newContext();
      const fresh = await otherDevice.newPage();
      await fresh.goto(demo.url);
      await waitForStatus(fresh, 'accepted');
      assert.match(
        await fresh.locator('consent-status [part="text"]').innerText(),
        /Du har gitt samtykke/,
      );
      await otherDevice.close();
    } finally {
      await demo.close();
    }

    demo = await startDemo({ port: 0, mockPort: 0, quiet: true, dataDir });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(demo.url);
      await waitForStatus(page, 'accepted');
      await context.close();
    } finally {
      await demo.close();
    }
  });
});
