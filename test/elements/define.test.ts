import { expect } from '@open-wc/testing';
import { ConsentStatus, RequestConsentButton } from '../../src/index.js';
import { defineElement } from '../../src/elements/shared/define.js';

describe('guarded define', () => {
  it('registers both elements on import', () => {
    expect(customElements.get('request-consent-button')).to.equal(RequestConsentButton);
    expect(customElements.get('consent-status')).to.equal(ConsentStatus);
  });

  it('warns, not throws, when a second copy defines a tag again', () => {
    const warnings: string[] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(() =>
        defineElement('request-consent-button', class extends HTMLElement {}),
      ).not.to.throw();
      expect(() => defineElement('request-consent-button', RequestConsentButton)).not.to.throw();
    } finally {
      console.warn = originalWarn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<request-consent-button> is already defined');
    expect(customElements.get('request-consent-button')).to.equal(RequestConsentButton);
  });
});
