/**
 * What the elements refuse to believe: an answer about another request than the one asked for, a
 * request that never left for Altinn, and poll intervals shorter than the documented floor. Each
 * case runs against every element it concerns.
 */
import { aTimeout, expect, fixture } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import {
  resetConfig,
  type AccessRequestStatus,
  type AltinnRequestErrorEvent,
  type AltinnStatusChangeEvent,
  type ConsentStatus,
  type RequestKind,
} from '../../src/index.js';
import { recallPendingRequest } from '../../src/core/pending-request.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import {
  ACCESS_REQUEST_ID,
  CONSENT_ID,
  OTHER_REQUEST_ID,
  altinn3AccessView,
  consentView,
} from '../support/fixtures.js';
import { innerButton, recordFetchTimes, recordNavigation, setPageUrl } from './helpers.js';

interface StatusCase {
  tag: 'consent-status' | 'access-request-status';
  kind: RequestKind;
  id: string;
  collection: string;
}

const STATUS_ELEMENTS: StatusCase[] = [
  { tag: 'consent-status', kind: 'consent', id: CONSENT_ID, collection: '/consent-requests' },
  {
    tag: 'access-request-status',
    kind: 'access',
    id: ACCESS_REQUEST_ID,
    collection: '/access-requests',
  },
];

async function statusElement(
  tag: StatusCase['tag'],
  endpoint: string,
  id: string,
): Promise<ConsentStatus | AccessRequestStatus> {
  const name = unsafeStatic(tag);
  return fixture<ConsentStatus | AccessRequestStatus>(
    staticHtml`<${name} endpoint=${endpoint} request-id=${id} poll-interval="250" max-poll-interval="250"></${name}>`,
  );
}

describe('status elements believe only an answer about the request they asked for', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });
  afterEach(() => resetConfig());

  for (const { tag, kind, id, collection } of STATUS_ELEMENTS) {
    const otherKind = kind === 'consent' ? 'access' : 'consent';
    const wrongAnswers: [string, Record<string, unknown>][] = [
      ['another id', { kind, id: OTHER_REQUEST_ID, status: 'accepted' }],
      ['another kind', { kind: otherKind, id, status: 'accepted' }],
      ['no kind', { id, status: 'accepted' }],
    ];
    for (const [name, body] of wrongAnswers) {
      it(`<${tag}> given a view with ${name}: an invalid-response error, no status, no event`, async () => {
        const backend = await fakeBackend([{ method: 'GET', path: `${collection}/*`, body }]);
        const changes: AltinnStatusChangeEvent[] = [];
        const errors: AltinnRequestErrorEvent[] = [];
        document.addEventListener('altinn-status-change', (event) => changes.push(event));
        const onError = (event: AltinnRequestErrorEvent): number => errors.push(event);
        document.addEventListener('altinn-request-error', onError);
        try {
          const element = await statusElement(tag, backend.endpoint, id);
          await waitUntil(() => errors.length > 0, 'an error', { timeout: 10_000 });
          await element.updateComplete;
          expect(errors[0]?.detail.code).to.equal('invalid-response');
          expect(element.status).to.equal(undefined);
          expect(element.hasAttribute('status')).to.equal(false);
          expect(changes).to.deep.equal([]);
          expect(element.matches(':state(error)')).to.equal(true);
          if (tag === 'access-request-status') {
            // Polling goes on: a wrong answer is not the end of the request.
            expect((element as AccessRequestStatus).polling).to.equal(true);
          }
        } finally {
          document.removeEventListener('altinn-request-error', onError);
        }
      });
    }
  }
});

interface ButtonCase {
  tag: 'request-consent-button' | 'request-access-button';
  kind: RequestKind;
  created: (url: string) => FakeRoute;
}

const BUTTONS: ButtonCase[] = [
  {
    tag: 'request-consent-button',
    kind: 'consent',
    created: (url) => ({
      method: 'POST',
      path: '/consent-requests',
      status: 201,
      body: consentView({ id: '$id', url }),
    }),
  },
  {
    tag: 'request-access-button',
    kind: 'access',
    created: (url) => ({
      method: 'POST',
      path: '/access-requests',
      status: 201,
      body: altinn3AccessView({ url, navigation: 'redirect' }),
    }),
  },
];

