/**
 * `<altinn-request-list>` against the fake backend: what a person sees of their requests (newest
 * first across kinds, status in words, dates), paging with each list's cursor, the row actions
 * (continue in Altinn only on the allow-list, withdraw after a confirmation, the consent overview,
 * ask again), open rows refreshed through one lookup per kind, each change announced once, and the
 * empty, error and "no list route" states, each accessible.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/altinn-request-list/altinn-request-list.js';
import {
  ALTINN_CONSENT_OVERVIEW,
  type AltinnRequestAgainEvent,
  type AltinnRequestList,
} from '../../src/elements/altinn-request-list/altinn-request-list.js';
import {
  resetConfig,
  type AltinnRequestErrorEvent,
  type AltinnStatusChangeEvent,
} from '../../src/index.js';
import { MESSAGES } from '../../src/i18n/index.js';
import { REQUEST_LIST_TEXTS } from '../../src/i18n/request-list.js';
import {
  ACCESS_RESOURCE,
  CONSENT_RESOURCE,
  altinn3AccessView,
  consentView,
  consentViewUri,
  problem,
  systemUserView,
  viewList,
  type ViewFixture,
} from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';
import { waitUntil } from '../support/wait.js';
import { shownText } from './helpers.js';

const T = REQUEST_LIST_TEXTS.nb;
const M = MESSAGES.nb;

/** An ISO time `hours` before a fixed morning, so the order of rows is known. */
const at = (hours: number): string => new Date(Date.UTC(2026, 11, 1, 12 - hours)).toISOString();

const consentRow = (id: string, hours: number, extra: Partial<ViewFixture> = {}): ViewFixture =>
  consentView({
    id,
    createdAt: at(hours),
    updatedAt: at(hours),
    subject: { resource: CONSENT_RESOURCE, rights: [{ resource: CONSENT_RESOURCE }] },
    ...extra,
  });
const accessRow = (id: string, hours: number, extra: Partial<ViewFixture> = {}): ViewFixture =>
  altinn3AccessView({
    id,
    createdAt: at(hours),
    updatedAt: at(hours),
    subject: { resource: ACCESS_RESOURCE, org: '991825827' },
    ...extra,
  });

const list = (kind: string, items: ViewFixture[], next?: string, extra: Partial<FakeRoute> = {}) =>
  ({
    method: 'GET',
    path: `/${kind}-requests`,
    body: viewList(items, next),
    ...extra,
  }) satisfies FakeRoute;

const id = (n: number): string => `0198a2b4-5c3d-7e8f-9a0b-00000000000${n}`;

async function listElement(endpoint: string, attributes = ''): Promise<AltinnRequestList> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `<altinn-request-list lang="nb" endpoint="${endpoint}" ${attributes}></altinn-request-list>`;
  const element = holder.firstElementChild as AltinnRequestList;
  await element.updateComplete;
  await waitUntil(() => !element.matches(':state(loading)'), 'the list was read');
  await element.updateComplete;
  return element;
}

const rows = (element: AltinnRequestList): HTMLLIElement[] => [
  ...(element.shadowRoot?.querySelectorAll<HTMLLIElement>('li[part~="row"]') ?? []),
];
const rowText = (row: Element): string => (row.textContent ?? '').replace(/\s+/g, ' ').trim();
const inRow = <E extends Element>(row: Element, part: string): E | null =>
  row.querySelector<E>(`[part~="${part}"]`);
const focused = (element: AltinnRequestList): Element | null =>
  element.shadowRoot?.activeElement ?? null;
const announced = (element: AltinnRequestList): string =>
  element.shadowRoot?.querySelector('p.visually-hidden[role="status"]')?.textContent?.trim() ?? '';

/** Every `console.error` line while `body` runs. */
async function consoleErrors(body: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    await body();
  } finally {
    console.error = original;
  }
  return lines;
}

