/**
 * The elements' texts as a reader and a screen reader get them: `configure({ lang })` gives the
 * rendered text that language and marks it with `lang`, so a page in another language is read
 * with the right voice; and the text for a refused call fits a refused read as well.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { configure, resetConfig, type ConsentStatus } from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { consentView, problem } from '../support/fixtures.js';
import { fakeBackend } from '../support/fake-backend.js';

/** The element's rendered text nodes, each with the `lang` that applies to it in the shadow root. */
function textLanguages(element: Element): { text: string; lang: string | undefined }[] {
  const root = element.shadowRoot;
  if (!root) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: { text: string; lang: string | undefined }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (text && node.parentElement?.localName !== 'style') {
      found.push({
        text,
        lang: node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? undefined,
      });
    }
  }
  return found;
}

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

  it('configure({ lang: "nn" }): a button’s text is nynorsk and marked lang="nn"', async () => {
    configure({ lang: 'nn' });
    const element = await fixture(
      html`<request-consent-button resource="r"></request-consent-button>`,
    );
    const texts = textLanguages(element);
    expect(texts.map(({ text }) => text)).to.include(MESSAGES.nn.consentButtonLabel);
    expect(texts.filter(({ lang }) => lang !== 'nn')).to.deep.equal([]);
  });

  it('configure({ lang: "nn" }): a status element’s text is nynorsk and marked lang="nn"', async () => {
    configure({ lang: 'nn' });
    const backend = await fakeBackend([
      { method: 'GET', path: '/consent-requests/*', body: consentView({ id: '$id' }) },
    ]);
    const element = await fixture<ConsentStatus>(
      html`<consent-status endpoint=${backend.endpoint} request-id="c-1"></consent-status>`,
    );
    await waitUntil(() => element.status === 'created', 'status shown');
    await element.updateComplete;
    const texts = textLanguages(element);
    expect(texts.map(({ text }) => text)).to.include(MESSAGES.nn.consentCreated);
    expect(texts.filter(({ lang }) => lang !== 'nn')).to.deep.equal([]);
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
