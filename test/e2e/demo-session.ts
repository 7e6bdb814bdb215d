/**
 * The set-up every end-to-end suite shares: the demo (portal and mock Altinn on ports the system
 * picks, quiet) and a Chromium, started before the suite and closed after it.
 */
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../support/chromium.mjs';
import { startDemo, type Demo } from '../../demo/server.js';

type DemoOptions = Omit<
  NonNullable<Parameters<typeof startDemo>[0]>,
  'port' | 'mockPort' | 'quiet'
>;

/** Registers the suite's hooks; `started` receives the demo and the browser once both run. */
export function demoInChromium(
  started: (demo: Demo, browser: Browser) => void,
  options: DemoOptions = {},
): void {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  before(async () => {
    demo = await startDemo({ port: 0, mockPort: 0, quiet: true, ...options });
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    started(demo, browser);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
}
