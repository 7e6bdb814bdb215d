/**
 * The built CDN file (`npm run build` makes it) in a page of its own, loaded twice as a careless page
 * might, with the old-style IIFE as well: it registers every element, works, and warns once per
 * extra copy instead of throwing.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

interface Recorded {
  warnings: string[];
  errors: string[];
}

type CdnWindow = Window & {
  recorded: Recorded;
  AltinnRequestElements?: { configure?: unknown; RequestConsentButton?: unknown };
};

describe('the CDN file', () => {
  it('works when loaded twice, next to the IIFE, with one warning per extra copy', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'page with the CDN file';
    frame.src = '/test/fixtures/cdn-twice.html';
    document.body.append(frame);
    try {
      await waitUntil(
        () => (frame.contentWindow as CdnWindow | null)?.AltinnRequestElements !== undefined,
        'both copies and the IIFE ran',
        { timeout: 10_000 },
      );
      const page = frame.contentWindow as CdnWindow;
      const button = frame.contentDocument!.querySelector('request-consent-button')!;
      await waitUntil(() => button.shadowRoot?.querySelector('button'), 'the button rendered');
      for (const tag of [
        'request-consent-button',
        'consent-status',
        'request-access-button',
        'access-request-status',
      ]) {
        expect(page.customElements.get(tag), tag).to.be.a('function');
      }
      expect(button.shadowRoot!.querySelector('button')!.textContent).to.contain('Gi samtykke');
      expect(page.recorded.errors).to.deep.equal([]);
      expect(page.recorded.warnings).to.have.length(2);
      for (const warning of page.recorded.warnings) expect(warning).to.contain('already defined');
      // The IIFE's API is there for old-style pages, whichever copy's elements won.
      expect(page.AltinnRequestElements?.configure).to.be.a('function');
    } finally {
      frame.remove();
    }
  });
});
