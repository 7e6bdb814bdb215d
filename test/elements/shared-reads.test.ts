/**
 * Many status elements on one page: reads are shared (one call per distinct id), batched into
 * `…/lookup` calls, and, without an id, taken from the backend's list of the person's requests.
 * Run against each status element.
 */
import { expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  resetConfig,
  type AccessRequestStatus,
  type AltinnRequestErrorEvent,
  type ConsentStatus,
  type RequestKind,
} from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import { OTHER_REQUEST_ID, altinn3AccessView, consentView } from '../support/fixtures.js';
import { partText, recordNavigation } from './helpers.js';

type StatusElement = ConsentStatus | AccessRequestStatus;

interface Case {
  tag: 'consent-status' | 'access-request-status';
  kind: Exclude<RequestKind, 'system-user'>;
  collection: string;
  view: (overrides: Record<string, unknown>) => Record<string, unknown>;
  /** The attributes that name what the element is about, for the list. */
  subject: string;
  /** The query the list is asked with. */
  query: string;
}

const CASES: Case[] = [
  {
    tag: 'consent-status',
    kind: 'consent',
    collection: '/consent-requests',
    view: (overrides) => ({ ...consentView(), ...overrides }),
    subject: 'resource="standard-samtykke-for-dele-data"',
    query: 'resource=standard-samtykke-for-dele-data&state=all&limit=1',
  },
  {
    tag: 'access-request-status',
    kind: 'access',
    collection: '/access-requests',
    view: (overrides) => ({ ...altinn3AccessView(), ...overrides }),
    subject: 'resource="lonnsmodul-tilgang" org="991825827"',
    query: 'resource=lonnsmodul-tilgang&org=991825827&state=all&limit=1',
  },
];

const ids = (count: number): string[] =>
  Array.from(
    { length: count },
    (_, index) => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
  );

/** A container with one status element per id (the same id may come several times). */
async function page(tag: string, endpoint: string, requestIds: string[]): Promise<StatusElement[]> {
  const name = unsafeStatic(tag);
  const container = await fixture<HTMLElement>(
    staticHtml`<div>${requestIds.map(
      (id) =>
        staticHtml`<${name} endpoint=${endpoint} lang="nb" request-id=${id} poll-interval="60000"></${name}>`,
    )}</div>`,
  );
  return [...container.children] as StatusElement[];
}

const settled = (elements: StatusElement[]): Promise<unknown> =>
  waitUntil(
    () => elements.every((element) => element.status || element.matches(':state(error)')),
    'every element knows its status',
    { timeout: 10_000 },
  );

