/**
 * End to end, system-user requests ("systembruker"): the demo's accounting-system page in Chromium,
 * the backend handler, Maskinporten and Altinn's system-user request API and approval page
 * (mocked). The person asks, the organisation's access manager answers on Altinn's page, Altinn
 * logs the person out and sends them back with nothing appended, and the page shows what the
 * backend confirmed; a person who is not the access manager can only escalate.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ORGANIZATION, DEMO_SYSTEM_ID, type Demo } from '../../demo/server.js';
import { demoInChromium } from './demo-session.js';
import { SYSTEM_USER_STATUS_TEXTS } from '../../src/i18n/system-user.js';

/** The demo's person with another relation to the organisation than access manager. */
const NOT_MANAGER = '12859040150';
const APPROVAL_PAGE = '/accessmanagement/ui/systemuser/request';

describe('the demo’s system-user page, end to end', () => {
  let demo!: Demo;
  let browser!: Browser;
  let context: BrowserContext;

  demoInChromium((started, launched) => {
    demo = started;
    browser = launched;
  });
  // Each case as a person who has asked nothing, in a browser of their own.
  beforeEach(async () => {
    await context?.close();
    await demo.forget();
    context = await browser.newContext();
  });

  /** Asks from the demo's page; answers the Altinn request id on the approval page it lands on. */
  async function ask(page: Page): Promise<string> {
    await page.locator('request-system-user-button button').click();
    await page.waitForURL((url) => url.pathname === APPROVAL_PAGE, { timeout: 15_000 });
    assert.equal(new URL(page.url()).origin, new URL(demo.mock.url).origin);
    const id = new URL(page.url()).searchParams.get('id') ?? '';
    assert.ok(demo.mock.systemUserRequests.get(id), 'Altinn has the request');
    return id;
  }

  /** Clicks one of the approval page's actions and waits for the way back to the portal. */
  async function answerAndReturn(page: Page, action: 'approve' | 'reject' | 'logout') {
    await page.locator(`[data-action="${action}"]`).click();
    await page.waitForURL((url) => url.origin === new URL(demo.url).origin, { timeout: 15_000 });
  }

  /** Waits for the status element to show `status`; answers its text. */
  async function shown(page: Page, status: string): Promise<string> {
    const element = page.locator('system-user-request-status');
    await page.waitForFunction(
      (expected) =>
        document.querySelector('system-user-request-status')?.getAttribute('status') === expected,
      status,
      { timeout: 15_000 },
    );
    return (await element.locator('[part="text"]').innerText()).trim();
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

  it('asks, the access manager approves on Altinn’s page, and the page says so on return', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}systembruker.html`);
    assert.ok(await page.locator('#system-user-none').isVisible(), 'no request yet');
    const id = await ask(page);
    const request = demo.mock.systemUserRequests.get(id);
    assert.equal(request?.systemId, DEMO_SYSTEM_ID);
    assert.equal(request?.partyOrgNo, DEMO_ORGANIZATION);
    assert.equal(await page.locator('article').getAttribute('data-role'), 'accessManager');

    await answerAndReturn(page, 'approve');
    assert.equal(new URL(page.url()).pathname, '/systembruker.html');
    assert.equal(await shown(page, 'accepted'), 'Systembrukeren er godkjent.');
    // The backend confirmed it: the system user exists in Altinn.
    assert.equal(
      [...demo.mock.systemUsers.values()].filter((user) => user.systemId === DEMO_SYSTEM_ID).length,
      1,
    );
    // Read, then removed from the address bar.
    assert.equal(new URL(page.url()).searchParams.get('systemUserRequestId'), null);
    assert.equal(await page.locator('#system-user-none').isVisible(), false);
    assert.deepEqual(await axeViolations(page), [], 'the page passes axe');
    // On the narrowest phone WCAG's reflow asks for, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.ok(scrollWidth <= clientWidth, `${scrollWidth} px wide on a 320 px screen`);
  });

  it('rejected, then asked again: a new request in Altinn, not the old rejected one', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}systembruker.html`);
    const first = await ask(page);
    await answerAndReturn(page, 'reject');
    assert.equal(await shown(page, 'rejected'), 'Forespørselen ble avslått.');

    // Altinn's retry trap would answer the old request; the button asks anew and Altinn makes one.
    const second = await ask(page);
    assert.notEqual(second, first);
    assert.equal(demo.mock.systemUserRequests.get(first)?.status, 'Rejected');
    assert.equal(demo.mock.systemUserRequests.get(second)?.status, 'New');
    assert.equal(await page.locator('[data-action="approve"]').count(), 1, 'open to answer');

    await answerAndReturn(page, 'approve');
    assert.equal(await shown(page, 'accepted'), 'Systembrukeren er godkjent.');
  });

  it('a person who is not the access manager can only escalate; back, it waits for the access manager', async () => {
    const page = await context.newPage();
    await page.goto(`${demo.url}systembruker.html`);
    const id = await ask(page);
    // On Altinn's page, as the organisation's other person.
    await page.locator(`a[data-user="${NOT_MANAGER}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('user') === NOT_MANAGER);
    assert.equal(await page.locator('article').getAttribute('data-role'), 'other');
    assert.equal(await page.locator('[data-action="approve"]').count(), 0);
    assert.equal(await page.locator('[data-action="reject"]').count(), 0);

    await page.locator('[data-action="escalate"]').click();
    await page.locator('[data-notice="escalated"]').waitFor({ timeout: 15_000 });
    assert.equal(demo.mock.systemUserRequests.get(id)?.escalated, true);
    assert.equal(demo.mock.systemUserRequests.get(id)?.status, 'New');

    // "Close and log out": Altinn logs out and sends the person back with nothing appended.
    await answerAndReturn(page, 'logout');
    const text = await shown(page, 'created');
    assert.equal(text, SYSTEM_USER_STATUS_TEXTS.nb.created);
    assert.equal(text, 'Venter på godkjenning fra tilgangsstyrer i organisasjonen.');
  });
});
