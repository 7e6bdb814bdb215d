/**
 * What every request button does, tested once and run against each button (as Lion exports its
 * test suites): one request at a time while busy, nothing while disabled, a retry that reuses the
 * same id, a portal that keeps the user on the page, the way back through the back/forward cache,
 * and a label that never goes missing.
 */
import { aTimeout, expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { configure, resetConfig, type RequestKind } from '../../../src/index.js';
import { MESSAGES } from '../../../src/i18n/index.js';
import { fakeBackend, type FakeRoute, type RecordedRequest } from '../../support/fake-backend.js';
import { waitUntil } from '../../support/wait.js';
import { innerButton, partText, recordNavigation, setPageUrl, shownText } from '../helpers.js';

/** What the suite needs to know about one button. */
export interface RequestButtonCase {
  tag: 'request-consent-button' | 'request-access-button' | 'request-system-user-button';
  kind: RequestKind;
  /** Attributes that make a valid request (what is asked for). */
  attributes: string;
  /** `POST …` answered with a view that waits for the user in this tab. */
  created: (extra?: Partial<FakeRoute>) => FakeRoute;
  /** The id a retry must repeat: the consent id in the body, or the Idempotency-Key. */
  attemptIdOf: (request: RecordedRequest) => string | undefined;
  /** The button's texts in bokmål. */
  texts: { label: string; busy: string; created: string };
}

type ButtonElement = HTMLElement & {
  disabled: boolean;
  submit(): Promise<void>;
  updateComplete: Promise<boolean>;
};

export function requestButtonSuite(button: RequestButtonCase): void {
  const { tag, kind, attributes, created, attemptIdOf, texts } = button;

  describe(`<${tag}> as every request button`, () => {
    let navigation: ReturnType<typeof recordNavigation>;
    beforeEach(() => {
      sessionStorage.clear();
      navigation = recordNavigation();
    });
    afterEach(() => {
      resetConfig();
      setPageUrl('');
    });

    async function element(endpoint: string, label = 'Be om det'): Promise<ButtonElement> {
      const name = unsafeStatic(tag);
      return fixture<ButtonElement>(
        staticHtml`<${name} always-new lang="nb" endpoint=${endpoint} return-url="https://portal.example/back" ${unsafeStatic(attributes)}>${label}</${name}>`,
      );
    }

    it('is busy while it asks, ignoring further clicks, and sends one request', async () => {
      const backend = await fakeBackend([created({ delayMs: 400 })]);
      const button = await element(backend.endpoint);
      const inner = innerButton(button);
      for (let click = 0; click < 5; click += 1) inner.click();
      await button.updateComplete;
      expect(inner.getAttribute('aria-busy')).to.equal('true');
      expect(inner.getAttribute('aria-disabled')).to.equal('true');
      expect(button.matches(':state(busy)')).to.equal(true);
      expect(partText(button, 'message')).to.equal(texts.busy);
      await waitUntil(() => navigation.urls.length === 1, 'navigated');
      // The axe check after the request, so its time does not race the busy state.
      await expect(button).to.be.accessible();
      inner.click();
      await aTimeout(50);
      expect((await backend.requests()).length).to.equal(1);
      expect(navigation.urls.length).to.equal(1);
    });

    it('does nothing while disabled', async () => {
      const backend = await fakeBackend([created()]);
      const button = await element(backend.endpoint);
      button.disabled = true;
      await button.updateComplete;
      expect(innerButton(button).disabled).to.equal(true);
      innerButton(button).click();
      await button.submit();
      await aTimeout(50);
      expect(await backend.requests()).to.deep.equal([]);
      expect(navigation.urls).to.deep.equal([]);
      await expect(button).to.be.accessible();
    });

    it('retries with the same id after a failure, and the retry goes through', async () => {
      configure({ timeout: 5000 });
      const backend = await fakeBackend([
        created({ status: 503, body: { title: 'Busy', status: 503 }, times: 1 }),
        created(),
      ]);
      const button = await element(backend.endpoint);
      const failed = new Promise((resolve) =>
        button.addEventListener('altinn-request-error', resolve, { once: true }),
      );
      innerButton(button).click();
      await failed;
      await button.updateComplete;
      expect(button.matches(':state(error)')).to.equal(true);
      expect(partText(button, 'error')).to.equal(MESSAGES.nb.errorServer);
      expect(innerButton(button).textContent?.trim()).to.equal(MESSAGES.nb.retry);
      innerButton(button).click();
      await waitUntil(() => navigation.urls.length === 1, 'navigated after the retry');
      const [first, second] = await backend.requests();
      expect(attemptIdOf(first!)).to.be.a('string');
      expect(attemptIdOf(second!)).to.equal(attemptIdOf(first!));
    });

    it('stays on the page when altinn-request-created is cancelled, and keeps the request', async () => {
      const backend = await fakeBackend([created()]);
      const button = await element(backend.endpoint);
      button.addEventListener('altinn-request-created', (event) => event.preventDefault());
      innerButton(button).click();
      await waitUntil(() => button.matches(':state(created)'), 'created');
      expect(navigation.urls).to.deep.equal([]);
      expect(partText(button, 'message')).to.equal(texts.created);
      expect(sessionStorage.getItem(`altinn-request-elements:pending:${kind}`)).to.be.a('string');
      await expect(button).to.be.accessible();
    });

    it('is ready again when the user comes back through the back/forward cache', async () => {
      const backend = await fakeBackend([created()]);
      const button = await element(backend.endpoint);
      innerButton(button).click();
      await waitUntil(() => button.matches(':state(navigating)'), 'navigating');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await button.updateComplete;
      expect(button.matches(':state(navigating)')).to.equal(false);
      expect(innerButton(button).hasAttribute('aria-disabled')).to.equal(false);
    });

    it('shows its default label when the slot holds only white space', async () => {
      const backend = await fakeBackend([]);
      const button = await element(backend.endpoint, ' ');
      await button.updateComplete;
      expect(shownText(button)).to.equal(texts.label);
      await expect(button).to.be.accessible();
    });
  });
}