describe('<altinn-request-list>', () => {
  afterEach(() => resetConfig());

  it('lists every kind newest first, in a real list, with status in words and dates', async () => {
    const backend = await fakeBackend([
      list('consent', [
        consentRow(id(1), 1, { status: 'accepted', validTo: '2027-03-01T12:00:00Z' }),
        consentRow(id(3), 5, { status: 'rejected', updatedAt: at(4) }),
      ]),
      list('access', [accessRow(id(2), 2, { status: 'pending' })]),
      list('system-user', [
        systemUserView({ id: id(4), createdAt: at(6), subject: { integration: 'regnskap' } }),
      ]),
    ]);
    const element = await listElement(backend.endpoint);
    const shown = rows(element);
    expect(shown.map((row) => inRow(row, 'status')?.textContent?.trim())).to.deep.equal([
      T.accepted,
      T.pending,
      T.rejected,
      T.created,
    ]);
    const ul = element.shadowRoot?.querySelector('ul');
    expect(ul?.getAttribute('aria-label')).to.equal(T.label);
    expect(shown.every((row) => row.parentElement === ul)).to.equal(true);
    expect(rowText(shown[0]!)).to.contain(`${T.consent}: ${CONSENT_RESOURCE}`);
    expect(rowText(shown[0]!)).to.contain(`${T.asked} 1. desember 2026`);
    expect(rowText(shown[0]!)).to.contain(`${T.validTo} 1. mars 2027`);
    expect(rowText(shown[1]!)).to.contain(`${T.access}: ${ACCESS_RESOURCE}`);
    expect(rowText(shown[1]!)).not.to.contain(T.answered);
    expect(rowText(shown[2]!)).to.contain(T.answered);
    expect(rowText(shown[3]!)).to.contain(`${T['system-user']}: regnskap`);
    expect(element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang')).to.equal(
      'nb',
    );
    const queries = (await backend.requests()).map((request) => request.query);
    expect(queries).to.deep.equal([
      'state=all&limit=10',
      'state=all&limit=10',
      'state=all&limit=10',
    ]);
    await expect(element).to.be.accessible();
  });

  it('reads only the kinds and the state asked for', async () => {
    const backend = await fakeBackend([list('access', [accessRow(id(2), 2)])]);
    const element = await listElement(
      backend.endpoint,
      'kinds="access" state="open" page-size="5"',
    );
    expect(rows(element)).to.have.length(1);
    const requests = await backend.requests();
    expect(requests.map(({ path, query }) => `${path}?${query}`)).to.deep.equal([
      '/access-requests?state=open&limit=5',
    ]);
  });

  it('pages with each list’s cursor ("Vis flere"), never showing an older row before a newer one', async () => {
    const backend = await fakeBackend([
      list('consent', [consentRow(id(1), 1), consentRow(id(2), 3)], 'consent-page-2', {
        times: 1,
      }),
      list('consent', [consentRow(id(4), 5)]),
      list('access', [accessRow(id(3), 4), accessRow(id(5), 6)]),
    ]);
    const element = await listElement(backend.endpoint, 'page-size="2"');
    // The access rows are older than the consent list's last row read: the consent list's next
    // page may hold rows between them, so they wait.
    expect(element.requests.map((view) => view.id)).to.deep.equal([id(1), id(2)]);
    const more = element.shadowRoot?.querySelector<HTMLButtonElement>('[part~="more-button"]');
    expect(more?.textContent?.trim()).to.equal(T.more);
    await expect(element).to.be.accessible();
    more?.focus();
    more?.click();
    await waitUntil(() => element.requests.length === 5, 'the next page was read');
    await element.updateComplete;
    expect(element.requests.map((view) => view.id)).to.deep.equal([
      id(1),
      id(2),
      id(3),
      id(4),
      id(5),
    ]);
    const consentQueries = (await backend.requests())
      .filter((request) => request.path === '/consent-requests')
      .map((request) => request.query);
    expect(consentQueries).to.deep.equal([
      'state=all&limit=2',
      'state=all&limit=2&cursor=consent-page-2',
    ]);
    expect(element.shadowRoot?.querySelector('[part~="more-button"]')).to.equal(null);
    // The button went with the last page: focus is on the first row it brought, not lost.
    expect(focused(element)).to.equal(inRow(rows(element)[2]!, 'status'));
  });

  it('continues a created request in Altinn through the allow-list, in a new tab when Altinn 3 asks for it', async () => {
    const backend = await fakeBackend([
      list('consent', [consentRow(id(1), 1)]),
      list('access', [accessRow(id(2), 2)]),
    ]);
    const element = await listElement(backend.endpoint);
    const [consent, access] = rows(element);
    const consentLink = inRow<HTMLAnchorElement>(consent!, 'link');
    expect(consentLink?.href).to.equal(consentViewUri(id(1)));
    expect(consentLink?.target).to.equal('');
    expect(consentLink?.textContent?.trim()).to.equal(M.continueInAltinn);
    const accessLink = inRow<HTMLAnchorElement>(access!, 'link');
    expect(accessLink?.target).to.equal('_blank');
    expect(accessLink?.rel).to.equal('noopener noreferrer');
    expect(accessLink?.textContent).to.contain(M.opensInNewWindow);
  });

  it('refuses a hostile Altinn URL: no link, and an untrusted-redirect error', async () => {
    const backend = await fakeBackend([
      list('consent', [
        consentRow(id(1), 1, {
          url: 'https://am.ui.altinn.no.evil.example/accessmanagement/ui/consent/request?id=1',
        }),
        consentRow(id(2), 2, { url: 'javascript:alert(1)' }),
      ]),
    ]);
    const errors: string[] = [];
    const onError = (event: AltinnRequestErrorEvent): void => void errors.push(event.detail.code);
    document.addEventListener('altinn-request-error', onError);
    let element: AltinnRequestList;
    try {
      element = await listElement(backend.endpoint, 'kinds="consent"');
    } finally {
      document.removeEventListener('altinn-request-error', onError);
    }
    expect(rows(element)).to.have.length(2);
    expect(element.shadowRoot?.querySelectorAll('a')).to.have.length(0);
    expect(errors).to.deep.equal(['untrusted-redirect', 'untrusted-redirect']);
  });

  it('withdraws an open access request only after a confirmation that can be cancelled', async () => {
    const backend = await fakeBackend([
      list('access', [accessRow(id(2), 2, { status: 'pending' })]),
      {
        method: 'DELETE',
        path: '/access-requests/*',
        body: accessRow('$id', 2, { status: 'withdrawn', updatedAt: at(0) }),
      },
    ]);
    const element = await listElement(backend.endpoint, 'kinds="access"');
    const row = (): HTMLLIElement => rows(element)[0]!;
    inRow<HTMLButtonElement>(row(), 'withdraw-button')?.click();
    await waitUntil(() => inRow(row(), 'confirm-button'), 'the confirmation is shown');
    const group = row().querySelector('[role="group"]');
    expect(group?.textContent).to.contain(T.confirm);
    expect(focused(element)).to.equal(inRow(row(), 'cancel-button'));
    await expect(element).to.be.accessible();

    // Undone: nothing is sent, and focus is back where it was.
    inRow<HTMLButtonElement>(row(), 'cancel-button')?.click();
    await waitUntil(() => inRow(row(), 'withdraw-button'), 'the confirmation is gone');
    expect(focused(element)).to.equal(inRow(row(), 'withdraw-button'));
    expect((await backend.requests()).filter((r) => r.method === 'DELETE')).to.have.length(0);

    inRow<HTMLButtonElement>(row(), 'withdraw-button')?.click();
    await waitUntil(() => inRow(row(), 'confirm-button'), 'the confirmation is shown again');
    const changed = oneEvent(element, 'altinn-status-change');
    inRow<HTMLButtonElement>(row(), 'confirm-button')?.click();
    const { detail } = (await changed) as AltinnStatusChangeEvent;
    expect(detail).to.include({
      kind: 'access',
      id: id(2),
      status: 'withdrawn',
      previous: 'pending',
    });
    await element.updateComplete;
    const deletes = (await backend.requests()).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.path)).to.deep.equal([`/access-requests/${id(2)}`]);
    expect(inRow(row(), 'status')?.textContent?.trim()).to.equal(T.withdrawn);
    expect(inRow(row(), 'withdraw-button')).to.equal(null);
    expect(focused(element)).to.equal(inRow(row(), 'status'));
    expect(announced(element)).to.equal(`${ACCESS_RESOURCE}: ${T.withdrawn}`);
    // After a final "no", the person may ask again.
    expect(inRow(row(), 'again-button')?.textContent?.trim()).to.equal(T.again);
    await expect(element).to.be.accessible();
  });

  it('shows the answer when the request was answered before the withdrawal reached Altinn', async () => {
    const backend = await fakeBackend([
      list('access', [accessRow(id(2), 2, { status: 'pending' })]),
      {
        method: 'DELETE',
        path: '/access-requests/*',
        status: 409,
        body: problem(409, 'The request is final', 'It was answered.'),
      },
      {
        method: 'GET',
        path: '/access-requests/*',
        body: accessRow('$id', 2, { status: 'accepted', updatedAt: at(0) }),
      },
    ]);
    // No refresh of its own meanwhile: the answer comes from the read after the 409.
    const element = await listElement(backend.endpoint, 'kinds="access" poll-interval="60000"');
    const row = (): HTMLLIElement => rows(element)[0]!;
    inRow<HTMLButtonElement>(row(), 'withdraw-button')?.click();
    await waitUntil(() => inRow(row(), 'confirm-button'), 'the confirmation is shown');
    const seen: AltinnStatusChangeEvent[] = [];
    element.addEventListener('altinn-status-change', (event) => seen.push(event));
    inRow<HTMLButtonElement>(row(), 'confirm-button')?.click();
    await waitUntil(() => seen.length > 0, 'the change is told');
    expect(seen).to.have.length(1);
    expect(seen[0]?.detail).to.include({
      status: 'accepted',
      previous: 'pending',
    });
    await element.updateComplete;
    expect(inRow(row(), 'status')?.textContent?.trim()).to.equal(T.accepted);
    expect(inRow(row(), 'error')).to.equal(null);
    expect(inRow(row(), 'withdraw-button')).to.equal(null);
    expect(focused(element)).to.equal(inRow(row(), 'status'));
    expect(announced(element)).to.equal(`${ACCESS_RESOURCE}: ${T.accepted}`);
    // Read as Altinn says it now, not as the backend last read it.
    const reads = (await backend.requests()).filter(
      (r) => r.method === 'GET' && r.path !== '/access-requests',
    );
    expect(reads.map((r) => r.query)).to.deep.equal(['refresh=true']);
  });

  it('keeps the request and says so when withdrawing fails', async () => {
    const backend = await fakeBackend([
      list('access', [accessRow(id(2), 2, { status: 'pending' })]),
      {
        method: 'DELETE',
        path: '/access-requests/*',
        status: 503,
        body: problem(503, 'Unavailable', 'Altinn did not answer.'),
      },
    ]);
    const element = await listElement(backend.endpoint, 'kinds="access"');
    const row = (): HTMLLIElement => rows(element)[0]!;
    inRow<HTMLButtonElement>(row(), 'withdraw-button')?.click();
    await waitUntil(() => inRow(row(), 'confirm-button'), 'the confirmation is shown');
    const failed = oneEvent(element, 'altinn-request-error');
    inRow<HTMLButtonElement>(row(), 'confirm-button')?.click();
    expect(((await failed) as AltinnRequestErrorEvent).detail).to.include({
      kind: 'access',
      code: 'http-5xx',
    });
    await waitUntil(() => inRow(row(), 'error'), 'the failure is shown');
    expect(inRow(row(), 'error')?.textContent?.trim()).to.equal(M.errorServer);
    expect(inRow(row(), 'status')?.textContent?.trim()).to.equal(T.pending);
    expect(focused(element)).to.equal(inRow(row(), 'withdraw-button'));
    await expect(element).to.be.accessible();
  });

  it('offers no withdrawal for a consent, and links a granted consent to Altinn’s overview', async () => {
    const backend = await fakeBackend([
      list('consent', [
        consentRow(id(1), 1, { status: 'accepted' }),
        consentRow(id(2), 2, { status: 'pending' }),
      ]),
    ]);
    const element = await listElement(backend.endpoint, 'kinds="consent"');
    const [accepted, pending] = rows(element);
    const overview = inRow<HTMLAnchorElement>(accepted!, 'link');
    expect(overview?.href).to.equal(ALTINN_CONSENT_OVERVIEW);
    expect(overview?.textContent?.trim()).to.equal(T.manage);
    expect(pending!.querySelector('button')).to.equal(null);

    // An overview URL off the allow-list is never linked.
    element.consentOverviewUrl = 'https://evil.example/consents';
    await element.updateComplete;
    expect(inRow(rows(element)[0]!, 'link')).to.equal(null);
  });

  it('asks again after a final "no": an event, or the portal’s request-url', async () => {
    const rejected = consentRow(id(1), 1, { status: 'rejected' });
    const backend = await fakeBackend([list('consent', [rejected])]);
    const element = await listElement(backend.endpoint, 'kinds="consent"');
    const again = oneEvent(element, 'altinn-request-again');
    inRow<HTMLButtonElement>(rows(element)[0]!, 'again-button')?.click();
    const { detail } = (await again) as AltinnRequestAgainEvent;
    expect(detail.kind).to.equal('consent');
    expect(detail.id).to.equal(id(1));
    expect(detail.request.subject).to.deep.include({ resource: CONSENT_RESOURCE });

    element.requestUrl = '/samtykke?igjen=1';
    await element.updateComplete;
    const link = inRow<HTMLAnchorElement>(rows(element)[0]!, 'link');
    expect(link?.href).to.equal(new URL('/samtykke?igjen=1', location.href).href);
    // The portal may take over: preventDefault() on the event stops the navigation.
    element.addEventListener('altinn-request-again', (event) => event.preventDefault(), {
      once: true,
    });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link?.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);

    // Not a script URL.
    element.requestUrl = 'javascript:alert(1)';
    await element.updateComplete;
    expect(inRow(rows(element)[0]!, 'link')).to.equal(null);
    expect(inRow(rows(element)[0]!, 'again-button')).not.to.equal(null);
  });

  it('refreshes open rows one by one from a backend without the lookup route', async () => {
    const backend = await fakeBackend([
      list('access', [accessRow(id(2), 2), accessRow(id(3), 3, { status: 'pending' })]),
      { method: 'POST', path: '/access-requests/lookup', status: 404, body: { status: 404 } },
      ...[2, 3].map((n) => ({
        method: 'GET',
        path: `/access-requests/${id(n)}`,
        body: accessRow(id(n), n, { status: 'accepted' }),
      })),
    ]);
    const element = await listElement(backend.endpoint, 'kinds="access" poll-interval="250"');
    const errors: unknown[] = [];
    element.addEventListener('altinn-request-error', (event) => errors.push(event));
    await waitUntil(
      () => element.requests.every((view) => view.status === 'accepted'),
      'both rows read again',
    );
    await waitUntil(() => !element.polling, 'nothing open, no more polling');
    expect(errors).to.deep.equal([]);
    const gets = (await backend.requests()).filter(
      (r) => r.method === 'GET' && r.path !== '/access-requests',
    );
    expect(gets.map((r) => r.path).sort()).to.deep.equal([
      `/access-requests/${id(2)}`,
      `/access-requests/${id(3)}`,
    ]);
  });

  it('refreshes open rows with one lookup per kind, fires one event per change and announces it once', async () => {
    const backend = await fakeBackend([
      list('consent', [consentRow(id(1), 1), consentRow(id(5), 5, { status: 'accepted' })]),
      list('access', [accessRow(id(2), 2), accessRow(id(3), 3, { status: 'pending' })]),
      {
        method: 'POST',
        path: '/consent-requests/lookup',
        eachId: true,
        body: consentRow('$id', 1, { status: 'accepted' }),
        times: 1,
      },
      {
        method: 'POST',
        path: '/access-requests/lookup',
        eachId: true,
        body: accessRow('$id', 2, { status: 'accepted' }),
        times: 1,
      },
    ]);
    const changes: AltinnStatusChangeEvent['detail'][] = [];
    const holder = document.createElement('div');
    holder.addEventListener('altinn-status-change', (event) => changes.push(event.detail));
    document.body.append(holder);
    try {
      holder.innerHTML = `<altinn-request-list lang="nb" endpoint="${backend.endpoint}" kinds="consent access" poll-interval="250"></altinn-request-list>`;
      const element = holder.firstElementChild as AltinnRequestList;
      await waitUntil(() => changes.length === 3, 'three rows changed');
      await element.updateComplete;
      const lookups = (await backend.requests())
        .filter((r) => r.path.endsWith('/lookup'))
        .sort((a, b) => b.path.localeCompare(a.path));
      expect(lookups.map((r) => [r.path, r.body])).to.deep.equal([
        ['/consent-requests/lookup', { ids: [id(1)] }],
        ['/access-requests/lookup', { ids: [id(2), id(3)] }],
      ]);
      expect(
        changes.map(({ id: changed, previous, status }) => [changed, previous, status]),
      ).to.deep.equal([
        [id(1), 'created', 'accepted'],
        [id(2), 'created', 'accepted'],
        [id(3), 'pending', 'accepted'],
      ]);
      expect(announced(element)).to.equal(
        [
          `${CONSENT_RESOURCE}: ${T.accepted}`,
          `${ACCESS_RESOURCE}: ${T.accepted}`,
          `${ACCESS_RESOURCE}: ${T.accepted}`,
        ].join(' '),
      );
      // Nothing open any more: polling stops, and nothing is announced or fired again.
      await waitUntil(() => !element.polling, 'polling stopped');
      expect(changes).to.have.length(3);
      await expect(element).to.be.accessible();
    } finally {
      holder.remove();
    }
  });

  it('says when there is nothing to list', async () => {
    const backend = await fakeBackend([list('consent', []), list('access', [])]);
    const element = await listElement(backend.endpoint, 'kinds="consent access"');
    expect(shownText(element)).to.equal(T.empty);
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(element.shadowRoot?.querySelector('ul')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows a failure with a way to try again', async () => {
    const backend = await fakeBackend([
      list('consent', [], undefined, {
        status: 503,
        body: problem(503, 'Unavailable', 'Try later.'),
        times: 1,
      }),
      list('consent', [consentRow(id(1), 1)]),
    ]);
    const failed = new Promise<AltinnRequestErrorEvent>((resolve) =>
      document.addEventListener('altinn-request-error', resolve, { once: true }),
    );
    const element = await listElement(backend.endpoint, 'kinds="consent"');
    expect((await failed).detail.code).to.equal('http-5xx');
    expect(element.matches(':state(error)')).to.equal(true);
    expect(shownText(element)).to.contain(M.errorServer);
    await expect(element).to.be.accessible();
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    await waitUntil(() => rows(element).length === 1, 'read again');
    // The button went with the failure: focus is on what came instead, not lost.
    await waitUntil(() => focused(element) === inRow(rows(element)[0]!, 'status'), 'focus moved');
  });

  it('offers no "Prøv igjen" where trying again cannot help (the person is not signed in)', async () => {
    const backend = await fakeBackend([
      list('consent', [], undefined, {
        status: 401,
        body: problem(401, 'Unauthorized', 'Sign in.'),
      }),
    ]);
    const element = await listElement(backend.endpoint, 'kinds="consent"');
    await waitUntil(() => element.matches(':state(error)'), 'the failure shown');
    expect(shownText(element)).to.contain(M.errorUnauthorized);
    expect(element.shadowRoot?.querySelector('[part~="retry-button"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('tells the developer when the backend has no list route, and the person that the overview is not available', async () => {
    const backend = await fakeBackend([]);
    let element!: AltinnRequestList;
    const errors = await consoleErrors(async () => {
      element = await listElement(backend.endpoint);
    });
    expect(shownText(element)).to.equal(T.noList);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<altinn-request-list>');
    expect(errors[0]).to.contain('no list route');
    await expect(element).to.be.accessible();
  });

  it('leaves out, silently, a kind the backend does not have', async () => {
    const backend = await fakeBackend([list('consent', [consentRow(id(1), 1)])]);
    let element!: AltinnRequestList;
    const errors = await consoleErrors(async () => {
      element = await listElement(backend.endpoint);
    });
    expect(rows(element)).to.have.length(1);
    expect(errors).to.deep.equal([]);
  });

  for (const lang of ['nn', 'en'] as const) {
    it(`speaks ${lang}`, async () => {
      const backend = await fakeBackend([list('access', [accessRow(id(2), 2)])]);
      const element = await listElement(backend.endpoint, 'kinds="access"');
      element.lang = lang;
      await element.updateComplete;
      const row = rows(element)[0]!;
      expect(rowText(row)).to.contain(REQUEST_LIST_TEXTS[lang].access);
      expect(inRow(row, 'status')?.textContent?.trim()).to.equal(REQUEST_LIST_TEXTS[lang].created);
      expect(inRow(row, 'withdraw-button')?.textContent?.trim()).to.equal(
        REQUEST_LIST_TEXTS[lang].withdraw,
      );
      expect(element.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang')).to.equal(
        lang,
      );
    });
  }
});
