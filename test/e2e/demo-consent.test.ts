/**
 * The demo's consent in Chromium, from the button to Altinn's page and back:
 * - a person's consent: accepted, the page shows the income the bank's server fetched with a
 *   consent token (the browser never sees the token); rejected, no income;
 * - the organisation's consent (the business loan): the person who asked accepts for the
 *   organisation and sees its data; another person gets Altinn's 403 page and cannot answer;
 * - a consent revoked in Altinn: the events feed brings `revoked` to the status element, and the
 *   bank's server, reading its store first, fetches no income.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';

describe('the demo, consent complete', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
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

describe('the demo, consent on behalf of an organisation', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });

  /** The business loan's button, to Altinn's page; the request's id. */
  async function toAltinn(page: Page): Promise<string> {
    await page.goto(`${demo.url}bedriftslan.html`);
    await page.locator('request-consent-button#consent-organization button').click();
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
    return new URL(page.url()).searchParams.get('id') ?? '';
  }

  it('lets the person who asked answer for the organisation, and shows its data', async () => {
    await demo.forget();
    const page = await browser.newPage();
    try {
      const id = await toAltinn(page);
      const stored = demo.mock.consentRequests.get(id);
      assert.equal(stored?.from, 'urn:altinn:organization:identifier-no:310456780');
      assert.equal(stored?.requiredDelegator, 'urn:altinn:person:identifier-no:21818297804');
      assert.match(await page.locator('.intro').innerText(), /om FJELLTOPP REGNSKAP AS/i);
      await page.locator('[data-action="accept"]').click();
      await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
      await page.waitForFunction(
        () => document.querySelector('consent-status')?.getAttribute('status') === 'accepted',
      );
      const rows = page.locator('#income-list dt');
      await rows.first().waitFor({ timeout: 30_000 });
      assert.deepEqual(await rows.allInnerTexts(), ['Skattegrunnlag 2024']);
    } finally {
      await page.close();
    }
  });

  it('shows another person Altinn’s refusal, and they cannot answer', async () => {
    await demo.forget();
    const page = await browser.newPage();
    try {
      const id = await toAltinn(page);
      // Ola Nordmann, with another relation to the organisation than access manager.
      const asOther = new URL(page.url());
      asOther.searchParams.set('user', '12859040150');
      const response = await page.goto(asOther.href);
      assert.equal(response?.status(), 403);
      assert.equal(await page.locator('[data-notice="noAccess"]').count(), 1);
      assert.equal(await page.locator('[data-action="accept"]').count(), 0);
      const answer = await fetch(asOther.href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=accept',
        redirect: 'manual',
      });
      assert.equal(answer.status, 403);
      assert.equal(demo.mock.consentRequests.get(id)?.status, 'Created');
    } finally {
      await page.close();
    }
  });
});

describe('the demo, a consent revoked in Altinn', () => {
  let demo!: Demo;
  let browser!: Browser;
  let offset = 0;

  demoInChromium(
    (started, launched) => {
      demo = started;
      browser = launched;
    },
    { now: () => Date.now() + offset },
  );

  it('reaches the status element through the events feed, and the income goes', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(demo.url);
      await page.locator('request-consent-button#consent-person button').click();
      await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
      const id = new URL(page.url()).searchParams.get('id') ?? '';
      await page.locator('[data-action="accept"]').click();
      await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
      await page.locator('#income-list dt').first().waitFor({ timeout: 30_000 });

      // The person revokes in Altinn and never comes back; the feed is five minutes behind.
      const revoked = await fetch(`${demo.mock.url}/__mock/consentrequests/${id}/revoke`, {
        method: 'POST',
      });
      assert.equal(revoked.status, 200);
      offset += 6 * 60 * 1000;
      const run = await demo.syncConsentEvents();
      assert.ok(run.updated >= 1, JSON.stringify(run));

      await page.goto(demo.url);
      await page.waitForFunction(
        () => document.querySelector('consent-status')?.getAttribute('status') === 'revoked',
        undefined,
        { timeout: 30_000 },
      );
      assert.equal(await page.locator('#income').isHidden(), true);
      // The store says revoked, so the bank's server asks for no token and fetches nothing.
      const income = await page.evaluate(async (consentId) => {
        const response = await fetch(`/api/demo/income?consentId=${consentId}`);
        return { status: response.status, body: (await response.json()) as unknown };
      }, id);
      assert.deepEqual(income, { status: 409, body: { error: 'revoked' } });
    } finally {
      await page.close();
    }
  });
});
