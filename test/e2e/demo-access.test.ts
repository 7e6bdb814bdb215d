/**
 * End to end, access requests ("Be om tilgang"): the demo's business bank page in Chromium, the
 * backend handler, Maskinporten and Altinn 2 and 3 (mocked), and the access manager who answers
 * while the portal page follows the request by itself.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ORGANIZATION, type Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';

describe('the demo’s access page, end to end', () => {
  let demo!: Demo;
  let browser!: Browser;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });
  // The backend remembers what the person asked (and the page shows an earlier request, or the
  // module once access is granted): each case starts as a person who has asked nothing.
  beforeEach(() => demo.forget());

  const managerPage = () =>
    `${demo.mock.url}/accessmanagement/ui/requests/received?org=${DEMO_ORGANIZATION}`;

  /** The page's status element for Altinn 3 (`first`) or Altinn 2 (`last`), polling fast. */
  async function followFast(page: Page, which: 'first' | 'last'): Promise<void> {
    const statuses = page.locator('access-request-status');
    await (which === 'first' ? statuses.first() : statuses.last()).evaluate((element) => {
      (element as HTMLElement & { pollInterval: number }).pollInterval = 250;
    });
  }

  async function statusOf(page: Page, which: 'first' | 'last', status: string): Promise<void> {
    await page.waitForFunction(
      ([index, expected]) =>
        [...document.querySelectorAll('access-request-status')]
          .at(index === 'first' ? 0 : -1)
          ?.getAttribute('status') === expected,
      [which, status] as const,
      { timeout: 15_000 },
    );
  }

  /** What the user sees of the access question: the alert, each request button, the module. */
  async function accessView(
    page: Page,
  ): Promise<{ alert: boolean; buttons: boolean[]; module: boolean }> {
    return {
      alert: await page.locator('.alert', { hasText: 'Du mangler tilgang' }).isVisible(),
      buttons: await Promise.all(
        (await page.locator('request-access-button').all()).map((button) => button.isVisible()),
      ),
      module: await page.getByRole('region', { name: 'Lønnsmodulen' }).isVisible(),
    };
  }

  const WITHOUT_ACCESS = { alert: true, buttons: [true, true], module: false };
  const WITH_ACCESS = { alert: false, buttons: [false, false], module: true };

  /** Waits until the page shows the payroll module, then returns all the user sees. */
  async function moduleShown(page: Page): Promise<Awaited<ReturnType<typeof accessView>>> {
    await page
      .getByRole('region', { name: 'Lønnsmodulen' })
      .waitFor({ state: 'visible', timeout: 15_000 });
    return accessView(page);
  }

  /** axe's violations on the page as it is now, one line each. */
  async function axeViolations(page: Page): Promise<string[]> {
    // Evaluated through the DevTools protocol, so the page's CSP lets it run.
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

  async function answerAsManager(
    context: BrowserContext,
    action: 'approve' | 'reject',
    requestId: string,
  ): Promise<void> {
    const manager = await context.newPage();
    try {
      await manager.goto(managerPage());
      const form = manager.locator('form', { has: manager.locator(`input[value="${requestId}"]`) });
      await form.locator(`[data-action="${action}"]`).click();
      await manager.waitForLoadState();
    } finally {
      await manager.close();
    }
  }

  it('Altinn 3: confirmed in a new tab, approved by the access manager, followed without a reload', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      await followFast(page, 'first');
      const [altinn] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('request-access-button').first().locator('button').click(),
      ]);
      await altinn.waitForLoadState();
      assert.equal(new URL(altinn.url()).origin, new URL(demo.mock.url).origin);
      const requestId = new URL(altinn.url()).searchParams.get('requestId') ?? '';
      assert.ok(requestId, 'Altinn shows the request');
      await statusOf(page, 'first', 'created');

      await altinn.locator('[data-action="confirm"]').click();
      await altinn.waitForLoadState();
      await statusOf(page, 'first', 'pending');
      assert.deepEqual(await accessView(page), WITHOUT_ACCESS, 'still no access while pending');

      await answerAsManager(context, 'approve', requestId);
      await statusOf(page, 'first', 'accepted');
      const text = await page
        .locator('access-request-status')
        .first()
        .locator('[part="text"]')
        .innerText();
      assert.equal(text.trim(), 'Du har fått tilgang.');
      // The Altinn 2 panel's status element never took the Altinn 3 request for its own.
      assert.equal(await page.locator('access-request-status').last().getAttribute('status'), null);
      // The page follows the answer: the module, no longer the alert and the request buttons.
      assert.deepEqual(await moduleShown(page), WITH_ACCESS);
      assert.deepEqual(await axeViolations(page), [], 'the page with access passes axe');
    } finally {
      await context.close();
    }
  });

  it('Altinn 3: focus on the request button moves to the module’s heading when access is granted', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      await followFast(page, 'first');
      const button = page.locator('request-access-button').first().locator('button');
      const [altinn] = await Promise.all([context.waitForEvent('page'), button.click()]);
      await altinn.waitForLoadState();
      const requestId = new URL(altinn.url()).searchParams.get('requestId') ?? '';
      await altinn.locator('[data-action="confirm"]').click();
      await altinn.waitForLoadState();
      await statusOf(page, 'first', 'pending');
      await button.focus();

      await answerAsManager(context, 'approve', requestId);
      await statusOf(page, 'first', 'accepted');
      await page.waitForFunction(() => document.activeElement?.id === 'modul-tittel', null, {
        timeout: 5_000,
      });
    } finally {
      await context.close();
    }
  });

  for (const [action, status, text] of [
    ['approve', 'accepted', 'Du har fått tilgang.'],
    ['reject', 'rejected', 'Forespørselen om tilgang ble avslått.'],
  ] as const) {
    it(`Altinn 2: sent on Altinn’s page, back with DelegationRequestId, then ${status}`, async () => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${demo.url}tilgang.html`);
        await page.locator('request-access-button').last().locator('button').click();
        await page.waitForURL((url) => url.pathname.startsWith('/ui/DelegationRequest/send/'));
        const guid = new URL(page.url()).pathname.split('/').at(-1) ?? '';
        await page
          .locator('textarea[name="message"]')
          .fill('Jeg trenger lønnsmodulen for å kjøre lønn.');
        await page.locator('[data-action="send"]').click();
        await page.locator('[data-action="continue"]').click();
        await page.waitForURL((url) => url.origin === new URL(demo.url).origin);
        await followFast(page, 'last');
        await statusOf(page, 'last', 'pending');
        // Read, then removed from the address bar.
        assert.equal(new URL(page.url()).searchParams.get('DelegationRequestId'), null);

        assert.deepEqual(await accessView(page), WITHOUT_ACCESS, 'still no access while pending');

        await answerAsManager(context, action, guid);
        await statusOf(page, 'last', status);
        const shown = await page
          .locator('access-request-status')
          .last()
          .locator('[part="text"]')
          .innerText();
        assert.equal(shown.trim(), text);
        if (status === 'accepted') {
          assert.deepEqual(await moduleShown(page), WITH_ACCESS);
        } else {
          assert.deepEqual(await accessView(page), WITHOUT_ACCESS, 'a rejection grants nothing');
        }
      } finally {
        await context.close();
      }
    });
  }

  it('Altinn 2: approved before the user comes back, the module is there on return', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      await page.locator('request-access-button').last().locator('button').click();
      await page.waitForURL((url) => url.pathname.startsWith('/ui/DelegationRequest/send/'));
      const guid = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await page.locator('[data-action="send"]').click();
      // The access manager answers while the user is still on Altinn's receipt.
      await answerAsManager(context, 'approve', guid);
      await page.locator('[data-action="continue"]').click();
      await page.waitForURL((url) => url.origin === new URL(demo.url).origin);

      await statusOf(page, 'last', 'accepted');
      assert.deepEqual(await moduleShown(page), WITH_ACCESS);
    } finally {
      await context.close();
    }
  });

  it('both APIs on one page: an Altinn 2 round trip keeps the Altinn 3 request on show', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      const [altinn3] = await Promise.all([
        context.waitForEvent('page'),
        page.locator('request-access-button').first().locator('button').click(),
      ]);
      await altinn3.waitForLoadState();
      const altinn3Id = new URL(altinn3.url()).searchParams.get('requestId') ?? '';
      await altinn3.locator('[data-action="confirm"]').click();
      await altinn3.waitForLoadState();
      await statusOf(page, 'first', 'pending');

      // Away to Altinn 2 in this tab, and back with its DelegationRequestId.
      await page.locator('request-access-button').last().locator('button').click();
      await page.waitForURL((url) => url.pathname.startsWith('/ui/DelegationRequest/send/'));
      const altinn2Id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      await page.locator('[data-action="send"]').click();
      await page.locator('[data-action="continue"]').click();
      await page.waitForURL((url) => url.origin === new URL(demo.url).origin);

      await statusOf(page, 'last', 'pending');
      await statusOf(page, 'first', 'pending');
      const ids = await page
        .locator('access-request-status')
        .evaluateAll((elements) =>
          elements.map(
            (element) => (element as HTMLElement & { currentRequestId?: string }).currentRequestId,
          ),
        );
      // The backend signs Altinn 3 ids for the person (`<id>.<hmac>`); Altinn 2's are its own.
      assert.equal(ids[0]?.split('.')[0], altinn3Id);
      assert.equal(ids[1], altinn2Id);
    } finally {
      await context.close();
    }
  });

  it('Altinn 2: a forged Status=OK in the return URL shows what Altinn holds', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}tilgang.html`);
      await page.locator('request-access-button').last().locator('button').click();
      await page.waitForURL((url) => url.pathname.startsWith('/ui/DelegationRequest/send/'));
      const guid = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      // Not sent: straight back with a hand-made URL.
      await page.goto(`${demo.url}tilgang.html?DelegationRequestId=${guid}&Status=OK`);
      await statusOf(page, 'last', 'created');
    } finally {
      await context.close();
    }
  });
});
