/**
 * What axe does not check on its own: target sizes, forced-colours mode, and reduced motion.
 * (Every state's axe check sits with that state in the element tests.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ConsentStatus, RequestConsentButton } from '../../src/index.js';
import { innerButton } from './helpers.js';

describe('accessibility beyond axe', () => {
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
  });

  it('gives the button a target of at least 44 × 44 px, even with a one-letter label', async () => {
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button style="font-size: 10px">X</request-consent-button>`,
    );
    const box = innerButton(element).getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
  });

  it('draws the button with system colours and a visible border in forced-colours mode', async () => {
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button>Samtykke</request-consent-button>`,
    );
    await emulateMedia({ forcedColors: 'active' });
    const style = getComputedStyle(innerButton(element));
    expect(style.borderTopStyle).to.equal('solid');
    expect(Number.parseFloat(style.borderTopWidth)).to.be.at.least(1);
    expect(style.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    expect(style.borderTopColor).to.equal(style.color);
  });

  it('keeps a visible focus indicator', async () => {
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button>Samtykke</request-consent-button>`,
    );
    element.focus();
    const button = innerButton(element);
    expect(element.shadowRoot?.activeElement).to.equal(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(Number.parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('slows the busy indicator down for users who ask for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const element = await fixture<RequestConsentButton>(
      html`<request-consent-button>Samtykke</request-consent-button>`,
    );
    // The spinner is only rendered while busy; check the rule that applies to it.
    const spinner = document.createElement('span');
    spinner.className = 'spinner';
    element.shadowRoot!.append(spinner);
    expect(Number.parseFloat(getComputedStyle(spinner).animationDuration)).to.be.at.least(2);
    spinner.remove();
  });

  it('marks the status box with a border, not colour alone, in forced-colours mode', async () => {
    const element = await fixture<ConsentStatus>(html`<consent-status></consent-status>`);
    const box = document.createElement('div');
    box.className = 'box accepted';
    element.shadowRoot!.append(box);
    await emulateMedia({ forcedColors: 'active' });
    const style = getComputedStyle(box);
    expect(style.borderInlineStartStyle).to.equal('solid');
    expect(Number.parseFloat(style.borderInlineStartWidth)).to.be.at.least(3);
    box.remove();
  });
});
