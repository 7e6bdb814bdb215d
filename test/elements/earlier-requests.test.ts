/**
 * The buttons and an earlier request (the contract's "The buttons and an earlier request"): before
 * asking anew, a button asks the backend's list for the person's latest request about the same
 * thing. Run against each button.
 */
import { expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { resetConfig, type RequestKind } from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import {
  OTHER_REQUEST_ID,
  altinn2AccessView,
  consentView,
  daysFromNow,
} from '../support/fixtures.js';
import { innerButton, partText, recordNavigation } from './helpers.js';

interface Case {
  tag: 'request-consent-button' | 'request-access-button';
  kind: RequestKind;
  collection: string;
  /** A view of this kind, sent back to the portal (so a continued request navigates this tab). */
  view: (overrides: Record<string, unknown>) => Record<string, unknown>;
  attributes: string;
  query: string;
}

const CASES: Case[] = [
  {
    tag: 'request-consent-button',
    kind: 'consent',
    collection: '/consent-requests',
    view: (overrides) => ({ ...consentView(), ...overrides }),
    attributes: 'resource="standard-samtykke-for-dele-data"',
    query: 'resource=standard-samtykke-for-dele-data&state=all&limit=1',
  },
  {
    tag: 'request-access-button',
    kind: 'access',
    collection: '/access-requests',
    view: (overrides) => ({ ...altinn2AccessView(), ...overrides }),
    attributes: 'resource="lonnsmodul-tilgang" org="991825827"',
    query: 'resource=lonnsmodul-tilgang&org=991825827&state=all&limit=1',
  },
];

for (const { tag, kind, collection, view, attributes, query } of CASES) {
  describe(`<${tag}> and the person's earlier request`, () => {
    let navigation: ReturnType<typeof recordNavigation>;
    beforeEach(() => {
      sessionStorage.clear();
      navigation = recordNavigation();
    });
    afterEach(() => resetConfig());

    const created: FakeRoute = {
      method: 'POST',
      path: collection,
      status: 201,
      body: view({ id: '$id', status: 'created' }),
    };
    const listing = (items: unknown[]): FakeRoute => ({
      method: 'GET',
      path: collection,
      body: { items },
    });

    async function button(endpoint: string, extra = ''): Promise<HTMLElement> {
      const name = unsafeStatic(tag);
      return fixture<HTMLElement>(
        staticHtml`<${name} endpoint=${endpoint} lang="nb" return-url="https://portal.example/back" ${unsafeStatic(`${attributes} ${extra}`)}></${name}>`,
      );
    }

    it('continues a request still waiting in Altinn, without asking anew', async () => {
      const earlier = view({ id: OTHER_REQUEST_ID, status: 'created' });
      const backend = await fakeBackend([listing([earlier]), created]);
      const element = await button(backend.endpoint);
      innerButton(element).click();
      await waitUntil(() => navigation.urls.length === 1, 'navigated', { timeout: 10_000 });
      expect(navigation.urls).to.deep.equal([earlier.url]);
      const requests = await backend.requests();
      expect(requests.map((request) => request.method)).to.deep.equal(['GET']);
      expect(requests[0]?.query).to.equal(query);
    });

    for (const [status, text] of [
      ['pending', kind === 'consent' ? 'consentButtonAnswered' : 'accessButtonAnswered'],
      ['accepted', kind === 'consent' ? 'consentButtonGranted' : 'accessButtonGranted'],
    ] as const) {
      it(`says so for a request that is ${status}, without asking anew`, async () => {
        const backend = await fakeBackend([
          listing([view({ id: OTHER_REQUEST_ID, status, validTo: daysFromNow(30) })]),
          created,
        ]);
        const element = await button(backend.endpoint);
        innerButton(element).click();
        await waitUntil(() => element.matches(':state(created)'), 'answered', {
          timeout: 10_000,
        });
        expect(partText(element, 'message')).to.equal(MESSAGES.nb[text]);
        expect((await backend.requests()).map((request) => request.method)).to.deep.equal(['GET']);
        expect(navigation.urls).to.deep.equal([]);
        await expect(element).to.be.accessible();
      });
    }

    const anew: [string, unknown[] | 'fails'][] = [
      ['after a final "no"', [view({ id: OTHER_REQUEST_ID, status: 'rejected' })]],
      [
        'when the granted one is past its validity',
        [view({ id: OTHER_REQUEST_ID, status: 'accepted', validTo: daysFromNow(-1) })],
      ],
      ['when there is none', []],
      ['when the list cannot be read', 'fails'],
    ];
    for (const [name, items] of anew) {
      it(`asks anew ${name}`, async () => {
        const backend = await fakeBackend([
          items === 'fails'
            ? { method: 'GET', path: collection, status: 503, body: { title: 'Busy' } }
            : listing(items),
          created,
        ]);
        const element = await button(backend.endpoint);
        innerButton(element).click();
        await waitUntil(() => navigation.urls.length === 1, 'navigated', { timeout: 10_000 });
        expect((await backend.requests()).map((request) => request.method)).to.deep.equal([
          'GET',
          'POST',
        ]);
      });
    }

    if (kind === 'consent') {
      it('asks anew without reading the list for a right with metadata', async () => {
        const backend = await fakeBackend([
          listing([view({ id: OTHER_REQUEST_ID, status: 'accepted' })]),
          created,
        ]);
        const element = await button(backend.endpoint, `metadata='{"inntektsaar":"2024"}'`);
        innerButton(element).click();
        await waitUntil(() => navigation.urls.length === 1, 'navigated', { timeout: 10_000 });
        expect((await backend.requests()).map((request) => request.method)).to.deep.equal(['POST']);
      });
    }

    it('with always-new, asks anew without reading the list', async () => {
      const backend = await fakeBackend([
        listing([view({ id: OTHER_REQUEST_ID, status: 'pending' })]),
        created,
      ]);
      const element = await button(backend.endpoint, 'always-new');
      innerButton(element).click();
      await waitUntil(() => navigation.urls.length === 1, 'navigated', { timeout: 10_000 });
      expect((await backend.requests()).map((request) => request.method)).to.deep.equal(['POST']);
    });
  });
}