for (const { tag, kind, collection, view, subject, query } of CASES) {
  const text = (status: 'pending' | 'accepted'): string =>
    MESSAGES.nb[`${kind}${status === 'pending' ? 'Pending' : 'Accepted'}`];

  describe(`<${tag}>: many on one page`, () => {
    beforeEach(() => {
      sessionStorage.clear();
      recordNavigation();
    });
    afterEach(() => resetConfig());

    it('reads an id shown by five elements once', async () => {
      const [id] = ids(1);
      const backend = await fakeBackend([
        { method: 'GET', path: `${collection}/*`, body: view({ id: '$id', status: 'pending' }) },
      ]);
      const elements = await page(tag, backend.endpoint, Array(5).fill(id));
      await settled(elements);
      expect(elements.map((element) => element.status)).to.deep.equal(Array(5).fill('pending'));
      expect((await backend.requests()).map((request) => request.path)).to.deep.equal([
        `${collection}/${id}`,
      ]);
    });

    it('batches distinct ids into one lookup call, each element showing its own', async () => {
      const asked = ids(3);
      const backend = await fakeBackend([
        {
          method: 'POST',
          path: `${collection}/lookup`,
          eachId: true,
          body: view({ id: '$id', status: 'accepted' }),
        },
      ]);
      const elements = await page(tag, backend.endpoint, [...asked, asked[0]!]);
      await settled(elements);
      const requests = await backend.requests();
      expect(requests).to.have.length(1);
      expect(requests[0]?.body).to.deep.equal({ ids: asked });
      expect(elements.map((element) => element.request?.id)).to.deep.equal([...asked, asked[0]]);
      expect(partText(elements[2]!, 'text')).to.contain(text('accepted').slice(0, 10));
    });

    it('says "not found" for an id the lookup leaves out, and shows the others', async () => {
      const asked = ids(2);
      const backend = await fakeBackend([
        {
          method: 'POST',
          path: `${collection}/lookup`,
          eachId: true,
          leaveOut: [asked[1]!],
          body: view({ id: '$id', status: 'pending' }),
        },
      ]);
      const elements = await page(tag, backend.endpoint, asked);
      await settled(elements);
      expect(elements[0]?.status).to.equal('pending');
      expect(elements[1]?.status).to.equal(undefined);
      expect(partText(elements[1]!, 'text')).to.equal(MESSAGES.nb.errorNotFound);
    });

    it('refuses a whole lookup answer that speaks of an id not asked for', async () => {
      const backend = await fakeBackend([
        {
          method: 'POST',
          path: `${collection}/lookup`,
          body: { items: [view({ id: OTHER_REQUEST_ID, status: 'accepted' })] },
        },
      ]);
      const codes: string[] = [];
      const onError = (event: AltinnRequestErrorEvent): number => codes.push(event.detail.code);
      document.addEventListener('altinn-request-error', onError);
      try {
        const elements = await page(tag, backend.endpoint, ids(2));
        await settled(elements);
        expect(elements.map((element) => element.status)).to.deep.equal([undefined, undefined]);
        expect(codes).to.deep.equal(['invalid-response', 'invalid-response']);
      } finally {
        document.removeEventListener('altinn-request-error', onError);
      }
    });

    it('reads id by id from a backend without the lookup route', async () => {
      const asked = ids(3);
      const backend = await fakeBackend([
        { method: 'GET', path: `${collection}/*`, body: view({ id: '$id', status: 'pending' }) },
      ]);
      const elements = await page(tag, backend.endpoint, asked);
      await settled(elements);
      expect(elements.map((element) => element.status)).to.deep.equal(Array(3).fill('pending'));
      const paths = (await backend.requests()).map((request) => request.path);
      expect(paths[0]).to.equal(`${collection}/lookup`);
      expect(paths.slice(1).sort()).to.deep.equal(asked.map((id) => `${collection}/${id}`).sort());
    });
  });

  describe(`<${tag}>: an earlier request, from the backend's list`, () => {
    beforeEach(() => {
      sessionStorage.clear();
      recordNavigation();
    });
    afterEach(() => resetConfig());

    async function withoutId(endpoint: string): Promise<StatusElement> {
      const name = unsafeStatic(tag);
      return fixture<StatusElement>(
        staticHtml`<${name} endpoint=${endpoint} lang="nb" ${unsafeStatic(subject)}></${name}>`,
      );
    }

    it('shows the latest request about its subject, and the day it was made', async () => {
      const [id] = ids(1);
      const backend = await fakeBackend([
        {
          method: 'GET',
          path: collection,
          body: {
            items: [view({ id, status: 'pending', createdAt: '2026-12-01T09:30:00Z' })],
          },
        },
      ]);
      const element = await withoutId(backend.endpoint);
      await settled([element]);
      expect(element.status).to.equal('pending');
      expect(element.request?.id).to.equal(id);
      expect(partText(element, 'text')).to.equal(text('pending'));
      expect(partText(element, 'asked')).to.contain('1. desember 2026');
      const [request] = await backend.requests();
      expect(request?.method).to.equal('GET');
      expect(request?.path).to.equal(collection);
      expect(request?.query).to.equal(query);
      await expect(element).to.be.accessible();
    });

    it('shows nothing, and no error, when the person has asked nothing yet', async () => {
      const backend = await fakeBackend([{ method: 'GET', path: collection, body: { items: [] } }]);
      const element = await withoutId(backend.endpoint);
      await waitUntil(async () => (await backend.requests()).length === 1, 'the list was read');
      await waitUntil(() => !element.matches(':state(loading)'), 'read', { timeout: 10_000 });
      expect(element.status).to.equal(undefined);
      expect(element.matches(':state(error)')).to.equal(false);
      expect(partText(element, 'base')).to.equal('');
    });

    it('shows nothing, and no error, from a backend without the list route', async () => {
      const backend = await fakeBackend([]);
      const element = await withoutId(backend.endpoint);
      await waitUntil(async () => (await backend.requests()).length === 1, 'the list was asked');
      await waitUntil(() => !element.matches(':state(loading)'), 'read', { timeout: 10_000 });
      expect(element.matches(':state(error)')).to.equal(false);
      expect(partText(element, 'base')).to.equal('');
    });

    it('refuses a list item of another kind', async () => {
      const other: FakeRoute['body'] =
        kind === 'consent' ? altinn3AccessView({ status: 'accepted' }) : consentView();
      const backend = await fakeBackend([
        { method: 'GET', path: collection, body: { items: [other] } },
      ]);
      const element = await withoutId(backend.endpoint);
      await settled([element]);
      expect(element.status).to.equal(undefined);
      expect(element.matches(':state(error)')).to.equal(true);
      expect(partText(element, 'text')).to.equal(MESSAGES.nb.errorInvalidResponse);
    });
  });
}

describe('<access-request-status>: many following one request', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });
  afterEach(() => resetConfig());

  it('polls once for the id, however many elements show it', async () => {
    const [id] = ids(1);
    const backend = await fakeBackend([
      {
        method: 'GET',
        path: '/access-requests/*',
        body: altinn3AccessView({ id: '$id', status: 'pending' }),
      },
    ]);
    const name = unsafeStatic('access-request-status');
    const container = await fixture<HTMLElement>(
      staticHtml`<div>${Array.from(
        { length: 5 },
        () =>
          staticHtml`<${name} endpoint=${backend.endpoint} request-id=${id} poll-interval="250" max-poll-interval="250"></${name}>`,
      )}</div>`,
    );
    const elements = [...container.children] as AccessRequestStatus[];
    // The first read and three polls, each shared by the five elements: four calls, where reads of
    // their own would have made five at the first read already (and twenty by now).
    await waitUntil(async () => (await backend.requests()).length >= 4, 'three polls');
    const count = (await backend.requests()).length;
    container.remove();
    expect(elements.every((element) => element.status === 'pending')).to.equal(true);
    expect(count).to.equal(4);
  });
});
