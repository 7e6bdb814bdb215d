// The same browser tests in a second engine, Firefox (Debian's firefox-esr, or FIREFOX_PATH), through
// puppeteer-core over WebDriver BiDi. test/elements/accessibility.test.ts runs in Chromium only: it
// emulates forced colours and reduced motion, which needs the Chrome DevTools Protocol.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';
import { firefoxExecutable } from './test/support/firefox.mjs';

export default {
  ...base,
  files: [...base.files, '!test/elements/accessibility.test.ts'],
  // One page at a time: Firefox's pages share one window, so a second page hides the first, and a
  // hidden page (rightly) pauses the status elements' polling.
  concurrency: 1,
  browsers: [
    // The Chrome launcher drives any browser puppeteer-core can launch.
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefoxExecutable, headless: true },
    }),
  ],
};
