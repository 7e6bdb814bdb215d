/** The elements' texts as a reader gets them: the text for a refused call fits a refused read as well. */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { resetConfig, type ConsentStatus } from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { problem } from '../support/fixtures.js';
import { fakeBackend } from '../support/fake-backend.js';

describe('the language of the rendered text', () => {
  const htmlLang = document.documentElement.lang;
  beforeEach(() => {
    document.documentElement.lang = 'nb';
    sessionStorage.clear();
  });
  afterEach(() => {
    document.documentElement.lang = htmlLang;
    resetConfig();
  });

  for (const lang of ['nb', 'nn', 'en'] as const) {
    it(`${lang}: a refused read says what to do, not that a request was not sent`, async () => {
      const backend = await fakeBackend([
        {
          method: 'GET',
          path: '/consent-requests/*',
          status: 409,
          body: problem(409, 'Conflict', 'Refused.'),
        },
      ]);
      const element = await fixture<ConsentStatus>(
        html`<consent-status
          endpoint=${backend.endpoint}
          request-id="c-1"
          lang=${lang}
        ></consent-status>`,
      );
      await waitUntil(() => element.matches(':state(error)'), 'error shown');
      await element.updateComplete;
      const error = element.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim();
      expect(error).to.equal(MESSAGES[lang].errorRefused);
      expect(error).not.to.match(/sendt|send\b|sent/);
    });
  }
});
