/**
 * What every request button does, tested once and run against each button (as Lion exports its
 * test suites): one request at a time while busy, nothing while disabled, a retry that reuses the
 * same id, a new id once the backend answered (with `always-new` and reading the earlier
 * requests), a portal that keeps the user on the page, the way back through the back/forward
 * cache, and a label that never goes missing.
 */
import { aTimeout, expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { configure, resetConfig, type RequestKind } from '../../../src/index.js';
import { MESSAGES } from '../../../src/i18n/index.js';
import {
  fakeBackend,
  type FakeBackend,
  type FakeRoute,
  type RecordedRequest,
} from '../../support/fake-backend.js';
import { OTHER_REQUEST_ID } from '../../support/fixtures.js';
import { waitUntil } from '../../support/wait.js';
import {
  innerButton,
  partText,
  recordNavigation,
  setPageUrl,
  shownText,
  textOf,
} from '../helpers.js';

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

    async function element(
      endpoint: string,
      label = 'Be om det',
      mode = 'always-new',
    ): Promise<ButtonElement> {
      const name = unsafeStatic(tag);
      return fixture<ButtonElement>(
        staticHtml`<${name} ${unsafeStatic(mode)} lang="nb" endpoint=${endpoint} return-url="https://portal.example/back" ${unsafeStatic(attributes)}>${label}</${name}>`,
      );
    }

    /** The person's earlier requests: none, then one that ended in a "no". */
    const earlier = (): FakeRoute[] => {
      const { path, body } = created();
      return [
        { method: 'GET', path, body: { items: [] }, times: 1 },
        {
          method: 'GET',
          path,
          body: { items: [{ ...(body as object), id: OTHER_REQUEST_ID, status: 'rejected' }] },
        },
      ];
    };
    const posted = async (backend: FakeBackend): Promise<(string | undefined)[]> =>
      (await backend.requests())
        .filter((request) => request.method === 'POST')
        .map((request) => attemptIdOf(request));
    // With always-new a click asks at once; without, it reads the earlier requests first.
    const MODES = ['always-new', ''];

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

    for (const mode of MODES) {
      it(`retries with the same id after a failure, and the retry goes through (${mode || 'earlier requests'})`, async () => {
        configure({ timeout: 5000 });
        const backend = await fakeBackend([
          ...earlier(),
          created({ status: 503, body: { title: 'Busy', status: 503 }, times: 1 }),
          created(),
        ]);
        const button = await element(backend.endpoint, 'Be om det', mode);
        const failed = new Promise((resolve) =>
          button.addEventListener('altinn-request-error', resolve, { once: true }),
        );
        innerButton(button).click();
        await failed;
        await button.updateComplete;
        expect(button.matches(':state(error)')).to.equal(true);
        expect(partText(button, 'error')).to.equal(MESSAGES.nb.errorServer);
        // It says "try again", and keeps what it does in its accessible name.
        expect(textOf(innerButton(button), { visibleOnly: true })).to.equal(MESSAGES.nb.retry);
        expect(textOf(innerButton(button))).to.equal(`${MESSAGES.nb.retry}: Be om det`);
        innerButton(button).click();
        await waitUntil(() => navigation.urls.length === 1, 'navigated after the retry');
        const [first, second] = await posted(backend);
        expect(first).to.be.a('string');
        expect(second).to.equal(first);
      });

      it(`asks anew under a new id once the backend answered, not for the same request again (${mode || 'earlier requests'})`, async () => {
        const backend = await fakeBackend([...earlier(), created()]);
        const button = await element(backend.endpoint, 'Be om det', mode);
        innerButton(button).click();
        await waitUntil(() => navigation.urls.length === 1, 'navigated');
        // Back from Altinn, where the request ended in a "no", through the back/forward cache.
        window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await button.updateComplete;
        innerButton(button).click();
        await waitUntil(() => navigation.urls.length === 2, 'navigated again');
        const [first, second] = await posted(backend);
        expect(first).to.be.a('string');
        expect(second).to.be.a('string').and.not.equal(first);
      });
    }

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

    it('marks its own text with the language it is in, whatever the page says', async () => {
      const backend = await fakeBackend([]);
      const name = unsafeStatic(tag);
      const wrapper = await fixture<HTMLElement>(
        staticHtml`<div lang="sv"><${name} endpoint=${backend.endpoint} ${unsafeStatic(attributes)}></${name}></div>`,
      );
      const button = wrapper.firstElementChild as ButtonElement;
      await button.updateComplete;
      expect(shownText(button)).to.equal(texts.label);
      for (const part of ['button', 'message', 'error']) {
        const node = button.shadowRoot!.querySelector(`[part~="${part}"]`)!;
        expect(node.getAttribute('lang'), part).to.equal('nb');
      }
    });

    it("lets the page's text spacing (WCAG 1.4.12) reach its label", async () => {
      const backend = await fakeBackend([]);
      const button = await element(backend.endpoint, ' ');
      document.body.style.letterSpacing = '0.12em';
      document.body.style.wordSpacing = '0.16em';
      document.body.style.lineHeight = '1.5';
      try {
        const label = innerButton(button).querySelector('span:not([hidden])')!;
        const style = getComputedStyle(label);
        const fontSize = parseFloat(style.fontSize);
        expect(parseFloat(style.letterSpacing)).to.be.closeTo(0.12 * fontSize, 0.5);
        expect(parseFloat(style.wordSpacing)).to.be.closeTo(0.16 * fontSize, 0.5);
      } finally {
        document.body.style.letterSpacing = '';
        document.body.style.wordSpacing = '';
        document.body.style.lineHeight = '';
      }
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
