/**
 * End to end, "Mine forespørsler": the person asks for consent on the loan page and for access on
 * the business page of the demo, then finds both on the list page with the statuses the mock Altinn
 * gave them, follows the open one by itself while the access manager answers, and withdraws one.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ORGANIZATION, type Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';

describe('the demo’s list of requests, end to end', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });
  beforeEach(() => demo.forget());

  /** Consent on the loan page: to Altinn, accepted there, and back. */
  async function giveConsent(page: Page): Promise<void> {
    await page.goto(demo.url);
    await page.locator('request-consent-button button').click();
    await page.waitForURL((url) => url.origin === new URL(demo.mock.url).origin);
    await page.locator('[data-action="accept"]').click();
    await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
    await page.waitForFunction(
      () => document.querySelector('consent-status')?.getAttribute('status') === 'accepted',
    );
  }

  /** Access through Altinn 3: confirmed in Altinn's new tab, so it waits for the access manager. */
  async function askForAccess(context: BrowserContext, page: Page): Promise<string> {
    await page.goto(`${demo.url}tilgang.html`);
    const [altinn] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('request-access-button').first().locator('button').click(),
    ]);
    await altinn.waitForLoadState();
    const requestId = new URL(altinn.url()).searchParams.get('requestId') ?? '';
    assert.ok(requestId, 'Altinn shows the request');
    // The confirmation is a form post: wait for its answer before the tab closes.
    await Promise.all([
      altinn.waitForNavigation(),
      altinn.locator('[data-action="confirm"]').click(),
    ]);
    await altinn.close();
    return requestId;
  }

  /**
   * The organisation's access manager approves in a browser of their own, as they would: the
   * person's page stays in front (a hidden page pauses the list's refresh).
   */
  async function approveAsManager(requestId: string): Promise<void> {
    const managerContext = await browser.newContext();
    try {
      const manager = await managerContext.newPage();
      await manager.goto(
        `${demo.mock.url}/accessmanagement/ui/requests/received?org=${DEMO_ORGANIZATION}`,
      );
      const form = manager.locator('form', { has: manager.locator(`input[value="${requestId}"]`) });
      // The approval is a form post: wait for its answer before the browser closes.
      await Promise.all([
        manager.waitForNavigation(),
        form.locator('[data-action="approve"]').click(),
      ]);
    } finally {
      await managerContext.close();
    }
  }

  /** What the first list shows: each row's kind and status, in words, top to bottom. */
  function rowsOf(page: Page): Promise<string[]> {
    return page
      .locator('altinn-request-list')
      .first()
      .evaluate((list) =>
        [...(list.shadowRoot?.querySelectorAll('li[part~="row"]') ?? [])].map((row) =>
          [row.querySelector('.kind'), row.querySelector('[part~="status"]')]
            .map((node) => node?.textContent?.trim())
            .join(' '),
        ),
      );
  }

  async function rowsBecome(page: Page, expected: string[]): Promise<void> {
    const shown = page.waitForFunction(
      (wanted) => {
        const list = document.querySelector('altinn-request-list');
        const rows = [...(list?.shadowRoot?.querySelectorAll('li[part~="row"]') ?? [])].map((row) =>
          [row.querySelector('.kind'), row.querySelector('[part~="status"]')]
            .map((node) => node?.textContent?.trim())
            .join(' '),
        );
        return JSON.stringify(rows) === JSON.stringify(wanted);
      },
      expected,
      { timeout: 20_000 },
    );
    // On a time-out, say what the list showed instead.
    await shown.catch(async (error: unknown) => {
      assert.fail(`${String(error)}; the list shows ${JSON.stringify(await rowsOf(page))}`);
    });
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(
      await readFile(new URL(import.meta.resolve('axe-core/axe.min.js')), 'utf8'),
    );
    return page.evaluate(async () => {
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
  }

  it('lists the consent and the access request the person asked for, and follows the open one', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await giveConsent(page);
      const requestId = await askForAccess(context, page);

      await page.goto(`${demo.url}foresporsler.html`);
      // Newest first: the access request waits for the manager, the consent is given.
      await rowsBecome(page, ['Tilgang: Venter på svar', 'Samtykke: Godkjent']);
      const list = page.locator('altinn-request-list').first();
      await list.evaluate((element) => {
        (element as HTMLElement & { pollInterval: number }).pollInterval = 250;
      });
      assert.deepEqual(await axeViolations(page), [], 'the list page passes axe');

      // The access manager approves in Altinn: the list follows by itself.
      await approveAsManager(requestId);
      await rowsBecome(page, ['Tilgang: Godkjent', 'Samtykke: Godkjent']);
      // The granted consent points to where it is withdrawn: the (mock) Altinn's overview.
      const overview = await list.evaluate(
        (element) =>
          element.shadowRoot?.querySelector<HTMLAnchorElement>('li:last-child a[part~="link"]')
            ?.href,
      );
      assert.equal(overview, `${new URL(demo.mock.url).origin}/accessmanagement/ui/consent/active`);
      assert.deepEqual(await rowsOf(page), ['Tilgang: Godkjent', 'Samtykke: Godkjent']);
    } finally {
      await context.close();
    }
  });

  it('withdraws an open access request after the person confirms', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await askForAccess(context, page);
      await page.goto(`${demo.url}foresporsler.html`);
      await rowsBecome(page, ['Tilgang: Venter på svar']);
      const list = page.locator('altinn-request-list').first();
      await list.locator('[part~="withdraw-button"]').click();
      await list.locator('[part~="confirm-button"]').click();
      await rowsBecome(page, ['Tilgang: Trukket tilbake']);
      // Reloaded, the backend remembers it.
      await page.reload();
      await rowsBecome(page, ['Tilgang: Trukket tilbake']);
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await context.close();
    }
  });
});