async function button(tag: ButtonCase['tag'], endpoint: string): Promise<HTMLElement> {
  const name = unsafeStatic(tag);
  return fixture<HTMLElement>(
    staticHtml`<${name} endpoint=${endpoint} resource="standard-samtykke-for-dele-data" return-url="https://portal.example/back"></${name}>`,
  );
}

describe('buttons remember a request only once it is on its way', () => {
  let navigation: ReturnType<typeof recordNavigation>;
  beforeEach(() => {
    sessionStorage.clear();
    navigation = recordNavigation();
  });
  afterEach(() => {
    resetConfig();
    setPageUrl('');
  });

  for (const { tag, kind, created } of BUTTONS) {
    it(`<${tag}> keeps nothing after an untrusted-redirect refusal`, async () => {
      const backend = await fakeBackend([created('https://am.ui.tt02.altinn.no.evil.example/x')]);
      const element = await button(tag, backend.endpoint);
      const refused = new Promise<AltinnRequestErrorEvent>((resolve) =>
        element.addEventListener('altinn-request-error', resolve, { once: true }),
      );
      innerButton(element).click();
      expect((await refused).detail.code).to.equal('untrusted-redirect');
      expect(navigation.urls).to.deep.equal([]);
      expect(recallPendingRequest(kind)).to.equal(undefined);
    });

    it(`<${tag}> keeps the request when the portal stops the navigation itself`, async () => {
      const backend = await fakeBackend([
        created('https://am.ui.tt02.altinn.no/accessmanagement/ui/x'),
      ]);
      const element = await button(tag, backend.endpoint);
      element.addEventListener('altinn-request-created', (event) => event.preventDefault());
      innerButton(element).click();
      await waitUntil(() => element.matches(':state(created)'), 'created', { timeout: 10_000 });
      expect(recallPendingRequest(kind)).not.to.equal(undefined);
    });
  }
});

describe('<access-request-status> polls as its documentation says', () => {
  beforeEach(() => {
    sessionStorage.clear();
    recordNavigation();
  });
  afterEach(() => resetConfig());

  it('raises a poll-interval below 250 ms to 250 ms, and says so in the console', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const backend = await fakeBackend([
        {
          method: 'GET',
          path: '/access-requests/*',
          body: altinn3AccessView({ id: '$id', status: 'pending' }),
        },
      ]);
      const name = unsafeStatic('access-request-status');
      const element = await fixture<AccessRequestStatus>(
        staticHtml`<${name} endpoint=${backend.endpoint} request-id=${ACCESS_REQUEST_ID} poll-interval="20" max-poll-interval="20"></${name}>`,
      );
      await waitUntil(() => element.status === 'pending', 'pending', { timeout: 10_000 });
      await aTimeout(600);
      element.remove();
      // About one fetch and two polls; 20 ms would have made dozens.
      expect((await backend.requests()).length).to.be.within(1, 4);
      expect(warnings.filter((text) => text.includes('poll-interval'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('starts the back-off again from poll-interval when the status changes', async () => {
    const fetches = recordFetchTimes();
    const backend = await fakeBackend([
      {
        method: 'GET',
        path: '/access-requests/*',
        body: altinn3AccessView({ id: '$id' }),
        times: 3,
      },
      {
        method: 'GET',
        path: '/access-requests/*',
        body: altinn3AccessView({ id: '$id', status: 'pending' }),
      },
    ]);
    const name = unsafeStatic('access-request-status');
    const element = await fixture<AccessRequestStatus>(
      staticHtml`<${name} endpoint=${backend.endpoint} request-id=${ACCESS_REQUEST_ID} poll-interval="250"></${name}>`,
    );
    try {
      await waitUntil(() => fetches.count >= 5, 'five fetches', { timeout: 15_000 });
    } finally {
      element.remove();
    }
    // Waits of 250, 375 and 562 ms while `created`; after the change to `pending`, 250 ms again.
    const gaps = fetches.waits().slice(0, 4);
    expect(element.status).to.equal('pending');
    expect(gaps[2]!, `gaps ${gaps.map(Math.round).join(', ')}`).to.be.greaterThan(gaps[0]!);
    expect(gaps[3]!, `gaps ${gaps.map(Math.round).join(', ')}`).to.be.below(gaps[2]!);
  });
});
