import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { configure, resetConfig, type RequestConsentButton } from '../../src/index.js';
import { resolveLang } from '../../src/elements/controllers/language-controller.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { shownText } from './helpers.js';

const label = (element: Element): string => shownText(element);

describe('language of the elements', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = htmlLang;
    resetConfig();
  });

  it('speaks bokmål by default', async () => {
    document.documentElement.removeAttribute('lang');
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button></request-consent-button>`,
    );
    // Chromium in the test runner reports en-US; with no [lang] anywhere, the browser's language decides.
    expect(resolveLang(element)).to.equal(navigator.language.startsWith('en') ? 'en' : 'nb');
    document.documentElement.lang = 'nb';
    await waitUntil(() => label(element) === MESSAGES.nb.consentButtonLabel, 'bokmål');
  });

  it('follows its own lang attribute first', async () => {
    document.documentElement.lang = 'nb';
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button lang="en"></request-consent-button>`,
    );
    expect(label(element)).to.equal(MESSAGES.en.consentButtonLabel);
    element.lang = 'nn';
    await element.updateComplete;
    expect(label(element)).to.equal(MESSAGES.nn.consentButtonLabel);
    expect(element.getAttribute('lang')).to.equal('nn');
  });

  it('follows the nearest ancestor with lang, across shadow roots', async () => {
    document.documentElement.lang = 'nb';
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <section><request-consent-button></request-consent-button></section>
      </div>`,
    );
    const element = wrapper.querySelector('request-consent-button')!;
    await element.updateComplete;
    expect(label(element)).to.equal(MESSAGES.en.consentButtonLabel);

    const host = await fixture<HTMLDivElement>(html`<div lang="nn"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('request-consent-button');
    root.append(inner);
    await inner.updateComplete;
    expect(label(inner)).to.equal(MESSAGES.nn.consentButtonLabel);
  });

  it('follows <html lang>, and re-renders when it changes', async () => {
    document.documentElement.lang = 'en';
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button></request-consent-button>`,
    );
    expect(label(element)).to.equal(MESSAGES.en.consentButtonLabel);
    document.documentElement.lang = 'nn';
    await waitUntil(
      () => label(element) === MESSAGES.nn.consentButtonLabel,
      're-rendered in nynorsk',
    );
  });

  it('lets configure({ lang }) win over the page, but not over the element itself', async () => {
    document.documentElement.lang = 'nb';
    configure({ lang: 'en-GB' });
    const plain = await fixture<RequestConsentButton>(
      html`<request-consent-button></request-consent-button>`,
    );
    expect(label(plain)).to.equal(MESSAGES.en.consentButtonLabel);
    const own = await fixture<RequestConsentButton>(
      html`<request-consent-button lang="nn"></request-consent-button>`,
    );
    expect(label(own)).to.equal(MESSAGES.nn.consentButtonLabel);
  });

  const tags: [string, keyof typeof MESSAGES][] = [
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['NO-no', 'nb'],
    ['nn-NO', 'nn'],
    ['nn', 'nn'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['de', 'nb'],
    ['sv-SE', 'nb'],
    ['x-klingon', 'nb'],
  ];
  for (const [tag, expected] of tags) {
    it(`reads lang="${tag}" as ${expected}`, async () => {
      const element = await fixture<RequestConsentButton>(
        html`<request-consent-button lang=${tag}></request-consent-button>`,
      );
      expect(label(element)).to.equal(MESSAGES[expected].consentButtonLabel);
    });
  }
});
